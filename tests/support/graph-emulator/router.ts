import { parseGraphPath, type GraphPath } from './graph-path';
import type { EmulatorResponse } from './http-types';
import { itemRoutes } from './item-routes';
import type { RouteContext } from './route-context';
import { siteRoutes } from './site-routes';

/** Sends a parsed path to the handler for its resource. */
export function route(ctx: RouteContext, path: GraphPath = parseGraphPath(ctx.path)): EmulatorResponse {
  switch (path.kind) {
    case 'items':
    case 'item':
    case 'itemFields':
    case 'delta':
      return itemRoutes(ctx, path);
    default:
      return siteRoutes(ctx, path);
  }
}
