import { DateTime } from 'luxon';
import type { IsoDate } from '../model';

/** Councils work in UK time: "today", "overdue" and reminder days are London calendar days. */
export const PLAN_ZONE = 'Europe/London';

export function londonDate(at: Date): IsoDate {
  return DateTime.fromJSDate(at, { zone: PLAN_ZONE }).toISODate() as IsoDate;
}

/** Whole calendar days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as IsoDate;
}

/** The instant a London calendar day starts (handles BST/GMT). */
export function startOfLondonDay(date: IsoDate): Date {
  return DateTime.fromISO(date, { zone: PLAN_ZONE }).startOf('day').toJSDate();
}

/** "27 Nov 2026" */
export function formatDate(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: PLAN_ZONE }).toFormat('d LLL yyyy');
}

/** "27 Nov 2026, 10:05" in London time. */
export function formatInstant(at: string): string {
  return DateTime.fromISO(at).setZone(PLAN_ZONE).toFormat('d LLL yyyy, HH:mm');
}
