import { normaliseHeader } from '../../core/import/columns/header-rules';
import type { RowMark } from '../../core/import/columns/mapping-file';
import type { PlanField } from '../../core/import/columns/plan-fields';
import type { ImportReport } from '../../core/import/import-report';

/**
 * The officer's corrections in the import preview, held as the mapping file itself (the JSON the
 * CLI's `--mapping` reads), so what the preview sends, what "Save mapping file" downloads and what
 * a later import reads are one and the same. Pure functions: the dialog keeps the state.
 */

export type MappedField = PlanField | 'ignore';
export type ColumnTarget = MappedField | { field: MappedField; date?: string };

export interface MappingFile {
  columns?: Record<string, ColumnTarget>;
  owners?: Record<string, string>;
  transposed?: boolean;
  rows?: Record<string, RowMark>;
}

/** What a column means: a field, "history" with the date of its update, or ignored. */
export interface ColumnChoice {
  field: MappedField;
  date?: string;
}

export const MAPPING_FILE_NAME = 'import-mapping.json';

const sameHeader = (a: string, b: string) => normaliseHeader(a) === normaliseHeader(b);
const rowKey = (where: string) => where.toLowerCase().replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

function targetToChoice(target: ColumnTarget): ColumnChoice {
  return typeof target === 'string' ? { field: target } : { field: target.field, ...(target.date && { date: target.date }) };
}

/** A report column as a choice: a dated progress column is history ("October 2025 update"). */
function reportedChoice(column: { field: PlanField; date?: string }): ColumnChoice {
  if (column.field === 'progress' && column.date) return { field: 'history', date: column.date };
  return { field: column.field, ...(column.date && { date: column.date }) };
}

const sameChoice = (a: ColumnChoice, b: ColumnChoice) => a.field === b.field && (a.date ?? '') === (b.date ?? '');

/** The header's own entry in the mapping (compared as the import compares headers). */
export function overrideFor(mapping: MappingFile, header: string): ColumnChoice | undefined {
  const key = Object.keys(mapping.columns ?? {}).find((k) => sameHeader(k, header));
  return key === undefined ? undefined : targetToChoice(mapping.columns![key]!);
}

/** What the import made of each header with no mapping at all: the baseline a choice returns to. */
export function guessesOf(report: ImportReport): Map<string, ColumnChoice> {
  const guesses = new Map<string, ColumnChoice>();
  for (const table of report.tables) {
    for (const c of table.columns) if (!guesses.has(normaliseHeader(c.header))) guesses.set(normaliseHeader(c.header), reportedChoice(c));
    for (const h of table.ignoredColumns) if (!guesses.has(normaliseHeader(h))) guesses.set(normaliseHeader(h), { field: 'ignore' });
  }
  return guesses;
}

/** The column's meaning now: the officer's choice, else what the latest dry run read, else the first guess. */
export function choiceFor(mapping: MappingFile, report: ImportReport | undefined, guesses: Map<string, ColumnChoice>, header: string): ColumnChoice {
  const override = overrideFor(mapping, header);
  if (override) return override;
  const column = report?.tables.flatMap((t) => t.columns).find((c) => sameHeader(c.header, header));
  if (column) return reportedChoice(column);
  return guesses.get(normaliseHeader(header)) ?? { field: 'ignore' };
}

/** The mapping with this header's meaning set; back to the import's own guess, the entry goes. */
export function withColumnChoice(mapping: MappingFile, header: string, choice: ColumnChoice, guess?: ColumnChoice): MappingFile {
  const columns = Object.fromEntries(Object.entries(mapping.columns ?? {}).filter(([k]) => !sameHeader(k, header)));
  if (!guess || !sameChoice(guess, choice)) columns[header] = choice.date ? { field: choice.field, date: choice.date } : choice.field;
  return { ...mapping, columns };
}

export function rowMarkOf(mapping: MappingFile, where: string): RowMark | undefined {
  const key = Object.keys(mapping.rows ?? {}).find((k) => rowKey(k) === rowKey(where));
  return key === undefined ? undefined : mapping.rows![key];
}

/** Marks a row (named as the report names it) as a heading or not a task; `undefined` undoes the mark. */
export function withRowMark(mapping: MappingFile, where: string, mark: RowMark | undefined): MappingFile {
  const rows = Object.fromEntries(Object.entries(mapping.rows ?? {}).filter(([k]) => rowKey(k) !== rowKey(where)));
  if (mark) rows[where] = mark;
  return { ...mapping, rows };
}

/** The mapping file as saved: only the parts in use, in the order the CLI's documentation shows. */
export function mappingFileText(mapping: MappingFile): string {
  const out: MappingFile = {};
  if (mapping.columns && Object.keys(mapping.columns).length > 0) out.columns = mapping.columns;
  if (mapping.owners && Object.keys(mapping.owners).length > 0) out.owners = mapping.owners;
  if (mapping.transposed !== undefined) out.transposed = mapping.transposed;
  if (mapping.rows && Object.keys(mapping.rows).length > 0) out.rows = mapping.rows;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * A mapping file the officer chose, read just enough to hold it: JSON with an object at the top.
 * The server checks it properly (the CLI's own parser) before the preview uses it.
 */
export function readMappingFile(text: string): MappingFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('This file is not a mapping file: it is not JSON. Choose a file saved with "Save mapping file".');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('This file is not a mapping file: it does not hold columns or rows. Choose a file saved with "Save mapping file".');
  return raw as MappingFile;
}

/** Each table's headers, in the order first seen, kept across dry runs: a column ignored on purpose stays listed. */
export type TableHeaders = { name: string; headers: string[] }[];

export function mergeHeaders(known: TableHeaders, report: ImportReport): TableHeaders {
  const next = known.map((t) => ({ name: t.name, headers: [...t.headers] }));
  for (const table of report.tables) {
    let entry = next.find((t) => t.name === table.name);
    if (!entry) {
      entry = { name: table.name, headers: [] };
      next.push(entry);
    }
    for (const header of [...table.columns.map((c) => c.header), ...table.ignoredColumns]) {
      if (!entry.headers.some((h) => sameHeader(h, header))) entry.headers.push(header);
    }
  }
  return next;
}
