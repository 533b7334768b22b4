import type { ColumnMap } from '../columns/column-map';
import type { ImportMapping, RowMark } from '../columns/mapping-file';
import { normaliseRowKey } from '../columns/mapping-file';
import type { ImportCellCounts, ImportIgnoredCells, ImportTableLayout, ImportTableReport } from '../import-report';
import type { CellLedger } from './cell-ledger';
import { classifyHeading, objectiveFromCell, type Heading } from './headings';
import type { RawTask, RowContext } from './raw-task';

/**
 * What one section (a sheet, a CSV file, a Word document) carries from block to block while it is
 * read: the headings above (the context of the tasks below), the last header row, the last task
 * (a row split across a page break joins it), and the values "same as above" columns carry.
 */

/** One table (or part of a sheet, or a document's paragraphs) as read: what the report says of it, and its first row. */
export interface TableReading extends ImportTableReport {
  /** The table's first row, to show the officer when nothing was recognised. */
  firstRow: string[];
  layout: ImportTableLayout;
  cells: ImportCellCounts;
  ignored: ImportIgnoredCells[];
}

export function newReading(name: string, layout: ImportTableLayout, firstRow: string[], ledger: CellLedger): TableReading {
  // The ledger's counts and list are shared, so they fill in as the part is read.
  return { name, recognised: false, transposed: layout === 'transposed' || layout === 'records', layout, columns: [], ignoredColumns: [], tasks: 0, cells: ledger.counts, ignored: ledger.ignored, firstRow };
}

export class SectionState {
  context: RowContext = {};
  map: ColumnMap | undefined;
  /** The header row's cells, to name the columns nobody reads. */
  headerCells: string[] = [];
  prev: RawTask | undefined;
  /** Last value of each inherited column, by column index. */
  readonly carried = new Map<number, string>();
  /** The Word heading level the objective came from: a heading at that level or above ends it. */
  objectiveLevel: number | undefined;
  readonly tasks: RawTask[] = [];
  /** Rows the officer marked not a task. */
  readonly skipped: { where: string; reason: string }[] = [];

  constructor(readonly mapping: ImportMapping) {}

  heading(h: Heading, level?: number): void {
    if (h.kind === 'objective') this.context = { objective: { ...(h.ref && { ref: h.ref }), title: h.title } };
    else if (h.kind === 'indicator') this.context = { objective: this.context.objective, indicator: h.text };
    else if (h.kind === 'task-kind') this.context = { ...this.context, kind: h.value };
    else this.context = { ...this.context, measure: h.text };
    if (h.kind === 'objective') this.objectiveLevel = level;
    this.prev = undefined;
    if (h.kind !== 'measure' && h.kind !== 'task-kind') this.carried.clear();
  }

  /** A Word heading naming no objective ("Contact us") ends the objective when it is at the same level or above. */
  sectionHeading(level: number): void {
    if (this.objectiveLevel !== undefined && level <= this.objectiveLevel) {
      this.context = {};
      this.objectiveLevel = undefined;
    }
    this.prev = undefined;
  }

  markOf(where: string): RowMark | undefined {
    return this.mapping.rows.size ? this.mapping.rows.get(normaliseRowKey(where)) : undefined;
  }

  /** The officer's "not a task": skipped and reported, and it ends any row continuing above. */
  skipMarked(where: string): void {
    this.skipped.push({ where, reason: 'Marked not a task in the mapping, so it was not imported.' });
    this.prev = undefined;
  }

  /** The officer's "heading": read as the heading it says, or taken as the objective. */
  markedHeading(text: string): void {
    const h = classifyHeading(text, { numbered: true });
    this.heading(h ?? { kind: 'objective', ...objectiveFromCell(text) });
  }
}
