import { mapHeaderRow, type ColumnMap, type ColumnRole } from '../columns/column-map';
import type { SourceRow } from '../source/plan-source';
import type { CellLedger } from './cell-ledger';
import { classifyHeading } from './headings';
import { newRawTask, putField, type CellField, type RawTask } from './raw-task';
import { afterGap, isNote, isOtherTableHeader, isTotalRow, NOTE_WORD } from './row-shapes';
import type { SectionState, TableReading } from './section-state';
import { endsSentence, joinContinued, startsLower } from './text-joins';

/**
 * A table the usual way round: a header row naming the columns, one task per row below it. Rows
 * spanning the table are headings (or notes), blank objective cells mean "same as above", a row
 * split across a page break joins the row it belongs to, and a small table of another kind below
 * the plan (a status summary) is set aside. Every cell goes in the ledger.
 */

/** "1.1.2", "R1.1", "3a", "H2": what a ref looks like, as opposed to a line of prose. */
const REF_SHAPE = /^(?:[a-z]{1,6}\.?\s?)?\d+(?:[.\-/]\d+)*[a-z]?\.?$/i;

/** Fields whose blank cell means "same as the row above". */
const INHERITED: ReadonlySet<string> = new Set(['objective', 'indicator']);

const distinctValues = (cells: string[]) => [...new Set(cells.filter((c) => c !== ''))];

function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  return a.roles.length === b.roles.length && a.roles.every((r, i) => r?.field === b.roles[i]?.field && r?.header === b.roles[i]?.header);
}

export class GridReading {
  /** Inside a table of another kind (a summary under the plan): its rows are not tasks. */
  private other = false;
  private broken = false;

  constructor(
    private readonly s: SectionState,
    private readonly ledger: CellLedger,
    private readonly reading: TableReading,
  ) {}

  read(rows: SourceRow[]): void {
    const headers = rows.map((r) => mapHeaderRow(r.cells, this.s.mapping));
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    // A table with no header of its own continues the previous one (Word splits tables at page breaks).
    const own = headers.some(Boolean);
    if (!own && this.s.map && width > this.s.map.roles.length + 1) {
      for (const row of rows) this.ledger.ignoreRow(row, 'in a table with no header row naming the tasks');
      return;
    }
    if (!own && this.s.map) this.describe(this.s.map);
    let tableStart = true;
    rows.forEach((row, i) => {
      const gap = afterGap(rows[i - 1], row);
      if (this.marked(row)) return;
      const header = headers[i];
      if (header) return this.header(row, header, () => (tableStart = true));
      if (!this.s.map) return this.beforeHeader(row);
      if (this.setAside(row, rows[i + 1], gap)) return;
      this.row(row, this.s.map, tableStart, gap);
      tableStart = false;
    });
  }

  /** The officer's marks from the mapping: not a task, or a heading. */
  private marked(row: SourceRow): boolean {
    const mark = this.s.markOf(row.where);
    if (mark === 'not-a-task') {
      this.s.skipMarked(row.where);
      this.ledger.ignoreRow(row, 'marked not a task');
    } else if (mark === 'heading') {
      this.s.markedHeading(distinctValues(row.cells).join(' '));
      this.ledger.heading(row);
    }
    return mark !== undefined;
  }

  private header(row: SourceRow, header: ColumnMap, restart: () => void): void {
    // A header repeated at the top of each page keeps what the rows above carried.
    if (!this.s.map || !sameColumns(this.s.map, header)) this.s.carried.clear();
    this.s.map = header;
    this.s.headerCells = row.cells;
    this.other = false;
    this.describe(header);
    this.ledger.header(row, header);
    restart();
  }

  private beforeHeader(row: SourceRow): void {
    const values = distinctValues(row.cells);
    const h = values.length === 1 ? classifyHeading(values[0]!, { numbered: true }) : undefined;
    if (h) {
      this.s.heading(h);
      this.ledger.heading(row);
    } else this.ledger.ignoreRow(row, this.reading.recognised ? 'not under a header row naming the tasks' : 'a title or a note (no header row above it)');
  }

  /** Summary tables under the plan, and total rows: read, reported, not tasks. */
  private setAside(row: SourceRow, next: SourceRow | undefined, gap: boolean): boolean {
    if (gap) this.other = false;
    const broken = gap || this.broken;
    this.broken = false;
    if (!this.other && broken && isOtherTableHeader(row, next, this.s.mapping)) this.other = true;
    if (this.other) {
      this.ledger.ignoreRow(row, 'in a summary or key table, not a task');
      this.s.prev = undefined;
      return true;
    }
    if (isTotalRow(row.cells)) {
      this.ledger.ignoreRow(row, 'a total row');
      return true;
    }
    return false;
  }

  private describe(map: ColumnMap): void {
    const reading = this.reading;
    reading.recognised = true;
    for (const role of map.roles) {
      if (role && !reading.columns.some((c) => c.header === role.header)) reading.columns.push({ header: role.header, field: role.field, ...(role.date && { date: role.date }) });
    }
    for (const h of map.ignored) if (!reading.ignoredColumns.includes(h)) reading.ignoredColumns.push(h);
  }

  /** A row with one value: a heading, a note, prose, or (in the task column) a task of its own. */
  private single(row: SourceRow, map: ColumnMap, text: string, gap: boolean): boolean {
    const filled = row.cells.filter((c) => c !== '').length;
    const field = map.roles[row.cells.findIndex((c) => c !== '')]?.field;
    const h = classifyHeading(text, { numbered: true });
    const heading = h ?? (filled >= 2 && text.length <= 120 && !isNote(text) ? ({ kind: 'objective', title: text } as const) : undefined);
    if (heading) {
      // A short row spanning the table (merged cells) is a heading, taken as the objective.
      this.s.heading(heading);
      this.ledger.heading(row);
      this.broken = true;
      return true;
    }
    let reason: string | undefined;
    if (filled >= 2) reason = 'a note written across the table';
    // A note under the table: a note's lead word anywhere, or sentences after a blank row.
    else if (NOTE_WORD.test(text) || (gap && isNote(text))) reason = 'a note';
    else if (field === 'ref' && !REF_SHAPE.test(text)) reason = 'prose in the first column, not a ref';
    else if (!this.s.prev && field !== 'title') reason = 'a value with no task beside it';
    if (!reason) return false;
    this.ledger.ignoreRow(row, reason);
    if (reason !== 'a value with no task beside it') this.s.prev = undefined;
    this.broken = true;
    return true;
  }

  private row(row: SourceRow, map: ColumnMap, tableStart: boolean, gap: boolean): void {
    const values = distinctValues(row.cells);
    if (values.length === 0) return;
    if (values.length === 1 && this.single(row, map, values[0]!, gap)) return;
    const titleAt = map.roles.findIndex((r) => r?.field === 'title');
    const refAt = map.roles.findIndex((r) => r?.field === 'ref');
    if (this.wordsForRef(row.cells[refAt])) {
      this.ledger.ignoreRow(row, 'words in the ref column where the tasks above have refs: a key or a note, not a task');
      this.s.prev = undefined;
      return;
    }
    this.ledger.task(row, map, (i) => this.s.headerCells[i] || undefined);
    const title = row.cells[titleAt] ?? '';
    const prev = this.s.prev;
    if (prev && this.continues(prev, { title, ref: refAt >= 0 ? (row.cells[refAt] ?? '') : undefined, tableStart })) {
      this.merge(prev, row, map);
      return;
    }
    const task = newRawTask(row.where, this.s.context);
    map.roles.forEach((role, i) => {
      if (!role) return;
      let value = row.cells[i] ?? '';
      if (INHERITED.has(role.field) || role.group) value = this.inherit(i, value, tableStart);
      putField(task, role, value);
    });
    this.s.tasks.push(task);
    this.s.prev = task;
    this.reading.tasks++;
  }

  /** A key under a table with refs ("Green | On track"): its first column holds words where the tasks have refs. */
  private wordsForRef(ref: string | undefined): boolean {
    if (!ref || REF_SHAPE.test(ref) || ref.split(/\s+/).length > 4) return false;
    const refs = this.s.tasks.slice(-5).map((t) => t.fields.ref).filter((r): r is string => !!r);
    return refs.length >= 2 && refs.every((r) => REF_SHAPE.test(r));
  }

  /** Blank means "same as above"; a lower-case start at the top of a table finishes the text above. */
  private inherit(column: number, value: string, tableStart: boolean): string {
    const above = this.s.carried.get(column);
    if (!value) return above ?? '';
    if (tableStart && above && startsLower(value) && !endsSentence(above)) {
      const joined = joinContinued(above, value);
      for (const t of this.s.tasks) {
        for (const f of ['indicator', 'objective'] as const) if (t.fields[f] === above) t.fields[f] = joined;
      }
      this.s.carried.set(column, joined);
      return joined;
    }
    this.s.carried.set(column, value);
    return value;
  }

  private continues(prev: RawTask, row: { title: string; ref: string | undefined; tableStart: boolean }): boolean {
    if (row.ref !== undefined) {
      if (row.ref !== '') return false;
      return row.tableStart || !row.title || startsLower(row.title) || !endsSentence(prev.fields.title);
    }
    if (!row.title) return true;
    return row.tableStart && startsLower(row.title) && !endsSentence(prev.fields.title);
  }

  private merge(prev: RawTask, row: SourceRow, map: ColumnMap): void {
    map.roles.forEach((role: ColumnRole | undefined, i) => {
      const value = row.cells[i] ?? '';
      if (!role || !value || INHERITED.has(role.field) || role.group || role.field === 'ref') return;
      if (role.date) {
        const list = role.field === 'rag' ? prev.datedRag : prev.history;
        const entry = list.find((e) => e.date === role.date && ('header' in e ? e.header === role.header : true));
        if (entry) entry.text = joinContinued(entry.text, value);
        else putField(prev, role, value);
        return;
      }
      const field = role.field as CellField;
      prev.fields[field] = field === 'owner' || field === 'accountableOfficer' ? [prev.fields[field], value].filter(Boolean).join('\n') : joinContinued(prev.fields[field], value);
    });
  }
}
