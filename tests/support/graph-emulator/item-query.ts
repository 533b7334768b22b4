import type { Column } from './column-definition';
import { GraphError, invalidRequest } from './graph-errors';
import type { ItemState, ListState } from './list-state';
import { evaluateFilter, type ResolvedValue, type ValueKind } from './filter-evaluation';
import { filterProperties, parseFilter } from './odata-filter';
import type { OrderKey } from './odata-query';
import { compareTuples, decodeSkipToken, encodeSkipToken, type SortTuple, type SortValue } from './paging';
import type { EmulatorVariants } from './variants';

/**
 * `$filter` and `$orderby` over list items, with SharePoint's list view threshold rule: a query may
 * only filter or order on indexed columns (https://learn.microsoft.com/graph/api/listitem-list;
 * Microsoft Support, "Manage large lists and libraries").
 * Graph answers 400 `invalidRequest` naming the column, unless the request sends
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. The emulator then allows the query at any
 * size unless `variants.listViewThreshold` is set; real SharePoint refuses it once the list holds
 * more than 5,000 items, so production code must not rely on the header.
 */

export const HONOR_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

export function prefersNonIndexed(headers: Record<string, string>): boolean {
  return (headers.prefer ?? '').toLowerCase().split(',').some((p) => p.trim() === HONOR_NON_INDEXED);
}

const notIndexed = (name: string) =>
  invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );

interface FieldRef {
  column: Column;
  kind: ValueKind;
  multi: boolean;
  read(item: ItemState): unknown;
}

const KIND: Record<Column['kind'], ValueKind> = { text: 'string', choice: 'string', number: 'number', counter: 'number', dateTime: 'datetime', boolean: 'boolean', personOrGroup: 'number' };

/** Resolves `id`, `fields/id`, `fields/<Column>` and `fields/<Person>LookupId`. */
function fieldRef(list: ListState, path: string): FieldRef {
  const id = list.column('ID')!;
  if (path === 'id' || path === 'fields/id' || path === 'fields/ID') return { column: id, kind: 'number', multi: false, read: (i) => i.id };
  const m = /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(path);
  if (!m) throw invalidRequest(`Could not find a property named '${path}' on type 'microsoft.graph.listItem'.`);
  const name = m[1]!;
  if (name === 'Created' || name === 'Modified') {
    const column = list.column(name)!;
    return { column, kind: 'datetime', multi: false, read: (i) => (name === 'Created' ? i.created : i.modified) };
  }
  const direct = list.column(name);
  if (direct && direct.kind !== 'personOrGroup') return { column: direct, kind: KIND[direct.kind], multi: false, read: (i) => i.values.get(name) };
  const person = name.endsWith('LookupId') ? list.column(name.slice(0, -'LookupId'.length)) : undefined;
  if (person?.kind === 'personOrGroup') {
    return { column: person, kind: 'number', multi: person.personOrGroup!.allowMultipleSelection, read: (i) => i.values.get(person.name) };
  }
  throw invalidRequest(`Field '${name}' is not recognized`);
}

/** SharePoint's list view threshold (variants.ts `listViewThreshold`): past it, the Prefer header no longer helps. */
export interface ViewThreshold {
  items: number;
  error: EmulatorVariants['listViewThresholdError'];
}

function thresholdExceeded(error: ViewThreshold['error']): GraphError {
  const message = 'The attempted operation is prohibited because it exceeds the list view threshold.';
  return error === '400-invalidRequest' ? invalidRequest(message) : new GraphError(500, 'generalException', message);
}

function checkIndexed(ref: FieldRef, allowNonIndexed: boolean, over?: ViewThreshold): void {
  if (ref.column.indexed || ref.column.enforceUniqueValues) return;
  if (over) throw thresholdExceeded(over.error);
  if (!allowNonIndexed) throw notIndexed(ref.column.name);
}

function sortValue(ref: FieldRef, item: ItemState): SortValue {
  const v = ref.read(item);
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) return v.length ? Number(v[0]) : null;
  if (ref.kind === 'string') return String(v).toLowerCase();
  if (ref.kind === 'datetime') return Date.parse(String(v));
  return v as SortValue;
}

export interface ItemQuery {
  filter?: string;
  orderBy: OrderKey[];
  skipToken?: string;
  pageSize: number;
  allowNonIndexed: boolean;
  /** Off when absent or 0. */
  viewThreshold?: ViewThreshold;
}

export interface ItemPage {
  items: ItemState[];
  nextSkipToken?: string;
}

export function queryItems(list: ListState, q: ItemQuery): ItemPage {
  const over = q.viewThreshold && q.viewThreshold.items > 0 && list.items.size > q.viewThreshold.items ? q.viewThreshold : undefined;
  let predicate: (item: ItemState) => boolean = () => true;
  if (q.filter !== undefined && q.filter.trim() !== '') {
    const ast = parseFilter(q.filter);
    const refs = new Map(filterProperties(ast).map((p) => [p, fieldRef(list, p)] as const));
    for (const ref of refs.values()) checkIndexed(ref, q.allowNonIndexed, over);
    predicate = (item) =>
      evaluateFilter(ast, (path): ResolvedValue => {
        const ref = refs.get(path)!;
        return { kind: ref.kind, value: ref.read(item), multi: ref.multi };
      });
  }
  const keys = q.orderBy.map((k) => {
    const ref = fieldRef(list, k.path);
    if (ref.multi) throw invalidRequest(`Field '${ref.column.name}' allows several values and cannot be used in $orderby.`);
    checkIndexed(ref, q.allowNonIndexed, over);
    return { ref, desc: k.desc };
  });
  const desc = [...keys.map((k) => k.desc), false];
  const tupleOf = (item: ItemState): SortTuple => [...keys.map((k) => sortValue(k.ref, item)), item.id];

  const matched: { item: ItemState; tuple: SortTuple }[] = [];
  for (const item of list.items.values()) if (predicate(item)) matched.push({ item, tuple: tupleOf(item) });
  matched.sort((a, b) => compareTuples(a.tuple, b.tuple, desc));

  let start = 0;
  if (q.skipToken !== undefined) {
    const position = decodeSkipToken(q.skipToken);
    if (position.length !== desc.length) throw new GraphError(400, 'invalidRequest', 'The $skiptoken does not belong to this query.');
    start = matched.findIndex((m) => compareTuples(m.tuple, position, desc) > 0);
    if (start < 0) start = matched.length;
  }
  const page = matched.slice(start, start + q.pageSize);
  const more = start + q.pageSize < matched.length;
  return { items: page.map((m) => m.item), nextSkipToken: more ? encodeSkipToken(page[page.length - 1]!.tuple) : undefined };
}
