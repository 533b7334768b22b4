import { mapHeaderRow, roleFor, type ColumnRole } from '../columns/column-map';
import type { ImportMapping } from '../columns/mapping-file';
import type { SourceRow } from '../source/plan-source';

/**
 * Finds the stretches of a sheet (or Word table) laid out as field labels down one column with the
 * values beside them: a sideways table (one action per column) or a block of "Label: value" rows
 * (one action per block). Everything else stays rows for the ordinary table reading. Detected, not
 * configured: a stretch counts when its labels name the task wording and at least one other field,
 * no field twice, and more fields than any row names across.
 */

export type TablePart = { kind: 'rows'; rows: SourceRow[] } | { kind: 'labels'; rows: SourceRow[]; at: number };

export interface RowLabel {
  /** The column the label is in. */
  at: number;
  label: string;
  role: ColumnRole | 'ignore' | undefined;
}

/**
 * A row whose first filled cell is a field label: "Lead officer", "Deadline:", or any short
 * "Words:" (an unknown label is still a label, to name in a mapping file). A cell with a colon
 * inside ("Objective 2: Housing") is a heading, not a label.
 */
export function labelOf(cells: string[], mapping: ImportMapping, { loose = false } = {}): RowLabel | undefined {
  const at = cells.findIndex((c) => c !== '');
  const text = cells[at];
  if (!text || text.length > 60 || text.includes('\n')) return undefined;
  const label = text.replace(/\s*:\s*$/, '');
  const colon = label !== text;
  if (label.includes(':') || !/^\p{L}/u.test(label) || label.split(/\s+/).length > (colon ? 6 : 5)) return undefined;
  const role = roleFor(label, mapping);
  // Loose: inside a block already found, any short label counts ("Where are we now"), to report or map.
  if (role === undefined && !loose && (!colon || /\d/.test(label))) return undefined;
  return { at, label, role };
}

const adjacent = (a: SourceRow, b: SourceRow) => a.line === undefined || b.line === undefined || b.line === a.line + 1;
const undatedField = (l: RowLabel) => (l.role && l.role !== 'ignore' && !l.role.date ? l.role.field : undefined);

/** Runs of label rows in one column, next to each other; rows with the label cell empty may sit between. */
function labelRuns(rows: SourceRow[], labels: (RowLabel | undefined)[], mapping: ImportMapping): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < rows.length) {
    const first = labels[i];
    if (!first) {
      i++;
      continue;
    }
    let last = i;
    for (let j = i + 1; j < rows.length && adjacent(rows[j - 1]!, rows[j]!); j++) {
      const l = labels[j] ?? labelOf(rows[j]!.cells, mapping, { loose: true });
      const inner = rows[j]!.cells.slice(0, first.at + 1).every((c) => c === '');
      if (l && l.at === first.at) last = j;
      else if (!inner) break;
    }
    for (let k = i + 1; k <= last; k++) {
      const loose = labels[k] ? undefined : labelOf(rows[k]!.cells, mapping, { loose: true });
      if (loose?.at === first.at) labels[k] = loose;
    }
    runs.push([i, last]);
    i = last + 1;
  }
  return runs;
}

/** A run split where a field comes round again: records one after another with no blank row between. */
function splitAtRepeats(start: number, end: number, labels: (RowLabel | undefined)[]): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  let seen = new Set<string>();
  for (let i = start; i <= end; i++) {
    const f = labels[i] && undatedField(labels[i]!);
    if (f && seen.has(f)) {
      let cut = i;
      while (cut > from && !labels[cut - 1]) cut--; // inner rows before the repeat stay with the block above
      out.push([from, cut - 1]);
      from = cut;
      seen = new Set();
    }
    if (f) seen.add(f);
  }
  out.push([from, end]);
  return out;
}

/** Does this stretch read better down the side than across? */
function isLabelBlock(rows: SourceRow[], labels: (RowLabel | undefined)[], mapping: ImportMapping): boolean {
  const found = labels.filter((l): l is RowLabel => !!l);
  const fields = found.map(undatedField).filter(Boolean);
  const named = found.filter((l) => l.role !== undefined).length;
  if (!fields.includes('title') || new Set(fields).size < 2 || named < found.length / 2) return false;
  const at = found[0]!.at;
  if (!rows.some((r) => r.cells.slice(at + 1).some((c) => c !== ''))) return false;
  const across = Math.max(0, ...rows.map((r) => mapHeaderRow(r.cells, mapping)?.distinctFields ?? 0));
  return new Set(fields).size > across;
}

export function splitTable(rows: SourceRow[], mapping: ImportMapping): TablePart[] {
  if (mapping.transposed === false || rows.length < 2) return [{ kind: 'rows', rows }];
  if (mapping.transposed === true) return [{ kind: 'labels', rows, at: 0 }];
  const labels = rows.map((r) => labelOf(r.cells, mapping));
  const blocks = labelRuns(rows, labels, mapping)
    .flatMap(([s, e]) => splitAtRepeats(s, e, labels))
    .filter(([s, e]) => e > s && isLabelBlock(rows.slice(s, e + 1), labels.slice(s, e + 1), mapping));
  if (blocks.length === 0) return [{ kind: 'rows', rows }];
  const parts: TablePart[] = [];
  let next = 0;
  for (const [s, e] of blocks) {
    if (s > next) parts.push({ kind: 'rows', rows: rows.slice(next, s) });
    parts.push({ kind: 'labels', rows: rows.slice(s, e + 1), at: labels[s]!.at });
    next = e + 1;
  }
  if (next < rows.length) parts.push({ kind: 'rows', rows: rows.slice(next) });
  return parts;
}
