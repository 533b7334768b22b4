import assert from 'node:assert/strict';
import { myTasksCard } from '../../bot/cards/my-tasks-card';
import { renderReminders } from '../../bot/cards/reminder-card';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { DEMO_WORKFORCE_KEY } from '../../bot/demo/seed-workforce';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { fixedClock } from '../../core/ports/clock';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { listMyTasks } from '../../core/use-cases/list-my-tasks';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { CapturingMessenger } from '../support/capturing-messenger';

const NOW = new Date('2026-11-23T10:00:00Z');
const clock = fixedClock(NOW);

/** Issue 20: the demo's two plans, with Alex owning tasks in both. */
describe('several plans: my tasks and reminders span the active plans, naming the plan', () => {
  let store: SqlitePlanStore;
  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:', { now: NOW });
    await seedDemoPlan({ store, clock });
  });
  afterEach(async () => store.close());

  it('seeds two Active plans, named, with owners in both; seeding again adds nothing', async () => {
    const plans = await store.plans.listPlans();
    assert.deepEqual(plans.map((p) => [p.kind, p.state]), [['EDI plan', 'Active'], ['Workforce plan', 'Active']]);
    assert.match(plans[0]!.name, /Northvale .*Action Plan/);
    assert.equal(plans[1]!.key, DEMO_WORKFORCE_KEY);
    const workforce = await store.plans.forPlan(plans[1]!.id).listTasks();
    assert.ok(workforce.length >= 5);
    assert.deepEqual(await seedDemoPlan({ store, clock }), { seeded: false, tasks: 0 });
    assert.equal((await store.plans.listPlans()).length, 2);
  });

  it('"my tasks" for an owner in both plans lists tasks from each, labelled with the plan', async () => {
    const alex = toPerson(demoUsers.alex).aadObjectId;
    const mine = await listMyTasks(store, alex);
    const plans = await store.plans.listPlans();
    const byPlan = new Map(plans.map((p) => [p.id, mine.filter((t) => t.planId === p.id)]));
    assert.ok(byPlan.get(plans[0]!.id)!.length > 0 && byPlan.get(plans[1]!.id)!.length > 0, 'tasks from both plans');
    for (const task of mine) assert.equal(task.planName, plans.find((p) => p.id === task.planId)!.name);
    const card = JSON.stringify(myTasksCard(mine, '2026-11-23'));
    assert.match(card, /"title":"Plan","value":"Northvale District Council Workforce Equality Plan"/);

    // Someone whose open tasks are all in one plan gets no labels.
    let unlabelled = 0;
    for (const user of Object.values(demoUsers)) {
      const theirs = await listMyTasks(store, toPerson(user).aadObjectId);
      if (new Set(theirs.map((t) => t.planId)).size !== 1) continue;
      assert.ok(theirs.every((t) => t.planName === undefined), user.displayName);
      unlabelled += 1;
    }
    assert.ok(unlabelled > 0, 'someone has tasks in one plan only');
  });

  it('leaves a closed plan out of my tasks and the sweep', async () => {
    const alex = toPerson(demoUsers.alex).aadObjectId;
    const workforce = (await store.plans.listPlans())[1]!;
    await store.plans.updatePlan(workforce.id, workforce.version, { state: 'Closed' });
    const mine = await listMyTasks(store, alex);
    assert.ok(mine.length > 0 && mine.every((t) => t.planId === store.planId && t.planName === undefined));
  });

  it('one reminder sweep covers every active plan, and an owner with tasks in two plans gets one card naming each plan', async () => {
    const messenger = new CapturingMessenger();
    for (const key of Object.keys(demoUsers) as (keyof typeof demoUsers)[]) {
      await store.saveConversation({ aadObjectId: toPerson(demoUsers[key]).aadObjectId, reference: { conversation: { id: `c-${key}` } }, updatedAt: '2026-11-01T09:00:00.000Z' });
    }
    const result = await runReminderSweep({ store, messenger, clock, policy: DEFAULT_REMINDER_POLICY, render: renderReminders });
    assert.ok(result.sent.length > 0);
    const alexCards = messenger.sentTo(toPerson(demoUsers.alex));
    assert.equal(alexCards.length, 1, 'one card for Alex');
    const card = JSON.stringify(alexCards[0]!.message.card);
    assert.match(card, /Count me in/, "the workforce plan's overdue task is on it");
    assert.match(card, /"title":"Plan","value":"Northvale District Council Workforce Equality Plan"/);
    assert.match(card, /"title":"Plan","value":"Northvale .*Action Plan/);
  });
});
