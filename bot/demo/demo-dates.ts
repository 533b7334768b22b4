import { DateTime } from 'luxon';

/**
 * Dates for the demo plan, all relative to "today". Date arithmetic (days and months on, ends of
 * months) is done on the calendar alone, which needs no time zone; only instants (an update
 * submitted, a round opened or closed) are placed in Europe/London.
 */

const ZONE = 'Europe/London';
/** Updates in the demo history are stamped at this local hour. */
export const UPDATE_HOUR = 10;

/** English month names, fixed here rather than taken from Intl so the wording never depends on ICU data. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** `today` (yyyy-mm-dd) as a calendar day; RangeError for anything else. */
export function calendarDay(today: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today)
    ? DateTime.fromISO(today, { zone: 'utc' })
    : DateTime.invalid('not yyyy-mm-dd');
  if (!day.isValid) throw new RangeError(`today must be a calendar date (yyyy-mm-dd), got "${today}"`);
  return day;
}

/** `hour`:00 Europe/London on the day `daysAgo` days before `day`, as a UTC ISO instant. */
export function instantDaysBefore(day: DateTime, daysAgo: number, hour = UPDATE_HOUR): string {
  const { year, month, day: dayOfMonth } = day.minus({ days: daysAgo });
  return DateTime.fromObject({ year, month, day: dayOfMonth, hour }, { zone: ZONE }).toUTC().toISO() as string;
}

/** The calendar date `days` after `day` (before it when negative), yyyy-mm-dd. */
export function dateDaysAfter(day: DateTime, days: number): string {
  return day.plus({ days }).toISODate() as string;
}

/** "November 2026". */
export function monthYear(d: DateTime): string {
  return `${MONTH_NAMES[d.month - 1]} ${d.year}`;
}
