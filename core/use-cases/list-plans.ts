import type { Plan } from '../model';
import { defaultPlan } from '../plan/plans';
import type { PlanStore } from '../ports/plan-store';

export interface PlanSummary {
  id: string;
  key: string;
  name: string;
  kind: Plan['kind'];
  periodStart: string;
  periodEnd: string;
  state: Plan['state'];
  owner?: { displayName: string; email: string };
  predecessorId?: string;
  /** The plan shown when none is named. */
  isDefault: boolean;
  /** Open tasks (those a successor could carry forward) and all tasks. */
  openTasks: number;
  tasks: number;
}

/** Every plan in the store, for the tab's picker: oldest first, the default one marked. */
export async function listPlans(deps: { store: PlanStore }): Promise<PlanSummary[]> {
  const plans = await deps.store.plans.listPlans();
  const fallback = defaultPlan(plans);
  return Promise.all(
    plans.map(async (p) => {
      const tasks = await deps.store.plans.forPlan(p.id).listTasks();
      return {
        id: p.id,
        key: p.key,
        name: p.name,
        kind: p.kind,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        state: p.state,
        ...(p.owner && { owner: { displayName: p.owner.displayName, email: p.owner.email } }),
        ...(p.predecessorId && { predecessorId: p.predecessorId }),
        isDefault: p.id === fallback?.id,
        openTasks: tasks.filter((t) => t.status === 'Open').length,
        tasks: tasks.length,
      };
    }),
  );
}
