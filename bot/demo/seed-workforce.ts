import type { PlanStore } from '../../core/ports/plan-store';
import { buildDemoTasks, demoUpdateInstant } from './demo-plan';
import { DEMO_COUNCIL_NAME } from './demo-council';
import { demoUsers, toPerson } from './demo-users';
import workforceData from './demo-workforce-plan.json';

export const DEMO_WORKFORCE_KEY = 'workforce-equality-plan';

/**
 * The demo's second plan: the council's workforce equality plan, run beside the district plan
 * with some of the same owners (Alex owns tasks in both), so "my tasks" and the reminder cards
 * name the plan, and the tab's plan picker has somewhere to go. Seeded once (by its key).
 */
export async function seedWorkforcePlan(store: PlanStore, today: string, period: { start: string; end: string }): Promise<number> {
  if ((await store.plans.listPlans()).some((p) => p.key === DEMO_WORKFORCE_KEY)) return 0;
  const plan = await store.plans.createPlan({
    key: DEMO_WORKFORCE_KEY,
    name: `${DEMO_COUNCIL_NAME} Workforce Equality Plan`,
    kind: 'Workforce plan',
    periodStart: period.start,
    periodEnd: period.end,
    owner: toPerson(demoUsers.priya),
    state: 'Active',
  });
  const target = store.plans.forPlan(plan.id);
  const { objectives, tasks } = buildDemoTasks(workforceData, today, period.end);
  for (const objective of objectives) await target.createObjective(objective);
  for (const { history, ...input } of tasks) {
    let task = await target.createTask(input);
    for (const [i, entry] of history.entries()) {
      ({ task } = await target.recordUpdate({
        update: { taskId: task.id, taskRef: task.ref, submittedBy: toPerson(demoUsers[entry.by]), submittedAt: demoUpdateInstant(today, entry.daysAgo), progress: entry.progress, ragProposed: entry.rag, evidence: entry.evidence, risks: entry.risks, supportNeeded: entry.supportNeeded, measureValue: entry.measureValue, idempotencyKey: `demo:workforce:${task.ref}:${i}` },
        task: { id: task.id, expectedVersion: task.version, patch: {} },
      }));
    }
  }
  return tasks.length;
}
