import { DateTime } from 'luxon';
import type { IsoDate } from '../model';

/** Councils work in UK time: "today", "overdue" and reminder days are London calendar days. */
export const PLAN_ZONE = 'Europe/London';

export function londonDate(at: Date): IsoDate {
  return DateTime.fromJSDate(at, { zone: PLAN_ZONE }).toISODate() as IsoDate;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date: plain arithmetic, as planning runs it per task. */
function epochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Whole calendar days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

// Plans share a few hundred distinct dates; time-zone maths per task would dominate a sweep.
const londonMidnights = new Map<IsoDate, number>();

/** The instant a London calendar day starts (handles BST/GMT). */
export function startOfLondonDay(date: IsoDate): Date {
  let ms = londonMidnights.get(date);
  if (ms === undefined) {
    ms = DateTime.fromISO(date, { zone: PLAN_ZONE }).startOf('day').toMillis();
    if (londonMidnights.size > 10_000) londonMidnights.clear();
    londonMidnights.set(date, ms);
  }
  return new Date(ms);
}

/** "27 Nov 2026" */
export function formatDate(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: PLAN_ZONE }).toFormat('d LLL yyyy');
}

/** "27 November 2026" */
export function formatLongDate(date: IsoDate): string {
  return DateTime.fromISO(date, { zone: PLAN_ZONE }).toFormat('d LLLL yyyy');
}

/** "27 Nov 2026, 10:05" in London time. */
export function formatInstant(at: string): string {
  return DateTime.fromISO(at).setZone(PLAN_ZONE).toFormat('d LLL yyyy, HH:mm');
}
