import type { IsoDate } from '../model';
import { nextStatutoryDates, type StatutoryDate, type StatutoryDateOptions } from './next-statutory-dates';
import type { Nation } from './statutory-duties';

/** Days before a statutory date at which the EDI leads are reminded, furthest first. */
export const STATUTORY_REMINDER_DAYS = [30, 7] as const;
export type StatutoryReminderStage = (typeof STATUTORY_REMINDER_DAYS)[number];

export interface StatutoryReminder {
  /** `statutory:<dutyId>:<due>:<30|7>`: the same for every sweep that finds it due, so it is sent once. */
  key: string;
  date: StatutoryDate;
  stage: StatutoryReminderStage;
}

/** The reminder log's task id for statutory reminders: one query finds them all (listReminders). */
export const STATUTORY_LOG_TASK_ID = 'statutory-calendar';

/** The log key of one stage of one date, the same in every process and on every day. */
export function statutoryReminderKey(dutyId: string, due: IsoDate, stage: StatutoryReminderStage): string {
  return `statutory:${dutyId}:${due}:${stage}`;
}

/**
 * Which statutory dates need an EDI-lead reminder as of `today` (a London date). A date is in its
 * 30-day stage from 30 days before it and in its 7-day stage from 7 days before, through the day
 * itself: a stage is not missed because no sweep ran on its exact day (a weekend, a bank holiday,
 * a server down). Only the latest stage reached is due: a first sweep 5 days out sends the 7-day
 * reminder, not both. The key makes each stage go once, whatever runs how often.
 */
export function statutoryRemindersDue(nation: Nation, staffCount: number | undefined, today: IsoDate, options: StatutoryDateOptions = {}): StatutoryReminder[] {
  const furthest = STATUTORY_REMINDER_DAYS[0];
  // Enough dates to reach 30 days ahead: a nation has a handful of duties, each at most yearly.
  const dates = nextStatutoryDates(nation, staffCount, today, 20, options).filter((d) => d.daysAway <= furthest);
  return dates.map((date) => {
    const stage = [...STATUTORY_REMINDER_DAYS].reverse().find((days) => date.daysAway <= days) ?? furthest;
    return { key: statutoryReminderKey(date.dutyId, date.due, stage), date, stage };
  });
}
