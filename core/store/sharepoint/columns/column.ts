import type { z } from 'zod';

/** The column types the product provisions (Graph columnDefinition facets, see provisioning.ts). */
export type ColumnType = 'text' | 'note' | 'number' | 'dateTime' | 'boolean' | 'choice' | 'person';

/** How a column is provisioned. Internal names are stable; they are what `fields` is keyed by. */
export interface ColumnDef {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** Indexed: the only columns a query may filter or order on past the 5,000-item view threshold. */
  indexed?: boolean;
  /** Enforce unique values (implies indexed). */
  unique?: boolean;
  choices?: readonly string[];
  multi?: boolean; // person columns allowing several people
  dateOnly?: boolean;
}

/** The most a multiple-lines-of-text column holds (SharePoint limits). */
export const NOTE_MAX_CHARS = 63_999;

/**
 * How one value crosses between the domain and a column, and so what type of column it needs.
 * Reads are zod schemas over the raw field (undefined when empty); a codec without `read` is for
 * a column the app writes and never reads back, without `write` one the store fills itself.
 */
export interface Codec<V> {
  column: Pick<ColumnDef, 'type' | 'choices' | 'multi' | 'dateOnly'>;
  read?: z.ZodType<V | undefined>;
  /** The field value; undefined or null clears the column. */
  write?(value: V | undefined): unknown;
}

/** A row of a list's column table: the domain key it holds, its column and the codec between them. */
export interface Column<R = Record<string, unknown>> extends ColumnDef {
  /** Absent for a column only the store writes (Update Rounds' OpenKey). */
  key?: keyof R & string;
  codec: Codec<unknown>;
  /** What an empty field reads as, for columns older items may lack. */
  orElse?: () => unknown;
  /** Built into every list (Title): mapped, never provisioned. */
  builtIn?: boolean;
  /** A column computed from the whole record when written (never read); undefined leaves it alone. */
  derive?(record: Partial<R>): unknown;
}

export type Fields = Record<string, unknown>;
