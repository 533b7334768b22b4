import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

/** `GET /api/plan`: the whole plan (the tab filters it in the browser, from its URL). */
export function planRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize }): ApiRoute[] {
  return [guardedRoute(deps.authorize, { method: 'GET', path: '/api/plan', need: 'viewer' }, async () => ok(await getPlanView(deps)))];
}
