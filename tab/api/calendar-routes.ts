import type { Clock } from '../../core/ports/clock';
import type { WorkingCalendar } from '../../core/reminders/working-calendar';
import { getStatutoryCalendar, type StatutorySettings } from '../../core/use-cases/get-statutory-calendar';
import { invalidFields, ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

export interface CalendarRouteDeps {
  clock: Clock;
  authorize: Authorize;
  /** The council's nation and headcount (COUNCIL_NATION, COUNCIL_STAFF_COUNT); default England, headcount unknown. */
  statutory?: StatutorySettings;
  /** Working days, for the suggested rounds' due dates (the reminders' bank holidays). */
  calendar?: WorkingCalendar;
}

const COUNT_DEFAULT = 5;
const COUNT_MAX = 20;
const COUNT_PROBLEM = `count must be a whole number from 1 to ${COUNT_MAX}, for example ?count=${COUNT_DEFAULT}.`;

/** `GET /api/calendar?count=1..20`: the next statutory dates, each with the update round an officer could open for it. Everyone may read it, as the plan. */
export function calendarRoutes(deps: CalendarRouteDeps): ApiRoute[] {
  const settings = deps.statutory ?? { nation: 'england' };
  return [
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/calendar', need: 'viewer' }, async (request) => {
      const raw = request.query.count;
      const count = raw === undefined ? COUNT_DEFAULT : /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!(count >= 1 && count <= COUNT_MAX)) return invalidFields(COUNT_PROBLEM, { count: COUNT_PROBLEM });
      return ok(getStatutoryCalendar({ clock: deps.clock, settings, calendar: deps.calendar }, { count }));
    }),
  ];
}
