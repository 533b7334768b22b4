import { z } from 'zod';
import type { ListKey } from '../list-schema';
import type { Codec, Column, Fields } from './column';

/** Keys of `R` whose values are strings: the ones a lookup by an indexed column can use. */
export type StringKeys<R> = { [K in keyof R]-?: NonNullable<R[K]> extends string ? K : never }[keyof R] & string;

/** A list's column table (lists/): domain record D, held by the columns as R. */
export interface ColumnTable<D, R = D> {
  columns: Column<R>[];
  /** Every save writes every column (a missing value clears it): the item is replaced. */
  replaces?: boolean;
  /** For lists whose columns hold the record in another shape than the domain's. */
  toStored?: (record: Partial<D>) => Partial<R>;
  fromStored?: (stored: R) => D;
}

export interface ListNames {
  key: ListKey;
  /** Default display name; overridable per site in config. */
  displayName: string;
  description: string;
}

/** One SharePoint list: what provisioning creates and what the read model selects. */
export interface ListDef extends ListNames {
  /** The columns provisioning creates (not Title: every list has it built in). */
  columns: Column[];
  /** What the read model selects: Title and every column but Person ones (their JSON twins carry people). */
  selected: string[];
}

/** A list and its mapping to domain records D. */
export interface MappedList<D> extends ListDef {
  /** The indexed or unique column holding `key`: only those may be filtered on past 5,000 items. */
  indexedColumn(key: StringKeys<D>): string;
  /** Validates an item's fields and maps them to the domain; a bad field is an error naming it. */
  fromFields(fields: Fields, id: string): D;
  /** Only the keys present are written; on a patch an undefined value clears its column. */
  toFields(record: Partial<D>, forPatch?: boolean): Fields;
}

export interface ColumnOptions<V> {
  required?: boolean;
  indexed?: boolean;
  unique?: boolean;
  orElse?: V;
}

/** Column table rows for records of type R, checked against R's keys and value types. */
export function columnsOf<R>() {
  const col = <K extends keyof R & string>(key: K, name: string, codec: Codec<NonNullable<R[K]>>, { orElse, ...options }: ColumnOptions<NonNullable<R[K]>> = {}): Column<R> => ({
    key,
    name,
    ...codec.column,
    ...options,
    codec: codec as Codec<unknown>,
    // A fresh copy per item: records are the caller's to change.
    ...(orElse !== undefined && { orElse: () => structuredClone(orElse) }),
  });
  return {
    col,
    /** The built-in Title column holding `key`. */
    title: <K extends keyof R & string>(key: K, codec: Codec<NonNullable<R[K]>>, options: ColumnOptions<NonNullable<R[K]>> = {}): Column<R> => ({ ...col(key, 'Title', codec, options), builtIn: true }),
    /** A Title made from several values, written when `derive` gives one. */
    titleFrom: (derive: (record: Partial<R>) => string | undefined): Column<R> => ({ name: 'Title', type: 'text', builtIn: true, codec: { column: { type: 'text' } }, derive }),
    /** A column no domain key holds: the store writes it itself. */
    storeOnly: (name: string, codec: Codec<unknown>, options: Omit<ColumnOptions<never>, 'orElse'> = {}): Column<R> => ({ name, ...codec.column, ...options, codec }),
  };
}

/** The error for an item whose fields do not read: list, item and every bad column named. */
function invalidItem(list: string, id: string, problems: string[]): Error {
  return new Error(`SharePoint list "${list}" item ${id} has invalid columns (${problems.join('; ')})`);
}

/** Strips undefined so a create sends only what is set; a patch sends null to clear. */
function clean(fields: Fields, forPatch: boolean): Fields {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => forPatch || (v !== undefined && v !== null))
      .map(([k, v]) => [k, v === undefined ? null : v]),
  );
}

/** Reads the item's fields column by column; an empty required column is a problem like a bad one. */
function readColumns(schema: z.ZodType, readable: Column[], fields: Fields, list: string, id: string): Fields {
  const result = schema.safeParse(fields);
  if (!result.success) throw invalidItem(list, id, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const row = result.data as Fields;
  const stored: Fields = {};
  const empty: string[] = [];
  for (const c of readable) {
    const value = row[c.name] ?? c.orElse?.();
    if (value !== undefined) stored[c.key!] = value;
    else if (c.required) empty.push(`${c.name}: is empty`);
  }
  if (empty.length) throw invalidItem(list, id, empty);
  return stored;
}

/** Sets `c`'s field from the record: when its key is present, or always when the list `replaces`. */
function writeColumn(c: Column, stored: Fields, fields: Fields, replaces: boolean): void {
  if (c.derive) {
    const value = c.derive(stored);
    if (value !== undefined) fields[c.name] = value;
  } else if (c.key !== undefined && c.codec.write && (replaces || c.key in stored)) {
    fields[c.name] = c.codec.write(stored[c.key]);
  }
}

export function defineList<D, R = D>(names: ListNames, table: ColumnTable<D, R>): MappedList<D> {
  const all = table.columns as Column[];
  const provisioned = all.filter((c) => !c.builtIn);
  const readable = all.filter((c) => c.key !== undefined && c.codec.read);
  const schema = z.object(Object.fromEntries(readable.map((c) => [c.name, c.codec.read!])));
  const toStored = table.toStored ?? ((record: Partial<D>) => record as unknown as Partial<R>);
  const fromStored = table.fromStored ?? ((stored: R) => stored as unknown as D);
  return {
    ...names,
    columns: provisioned,
    selected: ['Title', ...provisioned.filter((c) => c.type !== 'person').map((c) => c.name)],
    indexedColumn(key) {
      const column = provisioned.find((c) => c.key === key && (c.indexed || c.unique));
      if (!column) throw new Error(`SharePoint list "${names.key}" has no indexed column for ${key}`);
      return column.name;
    },
    fromFields(fields, id) {
      return fromStored(readColumns(schema, readable, fields, names.key, id) as R);
    },
    toFields(record, forPatch = false) {
      const stored = toStored(record) as Fields;
      const fields: Fields = {};
      for (const c of all) writeColumn(c, stored, fields, table.replaces === true);
      return clean(fields, forPatch || table.replaces === true);
    },
  };
}
