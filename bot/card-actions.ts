import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors';
import { isOwner, type Task } from '../core/model';
import { daysBetween, londonDate } from '../core/plan/london-time';
import type { Clock } from '../core/ports/clock';
import type { AdaptiveCardJson } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import { formValuesFrom, type UpdateFormValues } from '../core/updates/update-form';
import { listMyTasks } from '../core/use-cases/list-my-tasks';
import { StaleFormError, submitUpdate } from '../core/use-cases/submit-update';
import { CardVerb } from './cards/card-verbs';
import { myTasksCard } from './cards/my-tasks-card';
import { noticeCard } from './cards/notice-card';
import { reminderIntro } from './cards/reminder-card';
import { updateFormCard } from './cards/update-form-card';
import { updateReceiptCard } from './cards/update-receipt-card';

export interface CardActionDeps {
  store: PlanStore;
  clock: Clock;
}

/** The authenticated clicker, taken from the activity by the caller. */
export interface Actor {
  aadObjectId: string;
}

/** What an Action.Execute answers: a card replacing the one clicked, or an error that keeps it. */
export type CardActionResult = { card: AdaptiveCardJson } | { error: { status: 400 | 404 | 500; message: string } };

const id = z.string().trim().min(1).max(64);
const openData = z.object({ taskId: id });
const submitData = z.object({ taskId: id, taskVersion: z.string().min(1).max(128), nonce: z.string().min(8).max(128), shownRag: z.string().max(32).optional() });

/** Routes one Action.Execute to its use case and renders the answer. Card data is untrusted. */
export async function handleCardAction(deps: CardActionDeps, actor: Actor, verb: string, rawData: unknown): Promise<CardActionResult> {
  const data = (typeof rawData === 'object' && rawData !== null ? rawData : {}) as Record<string, unknown>;
  switch (verb) {
    case CardVerb.showMyTasks:
      return { card: myTasksCard(await listMyTasks(deps.store, actor.aadObjectId), londonDate(deps.clock.now())) };
    case CardVerb.openUpdateForm: {
      const parsed = openData.safeParse(data);
      if (!parsed.success) return badRequest('This button is missing the task it belongs to.');
      const task = await deps.store.getTask(parsed.data.taskId);
      if (!task) return { card: noticeCard('Task not found', 'This task is no longer in the action plan.', 'error') };
      if (!isOwner(task, actor.aadObjectId)) {
        return { card: noticeCard('Not your task', `Only ${task.owners.map((o) => o.displayName).join(' or ')} can update ${task.ref}.`, 'error') };
      }
      return { card: updateFormCard({ task, nonce: randomUUID(), intro: dueIntro(task, deps.clock) }) };
    }
    case CardVerb.submitUpdate:
      return submit(deps, actor, data);
    default:
      return badRequest('This card action is not recognised. It may come from an older version of the app.');
  }
}

async function submit(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = submitData.safeParse(data);
  if (!parsed.success) return badRequest('This form is missing the task it belongs to. Type "my tasks" to get a fresh one.');
  const { taskId, taskVersion, nonce, shownRag } = parsed.data;
  const values = refillable(formValuesFrom(data));
  try {
    const result = await submitUpdate(deps, { actorAadObjectId: actor.aadObjectId, taskId, taskVersion, idempotencyKey: nonce, values });
    return { card: updateReceiptCard(result.task, result.update, result.outcome === 'already-recorded') };
  } catch (err) {
    if (err instanceof ValidationError) {
      const task = await deps.store.getTask(taskId);
      if (task) return { card: updateFormCard({ task: { ...task, version: taskVersion }, nonce, values, errors: err.fields, intro: dueIntro(task, deps.clock) }) };
      return { card: lostTaskCard(values.progress) };
    }
    if (err instanceof StaleFormError) {
      const by = err.current.latestUpdateBy ? ` by ${err.current.latestUpdateBy.displayName}` : '';
      // An untouched RAG dropdown showed the old RAG: show the current one instead of reverting it.
      const { rag, ...rest } = values;
      return {
        card: updateFormCard({
          task: err.current,
          intro: dueIntro(err.current, deps.clock),
          nonce,
          values: rag !== undefined && rag !== shownRag ? { ...rest, rag } : rest,
          notice: `This task was changed${by} after this form was sent. Nothing was saved yet: check the details above and submit again.`,
        }),
      };
    }
    if (err instanceof ForbiddenError) return { card: noticeCard('Not your task', err.message, 'error') };
    if (err instanceof NotFoundError) return { card: lostTaskCard(values.progress) };
    throw err;
  }
}

/** The deadline line a reminder form starts with, for any form of a task that is due soon or late. */
function dueIntro(task: Task, clock: Clock): string | undefined {
  if (!task.dueDate || task.status !== 'Open') return undefined;
  const days = daysBetween(londonDate(clock.now()), task.dueDate);
  return days <= 14 ? reminderIntro(days) : undefined;
}

/** Blank answers come back empty, so the input shows its placeholder again. */
function refillable(values: UpdateFormValues): UpdateFormValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v?.trim() === '' ? '' : v]));
}

/** The task has gone: say so, and hand the owner's words back so nothing typed is lost. */
function lostTaskCard(progress?: string): AdaptiveCardJson {
  const keep = progress?.trim() ? ` Your update was not saved; here it is so you can keep it: "${progress.trim()}"` : '';
  return noticeCard('Task not found', `This task is no longer in the action plan.${keep}`, 'error');
}

function badRequest(message: string): CardActionResult {
  return { error: { status: 400, message } };
}
