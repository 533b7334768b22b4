import type { PlanStore } from '../../core/ports/plan-store';
import { findPlan } from '../../core/plan/plans';

/**
 * The plan a command names with `--plan <id or key>` (the default plan without it), or why not:
 * the message lists the plans so the person can pick one.
 */
export async function planStoreFor(store: PlanStore, idOrKey: string | undefined): Promise<{ ok: true; store: PlanStore } | { ok: false; message: string }> {
  if (idOrKey === undefined) return { ok: true, store };
  const plans = await store.plans.listPlans();
  const plan = findPlan(plans, idOrKey.trim());
  if (plan) return { ok: true, store: store.plans.forPlan(plan.id) };
  const known = plans.map((p) => `  ${p.key}  (${p.name}, ${p.state})`).join('\n');
  return { ok: false, message: `There is no plan "${idOrKey}". The plans are:\n${known}` };
}
