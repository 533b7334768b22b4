import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import type { ApiRoute } from './api-route';


export interface TabApiDeps {
  store: PlanStore;
  clock: Clock;
}

/** The tab's API. Same use cases as the bot and the CLI. */
export function tabRoutes(deps: TabApiDeps): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/plan',
      handle: async () => ({ status: 200, body: await getPlanView(deps) }),
    },
  ];
}
