import type { IsoDate, RoundScope } from '../model';
import { addDays } from '../plan/london-time';
import type { WorkingCalendar } from '../reminders/working-calendar';
import type { StatutoryDate } from './next-statutory-dates';

/** Owners' updates are asked for this long before the statutory date: time to write the report from them. */
export const ROUND_LEAD_DAYS = 28;

/** An update round an officer may open to gather what a statutory report needs (the tab fills the form with it). */
export interface SuggestedRound {
  /** "Annual equality report 2027" */
  name: string;
  /** When owners' updates are due: a working day, after today and before the statutory date when there is room. */
  dueDate: IsoDate;
  /** Today: the round would open now. */
  opensAt: IsoDate;
  scope: RoundScope;
  /** True when the date is too close for the usual four weeks: the due date is the next working day. */
  short?: boolean;
}

/**
 * The round for a statutory date: named for the duty and the date's year, owners' updates due four
 * weeks before the date, moved back to a working day. Too close for that (the date is under four
 * weeks away), updates are due on the next working day after today, marked `short`.
 */
export function roundForDate(date: Pick<StatutoryDate, 'title' | 'due'>, today: IsoDate, calendar: WorkingCalendar): SuggestedRound {
  const name = `${date.title} ${date.due.slice(0, 4)}`;
  const base = { name, opensAt: today, scope: { kind: 'all-open' } as const };
  let dueDate = addDays(date.due, -ROUND_LEAD_DAYS);
  while (!calendar.isWorkingDay(dueDate)) dueDate = addDays(dueDate, -1);
  if (dueDate > today) return { ...base, dueDate };
  let next = addDays(today, 1);
  while (!calendar.isWorkingDay(next)) next = addDays(next, 1);
  return { ...base, dueDate: next, short: true };
}
