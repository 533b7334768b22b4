import type { IsoDate } from '../model';
import { addDays, daysBetween } from '../plan/london-time';
import type { WorkingCalendar } from '../reminders/working-calendar';

/** Working days after `from` up to and including `to` (0 on the same day or earlier). */
export function workingDaysSince(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  const span = daysBetween(from, to);
  let count = 0;
  for (let d = 1; d <= span; d++) if (calendar.isWorkingDay(addDays(from, d))) count++;
  return count;
}
