import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApprovalPolicy } from '../core/approvals/approval-policy';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors';
import { ensureChat } from '../core/messaging/ensure-chat';
import { isOwner, type RagApproval, type Task } from '../core/model';
import { daysBetween, formatInstant, londonDate } from '../core/plan/london-time';
import type { Clock } from '../core/ports/clock';
import type { Directory } from '../core/ports/directory';
import type { Logger } from '../core/ports/logger';
import type { AdaptiveCardJson, Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import { formValuesFrom, type UpdateFormValues } from '../core/updates/update-form';
import { announceDecision, announceSuperseded, loadApprovalView, sendApprovalRequest, type ApprovalMessagingDeps } from '../core/use-cases/approval-messages';
import { DECISIONS, decideApproval, NotTheApproverError } from '../core/use-cases/decide-approval';
import { delegateTask } from '../core/use-cases/delegate-task';
import { listMyTasks } from '../core/use-cases/list-my-tasks';
import { StaleFormError, submitUpdate } from '../core/use-cases/submit-update';
import { approvalCard } from './cards/approval-card';
import { approvalCards } from './cards/approval-cards';
import { delegatedToYouCard, pendingApprovalsCard } from './cards/approval-notices';
import { CardVerb } from './cards/card-verbs';
import { delegateCard } from './cards/delegate-card';
import { myTasksCard } from './cards/my-tasks-card';
import { noticeCard } from './cards/notice-card';
import { reminderIntro } from './cards/reminder-card';
import { updateFormCard } from './cards/update-form-card';
import { updateReceiptCard } from './cards/update-receipt-card';

export interface CardActionDeps {
  store: PlanStore;
  clock: Clock;
  messenger: Messenger;
  directory: Directory;
  approvalPolicy: ApprovalPolicy;
  log: Logger;
}

/** The authenticated clicker, taken from the activity by the caller. */
export interface Actor {
  aadObjectId: string;
  /** The message whose card was clicked (the invoke's replyToId): not identity, just where. */
  cardActivityId?: string;
}

/** What an Action.Execute answers: a card replacing the one clicked, or an error that keeps it. */
export type CardActionResult = { card: AdaptiveCardJson } | { error: { status: 400 | 404 | 500; message: string } };

const id = z.string().trim().min(1).max(64);
const openData = z.object({ taskId: id });
const submitData = z.object({ taskId: id, taskVersion: z.string().min(1).max(128), nonce: z.string().min(8).max(128), shownRag: z.string().max(32).optional() });
const decideData = z.object({ approvalId: id, decision: z.enum(DECISIONS), comment: z.string().max(20_000).optional() });
const approvalData = z.object({ approvalId: id });
const delegateData = z.object({ taskId: id, delegateTo: z.string().max(20_000).optional() });

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
    case CardVerb.decideApproval:
      return decide(deps, actor, data);
    case CardVerb.viewApproval: {
      const parsed = approvalData.safeParse(data);
      if (!parsed.success) return badRequest('This button is missing the decision it belongs to.');
      const approval = await deps.store.getApproval(parsed.data.approvalId);
      return approval ? showApproval(deps, approval, { forApprover: approval.approver.aadObjectId === actor.aadObjectId }) : approvalGone();
    }
    case CardVerb.showPendingApprovals:
      return { card: await pendingCard(deps, actor.aadObjectId) };
    case CardVerb.openDelegateForm: {
      const parsed = openData.safeParse(data);
      if (!parsed.success) return badRequest('This button is missing the task it belongs to.');
      const task = await deps.store.getTask(parsed.data.taskId);
      if (!task) return { card: noticeCard('Task not found', 'This task is no longer in the action plan.', 'error') };
      if (!isOwner(task, actor.aadObjectId)) return { card: noticeCard('Not your task', `Only ${task.owners.map((o) => o.displayName).join(' or ')} can hand ${task.ref} to someone else.`, 'error') };
      return { card: delegateCard(task) };
    }
    case CardVerb.delegateTask:
      return delegate(deps, actor, data);
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
    const result = await submitUpdate(
      { store: deps.store, clock: deps.clock, approvals: { policy: deps.approvalPolicy, directory: deps.directory } },
      { actorAadObjectId: actor.aadObjectId, taskId, taskVersion, idempotencyKey: nonce, values, cardActivityId: actor.cardActivityId },
    );
    let approval = result.requested;
    if (result.outcome === 'recorded') {
      if (approval) {
        await bestEffort(deps, 'approval request not sent', () => sendApprovalRequest(messaging(deps), approval!));
        approval = (await deps.store.getApproval(approval.id)) ?? approval;
      }
      if (result.superseded) await bestEffort(deps, 'superseded approval card not updated', () => announceSuperseded(messaging(deps), result.superseded!));
    }
    return { card: updateReceiptCard(result.task, result.update, result.outcome === 'already-recorded', { approval, noApprover: result.noApprover }) };
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

async function decide(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = decideData.safeParse(data);
  if (!parsed.success) return badRequest('This button is missing the decision it belongs to.');
  const { approvalId, decision, comment } = parsed.data;
  try {
    const result = await decideApproval(deps, { actorAadObjectId: actor.aadObjectId, approvalId, decision, comment });
    if (result.outcome === 'already-decided') return showApproval(deps, result.approval, { forApprover: true, notice: alreadyDecided(result.approval) });
    await bestEffort(deps, 'decision not announced', () => announceDecision(messaging(deps), result.approval, actor.cardActivityId));
    return showApproval(deps, result.approval, { forApprover: true });
  } catch (err) {
    if (err instanceof NotTheApproverError) return showApproval(deps, err.approval, { forApprover: false, notice: err.message });
    if (err instanceof ValidationError) {
      const approval = await deps.store.getApproval(approvalId);
      if (!approval) return approvalGone();
      return showApproval(deps, approval, { forApprover: true, comment: comment ?? '', commentError: err.fields[0]?.message });
    }
    if (err instanceof NotFoundError) return approvalGone();
    throw err;
  }
}

/** "Already approved by Sam Okafor, 22 Nov 2026 at 10:32": what a later click is told. */
export function alreadyDecided(a: RagApproval): string {
  if (a.state === 'Superseded') return 'The owner has since proposed something else, so there is nothing to decide on this one.';
  const when = a.decidedAt ? ` at ${formatInstant(a.decidedAt)}` : '';
  return `Already ${a.state === 'Approved' ? 'approved' : 'rejected'} by ${a.decidedBy?.displayName ?? a.approver.displayName}${when}.`;
}

async function showApproval(deps: CardActionDeps, approval: RagApproval, options: Parameters<typeof approvalCard>[1]): Promise<CardActionResult> {
  const view = await loadApprovalView(deps.store, approval);
  return view ? { card: approvalCard(view, options) } : approvalGone();
}

function approvalGone(): CardActionResult {
  return { card: noticeCard('Decision not found', 'This RAG change is no longer in the action plan: its task may have been removed.', 'error') };
}

async function pendingCard(deps: CardActionDeps, approverAadObjectId: string): Promise<AdaptiveCardJson> {
  const pending = await deps.store.listApprovals({ approverAadObjectId, state: 'Pending' });
  const views = (await Promise.all(pending.map((a) => loadApprovalView(deps.store, a)))).filter((v) => v !== undefined);
  return pendingApprovalsCard(views);
}

/** "Hand to a colleague" on the update form: the colleague becomes the owner and is told. */
async function delegate(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = delegateData.safeParse(data);
  if (!parsed.success) return badRequest('This form is missing the task it belongs to. Type "my tasks" to get a fresh one.');
  try {
    const result = await handOver(deps, actor.aadObjectId, { id: parsed.data.taskId }, parsed.data.delegateTo ?? '');
    return { card: noticeCard(`${result.ref} handed over`, result.message) };
  } catch (err) {
    const task = await deps.store.getTask(parsed.data.taskId);
    if (err instanceof ValidationError && task) return { card: delegateCard(task, { value: parsed.data.delegateTo, error: err.fields[0]?.message ?? err.message }) };
    if (err instanceof ForbiddenError) return { card: noticeCard('Not your task', err.message, 'error') };
    if (err instanceof NotFoundError) return { card: noticeCard('Task not found', 'This task is no longer in the action plan.', 'error') };
    throw err;
  }
}

/** Shared by the card and the `delegate <ref> to <name>` command. */
export async function handOver(deps: CardActionDeps, actorAadObjectId: string, task: { id: string } | { ref: string }, to: string): Promise<{ ref: string; message: string }> {
  const result = await delegateTask(deps, { actorAadObjectId, task, to });
  let told = false;
  await bestEffort(deps, 'delegation notice not sent', async () => {
    if (!(await ensureChat(deps, result.to))) return;
    await deps.messenger.sendCard(result.to, { card: delegatedToYouCard(result.task, result.from.displayName), summary: `${result.from.displayName} handed you ${result.task.ref}` });
    told = true;
  });
  const tell = told ? 'I have let them know.' : `I could not message ${result.to.displayName} (the app may not be installed for them), so please tell them yourself.`;
  return { ref: result.task.ref, message: `${result.task.ref} is now with ${result.to.displayName}. ${tell}` };
}

function messaging(deps: CardActionDeps): ApprovalMessagingDeps {
  return { store: deps.store, clock: deps.clock, messenger: deps.messenger, cards: approvalCards, log: deps.log };
}

/** Follow-up messages never undo what was stored: a failure is logged and the sweep catches up. */
async function bestEffort(deps: CardActionDeps, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    deps.log.warn({ err: String(err) }, what);
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
