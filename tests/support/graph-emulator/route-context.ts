import type { SiteRef } from './graph-path';
import { itemNotFound } from './graph-errors';
import type { EmulatorRequest } from './http-types';
import type { SiteStore } from './site-store';

/** What a route handler gets: the site, the request, and how to build absolute links. */
export interface RouteContext {
  store: SiteStore;
  req: EmulatorRequest;
  path: string;
  query: URLSearchParams;
  /** e.g. `http://127.0.0.1:PORT/v1.0` */
  baseUrl: string;
  /** Items per page when `$top` is absent. */
  pageSize: number;
}

export function requireSite(ctx: RouteContext, ref: SiteRef): void {
  if (!ctx.store.matches(ref)) throw itemNotFound('Requested site could not be found');
}
