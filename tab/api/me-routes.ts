import type { Directory } from '../../core/ports/directory';
import { ok } from './api-responses';
import type { ApiRoute, Authorize } from './api-route';
import { guardedRoute } from './guarded-route';

/** `GET /api/me`: who the tab is signed in as and what they may do (the tab hides officer actions otherwise). */
export function meRoutes(deps: { authorize: Authorize; directory: Directory }): ApiRoute[] {
  return [
    guardedRoute(deps.authorize, { method: 'GET', path: '/api/me', need: 'viewer' }, async (_request, caller) => {
      // Tokens without a name or email (guest accounts, some v1 tokens) are completed from the directory.
      const known = caller.email && caller.displayName ? undefined : await deps.directory.findById(caller.aadObjectId);
      return ok({
        user: { aadObjectId: caller.aadObjectId, displayName: caller.displayName || known?.displayName || '', email: caller.email || known?.email || '' },
        roles: [...caller.roles],
        tenantId: caller.tenantId,
      });
    }),
  ];
}
