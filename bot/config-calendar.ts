import { z } from 'zod';
import { NATIONS, type Nation } from '../core/calendar/statutory-duties';

/**
 * The council's nation and headcount, which decide its statutory equality reporting dates
 * (core/calendar/statutory-duties.ts). Part of bot/config.ts's one parse of the environment, so a
 * bad value is reported with every other problem, naming the variable.
 */
export const calendarEnv = {
  COUNCIL_NATION: z.enum(NATIONS, { error: `must be one of ${NATIONS.join(', ')}` }).default('england'),
  COUNCIL_STAFF_COUNT: z.coerce
    .number({ error: 'must be the number of staff the council employs, a whole number such as 1200' })
    .int({ error: 'must be a whole number of staff, such as 1200' })
    .positive({ error: 'must be a whole number of staff above 0, such as 1200' })
    .max(10_000_000, { error: 'must be the number of staff the council employs, a whole number such as 1200' })
    .optional(),
};

export interface CalendarConfig {
  nation: Nation;
  /** Undefined when not set: duties for councils above a headcount then say "check this date". */
  staffCount?: number;
}

export function calendarSettings(e: { COUNCIL_NATION: Nation; COUNCIL_STAFF_COUNT?: number }): CalendarConfig {
  return { nation: e.COUNCIL_NATION, ...(e.COUNCIL_STAFF_COUNT !== undefined && { staffCount: e.COUNCIL_STAFF_COUNT }) };
}
