import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { getPlanView } from '../../core/use-cases/get-plan-view';

/** A framework-free JSON route: the server module adapts it to restify. */
export interface JsonRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: { query: Record<string, string | undefined>; body: unknown }): Promise<{ status: number; body: unknown }>;
}

export interface TabApiDeps {
  store: PlanStore;
  clock: Clock;
}

/** The tab's API. Same use cases as the bot and the CLI. */
export function tabRoutes(deps: TabApiDeps): JsonRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/plan',
      handle: async () => ({ status: 200, body: await getPlanView(deps) }),
    },
  ];
}
