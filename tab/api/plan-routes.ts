import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import type { ReminderPolicy } from '../../core/reminders/reminder-policy';
import { londonDate } from '../../core/plan/london-time';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import { getTrends } from '../../core/use-cases/get-trends';
import { ok } from './api-responses';
import { PreparedJson, type ApiRoute, type Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

/**
 * `GET /api/plan`: the whole plan (the tab filters it in the browser, from its URL), and
 * `GET /api/trends`: the plan over time. Each built once per store change and day, and serialised
 * once: a board meeting's worth of officers opening the tab at the same moment share one build
 * instead of each re-reading thousands of tasks.
 */
export function planRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize; reminderPolicy?: Pick<ReminderPolicy, 'daysBefore'> }): ApiRoute[] {
  const view = cachedByStamp(deps, () => getPlanView(deps));
  const trends = cachedByStamp(deps, () => getTrends(deps));
  return [
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/plan', need: 'viewer' }, async () => ok(await view())),
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/trends', need: 'viewer' }, async () => ok(await trends())),
  ];
}

/** `build`'s result for the store's current change stamp and today's date; concurrent callers share one build. */
function cachedByStamp(deps: { store: PlanStore; clock: Clock }, build: () => Promise<unknown>): () => Promise<PreparedJson> {
  let cached: { key: string; value: Promise<PreparedJson> } | undefined;
  return async () => {
    const key = `${await deps.store.changeStamp()}|${londonDate(deps.clock.now())}`;
    if (cached?.key !== key) {
      const value = build().then((body) => new PreparedJson(body));
      cached = { key, value };
      // A failed build is not kept: the next request tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
