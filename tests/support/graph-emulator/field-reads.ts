import type { Column } from './column-definition';
import { formatEtag } from './etag';
import { invalidRequest } from './graph-errors';
import type { ItemState, ListState } from './list-state';
import type { SiteStore } from './site-store';

/**
 * Rendering items as Graph `listItem` resources (https://learn.microsoft.com/graph/api/resources/listitem)
 * with their `fields` fieldValueSet (https://learn.microsoft.com/graph/api/resources/fieldvalueset).
 *
 * - Empty columns are omitted from `fields`, as Graph does.
 * - Person columns read back as `<Name>LookupId` (a string id, or an array of them for
 *   multi-selection), as fieldvalueset describes. Graph's reference pages do not show multi-person
 *   output nor say whether ids are numbers: the `personReadForm` and `lookupIds` variants give the
 *   other forms (lookup objects `{ LookupId, LookupValue, Email }` under the bare name; integer ids).
 * - `fields(select=…)` returns `@odata.etag` plus the selected fields.
 */

const SYSTEM_FIELDS = ['id', 'ContentType', 'Modified', 'Created', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'Attachments', 'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount'];

export function itemEtag(item: ItemState): string {
  return formatEtag(item.uniqueId, item.version);
}

function personObject(store: SiteStore, id: number): Record<string, unknown> {
  const lookupId = store.variants.lookupIds === 'integer' ? id : String(id);
  return { LookupId: lookupId, LookupValue: store.users.displayName(id) ?? '', Email: store.users.email(id) ?? '' };
}

/** A person column's fields in the forms the variants ask for. */
function personFields(store: SiteStore, column: Column, v: number | number[]): [string, unknown][] {
  const ids = Array.isArray(v) ? v : [v];
  if (ids.length === 0) return [];
  const { personReadForm, lookupIds } = store.variants;
  const id = (n: number) => (lookupIds === 'integer' ? n : String(n));
  const out: [string, unknown][] = [];
  if (personReadForm !== 'object') out.push([`${column.name}LookupId`, Array.isArray(v) ? ids.map(id) : id(ids[0]!)]);
  if (personReadForm !== 'lookupId') out.push([column.name, Array.isArray(v) ? ids.map((n) => personObject(store, n)) : personObject(store, ids[0]!)]);
  return out;
}

function columnFields(store: SiteStore, column: Column, item: ItemState): [string, unknown][] {
  const v = item.values.get(column.name);
  if (v === undefined || v === null) return [];
  if (column.kind === 'personOrGroup') return personFields(store, column, v as number | number[]);
  return [[column.name, v]];
}

/** Every field name a client may select on this list. */
function allFields(store: SiteStore, list: ListState, item: ItemState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  out.set('id', String(item.id));
  out.set('ContentType', store.isUserInformationList(list) ? 'Person' : 'Item');
  out.set('Modified', item.modified);
  out.set('Created', item.created);
  out.set('AuthorLookupId', String(list.authorLookupId));
  out.set('EditorLookupId', String(list.authorLookupId));
  out.set('_UIVersionString', `${item.version}.0`);
  out.set('Attachments', false);
  out.set('Edit', '');
  out.set('LinkTitleNoMenu', item.values.get('Title') ?? '');
  out.set('LinkTitle', item.values.get('Title') ?? '');
  out.set('ItemChildCount', '0');
  out.set('FolderChildCount', '0');
  for (const c of list.columns) {
    if (c.builtIn) continue;
    for (const [k, v] of columnFields(store, c, item)) out.set(k, v);
  }
  const title = item.values.get('Title');
  if (title !== undefined && title !== null) out.set('Title', title);
  return out;
}

/** Names a `select` may use: system fields, columns, and `<Person>LookupId`. */
export function selectableField(list: ListState, name: string): boolean {
  if (SYSTEM_FIELDS.includes(name) || name === 'ID') return true;
  if (list.column(name)) return true;
  return name.endsWith('LookupId') && list.column(name.slice(0, -'LookupId'.length))?.kind === 'personOrGroup';
}

export function checkSelect(list: ListState, select: string[] | undefined): void {
  for (const name of select ?? []) {
    if (!selectableField(list, name)) throw invalidRequest(`Field '${name}' is not recognized`);
  }
}

/** The fieldValueSet of an item, optionally restricted to `select`. */
export function fieldsJson(store: SiteStore, list: ListState, item: ItemState, select?: string[]): Record<string, unknown> {
  const all = allFields(store, list, item);
  const out: Record<string, unknown> = { '@odata.etag': itemEtag(item) };
  if (select === undefined) {
    for (const [k, v] of all) out[k] = v;
    return out;
  }
  for (const name of select) {
    const key = name === 'ID' ? 'id' : name;
    if (all.has(key)) out[name] = all.get(key);
  }
  return out;
}

export interface ItemRenderOptions {
  /** `undefined`: no `fields`; `{}`: all fields; `{ select }`: those fields. */
  fields?: { select?: string[] };
  /** Top-level `$select`. */
  select?: string[];
}

/** A listItem resource. */
export function itemJson(store: SiteStore, list: ListState, item: ItemState, options: ItemRenderOptions = {}): Record<string, unknown> {
  const appUser = { user: { displayName: store.users.displayName(list.authorLookupId) ?? 'SharePoint App' } };
  const etag = itemEtag(item);
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${store.site.webUrl}/Lists/${encodeURIComponent(list.name)}/${item.id}_.000`,
    createdBy: appUser,
    lastModifiedBy: appUser,
    parentReference: { id: list.id, siteId: store.site.id },
    contentType: { id: '0x0100' + list.id.replace(/-/g, '').toUpperCase(), name: store.isUserInformationList(list) ? 'Person' : 'Item' },
  };
  if (options.fields) out.fields = fieldsJson(store, list, item, options.fields.select);
  if (!options.select) return out;
  const picked: Record<string, unknown> = { '@odata.etag': etag };
  for (const name of options.select) if (name in out) picked[name] = out[name];
  if (options.fields && !('fields' in picked)) picked.fields = out.fields;
  return picked;
}
