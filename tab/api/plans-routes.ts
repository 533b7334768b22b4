import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { carryForward } from '../../core/use-cases/carry-forward';
import { listPlans } from '../../core/use-cases/list-plans';
import { changePlan, startPlan } from '../../core/use-cases/manage-plans';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { personOf } from './etag';
import { guardedRoute } from './guarded-route';

const NOT_FOUND = 'There is no such plan: it may have been removed. Reload the page.';
const bodyOf = (body: unknown) => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});

/**
 * The plans themselves: `GET /api/plans` for the tab's plan picker (everyone may view); officers
 * start a plan, rename or close one, and carry open tasks of one plan into another.
 */
export function plansRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize; log?: Logger }): ApiRoute[] {
  const { authorize } = deps;
  return [
    guardedRoute(authorize, { method: 'GET', path: '/api/plans', need: 'viewer' }, async () => ok({ plans: await listPlans(deps) })),
    guardedRoute(authorize, { method: 'POST', path: '/api/plans', need: 'officer', maxBodyBytes: 16 * 1024 }, async (request, caller) => {
      const plan = await startPlan(deps, { actor: personOf(caller), body: request.body });
      deps.log?.info({ planId: plan.id, by: caller.aadObjectId }, 'plan started from the tab');
      return ok({ plan }, 201);
    }),
    guardedRoute(authorize, { method: 'PATCH', path: '/api/plans/:id', need: 'officer', notFound: NOT_FOUND, maxBodyBytes: 16 * 1024 }, async (request) => {
      const plan = await changePlan(deps, { planId: request.params.id ?? '', body: request.body });
      return ok({ plan });
    }),
    guardedRoute(authorize, { method: 'POST', path: '/api/plans/:id/carry-forward', need: 'officer', notFound: NOT_FOUND, maxBodyBytes: 256 * 1024 }, async (request, caller) => {
      const body = bodyOf(request.body);
      const toPlanId = typeof body.toPlanId === 'string' ? body.toPlanId : '';
      const result = await carryForward(deps, { actor: personOf(caller), fromPlanId: request.params.id ?? '', toPlanId, taskIds: body.taskIds });
      deps.log?.info({ from: request.params.id, to: toPlanId, carried: result.carried.length, notCarried: result.notCarried.length, by: caller.aadObjectId }, 'tasks carried forward');
      return ok(result);
    }),
  ];
}
