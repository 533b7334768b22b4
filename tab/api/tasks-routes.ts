import type { Task } from '../../core/model';
import type { Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { getTaskDetail } from '../../core/use-cases/get-task-detail';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

/** `GET /api/tasks/:id`: one task with its full update history, approvals and reminders. */
export function tasksRoutes(deps: { store: PlanStore; clock: Clock; authorize: Authorize; sharePointItemUrl?: (task: Task) => string }): ApiRoute[] {
  return [
    guardedRoute(
      deps.authorize,
      { method: 'GET', path: '/api/tasks/:id', need: 'viewer', notFound: 'There is no such task in the plan: it may have been removed. Reload the plan.' },
      async (request) => ok(await getTaskDetail(deps, request.params.id ?? '')),
    ),
  ];
}
