import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { londonDate } from '../../core/plan/london-time';
import { planKeyFrom } from '../../core/plan/plans';
import { buildDemoPlan, demoUpdateInstant, type DemoTask } from './demo-plan';
import { seedDemoActivity } from './demo-activity';
import { closedRoundInput, roundAnswered, type DemoRound, type SeededTask } from './demo-rounds';
import { demoUsers, toPerson } from './demo-users';
import { seedWorkforcePlan } from './seed-workforce';

/**
 * Seeds the demo plan into an empty store (once: a store with any task is left alone), with each
 * task's update history and the board rounds already closed, dated relative to today so the demo
 * always has work due and trends to show. Each round keeps the snapshot closing it then would have
 * kept; updates submitted while a round was open answer it.
 */
export async function seedDemoPlan(deps: { store: PlanStore; clock: Clock }): Promise<{ seeded: boolean; tasks: number }> {
  const { store } = deps;
  if ((await store.listTasks()).length > 0) return { seeded: false, tasks: 0 };
  const today = londonDate(deps.clock.now());
  const plan = buildDemoPlan(today);
  for (const objective of plan.objectives) await store.createObjective(objective);
  const seeded: SeededTask[] = [];
  for (const demoTask of plan.tasks) seeded.push(await seedTask(store, demoTask, today, plan.rounds));
  for (const round of plan.rounds) await store.createRound(closedRoundInput(round, seeded));
  await seedDemoActivity(store, today);
  const first = await store.plans.getPlan(store.planId);
  // The demo plan's own name, period (and a key that says them, for the address bar) and owner, the demo's EDI officer.
  if (first) {
    const key = planKeyFrom('District EDI plan', plan.planStart, plan.planEnd);
    await store.plans.updatePlan(first.id, first.version, { name: plan.title, periodStart: plan.planStart, periodEnd: plan.planEnd, key, owner: toPerson(demoUsers.priya) });
  }
  const workforce = await seedWorkforcePlan(store, today, { start: plan.planStart, end: plan.planEnd });
  return { seeded: true, tasks: plan.tasks.length + workforce };
}

async function seedTask(store: PlanStore, { history, ...input }: DemoTask, today: string, rounds: DemoRound[]): Promise<SeededTask> {
  let task = await store.createTask(input);
  const updates = [];
  for (const [i, entry] of history.entries()) {
    const submittedAt = demoUpdateInstant(today, entry.daysAgo);
    const round = roundAnswered(rounds, task, submittedAt);
    let update;
    ({ task, update } = await store.recordUpdate({
      update: {
        taskId: task.id,
        taskRef: task.ref,
        ...(round && { round: round.name }),
        submittedBy: toPerson(demoUsers[entry.by]),
        submittedAt,
        progress: entry.progress,
        ragProposed: entry.rag,
        evidence: entry.evidence,
        risks: entry.risks,
        supportNeeded: entry.supportNeeded,
        measureValue: entry.measureValue,
        idempotencyKey: `demo:${task.ref}:${i}`,
      },
      task: { id: task.id, expectedVersion: task.version, patch: {} },
    }));
    updates.push(update);
  }
  return { task, updates };
}
