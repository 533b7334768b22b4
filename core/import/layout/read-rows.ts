import { mapHeaderRow } from '../columns/column-map';
import type { ImportMapping } from '../columns/mapping-file';
import type { PlanSource, SourceRow, SourceText } from '../source/plan-source';
import { CellLedger } from './cell-ledger';
import { GridReading } from './grid-reading';
import { splitTable } from './label-blocks';
import { readLabelBlock } from './label-records';
import { readParagraphs, readsAsParagraphs, type ParagraphItem } from './paragraphs';
import { recordTask, recordText, type LabelledValue, type RawTask, type SourceRecord } from './raw-task';
import { newReading, SectionState, type TableReading } from './section-state';

export type { CellField, RawTask, RowContext } from './raw-task';
export type { TableReading } from './section-state';

/**
 * Turns a plan's sheets, tables and paragraphs into one raw record per task, whatever the layout:
 * tables the usual way round, sideways tables and "Label: value" blocks (label-blocks.ts), several
 * of them on one sheet, and Word paragraphs (paragraphs.ts). Headings between them (objective,
 * indicator, priority/ongoing) are the context of the tasks below; every cell read is accounted for
 * in the table's ledger; the officer's row marks (mapping `rows`) are applied as rows are read.
 */

export interface RowsReading {
  tasks: RawTask[];
  tables: TableReading[];
  /** Rows and records the officer marked not a task. */
  skipped: { where: string; reason: string }[];
}

/** A list item with no lead or date: a task only if the plan has no others, and under an objective. */
interface WeakRecord {
  task: RawTask;
  reading: TableReading;
  ledger: CellLedger;
  paragraphs: number;
}

/** A paragraph is one cell; a sheet row read as one, the cells its value fills. */
const cellsOf = (b: SourceText) => b.cells ?? 1;
const lineOf = (rows: SourceRow[], at: number) => rows[at]?.line ?? at + 1;
const span = (rows: SourceRow[]) => (lineOf(rows, 0) === lineOf(rows, rows.length - 1) ? `row ${lineOf(rows, 0)}` : `rows ${lineOf(rows, 0)}\u2013${lineOf(rows, rows.length - 1)}`);

function describeLabels(reading: TableReading, values: { label: string; role: LabelledValue['role'] }[]): void {
  for (const { label, role } of values) {
    if (role === undefined) {
      if (!reading.ignoredColumns.includes(label)) reading.ignoredColumns.push(label);
    } else if (role !== 'ignore' && !reading.columns.some((c) => c.header === label)) {
      reading.columns.push({ header: label, field: role.field, ...(role.date && { date: role.date }) });
    }
  }
  reading.recognised = reading.columns.length >= 2;
}

class SectionReader {
  readonly s: SectionState;
  readonly tables: TableReading[] = [];
  readonly weak: WeakRecord[] = [];
  private text: SourceText[] = [];
  private paragraphs: { reading: TableReading; ledger: CellLedger } | undefined;

  constructor(private readonly mapping: ImportMapping) {
    this.s = new SectionState(mapping);
  }

  textBlock(block: SourceText): void {
    this.text.push(block);
  }

  table(name: string, rows: SourceRow[]): void {
    this.flushText();
    const parts = splitTable(rows, this.mapping);
    for (const part of parts) {
      const partName = parts.length === 1 ? name : `${name}, ${span(part.rows)}`;
      const ledger = new CellLedger(name);
      if (part.kind === 'rows' && this.textRows(partName, part.rows, ledger)) continue;
      if (part.kind === 'rows') {
        const reading = newReading(partName, 'table', part.rows[0]?.cells ?? [], ledger);
        new GridReading(this.s, ledger, reading).read(part.rows);
        this.done(reading, ledger, part.rows);
      } else this.labels(name, partName, part.rows, part.at, parts.length > 1, ledger);
    }
  }

  private done(reading: TableReading, ledger: CellLedger, rows: SourceRow[]): void {
    ledger.settle(rows, reading.name);
    this.tables.push(reading);
  }

  private labels(name: string, partName: string, rows: SourceRow[], at: number, several: boolean, ledger: CellLedger): void {
    const reading = newReading(partName, 'transposed', rows[0]?.cells ?? [], ledger);
    const suffix = several ? ` (${span(rows)})` : '';
    const whereOf = (group: number[], first: number, last: number, groups: number) => {
      if (groups === 1) return `${name}, rows ${first}\u2013${last}`;
      const [a, b] = [ledger.columnName(group[0]!), group.length > 1 ? ledger.columnName(group[group.length - 1]!).replace(/^.*, column /, '') : ''];
      return `${b ? `${a.replace(', column ', ', columns ')}\u2013${b}` : a}${suffix}`;
    };
    const block = readLabelBlock(rows, { at, forced: this.mapping.transposed === true, whereOf }, this.mapping, ledger);
    reading.layout = block.sideways ? 'transposed' : 'records';
    describeLabels(reading, block.labels);
    for (const record of block.records) this.record(record, reading, ledger, record.values.filter((v) => v.value).length);
    this.s.map = undefined;
    this.s.prev = undefined;
    this.done(reading, ledger, rows);
  }

  /** One record as a task, unless the officer marked it; `cells` is what the ledger counted as used for it. */
  private record(record: SourceRecord, reading: TableReading, ledger: CellLedger, cells: number): RawTask | undefined {
    const mark = this.s.markOf(record.where);
    if (mark === 'not-a-task') {
      this.s.skipMarked(record.where);
      ledger.reclassify(record.where, recordText(record), 'marked not a task', cells);
      return undefined;
    }
    if (mark === 'heading') {
      this.s.markedHeading(recordText(record));
      ledger.reclassify(record.where, recordText(record), 'heading', cells);
      return undefined;
    }
    const task = recordTask(record, this.s.context);
    this.s.tasks.push(task);
    reading.tasks++;
    return task;
  }

  /** Rows of one value each that read as paragraphs (text pasted into a sheet): read as Word paragraphs are. */
  private textRows(partName: string, rows: SourceRow[], ledger: CellLedger): boolean {
    if (this.s.map || rows.some((r) => mapHeaderRow(r.cells, this.mapping))) return false;
    const values = rows.map((r) => [...new Set(r.cells.filter(Boolean))]);
    if (values.some((v) => v.length !== 1) || !readsAsParagraphs(values.map((v) => v[0]!), this.mapping)) return false;
    const texts: SourceText[] = rows.map((r, i) => ({ kind: 'text', text: values[i]![0]!, where: r.where, ...(r.line !== undefined && { line: r.line }), cells: r.cells.filter(Boolean).length }));
    const reading = newReading(partName, 'paragraphs', rows[0]?.cells ?? [], ledger);
    for (const item of readParagraphs(texts, this.mapping, (where) => this.s.markOf(where))) this.paragraph(item, reading, ledger);
    this.done(reading, ledger, rows);
    return true;
  }

  private paragraphReading() {
    if (!this.paragraphs) {
      const ledger = new CellLedger('Paragraphs');
      this.paragraphs = { reading: newReading('Paragraphs', 'paragraphs', [], ledger), ledger };
      this.tables.push(this.paragraphs.reading);
    }
    return this.paragraphs;
  }

  flushText(): void {
    if (this.text.length === 0) return;
    const items = readParagraphs(this.text, this.mapping, (where) => this.s.markOf(where));
    this.text = [];
    const { reading, ledger } = this.paragraphReading();
    for (const item of items) this.paragraph(item, reading, ledger);
  }

  private paragraph(item: ParagraphItem, reading: TableReading, ledger: CellLedger): void {
    if (item.kind === 'ignored') {
      if (item.marked) this.s.skipMarked(item.block.where);
      ledger.ignoreRow({ where: item.block.where, cells: Array<string>(cellsOf(item.block)).fill(item.block.text) }, item.reason);
    } else if (item.kind === 'heading') {
      if (item.heading) this.s.heading(item.heading, item.block.heading);
      else if (item.block.heading !== undefined) this.s.sectionHeading(item.block.heading);
      ledger.add('headings', cellsOf(item.block));
    } else {
      for (const { block, label } of item.ignored) ledger.ignoreGroup(block.where, label, 'a label we do not read: name it in a mapping file to bring it in', cellsOf(block));
      const used = item.paragraphs.reduce((n, b) => n + cellsOf(b), 0) - item.ignored.reduce((n, i) => n + cellsOf(i.block), 0);
      ledger.add('used', used);
      describeLabels(reading, item.record.values);
      if (!item.weak) {
        this.record(item.record, reading, ledger, used);
        return;
      }
      if (this.s.markOf(item.record.where)) return void this.record(item.record, reading, ledger, used);
      this.weak.push({ task: recordTask(item.record, this.s.context), reading, ledger, paragraphs: used });
    }
  }
}

/** List items without a lead or a date are tasks only when the plan has no other tasks, and only under an objective. */
function settleWeak(readers: SectionReader[], tasks: RawTask[]): void {
  const alone = tasks.length === 0;
  for (const r of readers) {
    for (const w of r.weak) {
      if (alone && w.task.context.objective) {
        tasks.push(w.task);
        w.reading.tasks++;
      } else {
        w.ledger.reclassify(w.task.where, w.task.fields.title ?? '', 'a list item with no lead or date, in a plan whose tasks are elsewhere', w.paragraphs);
      }
    }
  }
}

export function readRows(source: PlanSource, mapping: ImportMapping): RowsReading {
  const tasks: RawTask[] = [];
  const tables: TableReading[] = [];
  const skipped: RowsReading['skipped'] = [];
  const readers: SectionReader[] = [];
  for (const section of source.sections) {
    const reader = new SectionReader(mapping);
    for (const block of section.blocks) {
      if (block.kind === 'text') reader.textBlock(block);
      else reader.table(block.name, block.rows);
    }
    reader.flushText();
    readers.push(reader);
    tasks.push(...reader.s.tasks);
    tables.push(...reader.tables);
    skipped.push(...reader.s.skipped);
  }
  settleWeak(readers, tasks);
  for (const t of tasks) t.history.sort((a, b) => a.date.localeCompare(b.date));
  for (const t of tables) if (t.layout === 'paragraphs') t.recognised = t.tasks > 0;
  return { tasks, tables, skipped };
}
