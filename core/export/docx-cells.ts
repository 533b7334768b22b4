import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Rag } from '../model';
import { RAG_SHAPE } from '../plan/rag-shapes';
import { withoutControlCharacters } from './cell-safety';
import { RAG_FILL } from './rag-colours';
import { cellXml, TABLE_TEXT_STYLE, XmlTable, type Line } from './wordml';

/**
 * The Word paper's building blocks: text (owners' words cleaned of control characters, one
 * paragraph per line they typed), headings (docx paragraphs), and tables whose header row repeats
 * on each page (WordprocessingML written by wordml.ts, which a long paper needs to be quick).
 * RAG is always a symbol and a word in a tinted cell, never colour alone.
 */

/**
 * A chart's PNG, shown `width` × `height` CSS pixels, with its alt text. docx-package gives docx a
 * placeholder for its bytes and puts the PNG in the package itself, stored: docx would hash and
 * deflate every PNG on the main thread (some 60 ms for a long paper's charts) for nothing.
 */
export class Picture {
  constructor(
    readonly png: Uint8Array,
    readonly width: number,
    readonly height: number,
    readonly alt: { name: string; title: string; description: string },
  ) {}
}

/** What the paper's sections are made of: docx paragraphs, tables to splice in as XML, and charts' pictures. */
export type Block = Paragraph | XmlTable | Picture;
/** A table cell's WordprocessingML (w:tc). */
export type Cell = string;
export { TABLE_TEXT_STYLE };

/** A run of text: plain, or bold / italic. A part's line breaks start new paragraphs. */
export type Part = string | { text: string; bold?: boolean; italic?: boolean };

/** The same shapes the cards use, so the paper and Teams agree. */
export const RAG_SYMBOL: Record<Rag, string> = RAG_SHAPE;
export { RAG_FILL };
/** What each RAG means to the board (seed 001's definitions for Red and Amber). */
export const RAG_MEANING: Record<Rag, string> = {
  Red: 'Action is required from the Board.',
  Amber: 'Support may be required from the Board.',
  Green: 'On track: no action is needed from the Board.',
  'Not started': 'Work has not started yet.',
  Complete: 'The task is done.',
};
const HEADER_FILL = 'D9E2EC';
const LINE_BREAK = /\r\n|\r|\n/;
/** A line break, or a character withoutControlCharacters removes. */
const NEEDS_CLEANING = /[\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function ragLabel(rag: Rag): string {
  return `${RAG_SYMBOL[rag]} ${rag}`;
}

export function clean(text: string): string {
  return withoutControlCharacters(text);
}

/** The lines someone typed (any line ending), cleaned; one "" for empty text. */
export function linesOf(text: string): string[] {
  return clean(text).split(LINE_BREAK);
}

/** Each line of each part, cleaned, with the part's emphasis. (Most parts are one plain line: no regex work or arrays for those.) */
function linesOfParts(parts: Part[]): Line[] {
  const lines: Line[] = [];
  for (const part of parts) {
    const p = typeof part === 'string' ? { text: part } : part;
    if (!NEEDS_CLEANING.test(p.text)) lines.push(p);
    else for (const text of linesOf(p.text)) lines.push({ text, bold: p.bold, italic: p.italic });
  }
  return lines;
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

/** A table cell holding `parts`, each line a paragraph in the table's small print; tinted in `fill`. */
export function cell(parts: Part | Part[], options: { fill?: string } = {}): Cell {
  return cellXml(linesOfParts(Array.isArray(parts) ? parts : [parts]), options.fill);
}

/** A RAG cell: symbol and word, bold, tinted; `more` lines below (was …, a status). */
export function ragCell(rag: Rag, more: Part[] = []): Cell {
  return cell([{ text: ragLabel(rag), bold: true }, ...more], { fill: RAG_FILL[rag] });
}

/**
 * A full-width table of `items`, a row each (`cellsOf` its cells, built when the table is
 * written): a header row that repeats on every page, then the rows, each kept whole on a page
 * unless `splitRows` (long text cells may need to break across pages).
 */
export function table<T>(headers: string[], items: readonly T[], cellsOf: (item: T) => Cell[], columnWidths: number[], options: { splitRows?: boolean } = {}): XmlTable {
  const headerCells = headers.map((h) => cell({ text: h, bold: true }, { fill: HEADER_FILL }));
  return new XmlTable(headerCells, items.length, (i) => cellsOf(items[i]!), columnWidths, options.splitRows === true);
}

/** A table of plain text cells. */
export function textTable(headers: string[], rows: string[][], columnWidths: number[]): XmlTable {
  return table(headers, rows, (r) => r.map((text) => cell(text)), columnWidths);
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
