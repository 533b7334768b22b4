import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';
import { ImportFileError } from '../import-errors';
import { headingLevel, readParagraphStyles, type ParagraphKind } from './docx-styles';
import { cleanCellText, MAX_IMPORT_ROWS, type SourceBlock, type SourceRow, type SourceSection, type SourceText } from './plan-source';

/**
 * A Word document's body in order: paragraphs (headings such as "Objective 2: …" live there) and
 * every table. Horizontally merged cells (gridSpan) fill each grid column they cover and vertically
 * merged ones (vMerge) repeat the value above, so a table reads as a plain grid.
 */

/** fast-xml-parser's ordered output: each node is `{ [tag]: children, ':@'?: attributes }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false });

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function childrenOf(node: XmlNode): XmlNode[] {
  const c = node[tagOf(node)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}
function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, string> | undefined;
  return a?.[name];
}
function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Content controls, custom XML and tracked insertions wrap the real paragraphs, rows and cells. */
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag']);
function unwrap(nodes: XmlNode[]): XmlNode[] {
  return nodes.flatMap((n) => (WRAPPERS.has(tagOf(n)) ? unwrap(childrenOf(n)) : [n]));
}

/** The visible text under a node: w:t runs, tabs and breaks; deleted text (w:delText) is not w:t. */
function textOf(node: XmlNode): string {
  const tag = tagOf(node);
  if (tag === '#text') return '';
  if (tag === 'w:t') return childrenOf(node).map((c) => String(c['#text'] ?? '')).join('');
  if (tag === 'w:tab') return ' ';
  if (tag === 'w:br' || tag === 'w:cr') return '\n';
  if (tag === 'w:pPr' || tag === 'w:rPr' || tag === 'w:del' || tag === 'w:instrText') return '';
  return childrenOf(node).map(textOf).join('');
}

function paragraphText(p: XmlNode): string {
  return cleanCellText(textOf(p));
}

/** The paragraph's heading level and list numbering: its own properties first, then its style's. */
function paragraphKind(p: XmlNode, styles: Map<string, ParagraphKind>): ParagraphKind {
  const pPr = child(p, 'w:pPr');
  const style = styles.get(attr(child(pPr ?? {}, 'w:pStyle') ?? {}, 'w:val') ?? '') ?? {};
  const numPr = child(pPr ?? {}, 'w:numPr');
  const numId = numPr && attr(child(numPr, 'w:numId') ?? {}, 'w:val');
  const list = numPr ? numId !== '0' : style.list === true;
  const heading = headingLevel(undefined, attr(child(pPr ?? {}, 'w:outlineLvl') ?? {}, 'w:val')) ?? style.heading;
  return { ...(heading && { heading }), ...(list && { list }) };
}

/** A cell's paragraphs become lines; a nested table is read as its cells' text, line by line. */
function cellText(tc: XmlNode): string {
  const lines = unwrap(childrenOf(tc)).flatMap((n) => {
    const tag = tagOf(n);
    if (tag === 'w:p') return [textOf(n)];
    if (tag === 'w:tbl') return tableGrid(n).map((r) => r.filter(Boolean).join(' | '));
    return [];
  });
  return cleanCellText(lines.join('\n'));
}

function tableGrid(tbl: XmlNode): string[][] {
  const grid: string[][] = [];
  for (const tr of unwrap(childrenOf(tbl)).filter((n) => tagOf(n) === 'w:tr')) {
    const row: string[] = [];
    const trPr = child(tr, 'w:trPr');
    const before = Number(attr(child(trPr ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
    for (let i = 0; i < before; i++) row.push('');
    for (const tc of unwrap(childrenOf(tr)).filter((n) => tagOf(n) === 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Math.min(64, Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1));
      const vMerge = child(tcPr ?? {}, 'w:vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      const column = row.length;
      const value = continues ? (grid[grid.length - 1]?.[column] ?? '') : cellText(tc);
      for (let i = 0; i < span; i++) row.push(value);
    }
    grid.push(row);
  }
  return grid;
}

export async function readDocx(zip: JSZip, fileName: string): Promise<SourceSection[]> {
  let body: XmlNode | undefined;
  try {
    const xml = await zip.file('word/document.xml')!.async('string');
    const doc = (parser.parse(xml) as XmlNode[]).find((n) => tagOf(n) === 'w:document');
    body = doc && child(doc, 'w:body');
  } catch (err) {
    throw new ImportFileError('unreadable', `${fileName} could not be read as a Word document (${err instanceof Error ? err.message : String(err)}). Open it in Word, save it as .docx and try again.`);
  }
  if (!body) throw new ImportFileError('unreadable', `${fileName} has no document body. Open it in Word, save it as .docx and try again.`);
  const styles = await readParagraphStyles(zip);
  const blocks: SourceBlock[] = [];
  let tables = 0;
  let paragraphs = 0;
  let rowsRead = 0;
  for (const node of unwrap(childrenOf(body))) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      paragraphs++;
      const text = paragraphText(node);
      if (text) blocks.push({ kind: 'text', text, where: `paragraph ${paragraphs}`, line: paragraphs, ...paragraphKind(node, styles) } satisfies SourceText);
    } else if (tag === 'w:tbl') {
      const name = `Table ${++tables}`;
      const rows: SourceRow[] = tableGrid(node)
        .map((cells, i) => ({ cells: trimEnd(cells), where: `${name}, row ${i + 1}`, line: i + 1 }))
        .filter((r) => r.cells.length > 0);
      rowsRead += rows.length;
      if (rowsRead > MAX_IMPORT_ROWS) throw new ImportFileError('too-large', `${fileName} has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} table rows; split it and import the parts.`);
      blocks.push({ kind: 'table', name, rows });
    }
  }
  return [{ name: fileName, blocks }];
}

function trimEnd(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
