import type { IsoDate, Person, Task } from '../model';
import { addDays, daysBetween, londonDate, startOfLondonDay } from '../plan/london-time';
import type { ReminderPolicy } from './reminder-policy';

export interface PlannedReminder {
  /** Unique per task, stage, due date and recipient: the reminder log key. */
  key: string;
  task: Task;
  recipient: Person;
  /** "due-14", "due-7", "due-1", "overdue-1", "overdue-7". */
  trigger: string;
  daysUntilDue: number;
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
  if (stages.length === 0) return [];
  const windowDays = Math.max(0, ...policy.daysBefore);
  const planned: PlannedReminder[] = [];

  for (const task of tasks) {
    if (task.status !== 'Open' || !task.dueDate) continue;
    const daysUntilDue = daysBetween(today, task.dueDate);
    const stage = stages.filter((s) => daysUntilDue <= s.startsAt).at(-1);
    if (!stage) continue;
    if (updatedInWindow(task, stage.overdue ? task.dueDate : addDays(task.dueDate, -windowDays))) continue;
    for (const recipient of task.owners) {
      const key = reminderKey(task, stage.trigger, task.dueDate, recipient);
      if (!loggedKeys.has(key)) planned.push({ key, task, recipient, trigger: stage.trigger, daysUntilDue });
    }
  }
  return planned;
}

export function reminderKey(task: Pick<Task, 'id'>, trigger: string, dueDate: IsoDate, recipient: Pick<Person, 'aadObjectId'>): string {
  return `${task.id}:${trigger}:${dueDate}:${recipient.aadObjectId}`;
}

function updatedInWindow(task: Task, windowStart: IsoDate): boolean {
  return task.latestUpdateAt !== undefined && new Date(task.latestUpdateAt) >= startOfLondonDay(windowStart);
}
