import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { londonDate } from '../../core/plan/london-time';
import { buildDemoPlan, demoUpdateInstant } from './demo-plan';
import { demoUsers, toPerson } from './demo-users';

/**
 * Seeds the demo plan into an empty store (once: a store with any task is left alone), with each
 * task's update history, dated relative to today so the demo always has work due.
 */
export async function seedDemoPlan(deps: { store: PlanStore; clock: Clock }): Promise<{ seeded: boolean; tasks: number }> {
  const { store } = deps;
  if ((await store.listTasks()).length > 0) return { seeded: false, tasks: 0 };
  const today = londonDate(deps.clock.now());
  const plan = buildDemoPlan(today);
  for (const objective of plan.objectives) await store.createObjective(objective);
  for (const { history, ...input } of plan.tasks) {
    let task = await store.createTask(input);
    for (const [i, entry] of history.entries()) {
      ({ task } = await store.recordUpdate({
        update: {
          taskId: task.id,
          taskRef: task.ref,
          submittedBy: toPerson(demoUsers[entry.by]),
          submittedAt: demoUpdateInstant(today, entry.daysAgo),
          progress: entry.progress,
          ragProposed: entry.rag,
          evidence: entry.evidence,
          risks: entry.risks,
          idempotencyKey: `demo:${task.ref}:${i}`,
        },
        task: { id: task.id, expectedVersion: task.version, patch: {} },
      }));
    }
  }
  return { seeded: true, tasks: plan.tasks.length };
}
