import assert from 'node:assert/strict';
import { reachReportCard } from '../../bot/cards/reach-report-card';
import { renderReminders } from '../../bot/cards/reminder-card';
import type { Person } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { DeliveryError, type Messenger, type OutboundCard } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/plan-store';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { ukWorkingCalendar, DEFAULT_SEND_WINDOW } from '../../core/reminders/working-calendar';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { alice, bob, carol, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';

const NOW = new Date('2026-11-24T10:00:00Z'); // a Tuesday, 10:00 in London

describe('runReminderSweep', () => {
  let store: PlanStore;
  let sent: { to: string; message: OutboundCard }[];
  let failFor: Map<string, DeliveryError>;
  const messenger: Messenger = {
    async sendCard(to: Person, message: OutboundCard) {
      const failure = failFor.get(to.aadObjectId);
      if (failure) throw failure;
      sent.push({ to: to.aadObjectId, message });
      return { activityId: String(sent.length) };
    },
  };
  const sweep = (now = NOW, sendWindow = false) =>
    runReminderSweep({
      store,
      messenger,
      clock: fixedClock(now),
      policy: { ...DEFAULT_REMINDER_POLICY, ediLeads: [carol] },
      render: renderReminders,
      renderReachReport: (lines) => ({ card: reachReportCard(lines), summary: 'reach report' }),
      sendWindow: sendWindow ? { calendar: ukWorkingCalendar('ENG'), window: DEFAULT_SEND_WINDOW } : undefined,
    });

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    sent = [];
    failFor = new Map();
    for (const p of [alice, bob, carol]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: NOW.toISOString() });
  });
  afterEach(() => store.close());

  it('sends an owner with several due tasks one card listing them, with an Update button each', async () => {
    await store.createTask(taskInput({ ref: '1.1', dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '1.2', dueDate: '2026-11-30' }));
    await store.createTask(taskInput({ ref: '1.3', dueDate: '2026-11-20' }));
    const result = await sweep();
    assert.equal(result.messages, 1);
    assert.equal(result.sent.length, 3);
    assert.equal(sent.length, 1);
    const card = sent[0]!.message.card;
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardTextContent(card), /3 of your tasks need a progress update/);
    assert.deepEqual(executeActions(card).map((a) => a.title), ['Update 1.3', 'Update 1.1', 'Update 1.2'], 'most urgent first');
    assert.match(cardTextContent(card), /Overdue by 4 days/);
    assert.equal((await store.listReminders()).filter((r) => r.outcome === 'sent').length, 3);
  });

  it('sends a single due task as the update form itself', async () => {
    await store.createTask(taskInput({ ref: '2.1', dueDate: '2026-11-27' }));
    await sweep();
    assert.match(cardTextContent(sent[0]!.message.card), /Reminder: this task is due in 3 days/);
    assert.equal(executeActions(sent[0]!.message.card)[0]?.title, 'Submit update');
  });

  it('escalates a long-overdue task to the accountable officer in a separate card', async () => {
    await store.createTask(taskInput({ ref: '3.1', dueDate: '2026-11-01', accountableOfficer: bob }));
    const result = await sweep();
    const toBob = sent.filter((s) => s.to === bob.aadObjectId);
    assert.equal(toBob.length, 1);
    assert.match(cardTextContent(toBob[0]!.message.card), /An action plan task is overdue/);
    assert.match(cardTextContent(toBob[0]!.message.card), /Owner: Alice Owner/);
    assert.deepEqual(cardProblems(toBob[0]!.message.card), []);
    assert.deepEqual(result.sent.map((s) => s.kind).sort(), ['escalation', 'owner']);
  });

  it('sends nothing outside the send window when asked to respect it', async () => {
    await store.createTask(taskInput({ ref: '4.1', dueDate: '2026-11-27' }));
    const saturday = await sweep(new Date('2026-11-28T10:00:00Z'), true);
    assert.equal(saturday.outsideSendWindow, true);
    const evening = await sweep(new Date('2026-11-24T18:00:00Z'), true);
    assert.equal(evening.outsideSendWindow, true);
    assert.equal(sent.length, 0);
    assert.deepEqual(await store.listReminders(), [], 'nothing logged either');
    const inHours = await sweep(new Date('2026-11-24T10:00:00Z'), true);
    assert.equal(inHours.sent.length, 1);
  });

  it('reports people without a chat as unreachable, tells the EDI lead once a day, and reaches them once installed', async () => {
    const dana = { aadObjectId: 'aad-dana', displayName: 'Dana', email: 'dana@example.gov.uk' };
    await store.createTask(taskInput({ ref: '5.1', owners: [dana], dueDate: '2026-11-27' }));
    const first = await sweep();
    assert.deepEqual(first.unreachable.map((u) => u.taskRef), ['5.1']);
    const toLead = sent.filter((s) => s.to === carol.aadObjectId);
    assert.equal(toLead.length, 1, 'the EDI lead is told');
    assert.match(cardTextContent(toLead[0]!.message.card), /1 person could not be sent their reminders/);
    assert.match(cardTextContent(toLead[0]!.message.card), /Dana .*the app is not installed for them: 5\\?\.1/);
    assert.deepEqual(cardProblems(toLead[0]!.message.card), []);
    await sweep();
    assert.equal(sent.filter((s) => s.to === carol.aadObjectId).length, 1, 'once a day');
    assert.deepEqual((await store.listReminders()).map((r) => r.trigger), ['reach-report']);
    await store.saveConversation({ aadObjectId: dana.aadObjectId, reference: {}, updatedAt: NOW.toISOString() });
    const second = await sweep();
    assert.deepEqual(second.sent.map((s) => s.taskRef), ['5.1']);
  });

  it('opens a chat for an owner the bot has none with (app installed, never told us), then sends', async () => {
    const dana = { aadObjectId: 'aad-dana', displayName: 'Dana', email: 'dana@example.gov.uk' };
    const erin = { aadObjectId: 'aad-erin', displayName: 'Erin', email: 'erin@example.gov.uk' };
    await store.createTask(taskInput({ ref: '7.1', owners: [dana], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '7.2', owners: [erin], dueDate: '2026-11-27' }));
    messenger.openConversation = async (to: Person) => {
      if (to.aadObjectId === erin.aadObjectId) throw new DeliveryError('blocked', 'app not installed');
      return { tenantId: 't', reference: { conversation: { id: `a:${to.aadObjectId}` } } };
    };
    try {
      const result = await sweep();
      assert.deepEqual(result.sent.map((s) => s.taskRef), ['7.1']);
      assert.deepEqual(result.unreachable.map((u) => u.taskRef), ['7.2']);
      assert.deepEqual((await store.getConversation(dana.aadObjectId))?.reference, { conversation: { id: 'a:aad-dana' } });
    } finally {
      delete messenger.openConversation;
    }
  });

  it('stops claiming when asked to stop, and reports stale pending claims without resending them', async () => {
    await store.createTask(taskInput({ ref: '8.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '8.2', owners: [bob], dueDate: '2026-11-27' }));
    const stop = new AbortController();
    stop.abort();
    const stopped = await runReminderSweep({ store, messenger, clock: fixedClock(NOW), policy: DEFAULT_REMINDER_POLICY, render: renderReminders, signal: stop.signal });
    assert.equal(stopped.stopped, true);
    assert.equal(sent.length, 0);
    assert.deepEqual(await store.listReminders(), []);

    // A crash left alice's reminder claimed but unconfirmed.
    const [alicePlan] = (await store.listTasks()).filter((t) => t.ref === '8.1');
    await store.tryAddReminder({ key: `${alicePlan!.id}:due-7:2026-11-27:${alice.aadObjectId}`, taskId: alicePlan!.id, recipient: alice, trigger: 'due-7', sentAt: NOW.toISOString(), outcome: 'pending' });
    const soon = await sweep(new Date(NOW.getTime() + 60_000));
    assert.deepEqual(soon.sent.map((s) => s.taskRef), ['8.2'], 'within the lease the claim is left to its owner');
    assert.deepEqual(soon.unconfirmed, []);
    const later = await sweep(new Date(NOW.getTime() + 31 * 60_000));
    assert.equal(later.unconfirmed.length, 1, 'past the lease it is reported');
    assert.equal(later.sent.length, 0, 'and never resent');
    assert.equal((await store.listReminders()).find((r) => r.recipient.aadObjectId === alice.aadObjectId)?.detail, 'unconfirmed');
  });

  it('retries a throttled or transient failure at the next sweep, never a permanent one', async () => {
    await store.createTask(taskInput({ ref: '6.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '6.2', owners: [bob], dueDate: '2026-11-27' }));
    failFor.set(alice.aadObjectId, new DeliveryError('transient', 'connector 502'));
    failFor.set(bob.aadObjectId, new DeliveryError('blocked', 'user blocked the bot'));
    const first = await sweep();
    assert.deepEqual(first.failed.map((f) => `${f.taskRef}:${f.reason}`).sort(), ['6.1:transient', '6.2:blocked']);
    failFor.clear();
    const second = await sweep();
    assert.deepEqual(second.sent.map((s) => s.taskRef), ['6.1']);
    const third = await sweep();
    assert.equal(third.sent.length + third.failed.length, 0, 'nothing twice, and the blocked one is not retried');
  });

  describe('with an update round open', () => {
    const openRound = (over: Partial<Parameters<PlanStore['createRound']>[0]> = {}) =>
      store.createRound({ name: 'Board report December 2026', opensAt: '2026-11-23T15:00:00.000Z', dueDate: '2026-12-11', scope: { kind: 'all-open' }, state: 'Open', ...over });
    const ongoing = { dueDate: undefined, dueText: 'Ongoing' };

    it('asks each owner once, in the same card as their deadline reminders', async () => {
      const round = await openRound();
      const due = await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
      await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
      await store.createTask(taskInput({ ref: '2.1', owners: [bob], ...ongoing }));
      const result = await sweep();
      assert.equal(result.messages, 2, 'one message per owner');
      const toAlice = sent.filter((s) => s.to === alice.aadObjectId);
      assert.equal(toAlice.length, 1);
      const card = toAlice[0]!.message.card;
      assert.deepEqual(cardProblems(card), []);
      const text = cardTextContent(card);
      assert.match(text, /2 of your tasks need a progress update/);
      assert.match(text, /When: Due in 3 days; update for the Board report December 2026, due 11 Dec 2026/);
      assert.match(text, /When: Update for the Board report December 2026, due 11 Dec 2026/);
      assert.deepEqual(executeActions(card).map((a) => a.title), ['Update 1.1', 'Update 1.2'], 'one line per task');
      const toBob = sent.find((s) => s.to === bob.aadObjectId)!.message;
      assert.deepEqual(cardProblems(toBob.card), []);
      assert.match(cardTextContent(toBob.card), /Please send a progress update for the Board report December 2026, due 11 Dec 2026\./);
      assert.equal(executeActions(toBob.card)[0]?.title, 'Submit update', 'a single task is the update form itself');
      const keys = (await store.listReminders()).map((r) => r.key).sort();
      assert.ok(keys.includes(`round:${round.id}:round-open:${due.id}:${alice.aadObjectId}`), keys.join('\n'));
      assert.equal(keys.filter((k) => k.startsWith(`round:${round.id}:round-open:`)).length, 3);
      assert.deepEqual(result.sent.filter((s) => s.round).map((s) => s.round), Array(3).fill('Board report December 2026'));
      const again = await sweep();
      assert.equal(again.planned, 0, 'asked once');
    });

    it('says both reasons on the form when one task is due and in the round', async () => {
      await openRound();
      await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
      await sweep();
      const { card, summary } = sent[0]!.message;
      assert.deepEqual(cardProblems(card), []);
      assert.match(cardTextContent(card), /Reminder: this task is due in 3 days\. Please send a progress update\. It is also needed for the Board report December 2026, due 11 Dec 2026\./);
      assert.match(summary ?? '', /^1\.1: Reminder/);
      assert.equal((await store.listReminders()).length, 2, 'both keys logged');
    });

    it('chases before the due date only those who have not answered', async () => {
      await openRound();
      const a = await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
      await store.createTask(taskInput({ ref: '2.1', owners: [bob], ...ongoing }));
      await sweep();
      await store.updateTask(a.id, a.version, { latestUpdate: 'Done the survey', latestUpdateAt: '2026-11-30T10:00:00.000Z', latestUpdateBy: alice });
      sent = [];
      const chase = await sweep(new Date('2026-12-04T10:00:00Z'));
      assert.deepEqual(chase.sent.map((s) => `${s.taskRef}:${s.recipient.split(' ')[0]}`), ['2.1:Bob']);
      assert.ok((await store.listReminders()).some((r) => r.trigger === 'round-chase-7'));
      assert.equal((await sweep(new Date('2026-12-05T10:00:00Z'))).planned, 0);
    });

    it('sends nothing for a closed round', async () => {
      const round = await openRound();
      await store.updateRound(round.id, round.version, { state: 'Closed', closedAt: '2026-11-23T16:00:00.000Z', snapshot: [] });
      await store.createTask(taskInput({ ref: '2.1', owners: [bob], ...ongoing }));
      assert.equal((await sweep()).planned, 0);
    });
  });
});
