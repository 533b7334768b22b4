import type { Plan } from '../model';
import type { PlanStore } from '../ports/plan-store';

/** The store of the plan a record belongs to: a card names only a task's id, and the bot's own store is the default plan's. */
export function storeOf(store: PlanStore, record: { planId?: string }): PlanStore {
  return record.planId && record.planId !== store.planId ? store.plans.forPlan(record.planId) : store;
}

/** Every Active plan with its store, oldest first: what "my tasks" and the reminder sweep span. */
export async function activePlanStores(store: PlanStore): Promise<{ plan: Plan; store: PlanStore }[]> {
  const plans = (await store.plans.listPlans()).filter((p) => p.state === 'Active');
  return plans.map((plan) => ({ plan, store: plan.id === store.planId ? store : store.plans.forPlan(plan.id) }));
}
