import { storeOf } from '../plan/plan-stores';
import type { PlanStore } from '../ports/plan-store';
import { loadApprovalView, type ApprovalView } from './approval-messages';

/** One approval with its task and update; undefined when it (or its task) is gone. */
export async function getApprovalView(store: PlanStore, approvalId: string): Promise<ApprovalView | undefined> {
  const approval = await store.getApproval(approvalId);
  return approval && loadApprovalView(store, approval);
}

/** The decisions waiting for one approver, in every plan, with what their cards show. */
export async function listPendingApprovals(store: PlanStore, approverAadObjectId: string): Promise<ApprovalView[]> {
  const plans = await store.plans.listPlans();
  const pending = (await Promise.all(plans.map((p) => storeOf(store, { planId: p.id }).listApprovals({ approverAadObjectId, state: 'Pending' })))).flat();
  return (await Promise.all(pending.map((a) => loadApprovalView(store, a)))).filter((v) => v !== undefined);
}
