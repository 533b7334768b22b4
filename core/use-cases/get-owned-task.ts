import { NotFoundError } from '../errors';
import type { Task } from '../model';
import { requireOwner, type OwnerAction } from '../plan/task-owner';
import type { PlanStore } from '../ports/plan-store';

/** A task its owner is about to act on (a form to fill in): NotFoundError, or ForbiddenError for anyone else. */
export async function getOwnedTask(store: PlanStore, taskId: string, actorAadObjectId: string, action: OwnerAction): Promise<Task> {
  const task = await store.getTask(taskId);
  if (!task) throw new NotFoundError('Task', taskId);
  requireOwner(task, actorAadObjectId, action);
  return task;
}
