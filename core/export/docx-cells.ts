import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Rag } from '../model';
import { withoutControlCharacters } from './cell-safety';

/**
 * The Word paper's building blocks: text (owners' words cleaned of control characters, one
 * paragraph per line they typed), headings, and tables whose header row repeats on each page.
 * RAG is always a symbol and a word in a tinted cell, never colour alone.
 */

/** A run of text: plain, or bold / italic. A part's line breaks start new paragraphs. */
export type Part = string | { text: string; bold?: boolean; italic?: boolean };

export const RAG_SYMBOL: Record<Rag, string> = { Red: '●', Amber: '▲', Green: '■', Complete: '✓', 'Not started': '○' };
export const RAG_FILL: Record<Rag, string> = { Red: 'F4C7C3', Amber: 'FCE8B2', Green: 'C8E6C9', Complete: 'D6E4F0', 'Not started': 'EEEEEE' };
/** What each RAG means to the board (seed 001's definitions for Red and Amber). */
export const RAG_MEANING: Record<Rag, string> = {
  Red: 'Action is required from the Board.',
  Amber: 'Support may be required from the Board.',
  Green: 'On track: no action is needed from the Board.',
  'Not started': 'Work has not started yet.',
  Complete: 'The task is done.',
};
const HEADER_FILL = 'D9E2EC';
/** The paragraph style of table text (9 pt, tight): one style, not a size on every run of a long paper. */
export const TABLE_TEXT_STYLE = 'TableText';

export function ragLabel(rag: Rag): string {
  return `${RAG_SYMBOL[rag]} ${rag}`;
}

export function clean(text: string): string {
  return withoutControlCharacters(text);
}

/** The lines someone typed (any line ending), cleaned; one "" for empty text. */
export function linesOf(text: string): string[] {
  return clean(text).split(/\r\n|\r|\n/);
}

/** Each line of each part, with the part's emphasis. */
function linesOfParts(parts: Part[]): { text: string; bold?: boolean; italic?: boolean }[] {
  return parts.flatMap((part) => {
    const p = typeof part === 'string' ? { text: part } : part;
    return linesOf(p.text).map((line) => ({ ...p, text: line }));
  });
}

/** Paragraphs of body text: each line of each part its own paragraph. */
export function paragraphs(parts: Part[], options: { style?: string; keepNext?: boolean } = {}): Paragraph[] {
  return linesOfParts(parts).map(
    (l) => new Paragraph({ ...(options.style && { style: options.style }), ...(options.keepNext && { keepNext: true }), children: [new TextRun({ text: l.text, ...(l.bold && { bold: true }), ...(l.italic && { italics: true }) })] }),
  );
}

export function para(...parts: Part[]): Paragraph[] {
  return paragraphs(parts);
}

export function heading(level: 1 | 2, text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    keepNext: true,
    ...(options.pageBreakBefore && { pageBreakBefore: true }),
    children: [new TextRun(clean(text))],
  });
}

export interface CellOptions {
  fill?: string;
  header?: boolean;
}

/** A table cell holding `parts`, each line a paragraph, in the table's small print. */
export function cell(parts: Part | Part[], options: CellOptions = {}): TableCell {
  const list = Array.isArray(parts) ? parts : [parts];
  const children = paragraphs(options.header ? list.map((p) => ({ text: typeof p === 'string' ? p : p.text, bold: true })) : list, { style: TABLE_TEXT_STYLE });
  const fill = options.header ? HEADER_FILL : options.fill;
  return new TableCell({ children: children.length ? children : [new Paragraph({ style: TABLE_TEXT_STYLE })], ...(fill && { shading: { type: ShadingType.CLEAR, color: 'auto', fill } }) });
}

/** A RAG cell: symbol and word, bold, tinted; `more` lines below (was …, a status). */
export function ragCell(rag: Rag, more: Part[] = []): TableCell {
  return cell([{ text: ragLabel(rag), bold: true }, ...more], { fill: RAG_FILL[rag] });
}

/**
 * A full-width table: a header row that repeats on every page, then the rows, each kept whole on
 * a page unless `splitRows` (long text cells may need to break across pages).
 */
export function table(headers: string[], rows: TableCell[][], columnWidths: number[], options: { splitRows?: boolean } = {}): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, { header: true })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    rows: [header, ...rows.map((children) => new TableRow({ ...(!options.splitRows && { cantSplit: true }), children }))],
  });
}

/** A table of plain text cells. */
export function textTable(headers: string[], rows: string[][], columnWidths: number[]): Table {
  return table(headers, rows.map((r) => r.map((text) => cell(text))), columnWidths);
}

/** Landscape A4 (16838 twips) less 2 cm margins each side. */
export const TEXT_WIDTH = 16838 - 2 * 1134;

/** Column widths (twips) from shares of the landscape A4 text width. */
export function columns(...shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.floor((TEXT_WIDTH * s) / total));
}

/** "1 task", "3 tasks" (or the given plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 0.845 -> "85%". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
