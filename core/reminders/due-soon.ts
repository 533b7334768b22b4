import type { IsoDate, Task } from '../model';
import { daysBetween } from '../plan/london-time';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-policy';

/** "Due soon" is the reminder window: the first reminder goes this many days before the deadline. */
export function dueSoonDays(policy: Pick<ReminderPolicy, 'daysBefore'> = DEFAULT_REMINDER_POLICY): number {
  return Math.max(0, ...policy.daysBefore);
}

/**
 * Days until an open task's deadline when it is due soon or already late (negative), else
 * undefined: what a form's deadline line and the plan's "due soon" count both go by.
 */
export function daysLeftIfDueSoon(task: Pick<Task, 'dueDate' | 'status'>, today: IsoDate, policy?: Pick<ReminderPolicy, 'daysBefore'>): number | undefined {
  if (!task.dueDate || task.status !== 'Open') return undefined;
  const days = daysBetween(today, task.dueDate);
  return days <= dueSoonDays(policy) ? days : undefined;
}
