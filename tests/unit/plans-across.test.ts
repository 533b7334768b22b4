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
import { planLabeller } from '../../core/plan/plan-labels';
import type { Plan } from '../../core/model';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { CapturingMessenger } from '../support/capturing-messenger';
import { executeActions } from '../support/card-validator';

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
    // Kind and years: short enough for a button, and telling the two apart.
    const short = new Map([[plans[0]!.id, `EDI plan ${plans[0]!.periodStart.slice(0, 4)}–${plans[0]!.periodEnd.slice(2, 4)}`], [plans[1]!.id, `Workforce plan ${plans[1]!.periodStart.slice(0, 4)}–${plans[1]!.periodEnd.slice(2, 4)}`]]);
    for (const task of mine) assert.equal(task.planName, short.get(task.planId!));
    const card = myTasksCard(mine, '2026-11-23');
    assert.match(JSON.stringify(card), /"title":"Plan","value":"Workforce plan 20\d\d–\d\d"/);
    // Both plans have a task 1.1.2 of Alex's: every button on the card has its own name.
    const titles = executeActions(card).map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, titles.join(', '));
    assert.ok(titles.includes(`Update 1.1.2 (${short.get(plans[0]!.id)})`) && titles.includes(`Update 1.1.2 (${short.get(plans[1]!.id)})`), titles.join(', '));

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
    assert.match(card, /"title":"Plan","value":"Workforce plan 20\d\d–\d\d"/);
    assert.match(card, /"title":"Plan","value":"EDI plan 20\d\d–\d\d"/);
  });

  it('names a plan by its full name where kind and years would not tell it apart, or its kind is Other', () => {
    const plan = (id: string, kind: Plan['kind'], periodStart: string, periodEnd: string) => ({ id, name: `Plan ${id}`, kind, periodStart, periodEnd });
    const mine = { owners: [{ aadObjectId: 'a', displayName: 'A', email: 'a@example.gov.uk' }], status: 'Open' as const };
    const label = planLabeller([
      { plan: plan('p1', 'EDI plan', '2025-04-01', '2028-03-31'), tasks: [mine] },
      { plan: plan('p2', 'EDI plan', '2025-04-01', '2028-03-31'), tasks: [mine] },
      { plan: plan('p3', 'Race action plan', '2026-01-01', '2026-12-31'), tasks: [mine] },
      { plan: plan('p4', 'Other', '2026-04-01', '2027-03-31'), tasks: [mine] },
      { plan: plan('p5', 'Workforce plan', '1999-04-01', '2001-03-31'), tasks: [] },
    ]);
    assert.deepEqual(['p1', 'p2', 'p3', 'p4', 'p5'].map((planId) => label('a', { planId })), ['Plan p1', 'Plan p2', 'Race action plan 2026', 'Plan p4', 'Workforce plan 1999–2001']);
    assert.equal(label('someone else', { planId: 'p1' }), undefined, 'no label for a person in no plan');
  });
});
