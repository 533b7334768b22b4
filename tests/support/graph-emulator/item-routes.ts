import { decodeDeltaToken, deltaItemJson, deltaPage } from './delta';
import { checkSelect, fieldsJson, itemJson } from './field-reads';
import { GraphError, invalidRequest } from './graph-errors';
import type { GraphPath } from './graph-path';
import { type EmulatorResponse, json, noContent, odataParam } from './http-types';
import { prefersNonIndexed, queryItems } from './item-query';
import type { ListState } from './list-state';
import { expandOf, orderByOf, selectOf, topOf } from './odata-query';
import { linkTo } from './paging';
import { requireSite, type RouteContext } from './route-context';
import { methodNotAllowed } from './site-routes';

/**
 * List items: https://learn.microsoft.com/graph/api/listitem-list, listitem-get, listitem-create,
 * listitem-update (PATCH …/items/{id}/fields → 200 with the fieldValueSet), listitem-delete
 * (→ 204), listitem-delta. What the create and update answers carry, and what delta links and
 * items keep, follow the variants (variants.ts).
 */

type ItemPath = Extract<GraphPath, { kind: 'items' | 'item' | 'itemFields' | 'delta' }>;

const readOnlyList = () => new GraphError(403, 'accessDenied', 'Access denied. The User Information List cannot be written through Microsoft Graph.');

function fieldsOption(ctx: RouteContext, list: ListState): { select?: string[] } | undefined {
  const expand = expandOf(ctx.query, 'fields');
  if (expand) checkSelect(list, expand.select);
  return expand;
}

function writeBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('fields' in body)) throw invalidRequest('The request body must be a listItem with a \'fields\' object.');
  return (body as { fields: unknown }).fields;
}

/** The query minus the options a link replaces. */
function baseQuery(query: URLSearchParams, drop: string[]): URLSearchParams {
  const q = new URLSearchParams(query);
  for (const name of drop) q.delete(name);
  return q;
}

export function itemRoutes(ctx: RouteContext, path: ItemPath): EmulatorResponse {
  const { store, req, query } = ctx;
  requireSite(ctx, path.site);
  const list = store.findList(path.list);
  const writable = () => {
    if (store.isUserInformationList(list)) throw readOnlyList();
  };
  const ifMatch = req.headers['if-match'];
  switch (path.kind) {
    case 'items': {
      if (req.method === 'POST') {
        writable();
        const item = list.createItem(writeBody(req.body));
        return json(201, itemJson(store, list, item, store.variants.createAnswer === 'with-fields' ? { fields: {} } : {}));
      }
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      const fields = fieldsOption(ctx, list);
      const page = queryItems(list, {
        filter: odataParam(query, 'filter'),
        orderBy: orderByOf(query),
        skipToken: odataParam(query, 'skiptoken'),
        pageSize: topOf(query) ?? ctx.pageSize,
        allowNonIndexed: prefersNonIndexed(req.headers),
        viewThreshold: { items: store.variants.listViewThreshold, error: store.variants.listViewThresholdError },
      });
      const body: Record<string, unknown> = { value: page.items.map((i) => itemJson(store, list, i, { fields, select: selectOf(query) })) };
      if (page.nextSkipToken) {
        const q = baseQuery(query, ['$skiptoken', 'skiptoken']);
        q.set('$skiptoken', page.nextSkipToken);
        body['@odata.nextLink'] = linkTo(ctx.baseUrl, ctx.path, q);
      }
      return json(200, body);
    }
    case 'item': {
      if (req.method === 'DELETE') {
        writable();
        list.deleteItem(path.item, ifMatch);
        return noContent();
      }
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      return json(200, itemJson(store, list, list.getItem(path.item), { fields: fieldsOption(ctx, list), select: selectOf(query) }));
    }
    case 'itemFields': {
      if (req.method === 'PATCH') {
        writable();
        const item = list.updateItem(path.item, req.body, ifMatch);
        const body = fieldsJson(store, list, item);
        if (store.variants.patchEtag === 'none') delete body['@odata.etag'];
        return json(200, body);
      }
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      const select = selectOf(query);
      checkSelect(list, select);
      return json(200, fieldsJson(store, list, list.getItem(path.item), select));
    }
    case 'delta': {
      if (req.method !== 'GET') throw methodNotAllowed(req.method);
      if (odataParam(query, 'filter') !== undefined || odataParam(query, 'orderby') !== undefined) {
        throw invalidRequest('$filter and $orderby are not supported on delta.');
      }
      const fields = fieldsOption(ctx, list);
      // Links either keep the request's expand or carry only the token (variant deltaLinksKeepExpand).
      const fresh = baseQuery(query, store.variants.deltaLinksKeepExpand ? ['token'] : ['token', 'expand', '$expand']);
      const raw = query.get('token');
      const token = raw === null ? undefined : raw === 'latest' ? 'latest' : decodeDeltaToken(raw, list, store.deltaGeneration, linkTo(ctx.baseUrl, ctx.path, fresh));
      const page = deltaPage(list, token, store.deltaGeneration, topOf(query) ?? ctx.pageSize);
      const since = typeof token === 'object' ? token.since : 0;
      const value = page.entries.map((e, i) =>
        e.kind === 'item'
          ? deltaItemJson(store, list, e.item, { fields, since, index: i })
          : { id: String(e.id), parentReference: { siteId: store.site.id }, deleted: { state: 'deleted' } },
      );
      const link = (t: string) => {
        const q = new URLSearchParams(fresh);
        q.set('token', t);
        return linkTo(ctx.baseUrl, ctx.path, q);
      };
      return json(200, page.next ? { value, '@odata.nextLink': link(page.next) } : { value, '@odata.deltaLink': link(page.delta!) });
    }
  }
}
