import type { TaskKind } from '../../model';
import { mapHeaderRow, type ColumnMap, type ColumnRole } from '../columns/column-map';
import type { ImportMapping } from '../columns/mapping-file';
import type { ImportTableReport } from '../import-report';
import type { PlanField } from '../columns/plan-fields';
import type { PlanSource, SourceRow } from '../source/plan-source';
import { classifyHeading, type Heading } from './headings';
import { endsSentence, joinContinued, startsLower } from './text-joins';
import { maybeTranspose } from './transpose';

/**
 * Turns a plan's tables into one raw record per task: columns by meaning, headings between tables
 * (objective, indicator, priority/ongoing) as context, blank action cells as "same as above", and
 * rows continued across a page break joined back to the row they belong to.
 */

export type CellField = Exclude<PlanField, 'history'>;

export interface RowContext {
  objective?: { ref?: string; title: string };
  indicator?: string;
  kind?: TaskKind;
  measure?: string;
}

export interface RawTask {
  where: string;
  fields: Partial<Record<CellField, string>>;
  /** Fields this task's table has a column for: an empty cell there means "none", not "not given". */
  given: Set<CellField>;
  /** Dated progress columns ("October 2018 Update"), oldest first. */
  history: { header: string; date: string; text: string }[];
  /** Dated RAG columns ("RAG March 2025"). */
  datedRag: { date: string; text: string }[];
  context: RowContext;
}

/** One table as read: what the report says of it, and its first row. */
export interface TableReading extends ImportTableReport {
  /** The table's first row, to show the officer when nothing was recognised. */
  firstRow: string[];
}

export interface RowsReading {
  tasks: RawTask[];
  tables: TableReading[];
}

/** "1.1.2", "R1.1", "3a", "H2": what a ref looks like, as opposed to a line of prose. */
const REF_SHAPE = /^(?:[a-z]{1,6}\.?\s?)?\d+(?:[.\-/]\d+)*[a-z]?\.?$/i;

/** Fields whose blank cell means "same as the row above". */
const INHERITED: ReadonlySet<PlanField> = new Set(['objective', 'indicator']);

class SectionReader {
  private map: ColumnMap | undefined;
  private context: RowContext = {};
  private prev: RawTask | undefined;
  /** Last value of each inherited column, by column index. */
  private carried = new Map<number, string>();
  readonly tasks: RawTask[] = [];

  constructor(private readonly mapping: ImportMapping) {}

  heading(h: Heading): void {
    if (h.kind === 'objective') this.context = { objective: { ...(h.ref && { ref: h.ref }), title: h.title } };
    else if (h.kind === 'indicator') this.context = { objective: this.context.objective, indicator: h.text };
    else if (h.kind === 'task-kind') this.context = { ...this.context, kind: h.value };
    else this.context = { ...this.context, measure: h.text };
    this.prev = undefined;
    if (h.kind !== 'measure' && h.kind !== 'task-kind') this.carried.clear();
  }

  text(text: string): void {
    const h = classifyHeading(text);
    if (h) this.heading(h);
  }

  table(name: string, source: SourceRow[]): TableReading {
    const { rows, transposed } = maybeTranspose(name, source, this.mapping);
    const reading: TableReading = { name, recognised: false, transposed, columns: [], ignoredColumns: [], tasks: 0, firstRow: source[0]?.cells ?? [] };
    const before = this.tasks.length;
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    // A table with no header of its own continues the previous one (Word splits tables at page breaks).
    const headers = rows.map((r) => mapHeaderRow(r.cells, this.mapping));
    const hasOwnHeader = headers.some(Boolean);
    if (!hasOwnHeader && (!this.map || width > this.map.roles.length + 1)) return reading;
    if (!hasOwnHeader && this.map) this.describe(reading, this.map);
    let tableStart = true;
    for (const [i, row] of rows.entries()) {
      const header = headers[i];
      if (header) {
        // A header repeated at the top of each page keeps what the rows above carried.
        if (!this.map || !sameColumns(this.map, header)) this.carried.clear();
        this.map = header;
        this.describe(reading, header);
        tableStart = true;
        continue;
      }
      if (!this.map) {
        const h = classifyHeading(distinctValues(row.cells)[0] ?? '', { numbered: true });
        if (h && distinctValues(row.cells).length === 1) this.heading(h);
        continue;
      }
      this.row(row, this.map, tableStart);
      tableStart = false;
    }
    reading.tasks = this.tasks.length - before;
    return reading;
  }

  private describe(reading: TableReading, map: ColumnMap): void {
    reading.recognised = true;
    for (const role of map.roles) {
      if (role && !reading.columns.some((c) => c.header === role.header)) reading.columns.push({ header: role.header, field: role.field, ...(role.date && { date: role.date }) });
    }
    for (const h of map.ignored) if (!reading.ignoredColumns.includes(h)) reading.ignoredColumns.push(h);
  }

  private row(row: SourceRow, map: ColumnMap, tableStart: boolean): void {
    const values = distinctValues(row.cells);
    if (values.length === 0) return;
    if (values.length === 1) {
      const text = values[0]!;
      const filled = row.cells.filter((c) => c !== '').length;
      const field = map.roles[row.cells.findIndex((c) => c !== '')]?.field;
      const h = classifyHeading(text, { numbered: true });
      if (h) return this.heading(h);
      if (filled >= 2) {
        // A short row spanning the table (merged cells) is a heading, taken as the objective; a long one is prose.
        if (text.length <= 120) return this.heading({ kind: 'objective', title: text });
        this.prev = undefined;
        return;
      }
      if (field === 'ref' && !REF_SHAPE.test(text)) {
        this.prev = undefined; // prose between tables, in the first column of a sheet or CSV
        return;
      }
      if (!this.prev && field !== 'title') return;
    }
    const cell = (role: ColumnRole | undefined, i: number) => (role ? (row.cells[i] ?? '') : '');
    const titleAt = map.roles.findIndex((r) => r?.field === 'title');
    const refAt = map.roles.findIndex((r) => r?.field === 'ref');
    const title = row.cells[titleAt] ?? '';
    const prev = this.prev;
    if (prev && this.continues(prev, { title, ref: refAt >= 0 ? (row.cells[refAt] ?? '') : undefined, tableStart })) {
      this.merge(prev, row, map);
      return;
    }
    const task: RawTask = { where: row.where, fields: {}, given: new Set(), history: [], datedRag: [], context: { ...this.context } };
    map.roles.forEach((role, i) => {
      if (!role) return;
      let value = cell(role, i);
      if (INHERITED.has(role.field) || role.group) value = this.inherit(i, value, tableStart);
      this.put(task, role, value);
    });
    this.tasks.push(task);
    this.prev = task;
  }

  /** Blank means "same as above"; a lower-case start at the top of a table finishes the text above. */
  private inherit(column: number, value: string, tableStart: boolean): string {
    const above = this.carried.get(column);
    if (!value) return above ?? '';
    if (tableStart && above && startsLower(value) && !endsSentence(above)) {
      const joined = joinContinued(above, value);
      for (const t of this.tasks) {
        for (const f of ['indicator', 'objective'] as const) if (t.fields[f] === above) t.fields[f] = joined;
      }
      this.carried.set(column, joined);
      return joined;
    }
    this.carried.set(column, value);
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
    map.roles.forEach((role, i) => {
      const value = row.cells[i] ?? '';
      if (!role || !value || INHERITED.has(role.field) || role.group || role.field === 'ref') return;
      if (role.date) {
        const list = role.field === 'rag' ? prev.datedRag : prev.history;
        const entry = list.find((e) => e.date === role.date && ('header' in e ? e.header === role.header : true));
        if (entry) entry.text = joinContinued(entry.text, value);
        else this.put(prev, role, value);
        return;
      }
      const field = role.field as CellField;
      prev.fields[field] = field === 'owner' || field === 'accountableOfficer' ? [prev.fields[field], value].filter(Boolean).join('\n') : joinContinued(prev.fields[field], value);
    });
  }

  private put(task: RawTask, role: ColumnRole, value: string): void {
    if (role.date) {
      if (!value) return;
      if (role.field === 'rag') task.datedRag.push({ date: role.date, text: value });
      else task.history.push({ header: role.header, date: role.date, text: value });
      return;
    }
    const field = role.field as CellField;
    task.given.add(field);
    if (value) task.fields[field] = task.fields[field] ? `${task.fields[field]}\n${value}` : value;
  }
}

function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  return a.roles.length === b.roles.length && a.roles.every((r, i) => r?.field === b.roles[i]?.field && r?.header === b.roles[i]?.header);
}

function distinctValues(cells: string[]): string[] {
  return [...new Set(cells.filter((c) => c !== ''))];
}

export function readRows(source: PlanSource, mapping: ImportMapping): RowsReading {
  const tasks: RawTask[] = [];
  const tables: TableReading[] = [];
  for (const section of source.sections) {
    const reader = new SectionReader(mapping);
    for (const block of section.blocks) {
      if (block.kind === 'text') reader.text(block.text);
      else tables.push(reader.table(block.name, block.rows));
    }
    tasks.push(...reader.tasks);
  }
  for (const t of tasks) t.history.sort((a, b) => a.date.localeCompare(b.date));
  return { tasks, tables };
}
