import { nextStatutoryDates, type StatutoryDate } from '../calendar/next-statutory-dates';
import { roundForDate, type SuggestedRound } from '../calendar/round-for-date';
import type { Nation } from '../calendar/statutory-duties';
import type { IsoDate } from '../model';
import { londonDate } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import { ukWorkingCalendar, type WorkingCalendar } from '../reminders/working-calendar';

/** The council's place in the statutory calendar (bot/config-calendar.ts reads it from the environment). */
export interface StatutorySettings {
  nation: Nation;
  /** Staff employed; undefined when not configured (headcount duties then say "check this date"). */
  staffCount?: number;
  /** When the plan started, for duties counted from it (equality objectives every four years). */
  planStart?: IsoDate;
}

export interface StatutoryCalendarDeps {
  clock: Clock;
  settings: StatutorySettings;
  /** Working days, for the suggested rounds' due dates; default England's. */
  calendar?: WorkingCalendar;
}

export interface StatutoryCalendar {
  nation: Nation;
  staffCount?: number;
  /** The London date the calendar was worked out for. */
  today: IsoDate;
  /** The next dates, soonest first, each with the update round an officer could open for it. */
  dates: (StatutoryDate & { suggestedRound: SuggestedRound })[];
}

/** The next `count` statutory dates as of the clock's London today, each with a suggested round. */
export function getStatutoryCalendar(deps: StatutoryCalendarDeps, query: { count: number }): StatutoryCalendar {
  const today = londonDate(deps.clock.now());
  const { nation, staffCount, planStart } = deps.settings;
  const calendar = deps.calendar ?? ukWorkingCalendar();
  const dates = nextStatutoryDates(nation, staffCount, today, query.count, { planStart }).map((d) => ({ ...d, suggestedRound: roundForDate(d, today, calendar) }));
  return { nation, ...(staffCount !== undefined && { staffCount }), today, dates };
}
