import { type Column, columnJson } from './column-definition';
import { badRequest, GraphError, invalidRequest } from './graph-errors';
import type { GraphPath } from './graph-path';
import { type EmulatorResponse, json } from './http-types';
import type { ListState } from './list-state';
import { evaluateFilter } from './filter-evaluation';
import { filterProperties, parseFilter } from './odata-filter';
import { expandOf, selectOf } from './odata-query';
import { requireSite, type RouteContext } from './route-context';
import type { SiteStore } from './site-store';
import type { EmulatorVariants } from './variants';

/**
 * Sites, lists and columns:
 * https://learn.microsoft.com/graph/api/site-getbypath, site-get, list-list, list-get, list-create,
 * list-list-columns, list-post-columns, columndefinition-get, columndefinition-update. What the
 * pages leave open about `indexed` / `enforceUniqueValues` follows the variants (variants.ts).
 */

const methodNotAllowed = (method: string) => new GraphError(405, 'methodNotAllowed', `The HTTP method '${method}' is not allowed for this resource.`);

function pick(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  if ('@odata.etag' in obj) out['@odata.etag'] = obj['@odata.etag'];
  for (const k of select) if (k in obj) out[k] = obj[k];
  return out;
}

export function siteJson(store: SiteStore): Record<string, unknown> {
  const s = store.site;
  return {
    createdDateTime: s.created,
    description: '',
    id: s.id,
    lastModifiedDateTime: s.created,
    name: s.path.split('/').pop() ?? '',
    webUrl: s.webUrl,
    displayName: s.displayName,
    siteCollection: { hostname: s.hostname },
  };
}

export function listJson(store: SiteStore, list: ListState, withColumns: boolean): Record<string, unknown> {
  const etag = `"${list.id},${list.columns.length}"`;
  const app = { user: { displayName: 'SharePoint App' } };
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: store.isUserInformationList(list) ? `${store.site.webUrl}/_catalogs/users` : `${store.site.webUrl}/Lists/${encodeURIComponent(list.name)}`,
    displayName: list.displayName,
    createdBy: app,
    lastModifiedBy: app,
    parentReference: { siteId: store.site.id },
    list: { contentTypesEnabled: false, hidden: list.hidden, template: list.template },
  };
  if (withColumns) out.columns = list.columns.map(columnJson);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A columnDefinition without what the `create*Ignores` variant says SharePoint drops (variants.ts). */
function withoutIgnored(column: unknown, ignores: EmulatorVariants['createListIgnores']): unknown {
  if (ignores === 'none' || !isRecord(column)) return column;
  const out = { ...column };
  if (ignores !== 'unique') delete out.indexed;
  if (ignores !== 'indexed') delete out.enforceUniqueValues;
  return out;
}

function listBodyWithout(body: unknown, ignores: EmulatorVariants['createListIgnores']): unknown {
  if (!isRecord(body) || !Array.isArray(body.columns)) return body;
  return { ...body, columns: body.columns.map((c: unknown) => withoutIgnored(c, ignores)) };
}

/** The `uniqueNeedsIndex` variant: whether a PATCH may turn on uniqueness for a column not yet indexed. */
function checkUniqueNeedsIndex(rule: EmulatorVariants['uniqueNeedsIndex'], current: Column | undefined, body: unknown): void {
  if (rule === 'implied' || !current || current.indexed || !isRecord(body) || body.enforceUniqueValues !== true) return;
  if (rule === 'same-request' && body.indexed === true) return;
  throw invalidRequest('The field must first be indexed to enforce unique values.');
}

/** `$filter` on list properties, e.g. `displayName eq 'Plan Tasks'`. */
function listFilter(raw: string | undefined): (list: ListState) => boolean {
  if (raw === undefined || raw.trim() === '') return () => true;
  const ast = parseFilter(raw);
  const props: Record<string, (l: ListState) => string> = { displayName: (l) => l.displayName, name: (l) => l.name, id: (l) => l.id, description: (l) => l.description };
  for (const p of filterProperties(ast)) if (!props[p]) throw invalidRequest(`Filtering on '${p}' is not supported for lists.`);
  return (list) => evaluateFilter(ast, (p) => ({ kind: 'string', value: props[p]!(list) }));
}

export function siteRoutes(ctx: RouteContext, path: GraphPath): EmulatorResponse {
  const { store, req, query } = ctx;
  if (path.kind === 'batch') throw badRequest('$batch must be sent on its own.');
  requireSite(ctx, path.site);
  const select = selectOf(query);
  switch (path.kind) {
    case 'site':
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      return json(200, pick(siteJson(store), select));
    case 'lists': {
      if (req.method === 'POST') return json(201, listJson(store, store.createList(listBodyWithout(req.body, store.variants.createListIgnores)), false));
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      const keep = listFilter(query.get('$filter') ?? query.get('filter') ?? undefined);
      const withColumns = expandOf(query, 'columns') !== undefined;
      return json(200, { value: store.visibleLists().filter(keep).map((l) => pick(listJson(store, l, withColumns), select)) });
    }
    case 'list': {
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      const list = store.findList(path.list);
      return json(200, pick(listJson(store, list, expandOf(query, 'columns') !== undefined), select));
    }
    case 'columns': {
      const list = store.findList(path.list);
      if (req.method === 'POST') {
        if (store.isUserInformationList(list)) throw new GraphError(403, 'accessDenied', 'Access denied.');
        return json(201, columnJson(list.addColumn(withoutIgnored(req.body, store.variants.createColumnIgnores))));
      }
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      return json(200, { value: list.columns.map((c) => pick(columnJson(c), select)) });
    }
    case 'column': {
      const list = store.findList(path.list);
      if (req.method === 'PATCH') {
        if (store.isUserInformationList(list)) throw new GraphError(403, 'accessDenied', 'Access denied.');
        checkUniqueNeedsIndex(store.variants.uniqueNeedsIndex, list.findColumn(path.column), req.body);
        return json(200, columnJson(list.updateColumn(path.column, req.body)));
      }
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      const column = list.findColumn(path.column);
      if (!column) throw new GraphError(404, 'itemNotFound', `Column '${path.column}' was not found.`);
      return json(200, pick(columnJson(column), select));
    }
    case 'permissions':
      throw new GraphError(501, 'notImplemented', 'The emulator does not serve site permissions.');
    default:
      throw badRequest('Unsupported resource.');
  }
}

export { methodNotAllowed };
