import { roleFor, type ColumnRole } from '../columns/column-map';
import type { ImportMapping } from '../columns/mapping-file';
import type { SourceRow } from '../source/plan-source';
import type { CellLedger } from './cell-ledger';
import { labelOf, type RowLabel } from './label-blocks';
import type { LabelledValue, SourceRecord } from './raw-task';
import { joinContinued } from './text-joins';

/**
 * A block of labels down one column into records, one per action: one per value column, or per
 * group of columns when a row of sub-labels ("Plan" / "Progress") pairs them under one action.
 * Rows with the label cell empty continue the label above. Every cell is put in the ledger.
 */

interface LabelLine {
  label: RowLabel;
  row: SourceRow;
  cells: string[];
  /** Cells of continuation rows folded into this line. */
  extra: number;
}

export interface BlockReading {
  records: SourceRecord[];
  /** Labels by what they mean, for the report's list of columns. */
  labels: { label: string; role: ColumnRole | 'ignore' | undefined }[];
  /** One action per column (a sideways table) rather than one block of "Label: value" rows. */
  sideways: boolean;
}

const isShortLabel = (c: string) => c.length <= 30 && c.split(/\s+/).length <= 3 && !c.includes('\n');

/** Sub-labels over the value columns: short, and repeating or naming a field. */
function subLabels(cells: string[], at: number, mapping: ImportMapping): boolean {
  const values = cells.slice(at + 1).filter(Boolean);
  if (values.length < 2 || !values.every(isShortLabel)) return false;
  return new Set(values).size < values.length || values.some((v) => roleFor(v, mapping) !== undefined);
}

/** Label rows with their continuation rows folded in, and the sub-label row if there is one. */
function labelLines(rows: SourceRow[], at: number, mapping: ImportMapping, ledger: CellLedger, forced: boolean) {
  const lines: LabelLine[] = [];
  let sub: string[] | undefined;
  for (const row of rows) {
    const label = forced ? { at, label: row.cells[at] ?? '', role: roleFor(row.cells[at] ?? '', mapping) } : labelOf(row.cells, mapping, { loose: true });
    if (label && label.at === at && label.label) {
      lines.push({ label, row, cells: [...row.cells], extra: 0 });
      continue;
    }
    // Sub-labels head the columns: only above the wording's row, never a continuation below it.
    const worded = lines.some((l) => l.label.role && l.label.role !== 'ignore' && l.label.role.field === 'title');
    if (!sub && !worded && subLabels(row.cells, at, mapping)) {
      sub = row.cells;
      ledger.add('headers', row.cells.filter(Boolean).length);
      continue;
    }
    const above = lines[lines.length - 1];
    if (!above) {
      ledger.ignoreRow(row, 'above the first field label');
      continue;
    }
    row.cells.forEach((c, i) => {
      if (!c) return;
      above.cells[i] = joinContinued(above.cells[i], c);
      above.extra++;
    });
  }
  return { lines, sub };
}

/** Value columns grouped into actions: a new group at each repeat of the first sub-label. */
function columnGroups(lines: LabelLine[], at: number, sub: string[] | undefined): number[][] {
  const width = Math.max(...lines.map((l) => l.cells.length));
  const columns = Array.from({ length: width }, (_, i) => i).filter((i) => i > at && lines.some((l) => l.cells[i]));
  if (!sub) return columns.map((c) => [c]);
  const lead = sub[columns[0] ?? -1];
  const groups: number[][] = [];
  for (const c of columns) {
    if (groups.length === 0 || (lead && sub[c] === lead)) groups.push([c]);
    else groups[groups.length - 1]!.push(c);
  }
  return groups;
}

/** The first label naming the task wording is the wording; any other is description. */
function mainRoles(lines: LabelLine[]): void {
  let titled = false;
  for (const l of lines) {
    const r = l.label.role;
    if (!r || r === 'ignore' || r.field !== 'title') continue;
    if (titled) l.label.role = { ...r, field: 'description' };
    titled = true;
  }
}

/** One action's values: a sub-labelled column puts its wording cell under the sub-label's field. */
function groupValues(lines: LabelLine[], group: number[], sub: string[] | undefined, mapping: ImportMapping): LabelledValue[] {
  const values: LabelledValue[] = [];
  for (const line of lines) {
    const seen = new Set<string>();
    group.forEach((c, k) => {
      const value = line.cells[c] ?? '';
      if (k > 0 && (!value || seen.has(value))) return; // a ref merged over the pair is one value
      seen.add(value);
      const own = line.label.role;
      const subRole = k > 0 && sub?.[c] ? roleFor(sub[c]!, mapping) : undefined;
      const wording = own && own !== 'ignore' && own.field === 'title';
      values.push(wording && subRole ? { label: sub![c]!, role: subRole, value } : { label: line.label.label, role: own, value });
    });
  }
  return values;
}

/** The label and the values beside it: a header and used cells, or all ignored when nobody reads the label. */
function account(lines: LabelLine[], ledger: CellLedger): void {
  for (const line of lines) {
    const n = line.row.cells.filter((c, i) => c && i !== line.label.at).length + line.extra;
    const role = line.label.role;
    if (role === undefined) ledger.ignoreGroup(line.row.where, line.label.label, 'a label we do not read: name it in a mapping file to bring it in', n + 1);
    else if (role === 'ignore') ledger.ignoreGroup(line.row.where, line.label.label, 'marked "ignore" in the mapping', n + 1);
    else {
      ledger.add('headers');
      ledger.add('used', n);
    }
  }
}

export interface BlockPlace {
  at: number;
  /** The mapping says the table is sideways: every first-column cell is a label, known or not. */
  forced: boolean;
  whereOf: (group: number[], first: number, last: number, groups: number) => string;
}

export function readLabelBlock(rows: SourceRow[], place: BlockPlace, mapping: ImportMapping, ledger: CellLedger): BlockReading {
  const { at, whereOf } = place;
  const { lines, sub } = labelLines(rows, at, mapping, ledger, place.forced);
  mainRoles(lines);
  const groups = columnGroups(lines, at, sub);
  account(lines, ledger);
  const lineOf = (r: SourceRow, i: number) => r.line ?? i + 1;
  const [first, last] = [lineOf(rows[0]!, 0), lineOf(rows[rows.length - 1]!, rows.length - 1)];
  const records = groups
    .map((g) => ({ where: whereOf(g, first, last, groups.length), values: groupValues(lines, g, sub, mapping) }))
    .filter((r) => r.values.some((v) => v.value));
  const subs = [...new Set((sub ?? []).slice(at + 1).filter(Boolean))].map((label) => ({ label, role: roleFor(label, mapping) })).filter((l) => l.role !== undefined);
  return { records, labels: [...lines.map((l) => ({ label: l.label.label, role: l.label.role })), ...subs], sideways: groups.length > 1 };
}
