import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Person } from '../../../model';
import { PLAN_ZONE } from '../../../plan/london-time';
import type { Codec } from './column';

/** Strings read empty as undefined: SharePoint returns a cleared column as null or not at all. */
const optionalString = z.string().nullish().transform((v) => (v === null || v === undefined || v === '' ? undefined : v));
const asIs = <V>(value: V | undefined): V | undefined => value;

export const text: Codec<string> = { column: { type: 'text' }, read: optionalString, write: asIs };

/** Multiple lines of text (at most NOTE_MAX_CHARS). */
export const note: Codec<string> = { column: { type: 'note' }, read: optionalString, write: asIs };

export const number: Codec<number> = { column: { type: 'number' }, read: z.number().nullish().transform((v) => v ?? undefined), write: asIs };

/**
 * A Yes/No column (https://learn.microsoft.com/en-us/graph/api/resources/booleancolumn): written as
 * a JSON boolean. Only Yes reads as true: the page does not say what an item that never set the
 * column holds (No, or nothing), so No and empty both read as unset, the domain's "not so".
 */
export const yesNo: Codec<boolean> = {
  column: { type: 'boolean' },
  read: z
    .boolean()
    .nullish()
    .transform((v) => (v === true ? true : undefined)),
  write: (value) => value === true,
};

export function choice<V extends string>(values: readonly V[]): Codec<V> {
  const read = z
    .enum(values as readonly [V, ...V[]])
    .nullish()
    .transform((v) => v ?? undefined);
  return { column: { type: 'choice', choices: values }, read: read as z.ZodType<V | undefined>, write: asIs };
}

/** A choice that reads as words in Microsoft Lists while the domain keeps its own values. */
export function labelledChoice<V extends string>(labels: Record<V, string>): Codec<V> {
  const byLabel = new Map(Object.entries<string>(labels).map(([value, label]) => [label, value as V]));
  const words = choice([...byLabel.keys()]);
  return {
    column: words.column,
    read: words.read!.transform((label) => (label === undefined ? undefined : byLabel.get(label))),
    write: (value) => (value === undefined ? undefined : labels[value]),
  };
}

/** A value as JSON in a multiple-lines-of-text column, validated against `schema` when read. */
export function json<V>(schema: z.ZodType<V>, write = (value: V) => JSON.stringify(value)): Codec<V> {
  const read = z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());
  return { column: { type: 'note' }, read, write: (value) => (value === undefined ? undefined : write(value)) };
}

export const personSchema = z.object({ aadObjectId: z.string().min(1), displayName: z.string(), email: z.string() });

/** Date-only values are written at 12:00 UTC so every site time zone keeps the calendar day. */
function toDateOnly(date: string | undefined): string | null {
  return date ? `${date}T12:00:00Z` : null;
}

export const dateOnly: Codec<string> = {
  column: { type: 'dateTime', dateOnly: true },
  read: z
    .string()
    .nullish()
    .transform((v) => (v ? (DateTime.fromISO(v, { zone: 'utc' }).setZone(PLAN_ZONE).toISODate() ?? undefined) : undefined)),
  write: toDateOnly,
};

export const instant: Codec<string> = {
  column: { type: 'dateTime' },
  read: z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const at = new Date(v);
      if (!Number.isNaN(at.getTime())) return at.toISOString();
      ctx.addIssue({ code: 'custom', message: 'is not a date and time' });
      return z.NEVER;
    }),
  write: asIs,
};

/**
 * A Person column: the store writes it as `<Column>LookupId` (see site-people.ts) and never reads
 * it: the lookup ids cannot be turned back into AAD object ids through Graph, so a JSON twin
 * carries the people as the domain knows them.
 */
export const person: Codec<Person> = { column: { type: 'person' } };

/** A Person column allowing several people. */
export const people: Codec<Person[]> = { column: { type: 'person', multi: true } };

/** A column the app writes (for people reading the list, or to query on) and never reads back. */
export function writeOnly<V>(codec: Codec<V>, write = codec.write): Codec<V> {
  return { column: codec.column, write };
}

/** `writeOnly` for a value of another type than the column's (a person's id in a text column). */
export function writeOnlyAs<V>(like: Codec<unknown>, write: (value: V | undefined) => unknown): Codec<V> {
  return { column: like.column, write };
}
