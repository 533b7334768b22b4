import type { Task } from '../model';
import type { PlanStore } from '../ports/plan-store';
import { compareRefs } from '../plan/ref-order';

/** The person's open tasks, soonest due first (undated last), then by ref. */
export async function listMyTasks(store: PlanStore, aadObjectId: string): Promise<Task[]> {
  const tasks = await store.listTasks({ ownerAadObjectId: aadObjectId, statuses: ['Open'] });
  return tasks.sort(
    (a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || compareRefs(a.ref, b.ref),
  );
}
