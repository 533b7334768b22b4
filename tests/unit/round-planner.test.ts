import assert from 'node:assert/strict';
import type { Task, UpdateRound } from '../../core/model';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { planRoundReminders, roundReminderKey } from '../../core/reminders/round-planner';
import { alice, bob, carol, taskInput } from '../support/builders';

let nextId = 1;
const task = (over: Partial<Task> = {}): Task => ({ ...taskInput({ dueDate: undefined, dueText: 'Ongoing' }), id: String(nextId++), version: '1', ...over });
const round = (over: Partial<UpdateRound> = {}): UpdateRound => ({
  id: 'r1',
  version: '1',
  name: 'Board report March 2027',
  // Opened Monday 1 March 2027, 14:00 London (GMT); due Friday 19 March.
  opensAt: '2027-03-01T14:00:00.000Z',
  dueDate: '2027-03-19',
  scope: { kind: 'all-open' },
  state: 'Open',
  ...over,
});
const plan = (tasks: Task[], rounds: UpdateRound[], now: string, logged: string[] = [], policy = DEFAULT_REMINDER_POLICY) =>
  planRoundReminders(tasks, rounds, new Set(logged), new Date(now), policy).map((r) => `${r.task.ref}:${r.trigger}:${r.recipient.aadObjectId}`);

describe('planRoundReminders', () => {
  it('asks every owner of every open task in scope once the round opens', () => {
    const tasks = [task({ ref: '1.1', owners: [alice] }), task({ ref: '1.2', owners: [alice, bob] }), task({ ref: '2.1', owners: [carol] })];
    assert.deepEqual(plan(tasks, [round()], '2027-03-01T14:05:00Z').sort(), [
      '1.1:round-open:aad-alice',
      '1.2:round-open:aad-alice',
      '1.2:round-open:aad-bob',
      '2.1:round-open:aad-carol',
    ]);
  });

  it('asks nobody before the round opens', () => {
    assert.deepEqual(plan([task()], [round({ opensAt: '2027-03-02T09:00:00.000Z' })], '2027-03-01T14:05:00Z'), []);
  });

  it('says which round, and days until its due date, on each reminder', () => {
    const [r] = planRoundReminders([task()], [round()], new Set(), new Date('2027-03-02T09:00:00Z'), DEFAULT_REMINDER_POLICY);
    assert.deepEqual(r?.round, { id: 'r1', name: 'Board report March 2027', dueDate: '2027-03-19' });
    assert.equal(r?.daysUntilDue, 17);
    assert.equal(r?.kind, 'owner');
    assert.equal(r?.key, roundReminderKey({ id: 'r1' }, 'round-open', r!.task, alice));
  });

  it('chases 7 and 2 days before the due date, once each, then stops after the due date', () => {
    const t = task({ ref: '1.1' });
    const open = roundReminderKey({ id: 'r1' }, 'round-open', t, alice);
    const chase7 = roundReminderKey({ id: 'r1' }, 'round-chase-7', t, alice);
    const chase2 = roundReminderKey({ id: 'r1' }, 'round-chase-2', t, alice);
    assert.deepEqual(plan([t], [round()], '2027-03-11T09:00:00Z', [open]), [], '8 days before: nothing new');
    assert.deepEqual(plan([t], [round()], '2027-03-12T09:00:00Z', [open]), ['1.1:round-chase-7:aad-alice']);
    assert.deepEqual(plan([t], [round()], '2027-03-15T09:00:00Z', [open, chase7]), [], 'between chasers: nothing');
    assert.deepEqual(plan([t], [round()], '2027-03-17T09:00:00Z', [open, chase7]), ['1.1:round-chase-2:aad-alice']);
    assert.deepEqual(plan([t], [round()], '2027-03-19T09:00:00Z', [open, chase7, chase2]), []);
    assert.deepEqual(plan([t], [round()], '2027-03-20T09:00:00Z', [open]), [], 'nothing after the due date');
  });

  it('plans only the latest stage: an owner first reached late gets one message, not a backlog', () => {
    assert.deepEqual(plan([task({ ref: '1.1' })], [round()], '2027-03-18T09:00:00Z'), ['1.1:round-chase-2:aad-alice']);
  });

  it('skips a chaser that would come within days of the opening ask', () => {
    // Opened 8 days before the due date: the 7-day chaser would follow a day later; the 2-day one still goes.
    const late = round({ opensAt: '2027-03-11T10:00:00.000Z' });
    assert.deepEqual(plan([task({ ref: '1.1' })], [late], '2027-03-12T09:00:00Z'), ['1.1:round-open:aad-alice'], 'the first ask is the opening one');
    assert.deepEqual(plan([task({ ref: '1.1' })], [late], '2027-03-17T09:00:00Z'), ['1.1:round-chase-2:aad-alice']);
  });

  it('skips owners whose task is answered since the round opened', () => {
    const answered = task({ ref: '1.1', latestUpdateAt: '2027-03-03T10:00:00.000Z' });
    const before = task({ ref: '1.2', latestUpdateAt: '2027-02-27T10:00:00.000Z' });
    const justAtOpening = task({ ref: '1.3', latestUpdateAt: '2027-03-01T14:00:00.000Z' });
    assert.deepEqual(plan([answered, before, justAtOpening], [round()], '2027-03-12T09:00:00Z'), ['1.2:round-chase-7:aad-alice']);
  });

  it('counts an answer by any owner for the task', () => {
    const shared = task({ ref: '1.1', owners: [alice, bob], latestUpdateAt: '2027-03-05T10:00:00.000Z', latestUpdateBy: bob });
    assert.deepEqual(plan([shared], [round()], '2027-03-12T09:00:00Z'), []);
  });

  it('follows the scope: some objectives, or some tasks', () => {
    const tasks = [task({ ref: '1.1', objectiveRef: '1' }), task({ ref: '2.1', objectiveRef: '2' }), task({ ref: '3a', objectiveRef: '3' })];
    assert.deepEqual(plan(tasks, [round({ scope: { kind: 'objectives', refs: ['1', '3'] } })], '2027-03-02T09:00:00Z'), ['1.1:round-open:aad-alice', '3a:round-open:aad-alice']);
    assert.deepEqual(plan(tasks, [round({ scope: { kind: 'tasks', refs: ['2.1'] } })], '2027-03-02T09:00:00Z'), ['2.1:round-open:aad-alice']);
  });

  it('leaves out tasks that are not open', () => {
    const tasks = [task({ ref: '1.1', status: 'Complete', rag: 'Complete' }), task({ ref: '1.2', status: 'Withdrawn' }), task({ ref: '1.3', status: 'Carried forward' })];
    assert.deepEqual(plan(tasks, [round()], '2027-03-02T09:00:00Z'), []);
  });

  it('ignores closed rounds', () => {
    assert.deepEqual(plan([task()], [round({ state: 'Closed', closedAt: '2027-03-05T10:00:00.000Z' })], '2027-03-02T09:00:00Z'), []);
  });

  it('never plans a key already in the log', () => {
    const t = task({ ref: '1.1' });
    assert.deepEqual(plan([t], [round()], '2027-03-02T09:00:00Z', [roundReminderKey({ id: 'r1' }, 'round-open', t, alice)]), []);
    assert.notEqual(roundReminderKey({ id: 'r1' }, 'round-open', t, alice), roundReminderKey({ id: 'r2' }, 'round-open', t, alice), 'a new round asks again');
  });

  it('follows the configured chaser days', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, roundChaserDaysBefore: [10, 3] };
    assert.deepEqual(plan([task({ ref: '1.1' })], [round()], '2027-03-09T09:00:00Z', [], policy), ['1.1:round-chase-10:aad-alice']);
    assert.deepEqual(plan([task({ ref: '1.1' })], [round()], '2027-03-12T09:00:00Z', [], { ...policy, roundChaserDaysBefore: [] }), ['1.1:round-open:aad-alice']);
  });

  it('uses London calendar days (late evening UTC in summer is the next day)', () => {
    const summer = round({ opensAt: '2027-06-01T09:00:00.000Z', dueDate: '2027-06-20' });
    // 2027-06-12T23:30Z is 13 June 00:30 BST: 7 days before the due date.
    assert.deepEqual(plan([task({ ref: '1.1' })], [summer], '2027-06-12T23:30:00Z'), ['1.1:round-chase-7:aad-alice']);
    assert.deepEqual(plan([task({ ref: '1.1' })], [summer], '2027-06-12T22:30:00Z'), ['1.1:round-open:aad-alice']);
  });
});
