import type { Task } from '../model';
import { planLabeller } from '../plan/plan-labels';
import { activePlanStores } from '../plan/plan-stores';
import type { PlanStore } from '../ports/plan-store';
import { compareRefs } from '../plan/ref-order';

/** A task on someone's list, with its plan's name when their tasks span several plans. */
export type MyTask = Task & { planName?: string };

/** The person's open tasks in every Active plan, soonest due first (undated last), then by ref. */
export async function listMyTasks(store: PlanStore, aadObjectId: string): Promise<MyTask[]> {
  const perPlan = await Promise.all(
    (await activePlanStores(store)).map(async ({ plan, store: planStore }) => ({ plan, tasks: await planStore.listTasks({ ownerAadObjectId: aadObjectId, statuses: ['Open'] }) })),
  );
  const label = planLabeller(perPlan);
  const tasks: MyTask[] = perPlan.flatMap((p) => p.tasks).map((t) => {
    const planName = label(aadObjectId, t);
    return planName ? { ...t, planName } : t;
  });
  return tasks.sort(
    (a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || compareRefs(a.ref, b.ref) || (a.planName ?? '').localeCompare(b.planName ?? ''),
  );
}
