import type { Person } from '../model';

/** When owners are reminded about a deadline, and who hears when they are not (DESIGN.md §4). */
export interface ReminderPolicy {
  /** Days before the due date at which a reminder is due, e.g. [14, 7, 1]. The largest opens the window. */
  daysBefore: number[];
  /** Days after the due date at which an overdue reminder is due, e.g. [1, 7]. */
  daysOverdue: number[];
  /** Days overdue at which the accountable officer (else the EDI leads) is told; undefined: never. */
  escalateAfterDays?: number;
  /** Who hears about an overdue task with no accountable officer. */
  ediLeads?: Person[];
  /** Days before an update round's due date at which owners who have not answered are chased; default [7, 2]. */
  roundChaserDaysBefore?: number[];
}

export const DEFAULT_ROUND_CHASER_DAYS = [7, 2];

/** The defaults, written once: config's REMINDER_* settings fall back to these. */
export const DEFAULT_REMINDER_POLICY = {
  daysBefore: [14, 7, 1],
  daysOverdue: [1, 7],
  escalateAfterDays: 14,
  ediLeads: [],
  roundChaserDaysBefore: DEFAULT_ROUND_CHASER_DAYS,
} as const satisfies ReminderPolicy;
