import assert from 'node:assert/strict';
import type { Task } from '../../core/model';
import { planReminders, reminderKey } from '../../core/reminders/reminder-planner';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { alice, bob, carol, taskInput } from '../support/builders';

const task = (over: Partial<Task> = {}): Task => ({ ...taskInput(), id: '1', version: '1', ...over });
const at = (iso: string) => new Date(iso);
const plan = (tasks: Task[], now: string, logged: string[] = []) =>
  planReminders(tasks, new Set(logged), at(now), DEFAULT_REMINDER_POLICY).map((r) => `${r.task.ref}:${r.trigger}:${r.recipient.aadObjectId}`);

describe('planReminders', () => {
  it('sends nothing before the 14-day window opens', () => {
    assert.deepEqual(plan([task({ dueDate: '2026-12-20' })], '2026-12-05T09:00:00Z'), []);
  });

  it('reminds at 14 days, then 7, then 1, then overdue +1 and +7', () => {
    const t = task({ dueDate: '2026-12-20' });
    assert.deepEqual(plan([t], '2026-12-06T09:00:00Z'), ['1.1.1:due-14:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-10T09:00:00Z'), ['1.1.1:due-14:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-13T09:00:00Z'), ['1.1.1:due-7:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-19T09:00:00Z'), ['1.1.1:due-1:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-20T09:00:00Z'), ['1.1.1:due-1:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-21T09:00:00Z'), ['1.1.1:overdue-1:aad-alice']);
    assert.deepEqual(plan([t], '2026-12-27T09:00:00Z'), ['1.1.1:overdue-7:aad-alice']);
    assert.deepEqual(plan([t], '2027-03-01T09:00:00Z'), ['1.1.1:overdue-7:aad-alice']);
  });

  it('never plans a reminder already in the log', () => {
    const t = task({ dueDate: '2026-12-20' });
    const key = reminderKey(t, 'due-14', '2026-12-20', alice);
    assert.deepEqual(plan([t], '2026-12-07T09:00:00Z', [key]), []);
    assert.deepEqual(plan([t], '2026-12-13T09:00:00Z', [key]), ['1.1.1:due-7:aad-alice']);
  });

  it('a changed due date is a new occurrence', () => {
    const before = reminderKey(task(), 'due-14', '2026-12-20', alice);
    const after = reminderKey(task(), 'due-14', '2027-01-20', alice);
    assert.notEqual(before, after);
  });

  it('reminds every owner of a task', () => {
    assert.deepEqual(plan([task({ owners: [alice, bob], dueDate: '2026-12-01' })], '2026-11-25T09:00:00Z').sort(), [
      '1.1.1:due-7:aad-alice',
      '1.1.1:due-7:aad-bob',
    ]);
  });

  it('skips owners who already updated in the current window', () => {
    const due = '2026-12-20';
    // Updated after the window opened (6 Dec): no pre-deadline reminder.
    assert.deepEqual(plan([task({ dueDate: due, latestUpdateAt: '2026-12-08T10:00:00Z' })], '2026-12-13T09:00:00Z'), []);
    // Updated before the window opened: reminded.
    assert.deepEqual(plan([task({ dueDate: due, latestUpdateAt: '2026-12-05T10:00:00Z' })], '2026-12-13T09:00:00Z'), ['1.1.1:due-7:aad-alice']);
    // Once overdue, an update from before the due date no longer counts.
    assert.deepEqual(plan([task({ dueDate: due, latestUpdateAt: '2026-12-15T10:00:00Z' })], '2026-12-22T09:00:00Z'), ['1.1.1:overdue-1:aad-alice']);
    // An update since the due date does.
    assert.deepEqual(plan([task({ dueDate: due, latestUpdateAt: '2026-12-21T10:00:00Z' })], '2026-12-22T09:00:00Z'), []);
  });

  it('counts the window from midnight London time, in summer time too', () => {
    // Window for 2027-07-15 opens 2027-07-01 00:00 BST = 2027-06-30T23:00Z.
    const t = task({ dueDate: '2027-07-15', latestUpdateAt: '2027-06-30T23:30:00Z' });
    assert.deepEqual(plan([t], '2027-07-02T08:00:00Z'), []);
    assert.deepEqual(plan([{ ...t, latestUpdateAt: '2027-06-30T22:30:00Z' }], '2027-07-02T08:00:00Z'), ['1.1.1:due-14:aad-alice']);
  });

  it('uses the London calendar day for "today" (late evening UTC in summer is tomorrow)', () => {
    const t = task({ dueDate: '2027-07-15' });
    // 2027-07-07T23:30Z is 8 July 00:30 BST: 7 days before the deadline.
    assert.deepEqual(plan([t], '2027-07-07T23:30:00Z'), ['1.1.1:due-7:aad-alice']);
    assert.deepEqual(plan([t], '2027-07-07T22:30:00Z'), ['1.1.1:due-14:aad-alice']);
  });

  it('ignores closed tasks and tasks without a due date', () => {
    const now = '2026-11-25T09:00:00Z';
    assert.deepEqual(plan([task({ status: 'Complete', rag: 'Complete', dueDate: '2026-11-26' })], now), []);
    assert.deepEqual(plan([task({ status: 'Withdrawn', dueDate: '2026-11-26' })], now), []);
    assert.deepEqual(plan([task({ dueDate: undefined, dueText: 'Ongoing' })], now), []);
  });

  it('handles month ends and leap days', () => {
    assert.deepEqual(plan([task({ dueDate: '2028-03-01' })], '2028-02-29T09:00:00Z'), ['1.1.1:due-1:aad-alice']);
    assert.deepEqual(plan([task({ dueDate: '2027-01-31' })], '2027-01-17T09:00:00Z'), ['1.1.1:due-14:aad-alice']);
    assert.deepEqual(plan([task({ dueDate: '2027-01-31' })], '2027-01-16T09:00:00Z'), []);
  });

  it('follows a custom policy', () => {
    const t = task({ dueDate: '2026-12-20' });
    const custom = planReminders([t], new Set(), at('2026-12-17T09:00:00Z'), { daysBefore: [3], daysOverdue: [] });
    assert.deepEqual(custom.map((r) => r.trigger), ['due-3']);
    assert.deepEqual(planReminders([t], new Set(), at('2026-12-30T09:00:00Z'), { daysBefore: [3], daysOverdue: [] }).map((r) => r.trigger), ['due-3']);
    assert.deepEqual(planReminders([t], new Set(), at('2026-12-30T09:00:00Z'), { daysBefore: [], daysOverdue: [] }), []);
  });

  it('reports days until due for the card wording', () => {
    const [r] = planReminders([task({ dueDate: '2026-12-01' })], new Set(), at('2026-11-26T09:00:00Z'), DEFAULT_REMINDER_POLICY);
    assert.equal(r?.daysUntilDue, 5);
  });
});

describe('planReminders: escalation', () => {
  const policy = { ...DEFAULT_REMINDER_POLICY, escalateAfterDays: 14, ediLeads: [carol] };
  const escalations = (tasks: Task[], now: string) =>
    planReminders(tasks, new Set(), at(now), policy)
      .filter((r) => r.kind === 'escalation')
      .map((r) => `${r.trigger}:${r.recipient.aadObjectId}`);

  it('tells the accountable officer once a task is 14 days overdue with no update since the deadline', () => {
    const t = task({ dueDate: '2026-12-01', accountableOfficer: bob });
    assert.deepEqual(escalations([t], '2026-12-14T09:00:00Z'), []);
    assert.deepEqual(escalations([t], '2026-12-15T09:00:00Z'), ['escalate-14:aad-bob']);
    const owner = planReminders([t], new Set(), at('2026-12-15T09:00:00Z'), policy).filter((r) => r.kind === 'owner');
    assert.deepEqual(owner.map((r) => r.trigger), ['overdue-7'], 'the owner still gets their overdue reminder');
    assert.deepEqual(escalations([{ ...t, latestUpdateAt: '2026-12-10T10:00:00Z' }], '2026-12-15T09:00:00Z'), [], 'an update since the deadline stops it');
  });

  it('falls back to the EDI leads, and never escalates to an owner', () => {
    assert.deepEqual(escalations([task({ dueDate: '2026-12-01' })], '2026-12-20T09:00:00Z'), ['escalate-14:aad-carol']);
    assert.deepEqual(escalations([task({ dueDate: '2026-12-01', owners: [alice, bob], accountableOfficer: bob })], '2026-12-20T09:00:00Z'), ['escalate-14:aad-carol']);
    assert.deepEqual(escalations([task({ dueDate: '2026-12-01', owners: [carol] })], '2026-12-20T09:00:00Z'), [], 'the only lead owns it');
  });

  it('is off when no escalation day is set', () => {
    const off = planReminders([task({ dueDate: '2026-12-01', accountableOfficer: bob })], new Set(), at('2027-01-20T09:00:00Z'), { ...DEFAULT_REMINDER_POLICY, escalateAfterDays: undefined });
    assert.deepEqual(off.map((r) => r.kind), ['owner']);
  });
});
