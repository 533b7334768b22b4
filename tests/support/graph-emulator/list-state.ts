import { randomUUID } from 'node:crypto';
import { builtInColumns, type Column, parseColumnDefinition, patchColumn } from './column-definition';
import { ifMatchSatisfied } from './etag';
import { GraphError, invalidRequest, itemNotFound, preconditionFailed } from './graph-errors';
import { isEmptyValue, parseFieldWrites, type StoredValue, toSecondPrecision } from './field-writes';
import type { EmulatorVariants } from './variants';

/**
 * One SharePoint list: its columns, its items and its change log (for delta). Writes are
 * synchronous, so each is atomic with respect to concurrent requests — like a SharePoint item save.
 */

export interface ItemState {
  id: number;
  /** The item's unique id (the GUID in its ETag). */
  uniqueId: string;
  /** Incremented by every write; the N in the ETag and `_UIVersionString` "N.0". */
  version: number;
  created: string;
  modified: string;
  values: Map<string, StoredValue>;
  /** Change-log position of the item's latest write (delta). */
  seq: number;
  /** Change-log position of each column's latest write, for deltas that carry only what changed. */
  changedAt: Map<string, number>;
}

export interface Tombstone {
  id: number;
  seq: number;
}

export interface ListOptions {
  displayName: string;
  description: string;
  template: string;
  hidden: boolean;
  /** The app's own lookup id in the User Information List, shown as Author/Editor. */
  authorLookupId: number;
  userExists(lookupId: number): boolean;
  variants: Pick<EmulatorVariants, 'uniqueViolation' | 'staleEtag' | 'lookupWrites' | 'uniqueBlankValues'>;
  /** A restored list's id (site-dump.ts); a new one otherwise. */
  id?: string;
}

/**
 * Unique columns reject a value another item already has, compared as SharePoint does: text
 * case-insensitively; empty values never collide, or (variant `uniqueBlankValues: 'one'`) collide
 * like any other value. Wording: SharePoint's
 * SPDuplicateValuesFoundException message. Graph documents neither status nor code: the variant
 * `uniqueViolation` picks one of the reported forms (409 `nameAlreadyExists` by default).
 */
function duplicate(column: Column, value: StoredValue, form: EmulatorVariants['uniqueViolation']): GraphError {
  const english = `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}]. (${String(value)})`;
  switch (form) {
    case '400-invalidRequest':
      return new GraphError(400, 'invalidRequest', english);
    case '500-generalException':
      return new GraphError(500, 'generalException', english);
    case '400-localized':
      return new GraphError(400, 'invalidRequest', `L'élément de liste n'a pas pu être ajouté ou mis à jour, car des valeurs en double ont été trouvées dans les champs suivants de la liste : [${column.name}].`);
    default:
      return new GraphError(409, 'nameAlreadyExists', english);
  }
}

/** A stale If-Match: 412 as listitem-update documents, or 409 resourceModified (variant `staleEtag`). */
function staleEtag(form: EmulatorVariants['staleEtag']): GraphError {
  if (form === '412') return preconditionFailed();
  return new GraphError(409, 'resourceModified', 'The resource has been modified since it was last read. Refresh it and try again.');
}

/** What an empty value is indexed under when empty values collide. */
const BLANK = '\u0000blank';

const keyOf = (v: StoredValue | undefined, blanks: EmulatorVariants['uniqueBlankValues']): string | undefined =>
  isEmptyValue(v) ? (blanks === 'one' ? BLANK : undefined) : typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);

export class ListState {
  readonly id: string;
  created = toSecondPrecision(new Date());
  modified = this.created;
  /** The list's URL name (`/Lists/<name>`), from its display name when it was created. */
  readonly name: string;
  displayName: string;
  description: string;
  readonly template: string;
  readonly hidden: boolean;
  columns: Column[] = builtInColumns();
  readonly items = new Map<number, ItemState>();
  readonly tombstones: Tombstone[] = [];
  /** Last change-log position handed out. */
  seq = 0;
  nextItemId = 1;
  private readonly uniqueIndex = new Map<string, Map<string, number>>();

  constructor(private readonly options: ListOptions) {
    this.id = options.id ?? randomUUID();
    this.name = options.displayName;
    this.displayName = options.displayName;
    this.description = options.description;
    this.template = options.template;
    this.hidden = options.hidden;
  }


  get authorLookupId(): number {
    return this.options.authorLookupId;
  }

  column(name: string): Column | undefined {
    return this.columns.find((c) => c.name === name);
  }

  findColumn(ref: string): Column | undefined {
    return this.columns.find((c) => c.id === ref.toLowerCase()) ?? this.column(ref);
  }

  addColumn(definition: unknown): Column {
    const column = parseColumnDefinition(definition);
    if (this.columns.some((c) => c.name.toLowerCase() === column.name.toLowerCase())) {
      // SharePoint: "A duplicate field name "X" was found." Graph's status for it is not documented.
      throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
    }
    if (column.enforceUniqueValues) this.uniqueIndex.set(column.name, this.indexOf(column));
    this.columns.push(column);
    return column;
  }

  updateColumn(ref: string, body: unknown): Column {
    const current = this.findColumn(ref);
    if (!current) throw itemNotFound(`Column '${ref}' was not found in list '${this.displayName}'.`);
    const next = patchColumn(current, body);
    if (next.enforceUniqueValues && !current.enforceUniqueValues) this.uniqueIndex.set(next.name, this.indexOf(next));
    if (!next.enforceUniqueValues) this.uniqueIndex.delete(next.name);
    this.columns = this.columns.map((c) => (c === current ? next : c));
    return next;
  }

  private uniqueKey(v: StoredValue | undefined): string | undefined {
    return keyOf(v, this.options.variants.uniqueBlankValues);
  }

  /** The unique index of a column over the items held; SharePoint refuses uniqueness while duplicates exist. */
  private indexOf(column: Column): Map<string, number> {
    const index = new Map<string, number>();
    for (const item of this.items.values()) {
      const key = this.uniqueKey(item.values.get(column.name));
      if (key === undefined) continue;
      if (index.has(key)) throw invalidRequest(`This field contains duplicate values. Remove all duplicate values and try the operation again. (${column.name})`);
      index.set(key, item.id);
    }
    return index;
  }

  /** Restores the unique indexes after items were put back (site-dump.ts). */
  reindexAll(): void {
    this.uniqueIndex.clear();
    for (const c of this.columns) if (c.enforceUniqueValues) this.uniqueIndex.set(c.name, this.indexOf(c));
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A create checks every unique column (one it leaves empty too); an update those it writes. */
  private checkUnique(values: Map<string, StoredValue>, selfId: number | undefined): void {
    for (const [name, index] of this.uniqueIndex) {
      if (!values.has(name) && selfId !== undefined) continue;
      const key = this.uniqueKey(values.get(name));
      const owner = key === undefined ? undefined : index.get(key);
      if (owner !== undefined && owner !== selfId) throw duplicate(this.column(name)!, values.get(name) ?? '', this.options.variants.uniqueViolation);
    }
  }

  private reindex(item: ItemState, before: Map<string, StoredValue> | undefined): void {
    for (const [name, index] of this.uniqueIndex) {
      const old = before === undefined ? undefined : this.uniqueKey(before.get(name));
      if (old !== undefined && index.get(old) === item.id) index.delete(old);
      const now = this.uniqueKey(item.values.get(name));
      if (now !== undefined) index.set(now, item.id);
    }
  }

  /**
   * Columns the app made `required` must have a value. (Whether SharePoint enforces `required` on
   * API writes is doubtful — see the report — so the emulator is the stricter of the two, and leaves
   * the built-in Title alone, which every genericList marks required.)
   */
  private checkRequired(values: Map<string, StoredValue>, creating: boolean): void {
    for (const c of this.columns) {
      if (!c.required || c.builtIn) continue;
      const given = values.has(c.name);
      if ((creating && (!given || isEmptyValue(values.get(c.name)))) || (!creating && given && isEmptyValue(values.get(c.name)))) {
        throw invalidRequest(`Field '${c.name}' is required.`);
      }
    }
  }

  private parse(fields: unknown): Map<string, StoredValue> {
    return parseFieldWrites(fields, { columns: this.columns, userExists: (id) => this.options.userExists(id), lookupWrites: this.options.variants.lookupWrites });
  }

  /** https://learn.microsoft.com/graph/api/listitem-create */
  createItem(fields: unknown): ItemState {
    const values = this.parse(fields);
    this.checkRequired(values, true);
    this.checkUnique(values, undefined);
    const now = toSecondPrecision(new Date());
    const stored = new Map<string, StoredValue>();
    for (const [k, v] of values) if (!isEmptyValue(v)) stored.set(k, v);
    const seq = this.nextSeq();
    const item: ItemState = { id: this.nextItemId++, uniqueId: randomUUID(), version: 1, created: now, modified: now, values: stored, seq, changedAt: new Map([...stored.keys()].map((k) => [k, seq])) };
    this.items.set(item.id, item);
    this.reindex(item, undefined);
    return item;
  }

  getItem(id: string): ItemState {
    const item = /^\d+$/.test(id) ? this.items.get(Number(id)) : undefined;
    if (!item) throw itemNotFound('The specified list item was not found.');
    return item;
  }

  /** https://learn.microsoft.com/graph/api/listitem-update — If-Match mismatch is 412, nothing written. */
  updateItem(id: string, fields: unknown, ifMatch: string | undefined): ItemState {
    const item = this.getItem(id);
    if (!ifMatchSatisfied(ifMatch, item.uniqueId, item.version)) throw staleEtag(this.options.variants.staleEtag);
    const values = this.parse(fields);
    this.checkRequired(values, false);
    this.checkUnique(values, item.id);
    const before = new Map(item.values);
    for (const [k, v] of values) {
      if (isEmptyValue(v)) item.values.delete(k);
      else item.values.set(k, v);
    }
    item.version += 1;
    item.modified = toSecondPrecision(new Date());
    item.seq = this.nextSeq();
    for (const k of values.keys()) item.changedAt.set(k, item.seq);
    this.reindex(item, before);
    return item;
  }

  /** https://learn.microsoft.com/graph/api/listitem-delete — `If-Match` as for update. */
  deleteItem(id: string, ifMatch: string | undefined): void {
    const item = this.getItem(id);
    if (!ifMatchSatisfied(ifMatch, item.uniqueId, item.version)) throw staleEtag(this.options.variants.staleEtag);
    this.items.delete(item.id);
    for (const [name, index] of this.uniqueIndex) {
      const key = this.uniqueKey(item.values.get(name));
      if (key !== undefined && index.get(key) === item.id) index.delete(key);
    }
    this.tombstones.push({ id: item.id, seq: this.nextSeq() });
  }
}
