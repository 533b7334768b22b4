/**
 * A plan file as the readers hand it on, whatever its format: sections (a sheet, a CSV file, a Word
 * document's body) of tables and lines of text between them. Every cell is plain text; a cell's
 * lines stay separate ("\n") because councils put one owner per line.
 */

export type PlanFileFormat = 'xlsx' | 'csv' | 'docx';

export interface SourceRow {
  cells: string[];
  /** Where the row is, in words an officer can find it by: `Sheet "Plan", row 12`. */
  where: string;
  /** The row's number in its sheet or table (blank rows counted), so a gap between blocks shows. */
  line?: number;
}

/** A paragraph between tables (Word), e.g. "Objective 2: …" or "Priority task(s)". */
export interface SourceText {
  kind: 'text';
  text: string;
  where: string;
  /** The paragraph's number in the document (blank ones counted). */
  line?: number;
  /** Word's heading level (1 for "Heading 1" or the title), from the paragraph's style or outline level. */
  heading?: number;
  /** A Word list item: numbered or bulleted by Word itself (the number is not in the text). */
  list?: boolean;
  /** Read from a sheet row of one value (merged across): how many cells it fills. */
  cells?: number;
}

export type SourceBlock = { kind: 'table'; name: string; rows: SourceRow[] } | SourceText;

export interface SourceSection {
  name: string;
  blocks: SourceBlock[];
}

export interface PlanSource {
  format: PlanFileFormat;
  sections: SourceSection[];
}

/** Largest file accepted: a 2,000-task plan with years of updates is a few MB; the CLI and the tab refuse a bigger one before reading it. */
export const MAX_IMPORT_BYTES = 15 * 1024 * 1024;
/** Rows read across the whole file, so a pathological file cannot exhaust memory. */
export const MAX_IMPORT_ROWS = 50_000;

export function cleanCellText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
