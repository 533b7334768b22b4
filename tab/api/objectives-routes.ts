import type { Objective } from '../../core/model';
import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { createObjective, editObjective } from '../../core/use-cases/edit-objective';
import { ConflictError } from '../../core/errors';
import { failure, ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { etagOf, personOf, versionFromIfMatch } from './etag';
import { guardedRoute } from './guarded-route';

const shown = (o: Objective) => ({ id: o.id, ref: o.ref, title: o.title, ...(o.description && { description: o.description }), retired: o.retired === true, etag: etagOf(o.version) });

/** Objectives: every one (retired too) with its ETag; added, edited and retired by EDI officers. */
export function objectivesRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize }): ApiRoute[] {
  const { authorize } = deps;
  const notFound = 'There is no such objective in the plan: it may have been removed. Reload the plan.';
  return [
    guardedRoute(authorize, { method: 'GET', path: '/api/objectives', need: 'viewer' }, async () => ok({ objectives: (await deps.store.listObjectives()).map(shown) })),
    guardedRoute(authorize, { method: 'POST', path: '/api/objectives', need: 'officer', maxBodyBytes: 64 * 1024 }, async (request, caller) => {
      const objective = await createObjective(deps, { actor: personOf(caller), body: request.body });
      return { status: 201, body: shown(objective), headers: { ETag: etagOf(objective.version) } };
    }),
    guardedRoute(authorize, { method: 'PATCH', path: '/api/objectives/:id', need: 'officer', notFound, maxBodyBytes: 64 * 1024 }, async (request, caller) => {
      const ifMatch = versionFromIfMatch(request);
      if (!ifMatch.ok) return ifMatch.response;
      let objective: Objective;
      try {
        objective = await editObjective(deps, { actor: personOf(caller), objectiveId: request.params.id ?? '', expectedVersion: ifMatch.version, body: request.body });
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const current = (await deps.store.listObjectives()).find((o) => o.id === err.id);
        return { status: 412, body: { message: 'Someone changed this objective while you were editing. Check it as it is now and make your change again.', ...(current && { current: shown(current) }) }, headers: current ? { ETag: etagOf(current.version) } : {} };
      }
      return { status: 200, body: shown(objective), headers: { ETag: etagOf(objective.version) } };
    }),
  ];
}
