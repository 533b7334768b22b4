import type { Plan } from '../../core/model';
import { defaultPlan, findPlan } from '../../core/plan/plans';
import type { PlanStore } from '../../core/ports/plan-store';
import { failure } from './api-responses';
import type { ApiRequest, ApiRoute, Authorize } from './api-route';

/**
 * The one place the tab API decides which plan a request is about: `?plan=<id or key>`, else the
 * default plan (core/plan/plans.ts) as it is now (so closing a plan moves the default on). Each
 * plan gets its own set of routes, made once, so their caches (the plan view) are per plan.
 * An unknown plan is 404 for a signed-in caller (401 first for anyone else).
 */
export function planScopedRoutes(root: PlanStore, authorize: Authorize, build: (store: PlanStore, plan: Plan | undefined) => ApiRoute[]): ApiRoute[] {
  const byPlan = new Map<string, ApiRoute[]>();
  const routesFor = (plan: Plan | undefined): ApiRoute[] => {
    const id = plan?.id ?? root.planId;
    let routes = byPlan.get(id);
    if (!routes) byPlan.set(id, (routes = build(root.plans.forPlan(id), plan)));
    return routes;
  };
  const template = build(root, undefined);
  return template.map((route, index) => ({
    ...route,
    handle: async (request: ApiRequest) => {
      const plans = await root.plans.listPlans();
      const named = request.query.plan?.trim();
      const plan = named ? findPlan(plans, named) : defaultPlan(plans);
      if (named && !plan) {
        const auth = await authorize(request, 'viewer');
        if (!auth.ok) return auth.response;
        return failure(404, `There is no plan "${named.slice(0, 80)}": it may have been removed. Pick a plan from the list.`);
      }
      return routesFor(plan)[index]!.handle(request);
    },
  }));
}
