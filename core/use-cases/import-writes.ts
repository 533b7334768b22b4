import { DuplicateError } from '../errors';
import { newRound, roundAdditions, roundTimes, type RoundPlan } from '../import/history-rounds';
import type { ObjectivePlan } from '../import/objective-changes';
import type { TaskChange } from '../import/task-changes';
import type { Person, UpdateRound } from '../model';
import type { PlanStore } from '../ports/plan-store';

/**
 * The writes of a real import run, in an order that makes a re-run safe after a failure part-way:
 * objectives, then each task with its history entries (keyed, so none is written twice), then the rounds.
 */

export async function writeObjectives(store: PlanStore, objectives: ObjectivePlan[]): Promise<void> {
  for (const o of objectives) {
    if (o.action === 'create') await store.createObjective({ ref: o.ref, title: o.title });
    else if (o.action === 'update' && o.existing) await store.updateObjective(o.existing.id, o.existing.version, { title: o.title });
  }
}

/** Writes one task and its new history entries; fills in the ids the rounds will point at. */
export async function writeTask(store: PlanStore, change: TaskChange, author: Person): Promise<string> {
  let task = change.existing;
  if (!task) task = await store.createTask(change.result);
  else if (change.changes.length > 0) task = await store.updateTask(task.id, task.version, change.patch);
  for (const h of change.history) {
    if (h.action !== 'create') continue;
    try {
      const saved = await store.recordUpdate({
        update: { taskId: task.id, taskRef: task.ref, round: h.round, submittedBy: author, submittedAt: roundTimes(h.date).updateAt, progress: h.text, ...(h.rag && { ragProposed: h.rag }), idempotencyKey: h.key },
        task: { id: task.id, expectedVersion: task.version, patch: {} },
      });
      task = saved.task;
      h.updateId = saved.update.id;
    } catch (err) {
      if (!(err instanceof DuplicateError)) throw err;
      h.updateId = (await store.findUpdateByIdempotencyKey(h.key))?.id; // another import got there first
    }
  }
  return task.id;
}

export async function writeRounds(store: PlanStore, rounds: RoundPlan[], author: Person): Promise<void> {
  for (const plan of rounds) {
    if (plan.action === 'create') await store.createRound(newRound(plan, author));
    else if (plan.action === 'update' && plan.existing) await store.updateRound(plan.existing.id, plan.existing.version, roundAdditions(plan as RoundPlan & { existing: UpdateRound }, author));
  }
}
