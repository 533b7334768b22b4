import type { GraphPath } from './graph-path';
import { odataParam } from './http-types';

/**
 * SharePoint resource units per Microsoft Graph request, from the table in
 * https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 * ("Resource units per request"):
 *
 *   1  single item query, such as get item; delta with a token
 *   2  multi item query, such as list children (except delta with a token); create, update, delete
 *   5  all permission resource operations, including $expand=permissions
 *
 * Each `$batch` sub-request is costed on its own; the `$batch` envelope itself costs nothing.
 * Throttled requests are costed too ("throttled requests count towards usage limits", same page).
 * A delta call is "with a token" whenever its URL has `token=` (deltaLinks, nextLinks, `latest`).
 */
export function resourceUnitsFor(method: string, path: GraphPath, query: URLSearchParams): number {
  if (path.kind === 'batch') return 0;
  if (path.kind === 'permissions' || /\bpermissions\b/.test(odataParam(query, 'expand') ?? '')) return 5;
  if (method !== 'GET') return 2;
  switch (path.kind) {
    case 'delta':
      return query.has('token') ? 1 : 2;
    case 'lists':
    case 'columns':
    case 'items':
      return 2;
    default:
      return 1;
  }
}
