import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApprovalPolicy } from '../core/approvals/approval-policy';
import { ForbiddenError, NotFoundError } from '../core/errors';
import type { RagApproval, Task } from '../core/model';
import { formatInstant, londonDate } from '../core/plan/london-time';
import type { OwnerAction } from '../core/plan/task-owner';
import type { Clock } from '../core/ports/clock';
import type { Directory } from '../core/ports/directory';
import type { Logger } from '../core/ports/logger';
import type { AdaptiveCardJson, Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import { daysLeftIfDueSoon } from '../core/reminders/due-soon';
import type { ReminderPolicy } from '../core/reminders/reminder-policy';
import { formValuesFrom, UPDATE_LIMITS, type UpdateFormValues } from '../core/updates/update-form';
import { loadApprovalView, type ApprovalMessagingDeps, type ApprovalView } from '../core/use-cases/approval-messages';
import { getApprovalView, listPendingApprovals } from '../core/use-cases/approval-queries';
import { COMMENT_MAX as DECISION_COMMENT_MAX, DECISIONS, decideApproval, InvalidDecisionError, NotTheApproverError } from '../core/use-cases/decide-approval';
import { COLLEAGUE_MAX, delegateTask, InvalidDelegationError, type DelegationCards } from '../core/use-cases/delegate-task';
import { getOwnedTask } from '../core/use-cases/get-owned-task';
import { listMyTasks } from '../core/use-cases/list-my-tasks';
import { confirmNoChange, InvalidUpdateError, StaleFormError, submitUpdate, type SubmitUpdateResult } from '../core/use-cases/submit-update';
import { approveAllFromCard, confirmApproveAll } from './approve-all-actions';
import { approvalCard } from './cards/approval-card';
import { approvalCards } from './cards/approval-cards';
import { delegatedToYouCard, pendingApprovalsCard } from './cards/approval-notices';
import { boxRoom } from './cards/card-text';
import { CardVerb } from './cards/card-verbs';
import { delegateCard } from './cards/delegate-card';
import { myTasksCard } from './cards/my-tasks-card';
import { noticeCard } from './cards/notice-card';
import { reminderIntro } from './cards/reminder-card';
import { updateFormCard } from './cards/update-form-card';
import { updateReceiptCard } from './cards/update-receipt-card';
import { openThread, postFromCard } from './comment-actions';

export interface CardActionDeps {
  store: PlanStore;
  clock: Clock;
  messenger: Messenger;
  directory: Directory;
  approvalPolicy: ApprovalPolicy;
  log: Logger;
  /** Its reminder window is when a form starts with the deadline line; default DEFAULT_REMINDER_POLICY's. */
  reminderPolicy?: Pick<ReminderPolicy, 'daysBefore'>;
}

/** The authenticated clicker, taken from the activity by the caller. */
export interface Actor {
  aadObjectId: string;
  /** The message whose card was clicked (the invoke's replyToId): not identity, just where. */
  cardActivityId?: string;
}

/** What an Action.Execute answers: a card replacing the one clicked, or an error (400 or 500) that keeps it. */
export type CardActionResult = { card: AdaptiveCardJson } | { error: { status: 400 | 500; message: string } };

const id = z.string().trim().min(1).max(64);
const openData = z.object({ taskId: id });
const noChangeData = z.object({ taskId: id, taskVersion: z.string().min(1).max(128), nonce: z.string().min(8).max(128) });
const submitData = noChangeData.extend({ shownRag: z.string().max(32).optional() });
// Typed text is not in these schemas: however long, it goes to the use case to judge and comes back in the box.
const decideData = z.object({ approvalId: id, decision: z.enum(DECISIONS) });
const approvalData = z.object({ approvalId: id });
const delegateData = z.object({ taskId: id });

const MISSING_TASK = 'This button is missing the task it belongs to.';
const MISSING_DECISION = 'This button is missing the decision it belongs to.';
const STALE_FORM = 'This form is missing the task it belongs to. Type "my tasks" to get a fresh one.';

/**
 * Routes one Action.Execute to its use case and renders the answer: parse, call one use case,
 * render. Card data is untrusted; who clicked is the actor from the authenticated activity.
 */
export async function handleCardAction(deps: CardActionDeps, actor: Actor, verb: string, rawData: unknown): Promise<CardActionResult> {
  const data = (typeof rawData === 'object' && rawData !== null ? rawData : {}) as Record<string, unknown>;
  switch (verb) {
    case CardVerb.showMyTasks:
      return { card: myTasksCard(await listMyTasks(deps.store, actor.aadObjectId), londonDate(deps.clock.now())) };
    case CardVerb.openUpdateForm:
      return ownerForm(deps, actor, data, 'update', async (task) =>
        updateFormCard({ task, nonce: randomUUID(), intro: dueIntro(deps, task), today: londonDate(deps.clock.now()), commentCount: await commentCount(deps, task.id) }),
      );
    case CardVerb.submitUpdate:
      return submit(deps, actor, data);
    case CardVerb.confirmNoChange:
      return noChange(deps, actor, data);
    case CardVerb.decideApproval:
      return decide(deps, actor, data);
    case CardVerb.viewApproval: {
      const parsed = approvalData.safeParse(data);
      if (!parsed.success) return badRequest(MISSING_DECISION);
      const view = await getApprovalView(deps.store, parsed.data.approvalId);
      return view ? { card: approvalCard(view, { forApprover: view.approval.approver.aadObjectId === actor.aadObjectId }) } : approvalGone();
    }
    case CardVerb.showPendingApprovals:
      return { card: pendingApprovalsCard(await listPendingApprovals(deps.store, actor.aadObjectId)) };
    case CardVerb.confirmApproveAll:
      return confirmApproveAll(deps, actor);
    case CardVerb.approveAll:
      return approveAllFromCard(deps, actor, data);
    case CardVerb.openDelegateForm:
      return ownerForm(deps, actor, data, 'hand over', (task) => delegateCard(task));
    case CardVerb.delegateTask:
      return delegate(deps, actor, data);
    case CardVerb.openComments:
      return openThread(deps, actor, data);
    case CardVerb.postComment:
      return postFromCard(deps, actor, data);
    default:
      return badRequest('This card action is not recognised. It may come from an older version of the app.');
  }
}

/** A form only the task's owner may open. */
async function ownerForm(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>, action: OwnerAction, render: (task: Task) => AdaptiveCardJson | Promise<AdaptiveCardJson>): Promise<CardActionResult> {
  const parsed = openData.safeParse(data);
  if (!parsed.success) return badRequest(MISSING_TASK);
  try {
    return { card: await render(await getOwnedTask(deps.store, parsed.data.taskId, actor.aadObjectId, action)) };
  } catch (err) {
    return taskProblem(err);
  }
}

async function submit(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = submitData.safeParse(data);
  if (!parsed.success) return badRequest(STALE_FORM);
  const { taskId, taskVersion, nonce, shownRag } = parsed.data;
  const typed = formValuesFrom(data);
  const values = refillable(typed);
  try {
    const result = await submitUpdate(updateDeps(deps), { actorAadObjectId: actor.aadObjectId, taskId, taskVersion, idempotencyKey: nonce, values: typed, cardActivityId: actor.cardActivityId });
    return receipt(deps, result);
  } catch (err) {
    if (err instanceof InvalidUpdateError) {
      if (!err.task) return { card: lostTaskCard(values.progress) };
      const form = { nonce, values, errors: err.fields, intro: dueIntro(deps, err.task), today: londonDate(deps.clock.now()), commentCount: await commentCount(deps, taskId) };
      return { card: updateFormCard({ task: { ...err.task, version: taskVersion }, ...form }) };
    }
    if (err instanceof StaleFormError) {
      // An untouched RAG dropdown showed the old RAG: show the current one instead of reverting it.
      const { rag, ...rest } = values;
      return staleForm(deps, err, nonce, rag !== undefined && rag !== shownRag ? { ...rest, rag } : rest, 'check the details above and submit again.');
    }
    if (err instanceof NotFoundError) return { card: lostTaskCard(values.progress) };
    return taskProblem(err);
  }
}

/** "No change since my last update": recorded as the clicker (from the activity), answered with its receipt. */
async function noChange(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = noChangeData.safeParse(data);
  if (!parsed.success) return badRequest(STALE_FORM);
  const { taskId, taskVersion, nonce } = parsed.data;
  try {
    return receipt(deps, await confirmNoChange(updateDeps(deps), { actorAadObjectId: actor.aadObjectId, taskId, taskVersion, idempotencyKey: nonce, cardActivityId: actor.cardActivityId }));
  } catch (err) {
    if (err instanceof StaleFormError) return staleForm(deps, err, nonce, {}, 'check the details above, then say again whether anything has changed.');
    return taskProblem(err);
  }
}

function updateDeps(deps: CardActionDeps): Parameters<typeof submitUpdate>[0] {
  return { store: deps.store, clock: deps.clock, approvals: { policy: deps.approvalPolicy, directory: deps.directory }, notify: approvalMessaging(deps) };
}

async function receipt(deps: CardActionDeps, result: SubmitUpdateResult): Promise<CardActionResult> {
  const rag = { approval: result.requested, noApprover: result.noApprover };
  return { card: updateReceiptCard(result.task, result.update, result.outcome === 'already-recorded', rag, await commentCount(deps, result.task.id)) };
}

/** The task changed after the card was sent: the form again, drawn from the task as it is now, with the answers kept. */
async function staleForm(deps: CardActionDeps, err: StaleFormError, nonce: string, values: UpdateFormValues, then: string): Promise<CardActionResult> {
  const task = err.current;
  const by = task.latestUpdateBy ? ` by ${task.latestUpdateBy.displayName}` : '';
  const notice = `This task was changed${by} after this form was sent. Nothing was saved yet: ${then}`;
  return { card: updateFormCard({ task, intro: dueIntro(deps, task), today: londonDate(deps.clock.now()), nonce, commentCount: await commentCount(deps, task.id), values, notice }) };
}

async function decide(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = decideData.safeParse(data);
  if (!parsed.success) return badRequest(MISSING_DECISION);
  const { approvalId, decision } = parsed.data;
  const comment = typeof data.comment === 'string' ? data.comment : undefined;
  try {
    const result = await decideApproval(
      { store: deps.store, clock: deps.clock, notify: approvalMessaging(deps) },
      { actorAadObjectId: actor.aadObjectId, approvalId, decision, comment, cardActivityId: actor.cardActivityId },
    );
    return showApproval(deps, result.approval, { forApprover: true, ...(result.outcome === 'already-decided' && { notice: alreadyDecided(result.approval) }) });
  } catch (err) {
    if (err instanceof NotTheApproverError) return showApproval(deps, err.approval, { forApprover: false, notice: err.message });
    if (err instanceof InvalidDecisionError) return showApproval(deps, err.approval, { forApprover: true, comment: (comment ?? '').slice(0, boxRoom(DECISION_COMMENT_MAX)), commentError: err.fields[0]?.message });
    if (err instanceof NotFoundError) return approvalGone();
    throw err;
  }
}

/** "Already approved by Sam Okafor, 22 Nov 2026 at 10:32": what a later click is told. */
function alreadyDecided(a: RagApproval): string {
  if (a.state === 'Superseded') return 'The owner has since proposed something else, so there is nothing to decide on this one.';
  const when = a.decidedAt ? ` at ${formatInstant(a.decidedAt)}` : '';
  return `Already ${a.state === 'Approved' ? 'approved' : 'rejected'} by ${a.decidedBy?.displayName ?? a.approver.displayName}${when}.`;
}

async function showApproval(deps: CardActionDeps, approval: RagApproval, options: Parameters<typeof approvalCard>[1]): Promise<CardActionResult> {
  const view: ApprovalView | undefined = await loadApprovalView(deps.store, approval);
  return view ? { card: approvalCard(view, options) } : approvalGone();
}

function approvalGone(): CardActionResult {
  return { card: noticeCard('Decision not found', 'This RAG change is no longer in the action plan: its task may have been removed.', 'error') };
}

/** "Hand to a colleague" on the update form: the colleague becomes the owner and is told. */
async function delegate(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = delegateData.safeParse(data);
  if (!parsed.success) return badRequest(STALE_FORM);
  const typed = typeof data.delegateTo === 'string' ? data.delegateTo : '';
  try {
    const result = await handOver(deps, actor.aadObjectId, { id: parsed.data.taskId }, typed);
    return { card: noticeCard(`${result.ref} handed over`, result.message) };
  } catch (err) {
    if (err instanceof InvalidDelegationError) return { card: delegateCard(err.task, { value: typed.slice(0, boxRoom(COLLEAGUE_MAX)), error: err.fields[0]?.message ?? err.message }) };
    return taskProblem(err);
  }
}

/** Shared by the card and the `delegate <ref> to <name>` command. */
export async function handOver(deps: CardActionDeps, actorAadObjectId: string, task: { id: string } | { ref: string }, to: string): Promise<{ ref: string; message: string }> {
  const result = await delegateTask({ ...deps, notify: { messenger: deps.messenger, cards: delegationCards, log: deps.log } }, { actorAadObjectId, task, to });
  const tell = result.told ? 'I have let them know.' : `I could not message ${result.to.displayName} (the app may not be installed for them), so please tell them yourself.`;
  return { ref: result.task.ref, message: `${result.task.ref} is now with ${result.to.displayName}. ${tell}` };
}

const delegationCards: DelegationCards = {
  delegatedToYou: (task, from) => ({ card: delegatedToYouCard(task, from.displayName), summary: `${from.displayName} handed you ${task.ref}` }),
};

function approvalMessaging(deps: CardActionDeps): ApprovalMessagingDeps {
  return { store: deps.store, clock: deps.clock, messenger: deps.messenger, cards: approvalCards, log: deps.log };
}

/** A task that is gone, or not the clicker's: said on a card; anything else is a server error. */
function taskProblem(err: unknown): CardActionResult {
  if (err instanceof ForbiddenError) return { card: noticeCard('Not your task', err.message, 'error') };
  if (err instanceof NotFoundError) return { card: noticeCard('Task not found', 'This task is no longer in the action plan.', 'error') };
  throw err;
}

/** The deadline line a reminder form starts with, for any form of a task that is due soon or late. */
function dueIntro(deps: CardActionDeps, task: Task): string | undefined {
  const days = daysLeftIfDueSoon(task, londonDate(deps.clock.now()), deps.reminderPolicy);
  return days === undefined ? undefined : reminderIntro(days);
}

/** The task's comments, counted for its "Comments (N)" button. */
async function commentCount(deps: CardActionDeps, taskId: string): Promise<number> {
  return (await deps.store.listComments(taskId)).length;
}

/**
 * Blank answers come back empty, so the input shows its placeholder again. Each answer is kept up
 * to what its box takes (a client could send more), and judged by the use case at full length.
 */
function refillable(values: UpdateFormValues): UpdateFormValues {
  const room = (field: string) => (field in UPDATE_LIMITS ? boxRoom(UPDATE_LIMITS[field as keyof typeof UPDATE_LIMITS]) : 200);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v?.trim() === '' ? '' : v?.slice(0, room(k))]));
}

/** The task has gone: say so, and hand the owner's words back so nothing typed is lost. */
function lostTaskCard(progress?: string): AdaptiveCardJson {
  const keep = progress?.trim() ? ` Your update was not saved; here it is so you can keep it: "${progress.trim()}"` : '';
  return noticeCard('Task not found', `This task is no longer in the action plan.${keep}`, 'error');
}

function badRequest(message: string): CardActionResult {
  return { error: { status: 400, message } };
}
