import { badRequest } from './graph-errors';

/**
 * The resource paths the emulator serves, parsed from a path relative to the version root:
 *
 *   /sites/{hostname}:/{server-relative-path}[:]   https://learn.microsoft.com/graph/api/site-getbypath
 *   /sites/{site-id}                               https://learn.microsoft.com/graph/api/site-get
 *   …/lists, …/lists/{list-id | title}, …/lists('{title}')
 *                                                  https://learn.microsoft.com/graph/api/list-list, list-get
 *   …/lists/{l}/columns[/{column-id}]              https://learn.microsoft.com/graph/api/list-list-columns
 *   …/lists/{l}/items[/{item-id}[/fields]]         https://learn.microsoft.com/graph/api/listitem-list
 *   …/lists/{l}/items/delta                        https://learn.microsoft.com/graph/api/listitem-delta
 *   /$batch                                        https://learn.microsoft.com/graph/json-batching
 *
 * Anything else is Graph's 400 "Resource not found for the segment …".
 */

export type SiteRef = { id: string } | { hostname: string; path: string };

export type GraphPath =
  | { kind: 'batch' }
  | { kind: 'site'; site: SiteRef }
  | { kind: 'permissions'; site: SiteRef }
  | { kind: 'lists'; site: SiteRef }
  | { kind: 'list'; site: SiteRef; list: string }
  | { kind: 'columns'; site: SiteRef; list: string }
  | { kind: 'column'; site: SiteRef; list: string; column: string }
  | { kind: 'items'; site: SiteRef; list: string }
  | { kind: 'delta'; site: SiteRef; list: string }
  | { kind: 'item'; site: SiteRef; list: string; item: string }
  | { kind: 'itemFields'; site: SiteRef; list: string; item: string };

const unknownSegment = (seg: string) => badRequest(`Resource not found for the segment '${seg}'.`);

function decode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    throw badRequest(`The path segment '${seg}' is not correctly percent-encoded.`);
  }
}

export function parseGraphPath(path: string): GraphPath {
  const segs = path.split('/').filter((s) => s !== '').map(decode);
  if (segs.length === 1 && segs[0] === '$batch') return { kind: 'batch' };
  if (segs[0] !== 'sites' || segs[1] === undefined) throw unknownSegment(segs[0] ?? '');
  let site: SiteRef;
  let rest: string[];
  if (segs[1].endsWith(':')) {
    // {hostname}:/server/relative/path[:]/rest…
    const hostname = segs[1].slice(0, -1);
    const pathSegs: string[] = [];
    let i = 2;
    for (; i < segs.length; i += 1) {
      const s = segs[i]!;
      if (s.endsWith(':')) {
        pathSegs.push(s.slice(0, -1));
        i += 1;
        break;
      }
      pathSegs.push(s);
    }
    site = { hostname, path: `/${pathSegs.join('/')}` };
    rest = segs.slice(i);
  } else {
    site = { id: segs[1] };
    rest = segs.slice(2);
  }
  if (rest.length === 0) return { kind: 'site', site };
  const head = rest[0]!;
  if (head === 'permissions') return { kind: 'permissions', site };
  const keyed = /^lists\('(.*)'\)$/.exec(head);
  let list: string | undefined;
  let after: string[];
  if (keyed) {
    list = keyed[1]!.replace(/''/g, "'");
    after = rest.slice(1);
  } else if (head === 'lists') {
    if (rest.length === 1) return { kind: 'lists', site };
    list = rest[1]!;
    after = rest.slice(2);
  } else {
    throw unknownSegment(head);
  }
  const [a, b, c, ...more] = after;
  if (more.length > 0) throw unknownSegment(more[0]!);
  if (a === undefined) return { kind: 'list', site, list };
  if (a === 'columns' && c === undefined) return b === undefined ? { kind: 'columns', site, list } : { kind: 'column', site, list, column: b };
  if (a === 'items') {
    if (b === undefined) return { kind: 'items', site, list };
    if ((b === 'delta' || b === 'delta()') && c === undefined) return { kind: 'delta', site, list };
    if (c === undefined) return { kind: 'item', site, list, item: b };
    if (c === 'fields') return { kind: 'itemFields', site, list, item: b };
    throw unknownSegment(c);
  }
  throw unknownSegment(a);
}
