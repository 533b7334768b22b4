import type { PlanStore } from '../../core/ports/plan-store';
import { checkReach } from '../../core/use-cases/check-reach';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

/**
 * `GET /api/reach` (officers): `{ owners: ReachEntry[] }`, everyone with an open task the
 * bot cannot message ('no-chat': the app is not installed for them; 'failing': blocked or
 * uninstalled), worst first, so they can be asked to install the app before a round.
 */
export function reachRoutes(deps: { store: PlanStore; authorize: Authorize }): ApiRoute[] {
  return [
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/reach', need: 'officer' }, async () =>
      ok({ owners: (await checkReach(deps.store)).filter((entry) => entry.status !== 'reachable') }),
    ),
  ];
}
