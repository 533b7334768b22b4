import type { Column } from './column-definition';
import { fieldNotRecognized, invalidRequest } from './graph-errors';

/**
 * Validation of a written fieldValueSet (https://learn.microsoft.com/graph/api/listitem-create,
 * https://learn.microsoft.com/graph/api/listitem-update) into stored values.
 *
 * Value shapes per column type follow what Graph accepts for SharePoint columns: text and choice as
 * strings, numbers as JSON numbers, booleans as JSON booleans, dates as ISO 8601 or `yyyy-MM-dd`
 * strings, and people as `<Name>LookupId` (https://learn.microsoft.com/graph/api/resources/fieldvalueset)
 * — a single id, or for multi-selection an array annotated `<Name>LookupId@odata.type`
 * (OData JSON format §7.1, "Control Information: type") whose values must be of the annotated type:
 * numbers for `Collection(Edm.Int32)`, strings for `Collection(Edm.String)`. Which of the two forms
 * Graph takes is undocumented: the `lookupWrites` variant says. Otherwise the emulator is
 * deliberately strict (no string-to-number coercion) so adapter mapping bugs surface in tests.
 */

/** A stored column value: people are lookup ids; dates ISO strings at second precision. */
export type StoredValue = string | number | boolean | number[] | null;

export interface WriteContext {
  columns: readonly Column[];
  userExists(lookupId: number): boolean;
  /** Which lookup-id forms are accepted (variants.ts). */
  lookupWrites: 'any' | 'int32';
}

const LOOKUP_SUFFIX = 'LookupId';
/** Collection annotations per accepted form, and the JSON type each wants its values in. */
const COLLECTION_TYPES: Record<WriteContext['lookupWrites'], Record<string, 'number' | 'string'>> = {
  any: { 'Collection(Edm.Int32)': 'number', 'Collection(Edm.Int64)': 'number', 'Collection(Edm.String)': 'string' },
  int32: { 'Collection(Edm.Int32)': 'number' },
};
/** Read-only names Graph returns in `fields` that a client may echo back: refused, not ignored. */
const READ_ONLY = new Set(['id', 'ID', 'Created', 'Modified', 'AuthorLookupId', 'EditorLookupId', 'ContentType', '_UIVersionString', 'Attachments', 'Edit', 'LinkTitle', 'LinkTitleNoMenu', 'ItemChildCount', 'FolderChildCount']);

/** SharePoint's message for a lookup (person) id that is not in the lookup target. */
const INVALID_LOOKUP = 'Invalid look-up value. A look-up field contains invalid data. Please check the value and try again.';

const typeMismatch = (name: string, edmType: string) =>
  invalidRequest(`Cannot convert the value of field '${name}' to the expected type '${edmType}'.`);

export function toSecondPrecision(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a fieldValueSet body into column name -> value (`null` clears). */
export function parseFieldWrites(body: unknown, ctx: WriteContext): Map<string, StoredValue> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('The fields must be a JSON object.');
  const input = body as Record<string, unknown>;
  const out = new Map<string, StoredValue>();
  const byName = new Map(ctx.columns.map((c) => [c.name, c]));
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('@odata.')) continue; // e.g. an echoed "@odata.etag"
    if (key.endsWith('@odata.type')) {
      const target = key.slice(0, -'@odata.type'.length);
      if (!(target in input)) throw invalidRequest(`The annotation '${key}' has no property '${target}'.`);
      continue;
    }
    if (READ_ONLY.has(key)) throw invalidRequest(`Field '${key}' is read-only`);
    const direct = byName.get(key);
    if (direct?.kind === 'personOrGroup') {
      throw invalidRequest(`Field '${key}' is a person column; write its lookup id as '${key}${LOOKUP_SUFFIX}'`);
    }
    if (direct) {
      if (direct.readOnly) throw invalidRequest(`Field '${key}' is read-only`);
      out.set(key, coerce(direct, value));
      continue;
    }
    const person = key.endsWith(LOOKUP_SUFFIX) ? byName.get(key.slice(0, -LOOKUP_SUFFIX.length)) : undefined;
    if (person?.kind === 'personOrGroup' && !person.readOnly) {
      out.set(person.name, coercePerson(person, key, value, input[`${key}@odata.type`], ctx));
      continue;
    }
    throw fieldNotRecognized(key);
  }
  return out;
}

function coerce(column: Column, value: unknown): StoredValue {
  if (value === null) return null;
  const name = column.name;
  switch (column.kind) {
    case 'text': {
      if (typeof value !== 'string') throw typeMismatch(name, 'Edm.String');
      const max = column.text!.maxLength;
      if (value.length > max) throw invalidRequest(`The value of field '${name}' is ${value.length} characters long; the column allows at most ${max}.`);
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw typeMismatch(name, 'Edm.Double');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw typeMismatch(name, 'Edm.Boolean');
      return value;
    case 'dateTime': {
      if (typeof value !== 'string') throw typeMismatch(name, 'Edm.DateTimeOffset');
      if (value === '') return null;
      // ISO 8601 date-time with zone, or a bare yyyy-MM-dd (read as midnight UTC).
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw invalidRequest(`The value '${value}' of field '${name}' is not a valid date and time.`);
      }
      return toSecondPrecision(new Date(value));
    }
    case 'choice': {
      if (typeof value !== 'string') throw typeMismatch(name, 'Edm.String');
      if (value === '') return null;
      if (!column.choice!.choices.includes(value)) {
        throw invalidRequest(`The value '${value}' of field '${name}' is not one of its choices (${column.choice!.choices.join(', ')}).`);
      }
      return value;
    }
    default:
      throw invalidRequest(`Field '${name}' is read-only`);
  }
}

/** A lookup id in the JSON type `want` (any: a number or its digits). */
function lookupId(raw: unknown, field: string, want: 'number' | 'string' | 'any'): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw invalidRequest(`The value '${String(raw)}' of field '${field}' is not a lookup id.`);
  if (want !== 'any' && typeof raw !== want) throw typeMismatch(field, want === 'number' ? 'Edm.Int32' : 'Edm.String');
  return n;
}

function coercePerson(column: Column, field: string, value: unknown, annotation: unknown, ctx: WriteContext): StoredValue {
  const multi = column.personOrGroup!.allowMultipleSelection;
  if (value === null || value === '') return multi ? [] : null;
  if (Array.isArray(value)) {
    if (!multi) throw invalidRequest(`Field '${column.name}' allows one person; '${field}' must be a single lookup id.`);
    const accepted = COLLECTION_TYPES[ctx.lookupWrites];
    const want = typeof annotation === 'string' ? accepted[annotation] : undefined;
    if (!want) {
      // What OData says for an untyped collection: the annotation is how Graph knows the type.
      throw invalidRequest(`A collection value for '${field}' needs '${field}@odata.type': one of ${Object.keys(accepted).join(', ')}.`);
    }
    const ids = value.map((v) => lookupId(v, field, want));
    if (!ids.every((id) => ctx.userExists(id))) throw invalidRequest(INVALID_LOOKUP);
    return [...new Set(ids)];
  }
  if (multi) throw invalidRequest(`Field '${column.name}' allows several people; '${field}' must be an array annotated '${field}@odata.type'.`);
  const id = lookupId(value, field, ctx.lookupWrites === 'int32' ? 'number' : 'any');
  if (!ctx.userExists(id)) throw invalidRequest(INVALID_LOOKUP);
  return id;
}

export const isEmptyValue = (v: StoredValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
