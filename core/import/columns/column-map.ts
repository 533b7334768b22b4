import { findDeadline, type DeadlineKind } from '../../deadline/parse-deadline';
import { fieldForHeader, normaliseHeader } from './header-rules';
import type { ImportMapping } from './mapping-file';
import type { PlanField } from './plan-fields';

export interface ColumnRole {
  field: PlanField;
  header: string;
  /** A dated progress or RAG column ("October 2018 Update", "RAG Mar 2025"): yyyy-mm-dd. */
  date?: string;
  /** An action column grouping several task rows: a blank cell means "same as above". */
  group?: boolean;
}

export interface ColumnMap {
  roles: (ColumnRole | undefined)[];
  /** Non-empty headers that meant nothing to us: listed in the report so a mapping file can name them. */
  ignored: string[];
  /** How many different fields the header names: the likelier reading wins when a table could be either way round. */
  distinctFields: number;
}

/** What a dated column's date can be: a day, a month or a quarter, not a year or "ongoing". */
const DATED_KINDS = new Set<DeadlineKind>(['date', 'month', 'quarter']);

/** "October 2018 Update" -> 2018-10-31; undefined unless the header is a date plus progress or RAG words. */
export function datedColumn(header: string): { field: 'progress' | 'rag'; date: string } | undefined {
  const found = findDeadline(header, 'header', { reference: '2000-01-01' });
  const date = found?.parsed.dueDate;
  if (!found || !date || !DATED_KINDS.has(found.parsed.kind)) return undefined;
  const withoutDate = `${header.slice(0, found.index)} ${header.slice(found.index + found.text.length)}`;
  const rest = normaliseHeader(withoutDate).replace(/\b(?:as at|as of|at|to|for|in)\b/g, ' ').trim();
  const field = rest === '' ? 'progress' : fieldForHeader(rest);
  return field === 'progress' || field === 'rag' ? { field, date } : undefined;
}

/** What a header (or a field label down the side, or a "Label:" in a block) means: the mapping's word first, then ours. */
export function roleFor(header: string, mapping: ImportMapping): ColumnRole | undefined | 'ignore' {
  const override = mapping.columns.get(normaliseHeader(header));
  if (override) {
    if (override.field === 'ignore') return 'ignore';
    if (override.field === 'history') {
      const date = override.date ?? datedColumn(header)?.date;
      return date ? { field: 'progress', header, date } : { field: 'progress', header };
    }
    return { field: override.field, header, ...(override.date && { date: override.date }) };
  }
  const dated = datedColumn(header);
  if (dated) return { field: dated.field, header, date: dated.date };
  const field = fieldForHeader(header);
  return field && { field, header };
}

/**
 * Reads a row as a header row, or returns undefined when it is not one: a header names the task
 * column and at least one other, in short cells.
 */
export function mapHeaderRow(cells: string[], mapping: ImportMapping): ColumnMap | undefined {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2 || filled.some((c) => c.length > 150)) return undefined;
  // Cheap test first (this runs on every row): a header names the tasks, by our words or the mapping's.
  if (!filled.some((c) => fieldForHeader(c) === 'title' || mapping.columns.get(normaliseHeader(c))?.field === 'title')) return undefined;
  const read = cells.map((header) => (header ? roleFor(header, mapping) : undefined));
  datedQuarters(cells, read, mapping);
  const ignored = cells.filter((h, i) => h && read[i] === undefined);
  const roles = read.map((r) => (r === 'ignore' ? undefined : r));
  const titles = roles.flatMap((r, i) => (r?.field === 'title' ? [i] : []));
  if (titles.length === 0 || roles.filter(Boolean).length < 2) return undefined;
  // "Action | Tasks | …": the tasks are the rows, the action groups them (as an indicator would).
  const main = titles.find((i) => /^tasks?\b/.test(normaliseHeader(cells[i] ?? ''))) ?? titles[0]!;
  const hasIndicator = roles.some((r) => r?.field === 'indicator');
  for (const i of titles) {
    if (i === main) continue;
    const role = roles[i]!;
    roles[i] = !hasIndicator && i < main ? { ...role, field: 'indicator', group: true } : { ...role, field: 'description' };
  }
  return { roles, ignored, distinctFields: new Set(roles.flatMap((r) => (r ? [r.field] : []))).size };
}

/** "Q2", "Quarter 3 update": a progress column named by its quarter alone. */
const QUARTER_ONLY = /^(?:q|qtr|quarter)\s*(?<q>[1-4])(?:\s+(?:update|progress|position|comments?))?$/i;

/** The financial quarter's end: Q1 June, Q2 September, Q3 December, Q4 March of the next year. */
function quarterEnd(start: number, q: number): string {
  const [y, m] = q === 4 ? [start + 1, 3] : [start, q * 3 + 3];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${last}`;
}

/**
 * A quarter with no year takes it from the dated progress columns beside it: the last such quarter
 * ending before the next dated column, else the first after the one before. Alone, it stays unread.
 */
function datedQuarters(cells: string[], roles: (ColumnRole | 'ignore' | undefined)[], mapping: ImportMapping): void {
  const dates = roles.map((r) => (r && r !== 'ignore' && r.date ? r.date : undefined));
  cells.forEach((header, i) => {
    const q = Number(QUARTER_ONLY.exec(header.trim())?.groups?.q);
    const role = roles[i];
    if (!q || mapping.columns.has(normaliseHeader(header)) || (role !== undefined && (role === 'ignore' || role.field !== 'progress' || role.date))) return;
    const after = dates.slice(i + 1).find(Boolean);
    const before = dates.slice(0, i).reverse().find(Boolean);
    let date: string | undefined;
    if (after) {
      const y = Number(after.slice(0, 4));
      date = [y - 1, y - 2].map((s) => quarterEnd(s, q)).find((d) => d < after);
      if (quarterEnd(y, q) < after) date = quarterEnd(y, q);
    } else if (before) {
      const y = Number(before.slice(0, 4));
      date = [y - 1, y, y + 1].map((s) => quarterEnd(s, q)).find((d) => d > before);
    }
    if (date) roles[i] = { field: 'progress', header, date };
  });
}
