import { NotFoundError } from '../errors';
import type { RagApproval } from '../model';
import { silentLogger, type Logger } from '../ports/logger';
import type { ApprovalView } from './approval-messages';
import { listPendingApprovals } from './approval-queries';
import { decideApproval, NotTheApproverError, type DecideApprovalDeps } from './decide-approval';

/**
 * How many RAG changes one "Approve all" decides. Each is a full decision (store writes, card edits,
 * a message to the owner), and the Bot Service waits only 10 to 15 seconds for an invoke's answer
 * (https://learn.microsoft.com/azure/bot-service/bot-builder-howto-long-operations-guidance), so a
 * longer list is approved ten at a time.
 */
export const APPROVE_ALL_MAX = 10;
/** Decisions made at once: each is on a different approval and task, and owns its version checks. */
const AT_ONCE = 4;

/** What the confirm card lists: the approver's pending changes as they stand now, at most APPROVE_ALL_MAX. */
export async function listApprovableAtOnce(store: DecideApprovalDeps['store'], approverAadObjectId: string): Promise<{ views: ApprovalView[]; total: number }> {
  const pending = await listPendingApprovals(store, approverAadObjectId);
  return { views: pending.slice(0, APPROVE_ALL_MAX), total: pending.length };
}

export type ApproveAllOutcome =
  /** Approved by this confirm: recorded, the task has the new RAG, the owner is told. */
  | 'approved'
  /** Approved or rejected before this confirm (on its own card, or by an earlier confirm). */
  | 'already-decided'
  /** The owner proposed something newer: this one is no longer waiting. */
  | 'superseded'
  /** Someone else is its approver: refused, whatever the card said. */
  | 'not-yours'
  /** The approval or its task is no longer in the plan. */
  | 'not-found'
  /** It could not be saved (the store failed): nothing changed for this one. */
  | 'failed';

export interface ApproveAllItem {
  approvalId: string;
  outcome: ApproveAllOutcome;
  /** The approval as it is now (after the decision), when it exists. */
  approval?: RagApproval;
  /** Its task's ref, and its title only for the approver's own approvals. */
  task?: { ref: string; title?: string };
}

export interface ApproveAllCommand {
  /** Who confirmed: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  /** The approvals the confirm card listed; each is checked again here. */
  approvalIds: readonly string[];
}

/**
 * "Approve all" (approving needs no comment: approval-policy's decisionNeedsReason): each listed approval is decided on its own through decideApproval, exactly as if
 * its Approve button had been pressed (its own version check, history, card edits and owner
 * message), and reported one by one. Only ids travel in the card: an approval's proposal never
 * changes (a new proposal is a new approval), so approving by id approves what the card showed.
 */
export async function approveAll(deps: DecideApprovalDeps & { log?: Logger }, cmd: ApproveAllCommand): Promise<ApproveAllItem[]> {
  const ids = [...new Set(cmd.approvalIds)].slice(0, APPROVE_ALL_MAX);
  const items: ApproveAllItem[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) items[i] = await approveOne(deps, cmd.actorAadObjectId, ids[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  return items;
}

async function approveOne(deps: DecideApprovalDeps & { log?: Logger }, actorAadObjectId: string, approvalId: string): Promise<ApproveAllItem> {
  try {
    const result = await decideApproval(deps, { actorAadObjectId, approvalId, decision: 'approve' });
    const approval = result.approval;
    const task = result.outcome === 'decided' && result.task ? result.task : await deps.store.getTask(approval.taskId);
    const outcome: ApproveAllOutcome = result.outcome === 'decided' ? 'approved' : approval.state === 'Superseded' ? 'superseded' : 'already-decided';
    return { approvalId, outcome, approval, ...(task && { task: { ref: task.ref, title: task.title } }) };
  } catch (err) {
    if (err instanceof NotTheApproverError) return { approvalId, outcome: 'not-yours', approval: err.approval, task: { ref: err.approval.taskRef } };
    if (err instanceof NotFoundError) return { approvalId, outcome: 'not-found' };
    (deps.log ?? silentLogger).error({ approvalId, err: err instanceof Error ? err.message : String(err) }, 'approve all: one approval could not be decided');
    return { approvalId, outcome: 'failed' };
  }
}
