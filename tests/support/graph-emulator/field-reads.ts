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
 * - Person columns read back as `<Name>LookupId`: a string id, or for multi-selection an array of
 *   string ids; a multi-selection column also reads back under its bare name as
 *   `[{ LookupId, LookupValue, Email }]`. (Graph's exact output for multi-person columns is not in
 *   its reference pages; see the report.)
 * - `fields(select=…)` returns `@odata.etag` plus the selected fields.
 */

const SYSTEM_FIELDS = ['id', 'ContentType', 'Modified', 'Created', 'AuthorLookupId', 'EditorLookupId', '_UIVersionString', 'Attachments', 'Edit', 'LinkTitleNoMenu', 'LinkTitle', 'ItemChildCount', 'FolderChildCount'];

export function itemEtag(item: ItemState): string {
  return formatEtag(item.uniqueId, item.version);
}

function personObjects(store: SiteStore, ids: number[]): Record<string, unknown>[] {
  return ids.map((id) => ({ LookupId: id, LookupValue: store.users.displayName(id) ?? '', Email: store.users.email(id) ?? '' }));
}

function columnFields(store: SiteStore, column: Column, item: ItemState): [string, unknown][] {
  const v = item.values.get(column.name);
  if (v === undefined || v === null) return [];
  if (column.kind === 'personOrGroup') {
    if (!Array.isArray(v)) return [[`${column.name}LookupId`, String(v)]];
    if (v.length === 0) return [];
    return [[`${column.name}LookupId`, v.map(String)], [column.name, personObjects(store, v)]];
  }
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
