import type { ColumnMap } from '../columns/column-map';
import type { ImportCellCounts, ImportIgnoredCells } from '../import-report';
import type { SourceRow } from '../source/plan-source';

/**
 * Accounts for every non-empty cell a table part holds: used in a task, a header or label, a
 * heading, or ignored with a reason. Ignored cells of one column (or one label) are one entry with a
 * count, so a column nobody named is one line of the report, not one per row.
 */

export const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

const clip = (s: string, max = 80) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}\u2026` : one;
};

const filled = (cells: string[]) => cells.filter((c) => c !== '').length;

export class CellLedger {
  readonly counts: ImportCellCounts = { read: 0, used: 0, headers: 0, headings: 0, ignored: 0 };
  readonly ignored: ImportIgnoredCells[] = [];
  private readonly byColumn = new Map<string, ImportIgnoredCells>();

  /** `table`: the table's name, for naming a column (`Sheet "Plan", column F`, `Table 2, column 6`). */
  constructor(private readonly table: string) {}

  columnName(i: number): string {
    return this.table.startsWith('Sheet ') ? `${this.table}, column ${columnLetter(i)}` : `${this.table}, column ${i + 1}`;
  }

  add(kind: 'used' | 'headers' | 'headings', n = 1): void {
    this.counts.read += n;
    this.counts[kind] += n;
  }

  /** A header row: named columns are headers, unnamed ones are ignored (once per column). */
  header(row: SourceRow, map: ColumnMap): void {
    row.cells.forEach((c, i) => {
      if (!c) return;
      if (map.roles[i]) this.add('headers');
      else this.ignoreColumn(i, c, 'a column we do not read: name it in a mapping file to bring it in', 1);
    });
  }

  heading(row: { cells: string[] }): void {
    this.add('headings', filled(row.cells));
  }

  /** A task row (or one continuing it): cells under a named column are used, the others ignored by column. */
  task(row: SourceRow, map: ColumnMap, headers: (i: number) => string | undefined): void {
    row.cells.forEach((c, i) => {
      if (!c) return;
      if (map.roles[i]) this.add('used');
      else this.ignoreColumn(i, headers(i) ?? '', headers(i) ? 'a column we do not read: name it in a mapping file to bring it in' : 'a column with no header', 1);
    });
  }

  /** A whole row that is not a task: a title, a note, a total, a row the officer marked. */
  ignoreRow(row: { where: string; cells: string[] }, reason: string): void {
    const n = filled(row.cells);
    if (n === 0) return;
    this.counts.read += n;
    this.counts.ignored += n;
    this.ignored.push({ where: row.where, text: clip([...new Set(row.cells.filter(Boolean))].join(' | ')), reason, cells: n });
  }

  ignoreColumn(i: number, header: string, reason: string, n: number): void {
    this.ignoreGroup(this.columnName(i), header, reason, n);
  }

  /** Ignored cells that belong together (a column, a label's values): counted on one entry. */
  ignoreGroup(where: string, text: string, reason: string, n: number): void {
    if (n === 0) return;
    this.counts.read += n;
    this.counts.ignored += n;
    const key = `${where}\u0000${reason}`;
    const entry = this.byColumn.get(key);
    if (entry) entry.cells += n;
    else {
      const fresh = { where, text: clip(text), reason, cells: n };
      this.byColumn.set(key, fresh);
      this.ignored.push(fresh);
    }
  }

  /** Cells counted as used that turned out not to be a task: the officer's mark, or a list item set aside. */
  reclassify(where: string, text: string, to: 'heading' | string, n: number): void {
    const moved = Math.min(n, this.counts.used);
    this.counts.used -= moved;
    if (to === 'heading') this.counts.headings += moved;
    else {
      this.counts.ignored += moved;
      this.ignored.push({ where, text: clip(text), reason: to, cells: moved });
    }
  }

  /** Whatever no rule accounted for (there should be nothing): reported rather than lost. */
  settle(rows: { cells: string[] }[], where: string): void {
    const total = rows.reduce((n, r) => n + filled(r.cells), 0);
    if (total > this.counts.read) this.ignoreGroup(where, '', 'not read by any rule (please report this file)', total - this.counts.read);
  }
}
