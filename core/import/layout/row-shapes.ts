import { mapHeaderRow, roleFor } from '../columns/column-map';
import type { ImportMapping } from '../columns/mapping-file';
import type { SourceRow } from '../source/plan-source';

/**
 * Rows around and inside a plan's tables that are not tasks: notes and keys written across the
 * table, total rows, and the header of a small table of another kind (a summary of statuses, a
 * count of actions) set under the plan's own table.
 */

/** A note's lead words: "Note:", "Key:", "Signed", "Approved by", "Version 2", "Last updated". */
export const NOTE_WORD = /^(?:notes?\s*:|n\.?b\.?\s|key\s*:|(?:b?rag|status) key\b|source\s*:|signed\b|approved by\b|agreed by\b|version \d|last (?:reviewed|updated)\b|next review\b|document owner\b|owner of this document\b|official(?:[\s-]+sensitive)?$|please\b)/i;

/** A row of prose across the table: sentences, or a note's lead word ("Key:", "Signed", "Version 2"). */
export function isNote(text: string): boolean {
  const t = text.trim();
  if (NOTE_WORD.test(t)) return true;
  const words = t.split(/\s+/).length;
  return /[.!?]\s+\p{Lu}/u.test(t) || (/\.$/.test(t) && words >= 6);
}

export const isTotalRow = (cells: string[]) => /^(?:grand\s+|sub-?\s*)?totals?\s*:?$/i.test(cells.find((c) => c !== '') ?? '');

const distinct = (cells: string[]) => [...new Set(cells.filter((c) => c !== ''))];
const numeric = (c: string) => /^[£$€]?\s*-?\d[\d,.]*\s*%?$/.test(c.trim());

/**
 * The header of another kind of table ("Status | Number of actions"): short labels, half of them
 * words we know, no task column, and figures in the row below.
 */
export function isOtherTableHeader(row: SourceRow, next: SourceRow | undefined, mapping: ImportMapping): boolean {
  const values = distinct(row.cells);
  if (values.length < 2 || values.some((v) => v.length > 30 || v.split(/\s+/).length > 4 || /\d/.test(v))) return false;
  if (mapHeaderRow(row.cells, mapping)) return false;
  const known = values.filter((v) => roleFor(v, mapping) !== undefined).length;
  return known * 2 >= values.length && !!next && next.cells.some((c) => c !== '' && numeric(c));
}

/** A blank row (or more) between this row and the one before it. */
export const afterGap = (prev: SourceRow | undefined, row: SourceRow) => !!prev && prev.line !== undefined && row.line !== undefined && row.line > prev.line + 1;
