import { ConflictError } from '../errors';
import type { Person, RagApproval, RagApprovalPatch, Task, Update } from '../model';
import { ensureChat } from '../messaging/ensure-chat';
import type { Clock } from '../ports/clock';
import { silentLogger, type Logger } from '../ports/logger';
import { DeliveryError, type Messenger, type OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';

/** An approval with what its cards show: the task as it is now and the update that proposed it. */
export interface ApprovalView {
  approval: RagApproval;
  task: Task;
  update?: Update;
  /** The approver's Teams user id (`29:…`) from their stored chat: whose view of the card refreshes. */
  approverTeamsUserId?: string;
}

/** The cards of the approval flow, rendered by the bot (core knows no card format). */
export interface ApprovalCards {
  /** To the approver: the proposal with Approve / Reject; `chaser` when it has waited too long. */
  request(view: ApprovalView, options: { chaser: boolean }): OutboundCard;
  /** The approver's card once decided or superseded: the outcome, no buttons. */
  approverOutcome(view: ApprovalView): OutboundCard;
  /** The owner's receipt, redrawn with the decision. */
  ownerReceipt(view: ApprovalView): OutboundCard | undefined;
  /** A new message to the owner: the decision and the approver's comment. */
  ownerDecision(view: ApprovalView): OutboundCard;
  /** To an EDI lead: decisions left waiting after the approver was chased. */
  escalation(views: ApprovalView[]): OutboundCard;
}

export interface ApprovalMessagingDeps {
  store: PlanStore;
  clock: Clock;
  messenger: Messenger;
  cards: ApprovalCards;
  log?: Logger;
}

export type SendOutcome = 'sent' | 'already-sent' | 'unreachable' | 'failed';

export async function loadApprovalView(store: PlanStore, approval: RagApproval): Promise<ApprovalView | undefined> {
  const task = await store.getTask(approval.taskId);
  if (!task) return undefined;
  const update = approval.updateId === undefined ? undefined : (await store.listUpdates(task.id)).find((u) => u.id === approval.updateId);
  return { approval, task, ...(update && { update }), ...(await approverTeamsUserId(store, approval)) };
}

async function approverTeamsUserId(store: PlanStore, approval: RagApproval): Promise<Pick<ApprovalView, 'approverTeamsUserId'>> {
  const id = (await store.getConversation(approval.approver.aadObjectId))?.teamsUserId;
  return id ? { approverTeamsUserId: id } : {};
}

/**
 * Sends the approver their card. Claimed first in the reminder log (`approval:<key>:request` or
 * `:chase`), so of several app instances, or a retry after a crash, exactly one sends it; the
 * attempt and its outcome show in the task's reminder history. Opens the chat when needed.
 */
export async function sendApprovalRequest(deps: ApprovalMessagingDeps, approval: RagApproval, options: { chaser?: boolean; retryFailed?: boolean } = {}): Promise<SendOutcome> {
  const chaser = options.chaser ?? false;
  const view = await loadApprovalView(deps.store, approval);
  if (!view) return 'failed';
  const key = `approval:${approval.key}:${chaser ? 'chase' : 'request'}`;
  // Rendered once the chat is there: a chat opened just now tells the approver's Teams user id.
  const render = async () => deps.cards.request({ ...view, ...(await approverTeamsUserId(deps.store, approval)) }, { chaser });
  const sent = await sendOnce(deps, key, approval.taskId, approval.approver, chaser ? 'approval-chase' : 'approval-request', render, options.retryFailed);
  if (typeof sent === 'object') {
    await patchApproval(deps.store, approval.id, { approverActivityId: sent.activityId, ...(chaser && { chasedAt: deps.clock.now().toISOString() }) });
    return 'sent';
  }
  return sent;
}

/**
 * After a decision: the approver's latest card and the owner's receipt show it (edited in place),
 * and the owner gets a message with the decision and comment (once: claimed in the reminder log).
 * `clickedActivityId`: the card the decision was made on, already redrawn by the invoke response.
 */
export async function announceDecision(deps: ApprovalMessagingDeps, approval: RagApproval, clickedActivityId?: string): Promise<SendOutcome> {
  const view = await loadApprovalView(deps.store, approval);
  if (!view) return 'failed';
  if (approval.approverActivityId && approval.approverActivityId !== clickedActivityId) {
    await editCard(deps, approval.approver, approval.approverActivityId, deps.cards.approverOutcome(view));
  }
  const receipt = approval.ownerActivityId ? deps.cards.ownerReceipt(view) : undefined;
  if (receipt && approval.ownerActivityId) await editCard(deps, approval.requestedBy, approval.ownerActivityId, receipt);
  return tellOwner(deps, approval, view);
}

/** The owner's message with the decision, once (`retryFailed`: again after a failed attempt). */
export async function tellOwner(deps: ApprovalMessagingDeps, approval: RagApproval, view?: ApprovalView, retryFailed = false): Promise<SendOutcome> {
  const v = view ?? (await loadApprovalView(deps.store, approval));
  if (!v) return 'failed';
  const sent = await sendOnce(deps, `approval:${approval.key}:decision`, approval.taskId, approval.requestedBy, 'approval-decision', () => deps.cards.ownerDecision(v), retryFailed);
  return typeof sent === 'object' ? 'sent' : sent;
}

/** A newer proposal replaced this one: the approver's card says so instead of offering buttons. */
export async function announceSuperseded(deps: ApprovalMessagingDeps, approval: RagApproval): Promise<void> {
  if (!approval.approverActivityId) return;
  const view = await loadApprovalView(deps.store, approval);
  if (view) await editCard(deps, approval.approver, approval.approverActivityId, deps.cards.approverOutcome(view));
}

/**
 * Claims `key` in the reminder log, then sends; the outcome is recorded against the claim.
 * `retryFailed`: a claim whose send failed before may be taken back (once per failure) and tried again.
 */
async function sendOnce(
  deps: ApprovalMessagingDeps,
  key: string,
  taskId: string,
  to: Person,
  trigger: string,
  render: () => OutboundCard | Promise<OutboundCard>,
  retryFailed = false,
): Promise<{ activityId: string } | Exclude<SendOutcome, 'sent'>> {
  const log = deps.log ?? silentLogger;
  let claimed = await deps.store.tryAddReminder({ key, taskId, recipient: to, trigger, sentAt: deps.clock.now().toISOString(), outcome: 'pending' });
  if (!claimed && retryFailed) {
    const previous = (await deps.store.listReminders(taskId)).find((r) => r.key === key);
    claimed = previous?.outcome === 'failed' && (await deps.store.reclaimReminder(key, previous.version));
  }
  if (!claimed) return 'already-sent';
  if (!(await ensureChat(deps, to))) {
    await deps.store.setReminderOutcome(key, 'failed', 'The app is not installed for them and their chat could not be opened');
    return 'unreachable';
  }
  try {
    const { activityId } = await deps.messenger.sendCard(to, await render());
    await deps.store.setReminderOutcome(key, 'sent');
    return { activityId };
  } catch (err) {
    const detail = err instanceof DeliveryError ? `${err.kind}: ${err.message}` : String(err);
    log.warn({ key, trigger, kind: err instanceof DeliveryError ? err.kind : 'error' }, 'approval message not delivered');
    await deps.store.setReminderOutcome(key, 'failed', detail.slice(0, 250));
    return err instanceof DeliveryError && err.permanent ? 'unreachable' : 'failed';
  }
}

/** Card edits are best effort: the decision is stored either way, and the card refreshes when opened. */
async function editCard(deps: ApprovalMessagingDeps, to: Person, activityId: string, message: OutboundCard): Promise<void> {
  if (!deps.messenger.updateCard) return;
  try {
    await deps.messenger.updateCard(to, activityId, message);
  } catch (err) {
    (deps.log ?? silentLogger).warn({ kind: err instanceof DeliveryError ? err.kind : 'error' }, 'approval card could not be updated in place');
  }
}

/** A bookkeeping write on an approval, re-read and retried if a decision landed in between. */
export async function patchApproval(store: PlanStore, id: string, patch: RagApprovalPatch): Promise<RagApproval | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.getApproval(id);
    if (!current) return undefined;
    try {
      return await store.updateApproval(id, current.version, patch);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return undefined;
}
