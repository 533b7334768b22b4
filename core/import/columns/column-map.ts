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

function roleFor(header: string, mapping: ImportMapping): ColumnRole | undefined | 'ignore' {
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
  const ignored: string[] = [];
  const roles = cells.map((header) => {
    if (!header) return undefined;
    const role = roleFor(header, mapping);
    if (role === 'ignore') return undefined;
    if (!role) ignored.push(header);
    return role;
  });
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
