import type { IsoDate, Person, Task } from '../model';
import { addDays, daysBetween, londonDate, startOfLondonDay } from '../plan/london-time';
import { dueSoonDays } from './due-soon';
import type { ReminderPolicy } from './reminder-policy';

export interface PlannedReminder {
  /** Unique per task, stage, due date and recipient: the reminder log key. */
  key: string;
  /** 'owner': asks the owner for an update; 'escalation': tells the accountable officer or EDI leads. */
  kind: 'owner' | 'escalation';
  task: Task;
  recipient: Person;
  /** "due-14", "due-7", "due-1", "overdue-1", "overdue-7", "escalate-14"; "round-open", "round-chase-7" for a round. */
  trigger: string;
  /** Days until the task's due date; for a round reminder, until the round's due date. */
  daysUntilDue: number;
  /** Set when the reminder asks for the open update round's answer (see round-planner.ts). */
  round?: { id: string; name: string; dueDate: IsoDate };
}

interface Stage {
  trigger: string;
  /** Days until due at which the stage starts (negative once overdue). */
  startsAt: number;
  overdue: boolean;
}

function stagesOf(policy: ReminderPolicy): Stage[] {
  return [
    ...policy.daysBefore.map((d) => ({ trigger: `due-${d}`, startsAt: d, overdue: false })),
    ...policy.daysOverdue.map((d) => ({ trigger: `overdue-${d}`, startsAt: -d, overdue: true })),
  ].sort((a, b) => b.startsAt - a.startsAt);
}

/**
 * Which reminders are due now: a pure function of (tasks, already-logged keys, now, policy).
 * A task is in its latest stage reached; one reminder per stage, due date and owner. An owner
 * who already updated in the current window (before the due date: since the window opened;
 * once overdue: since the due date) is not reminded.
 */
export function planReminders(tasks: Task[], loggedKeys: ReadonlySet<string>, now: Date, policy: ReminderPolicy): PlannedReminder[] {
  const today = londonDate(now);
  const stages = stagesOf(policy);
  if (stages.length === 0 && policy.escalateAfterDays === undefined) return [];
  const windowDays = dueSoonDays(policy);
  const planned: PlannedReminder[] = [];
  const plannedKeys = new Set<string>();

  for (const task of tasks) {
    if (task.status !== 'Open' || !task.dueDate) continue;
    const daysUntilDue = daysBetween(today, task.dueDate);
    const stage = stages.filter((s) => daysUntilDue <= s.startsAt).at(-1);
    const escalate = policy.escalateAfterDays !== undefined && -daysUntilDue >= policy.escalateAfterDays;
    if (!stage && !escalate) continue;
    if (updatedInWindow(task, (stage?.overdue ?? true) ? task.dueDate : addDays(task.dueDate, -windowDays))) continue;
    const add = (kind: PlannedReminder['kind'], trigger: string, recipient: Person) => {
      const key = reminderKey(task, trigger, task.dueDate!, recipient);
      if (loggedKeys.has(key) || plannedKeys.has(key)) return;
      plannedKeys.add(key);
      planned.push({ key, kind, task, recipient, trigger, daysUntilDue });
    };
    if (stage) for (const owner of task.owners) add('owner', stage.trigger, owner);
    if (escalate) {
      for (const recipient of escalationRecipients(task, policy)) add('escalation', `escalate-${policy.escalateAfterDays}`, recipient);
    }
  }
  return planned;
}

/** The accountable officer, unless they own the task too; else the EDI leads (never an owner). */
function escalationRecipients(task: Task, policy: ReminderPolicy): Person[] {
  const isOwner = (p: Person) => task.owners.some((o) => o.aadObjectId === p.aadObjectId);
  if (task.accountableOfficer && !isOwner(task.accountableOfficer)) return [task.accountableOfficer];
  return (policy.ediLeads ?? []).filter((p) => !isOwner(p));
}

export function reminderKey(task: Pick<Task, 'id'>, trigger: string, dueDate: IsoDate, recipient: Pick<Person, 'aadObjectId'>): string {
  return `${task.id}:${trigger}:${dueDate}:${recipient.aadObjectId}`;
}

function updatedInWindow(task: Task, windowStart: IsoDate): boolean {
  return task.latestUpdateAt !== undefined && new Date(task.latestUpdateAt) >= startOfLondonDay(windowStart);
}
