/** When owners are reminded about a deadline (DESIGN.md §4). */
export interface ReminderPolicy {
  /** Days before the due date at which a reminder is due, e.g. [14, 7, 1]. The largest opens the window. */
  daysBefore: number[];
  /** Days after the due date at which an overdue reminder is due, e.g. [1, 7]. */
  daysOverdue: number[];
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: [14, 7, 1], daysOverdue: [1, 7] };
