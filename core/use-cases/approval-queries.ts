import type { PlanStore } from '../ports/plan-store';
import { loadApprovalView, type ApprovalView } from './approval-messages';

/** One approval with its task and update; undefined when it (or its task) is gone. */
export async function getApprovalView(store: PlanStore, approvalId: string): Promise<ApprovalView | undefined> {
  const approval = await store.getApproval(approvalId);
  return approval && loadApprovalView(store, approval);
}

/** The decisions waiting for one approver, with what their cards show. */
export async function listPendingApprovals(store: PlanStore, approverAadObjectId: string): Promise<ApprovalView[]> {
  const pending = await store.listApprovals({ approverAadObjectId, state: 'Pending' });
  return (await Promise.all(pending.map((a) => loadApprovalView(store, a)))).filter((v) => v !== undefined);
}
