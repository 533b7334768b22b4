import { z } from 'zod';
import { decisionNeedsReason } from '../approvals/approval-policy';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import type { RagApproval, Task } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { normaliseText } from '../updates/update-form';
import { announceDecision, type ApprovalMessagingDeps } from './approval-messages';
import { ragPatch } from './submit-update';

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export const COMMENT_MAX = 1000;

export interface DecideApprovalCommand {
  /** Who clicked: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  approvalId: string;
  decision: Decision;
  comment?: string;
  /** The card the decision was made on: the invoke response redraws it, so it is not edited again. */
  cardActivityId?: string;
}

export interface DecideApprovalDeps {
  store: PlanStore;
  clock: Clock;
  /** Edits the approver's and owner's cards and tells the owner; without it, the sweep tells them. */
  notify?: ApprovalMessagingDeps;
}

export type DecideApprovalResult =
  /** This click decided it; the task has the approved RAG (or keeps its own when rejected). */
  | { outcome: 'decided'; approval: RagApproval; task?: Task }
  /** Someone decided first, or a newer proposal replaced it: nothing changed. */
  | { outcome: 'already-decided'; approval: RagApproval };

/** Only the approver may decide; `approver` is who that is. */
export class NotTheApproverError extends ForbiddenError {
  constructor(readonly approval: RagApproval) {
    super(`Only ${approval.approver.displayName} can decide this.`);
  }
}

/** The comment did not validate; `approval` is what to render the card again from. */
export class InvalidDecisionError extends ValidationError {
  constructor(fields: FieldError[], readonly approval: RagApproval) {
    super(fields);
  }
}

const commentSchema = z
  .string()
  .optional()
  .transform((s) => normaliseText(s ?? ''))
  .refine((s) => s.length <= COMMENT_MAX, { error: `The comment must be ${COMMENT_MAX.toLocaleString('en-GB')} characters or fewer.` });

/**
 * A manager's decision on a proposed RAG change. The first decision wins: the approval is written
 * with its version, so of any number of simultaneous clicks exactly one succeeds and the rest are
 * told who decided and when. Then the task takes the new RAG (approve) and drops its pending
 * proposal (both), retried against concurrent edits of the task.
 * With `notify`, the decision is then announced (cards edited, the owner told).
 * Throws NotFoundError, NotTheApproverError, or InvalidDecisionError (a rejection needs a reason).
 */
export async function decideApproval(deps: DecideApprovalDeps, cmd: DecideApprovalCommand): Promise<DecideApprovalResult> {
  const { store } = deps;
  const comment = commentSchema.safeParse(cmd.comment);
  // A bookkeeping write (a card's activity id) can land between the read and the decision: re-read then.
  for (let attempt = 0; ; attempt++) {
    const approval = await store.getApproval(cmd.approvalId);
    if (!approval) throw new NotFoundError('RAG approval', cmd.approvalId);
    if (approval.approver.aadObjectId !== cmd.actorAadObjectId) throw new NotTheApproverError(approval);
    if (approval.state !== 'Pending') return { outcome: 'already-decided', approval };
    if (!comment.success) throw new InvalidDecisionError([{ field: 'comment', message: comment.error.issues[0]?.message ?? 'The comment is not valid.' }], approval);
    if (decisionNeedsReason(cmd.decision) && !comment.data) throw new InvalidDecisionError([{ field: 'comment', message: 'Say why you are rejecting this change, so the owner knows what to do next.' }], approval);
    try {
      const decided = await store.updateApproval(approval.id, approval.version, {
        state: cmd.decision === 'approve' ? 'Approved' : 'Rejected',
        decidedBy: approval.approver,
        decidedAt: deps.clock.now().toISOString(),
        ...(comment.data && { comment: comment.data }),
      });
      const task = await settleTask(store, decided);
      const notify = deps.notify;
      if (notify) await bestEffort(notify.log, 'decision not announced', () => announceDecision(notify, decided, cmd.cardActivityId));
      return { outcome: 'decided', approval: decided, task };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 4) throw err;
    }
  }
}

/**
 * Brings the task in line with a decided approval: the approved RAG applied, the pending proposal
 * cleared. Only while the task still points at this approval (a newer proposal owns it otherwise).
 * Also run by the approvals sweep, so a crash between the decision and this write is repaired.
 */
export async function settleTask(store: PlanStore, approval: RagApproval): Promise<Task | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const task = await store.getTask(approval.taskId);
    if (!task || task.pendingApprovalId !== approval.key) return task;
    try {
      return await store.updateTask(task.id, task.version, {
        pendingRag: undefined,
        pendingApprovalId: undefined,
        ...(approval.state === 'Approved' && ragPatch(approval.toRag)),
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  throw new ConflictError('Task', approval.taskId, 'settling its RAG approval', 'changing repeatedly');
}
