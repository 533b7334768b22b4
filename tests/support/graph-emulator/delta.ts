import { itemJson } from './field-reads';
import { GraphError, invalidRequest } from './graph-errors';
import type { ItemState, ListState } from './list-state';
import type { SiteStore } from './site-store';

/**
 * List item delta (https://learn.microsoft.com/graph/api/listitem-delta).
 *
 * - Without `token`: enumerates every current item, paged through `@odata.nextLink`; the last page
 *   has `@odata.deltaLink`. `token=latest` returns no items and a deltaLink for "now".
 * - With a previous deltaLink's token: the items changed since (latest state of each), and deleted
 *   ones as `{ id, deleted: { state: 'deleted' } }`.
 * - Each change has a position in the list's change log; a token records a window (`since`, `upTo`]
 *   and, while paging, the last position returned. Changes made while a round is being paged fall
 *   after `upTo` and arrive in the next round.
 * - A token issued before `expireDeltaTokens()` gets `410 Gone` with a `Location` header holding a
 *   fresh delta URL, as the page describes for tokens the service can no longer serve. Graph's
 *   generic code for that is `resyncRequired` (https://learn.microsoft.com/graph/errors), with the
 *   page's `resyncChangesApplyDifferences` as the inner code.
 */

interface DeltaToken {
  list: string;
  gen: number;
  since: number;
  upTo?: number;
  after?: number;
}

export type DeltaEntry = { kind: 'item'; item: ItemState; seq: number } | { kind: 'deleted'; id: number; seq: number };

export function encodeDeltaToken(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodeDeltaToken(raw: string, list: ListState, generation: number, freshLink: string): DeltaToken {
  let token: DeltaToken;
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaToken;
  } catch {
    throw invalidRequest('The delta token is not valid.');
  }
  if (typeof token !== 'object' || token === null || typeof token.since !== 'number' || token.list !== list.id) {
    throw invalidRequest('The delta token is not valid for this list.');
  }
  if (token.gen !== generation) {
    throw new GraphError(
      410,
      'resyncRequired',
      'Resync required: this delta token can no longer be served. Start a new delta enumeration from the Location header.',
      { Location: freshLink },
      'resyncChangesApplyDifferences',
    );
  }
  return token;
}

export interface DeltaPage {
  entries: DeltaEntry[];
  /** Token for `@odata.nextLink`, or undefined on the last page. */
  next?: string;
  /** Token for `@odata.deltaLink` (last page only). */
  delta?: string;
}

/** One page of changes for the window the token describes (or a new enumeration when absent). */
export function deltaPage(list: ListState, token: DeltaToken | 'latest' | undefined, generation: number, pageSize: number): DeltaPage {
  if (token === 'latest') return { entries: [], delta: encodeDeltaToken({ list: list.id, gen: generation, since: list.seq }) };
  const since = token?.since ?? 0;
  const upTo = token?.upTo ?? list.seq;
  const after = token?.after ?? since;
  const entries: DeltaEntry[] = [];
  for (const item of list.items.values()) if (item.seq > after && item.seq <= upTo) entries.push({ kind: 'item', item, seq: item.seq });
  // A first enumeration reports what exists; deletions matter only relative to an earlier state.
  if (since > 0) for (const t of list.tombstones) if (t.seq > after && t.seq <= upTo) entries.push({ kind: 'deleted', id: t.id, seq: t.seq });
  entries.sort((a, b) => a.seq - b.seq);
  const page = entries.slice(0, pageSize);
  if (entries.length > pageSize) {
    return { entries: page, next: encodeDeltaToken({ list: list.id, gen: generation, since, upTo, after: page[page.length - 1]!.seq }) };
  }
  return { entries: page, delta: encodeDeltaToken({ list: list.id, gen: generation, since: upTo }) };
}

/**
 * A delta entry for a current item. With `fields` asked for, the `deltaItemFields` variant decides
 * which items carry them: all, none, every other one, or (with a token) only the columns written
 * since it, a cleared column as null.
 */
export function deltaItemJson(store: SiteStore, list: ListState, item: ItemState, o: { fields?: { select?: string[] }; since: number; index: number }): Record<string, unknown> {
  const mode = store.variants.deltaItemFields;
  const withFields = o.fields !== undefined && mode !== 'none' && !(mode === 'some' && o.index % 2 === 1);
  const json = itemJson(store, list, item, withFields ? { fields: o.fields } : {});
  if (withFields && mode === 'changed' && o.since > 0) json.fields = changedOnly(json.fields as Record<string, unknown>, item, o.since, o.fields!.select);
  return json;
}

function changedOnly(fields: Record<string, unknown>, item: ItemState, since: number, select: string[] | undefined): Record<string, unknown> {
  const changed = new Set([...item.changedAt].filter(([, seq]) => seq > since).map(([name]) => name));
  const column = (key: string) => (key.endsWith('LookupId') ? key.slice(0, -'LookupId'.length) : key);
  const out: Record<string, unknown> = { '@odata.etag': fields['@odata.etag'] };
  for (const [key, value] of Object.entries(fields)) if (changed.has(column(key))) out[key] = value;
  for (const name of changed) if (!item.values.has(name) && (select === undefined || select.includes(name))) out[name] = null;
  return out;
}
