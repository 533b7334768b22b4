import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { IsoDate } from '../model';
import { PLAN_ZONE } from '../plan/london-time';

/** Which days people work: weekends and the region's bank holidays are not. */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

export const UK_REGIONS = ['ENG', 'WLS', 'SCT', 'NIR'] as const;
export type UkRegion = (typeof UK_REGIONS)[number];

/** UK bank holidays from `date-holidays` (England & Wales by default; Scotland and NI differ). */
export function ukWorkingCalendar(region: UkRegion = 'ENG'): WorkingCalendar {
  const holidays = new Holidays('GB', region);
  const byYear = new Map<number, Set<string>>();
  const holidaysIn = (year: number) => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(holidays.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
      byYear.set(year, days);
    }
    return days;
  };
  return {
    isWorkingDay(date) {
      const weekday = DateTime.fromISO(date, { zone: PLAN_ZONE }).weekday; // 1 = Monday
      return weekday <= 5 && !holidaysIn(Number(date.slice(0, 4))).has(date);
    },
  };
}

/** Office hours in London on working days: reminders are not sent at 3 a.m. or on Christmas Day. */
export interface SendWindow {
  startHour: number; // inclusive, e.g. 9
  endHour: number; // exclusive, e.g. 17
}

export const DEFAULT_SEND_WINDOW: SendWindow = { startHour: 9, endHour: 17 };

export function inSendWindow(now: Date, calendar: WorkingCalendar, window: SendWindow = DEFAULT_SEND_WINDOW): boolean {
  const local = DateTime.fromJSDate(now, { zone: PLAN_ZONE });
  return calendar.isWorkingDay(local.toISODate() as IsoDate) && local.hour >= window.startHour && local.hour < window.endHour;
}
