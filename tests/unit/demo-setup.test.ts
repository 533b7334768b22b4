import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { demoUsers } from '../../bot/demo/demo-users';
import { personalChatId, playgroundConfigYaml } from '../../bot/demo/playground-config';
import { fixedClock } from '../../core/ports/clock';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { planReminders } from '../../core/reminders/reminder-planner';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { openEmulatedSharePoint } from '../support/sharepoint-over-emulator';

/** The seeded rounds without store ids: what any store should give back. */
async function roundsByRef(store: PlanStore) {
  const refs = new Map((await store.listTasks()).map((t) => [t.id, t.ref]));
  return (await store.listRounds()).map(({ id: _id, version: _version, snapshot, ...round }) => ({
    ...round,
    snapshot: snapshot?.map(({ taskId, updateId, ...line }) => ({ ...line, task: refs.get(taskId), hasUpdateId: updateId !== undefined })),
  }));
}

describe('demo setup', () => {
  it('the committed .m365agentsplayground.yml is the generated one (no drift from the demo users)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', '.m365agentsplayground.yml'), 'utf8');
    assert.equal(committed, playgroundConfigYaml('alex'));
  });

  it('the playground config names five other users, all owners or managers in the demo plan', () => {
    for (const who of ['alex', 'sam'] as const) {
      const yaml = playgroundConfigYaml(who);
      assert.match(yaml, new RegExp(`currentUser:\\n  id: "29:${who}"`));
      assert.equal((yaml.match(/^ {2}- id: "29:/gm) ?? []).length, 5);
      assert.ok(yaml.includes(`id: "${personalChatId(who)}"`));
      assert.ok(yaml.includes(`aadObjectId: "${demoUsers[who].aadObjectId}"`));
    }
  });

  it('seeds once, with history, and leaves a reminder due for the playground user', async () => {
    const store = SqlitePlanStore.open(':memory:');
    const clock = fixedClock(new Date('2026-11-22T08:00:00Z'));
    const first = await seedDemoPlan({ store, clock });
    assert.equal(first.seeded, true);
    assert.ok(first.tasks >= 20);
    assert.deepEqual(await seedDemoPlan({ store, clock }), { seeded: false, tasks: 0 });
    const tasks = await store.listTasks();
    const plans = await store.plans.listPlans();
    const otherPlanTasks = (await Promise.all(plans.filter((p) => p.id !== store.planId).map((p) => store.plans.forPlan(p.id).listTasks()))).flat();
    assert.equal(plans.length, 2, 'the district plan and the workforce plan');
    assert.equal(tasks.length + otherPlanTasks.length, first.tasks);
    assert.ok((await store.listObjectives()).length >= 3);
    assert.ok((await store.listRecentUpdates(1000)).length > tasks.length / 2, 'most tasks have history');
    const due = planReminders(tasks, new Set(), clock.now(), DEFAULT_REMINDER_POLICY);
    assert.ok(due.some((r) => r.recipient.aadObjectId === demoUsers.alex.aadObjectId));
    const rounds = await store.listRounds();
    assert.ok(rounds.length >= 3 && rounds.every((r) => r.state === 'Closed'), 'closed board rounds, none left open');
    await store.close();
  });

  it('seeds the same rounds and measures into SharePoint lists as into SQLite', async function () {
    this.timeout(60_000);
    const clock = fixedClock(new Date('2026-03-12T10:00:00Z'));
    const sqlite = SqlitePlanStore.open(':memory:');
    const { emulator, store: sharePoint } = await openEmulatedSharePoint();
    try {
      await seedDemoPlan({ store: sqlite, clock });
      await seedDemoPlan({ store: sharePoint, clock });
      assert.deepEqual(await roundsByRef(sharePoint), await roundsByRef(sqlite));
      const measures = (store: PlanStore) => store.listTasks().then((ts) => ts.filter((t) => t.measure).map((t) => [t.ref, t.measure, t.measureValue, t.measureValueAt, t.startingPosition, t.supportNeeded]));
      assert.deepEqual(await measures(sharePoint), await measures(sqlite));
      const recent = (store: PlanStore) => store.listRecentUpdates(1000).then((us) => us.map((u) => [u.taskRef, u.submittedAt, u.round, u.measureValue, u.supportNeeded]).sort());
      assert.deepEqual(await recent(sharePoint), await recent(sqlite));
    } finally {
      await sqlite.close();
      await sharePoint.close();
      await emulator.close();
    }
  });
});
