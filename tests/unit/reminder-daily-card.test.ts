import assert from 'node:assert/strict';
import { renderReminders } from '../../bot/cards/reminder-card';
import type { Person, ReminderLogEntry, RoundScope } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { DeliveryError, type Messenger, type OutboundCard } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/plan-store';
import { nextWorkingDay, todaysCards } from '../../core/reminders/daily-card';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { openRound } from '../../core/use-cases/open-round';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { alice, bob, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';

// Tuesday 24 Nov 2026: London is on GMT, so these instants are London wall-clock times too.
const at = (isoWithoutZone: string) => new Date(`${isoWithoutZone}Z`);
const ongoing = { dueDate: undefined, dueText: 'Ongoing' };

/** One message per person per day (issue 19): the sweep and an update round that both want someone. */
describe('reminders: one card per person per day', () => {
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
  const sweep = (now: Date, over: { store?: PlanStore } = {}) =>
    runReminderSweep({ store: over.store ?? store, messenger, clock: fixedClock(now), policy: DEFAULT_REMINDER_POLICY, render: renderReminders, calendar: ukWorkingCalendar('ENG') });
  const open = (now: Date, dueDate = '2026-12-18', scope: RoundScope = { kind: 'all-open' }) => openRound({ store, clock: fixedClock(now) }, { name: 'Q3 board', dueDate, scope });
  const toAlice = () => sent.filter((s) => s.to === alice.aadObjectId);

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    sent = [];
    failFor = new Map();
    for (const p of [alice, bob]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00.000Z' });
  });
  afterEach(() => store.close());

  it('a round opened a minute after the morning card sends no second card: tasks on it are folded in, new ones wait for the next working day', async () => {
    const due = await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
    const other = await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
    await sweep(at('2026-11-24T09:00:00'));
    assert.equal(toAlice().length, 1, 'the morning card');
    const { round } = await open(at('2026-11-24T09:01:00'));

    const later = await sweep(at('2026-11-24T09:02:00'));
    assert.equal(toAlice().length, 1, `still one card today, not ${toAlice().length}`);
    assert.equal(later.messages, 0);
    assert.deepEqual(later.folded.map((f) => f.taskRef), ['1.1'], "1.1 was on this morning's card");
    assert.deepEqual(later.held.map((h) => `${h.taskRef} until ${h.until}`), ['1.2 until 2026-11-25'], '1.2 is new: it waits for tomorrow');
    const log = await store.listReminders();
    const folded = log.find((r) => r.key === `round:${round.id}:round-open:${due.id}:${alice.aadObjectId}`);
    assert.equal(folded?.outcome, 'sent', 'the round ask for 1.1 is recorded once, as delivered on the morning card');
    assert.match(folded?.detail ?? '', /^Already on the card sent at 09:00 that day; not sent again$/);
    assert.equal(log.filter((r) => r.taskId === other.id).length, 0, 'the held ask is not logged, so the next day can send it');

    const afternoon = await sweep(at('2026-11-24T15:00:00'));
    assert.equal(toAlice().length, 1, 'nor in the afternoon');
    assert.deepEqual(afternoon.folded, [], 'folded once');
    assert.deepEqual(afternoon.held.map((h) => h.taskRef), ['1.2']);

    const wednesday = await sweep(at('2026-11-25T09:00:00'));
    assert.deepEqual(wednesday.sent.map((s) => s.taskRef), ['1.2'], 'the held ask goes the next working day, and only it');
    assert.equal(toAlice().length, 2);
    const card = toAlice()[1]!.message.card;
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardTextContent(card), /Please send a progress update for the Q3 board, due 18 Dec 2026\./);
  });

  it('the round first, then the sweep: one card lists the deadline and the round; a task added to the round later waits', async () => {
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
    await open(at('2026-11-24T08:30:00'));
    const morning = await sweep(at('2026-11-24T09:00:00'));
    assert.equal(morning.messages, 1);
    const text = cardTextContent(toAlice()[0]!.message.card);
    assert.match(text, /2 of your tasks need a progress update/);
    assert.match(text, /When: Due in 3 days; update for the Q3 board, due 18 Dec 2026/);
    assert.match(text, /When: Update for the Q3 board, due 18 Dec 2026/);

    // Added to the plan after the morning card: the round asks about every open task.
    await store.createTask(taskInput({ ref: '1.3', owners: [alice], ...ongoing }));
    const later = await sweep(at('2026-11-24T11:05:00'));
    assert.equal(toAlice().length, 1, 'one card today');
    assert.deepEqual(later.held.map((h) => h.taskRef), ['1.3']);
  });

  it('a new ask that cannot wait for the next working day goes today, in a card of only the new tasks', async () => {
    // Friday 27 Nov: the next working day is Monday 30 Nov, after a round due on Saturday.
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-12-01' }));
    await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
    await sweep(at('2026-11-27T09:00:00'));
    await open(at('2026-11-27T14:00:00'), '2026-11-28');
    const later = await sweep(at('2026-11-27T14:01:00'));
    assert.deepEqual(later.folded.map((f) => f.taskRef), ['1.1']);
    assert.deepEqual(later.held, []);
    assert.deepEqual(later.sent.map((s) => s.taskRef), ['1.2']);
    assert.equal(toAlice().length, 2);
    const { card, summary } = toAlice()[1]!.message;
    assert.deepEqual(cardProblems(card), []);
    assert.equal(executeActions(card)[0]?.title, 'Submit update', 'only the new task: its update form, not a list');
    assert.match(summary ?? '', /^1\.2: /);
    assert.match(cardTextContent(card), /for the Q3 board, due 28 Nov 2026/);
  });

  it('bank holidays count: a round due before the next working day is asked for the same day', async () => {
    // Thursday 24 Dec 2026: 25 Dec, the weekend and Monday 28 Dec (Boxing Day substitute) are not working days.
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-12-30' }));
    await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
    await sweep(at('2026-12-24T09:00:00'));
    await open(at('2026-12-24T10:00:00'), '2026-12-28');
    assert.deepEqual((await sweep(at('2026-12-24T10:01:00'))).sent.map((s) => s.taskRef), ['1.2']);
  });

  it('a morning card that failed does not count: the later sweep sends everything in one card', async () => {
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '1.2', owners: [alice], ...ongoing }));
    failFor.set(alice.aadObjectId, new DeliveryError('transient', 'connector 502'));
    await sweep(at('2026-11-24T09:00:00'));
    failFor.clear();
    await open(at('2026-11-24T09:01:00'));
    const later = await sweep(at('2026-11-24T09:30:00'));
    assert.deepEqual(later.folded, []);
    assert.deepEqual(later.held, []);
    assert.deepEqual([...new Set(later.sent.map((s) => s.taskRef))].sort(), ['1.1', '1.2']);
    assert.equal(toAlice().length, 1, 'the one card of the day');
    const log = await store.listReminders();
    assert.deepEqual(log.map((r) => r.outcome), ['sent', 'sent', 'sent'], 'the retried reminder and both round asks');
    assert.ok(log.every((r) => r.sentAt.startsWith('2026-11-24T09:30')), 'a retried reminder is stamped with the attempt that sent it');
  });

  it('each person is counted alone: Bob, with no card yet today, gets the round ask at once', async () => {
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '2.1', owners: [bob], ...ongoing }));
    await sweep(at('2026-11-24T09:00:00'));
    await open(at('2026-11-24T09:01:00'));
    const later = await sweep(at('2026-11-24T09:02:00'));
    assert.deepEqual(later.sent.map((s) => `${s.taskRef}:${s.recipient.split(' ')[0]}`), ['2.1:Bob']);
    assert.deepEqual(later.folded.map((s) => s.taskRef), ['1.1']);
  });

  it('two instances sweeping at once after the round opens fold each ask once and send nothing', async () => {
    await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
    await store.createTask(taskInput({ ref: '1.2', owners: [alice], dueDate: '2026-11-30' }));
    await sweep(at('2026-11-24T09:00:00'));
    await open(at('2026-11-24T09:01:00'));
    const [a, b] = await Promise.all([sweep(at('2026-11-24T09:02:00')), sweep(at('2026-11-24T09:02:00'))]);
    assert.equal(toAlice().length, 1);
    assert.equal(a.folded.length + b.folded.length, 2, 'each round ask folded by one instance');
    const roundKeys = (await store.listReminders()).filter((r) => r.key.startsWith('round:'));
    assert.equal(roundKeys.length, 2);
  });
});

describe('todaysCards and nextWorkingDay (core/reminders/daily-card.ts)', () => {
  const entry = (over: Partial<ReminderLogEntry>): ReminderLogEntry => ({
    id: over.key ?? 'k',
    version: '1',
    key: 'k',
    taskId: 't1',
    recipient: alice,
    trigger: 'due-7',
    sentAt: '2026-11-24T09:00:00.000Z',
    outcome: 'sent',
    ...over,
  });

  it("counts only an owner's cards claimed today that arrived or may have", () => {
    const cards = todaysCards(
      [
        entry({ key: 'a', taskId: 't1', sentAt: '2026-11-24T09:05:00.000Z' }),
        entry({ key: 'b', taskId: 't2', trigger: 'round-open', outcome: 'pending', sentAt: '2026-11-24T09:00:00.000Z' }),
        entry({ key: 'c', taskId: 't3', outcome: 'failed', detail: 'unconfirmed' }),
        entry({ key: 'd', taskId: 't4', outcome: 'failed', detail: 'transient' }),
        entry({ key: 'e', taskId: 't5', sentAt: '2026-11-23T16:00:00.000Z' }),
        entry({ key: 'f', taskId: 't6', trigger: 'escalate-14' }),
        entry({ key: 'g', taskId: 't7', trigger: 'approval-request' }),
        entry({ key: 'h', taskId: 't8', recipient: bob }),
      ],
      '2026-11-24',
    );
    assert.deepEqual([...cards.keys()].sort(), [alice.aadObjectId, bob.aadObjectId]);
    assert.deepEqual([...cards.get(alice.aadObjectId)!.taskIds].sort(), ['t1', 't2', 't3']);
    assert.equal(cards.get(alice.aadObjectId)!.firstAt, '2026-11-24T09:00:00.000Z');
  });

  it('goes by the London day: 23:30 UTC in summer is already tomorrow', () => {
    const late = entry({ sentAt: '2026-06-09T23:30:00.000Z' });
    assert.equal(todaysCards([late], '2026-06-09').size, 0);
    assert.equal(todaysCards([late], '2026-06-10').size, 1);
  });

  it('skips weekends and bank holidays', () => {
    const eng = ukWorkingCalendar('ENG');
    assert.equal(nextWorkingDay('2026-11-24', eng), '2026-11-25');
    assert.equal(nextWorkingDay('2026-11-27', eng), '2026-11-30');
    assert.equal(nextWorkingDay('2026-12-24', eng), '2026-12-29');
  });
});
