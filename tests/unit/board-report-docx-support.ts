import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { inflateSync } from 'node:zlib';

/**
 * Reads a DOCX back for the board paper's tests: the body as an ordered list of paragraphs (style,
 * text, images with their alt text) and tables (rows of cells; a cell's paragraphs joined with
 * "\n"; whether the row repeats as a header), plus the header, footer and media parts.
 */
export interface DocxImage {
  name?: string;
  descr?: string;
  title?: string;
  /** The media part the image shows (word/media/…). */
  target?: string;
}
export interface DocxParagraph {
  kind: 'p';
  style?: string;
  text: string;
  images: DocxImage[];
  pageBreakBefore: boolean;
}
export interface DocxRow {
  header: boolean;
  cantSplit: boolean;
  cells: string[];
  /** Each cell's shading fill, when it has one. */
  fills: (string | undefined)[];
}
export interface DocxTable {
  kind: 'table';
  rows: DocxRow[];
}
export type DocxBlock = DocxParagraph | DocxTable;

export interface ParsedDocx {
  zip: JSZip;
  documentXml: string;
  blocks: DocxBlock[];
  headerText: string;
  footerXml: string;
  footerText: string;
  media: Map<string, Uint8Array>;
}

type XNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: XNode) => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as XNode[]) : []);
const attrs = (n: XNode) => (n[':@'] ?? {}) as Record<string, string>;

/** Every descendant (and `n` itself) with this tag, in document order. */
function all(n: XNode, tag: string): XNode[] {
  const out: XNode[] = tagOf(n) === tag ? [n] : [];
  for (const k of kids(n)) if (typeof k === 'object' && !('#text' in k)) out.push(...all(k, tag));
  return out;
}

function textOf(n: XNode): string {
  return all(n, 'w:t')
    .map((t) => kids(t).map((c) => String(c['#text'] ?? '')).join(''))
    .join('');
}

function paragraph(p: XNode, rels: Map<string, string>): DocxParagraph {
  const style = all(p, 'w:pStyle')[0];
  const images = all(p, 'w:drawing').map((d) => {
    const doc = all(d, 'wp:docPr')[0];
    const blip = all(d, 'a:blip')[0];
    const a = doc ? attrs(doc) : {};
    return { ...(a.name !== undefined && { name: a.name }), ...(a.descr !== undefined && { descr: a.descr }), ...(a.title !== undefined && { title: a.title }), ...(blip && { target: rels.get(attrs(blip)['r:embed']!) }) };
  });
  return { kind: 'p', ...(style && { style: attrs(style)['w:val'] }), text: textOf(p), images, pageBreakBefore: all(p, 'w:pageBreakBefore').length > 0 };
}

function tableOf(t: XNode): DocxTable {
  const rows = kids(t)
    .filter((n) => tagOf(n) === 'w:tr')
    .map((tr) => {
      const cells = kids(tr).filter((n) => tagOf(n) === 'w:tc');
      return {
        header: all(tr, 'w:tblHeader').length > 0,
        cantSplit: all(tr, 'w:cantSplit').length > 0,
        cells: cells.map((tc) => kids(tc).filter((n) => tagOf(n) === 'w:p').map(textOf).join('\n')),
        fills: cells.map((tc) => {
          const shd = all(tc, 'w:shd')[0];
          return shd ? attrs(shd)['w:fill'] : undefined;
        }),
      };
    });
  return { kind: 'table', rows };
}

async function partText(zip: JSZip, prefix: string): Promise<{ xml: string; text: string }> {
  const names = Object.keys(zip.files).filter((n) => n.startsWith(prefix) && n.endsWith('.xml'));
  const xml = (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('');
  const text = names.length ? (parser.parse(xml) as XNode[]).map(textOf).join('') : '';
  return { xml, text };
}

export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file('word/document.xml')?.async('string');
  assert.ok(documentXml, 'word/document.xml is in the package');
  const relsXml = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const rels = new Map([...relsXml.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(([, id, target]) => [id!, target!]));
  const root = (parser.parse(documentXml) as XNode[]).find((n) => tagOf(n) === 'w:document')!;
  const body = all(root, 'w:body')[0]!;
  const blocks: DocxBlock[] = kids(body).flatMap((n): DocxBlock[] => (tagOf(n) === 'w:p' ? [paragraph(n, rels)] : tagOf(n) === 'w:tbl' ? [tableOf(n)] : []));
  const media = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) media.set(name, await zip.file(name)!.async('uint8array'));
  const header = await partText(zip, 'word/header');
  const footer = await partText(zip, 'word/footer');
  return { zip, documentXml, blocks, headerText: header.text, footerXml: footer.xml, footerText: footer.text, media };
}

export const isHeading = (b: DocxBlock, level?: 1 | 2): b is DocxParagraph => b.kind === 'p' && (level ? b.style === `Heading${level}` : /^Heading[12]$/.test(b.style ?? ''));

/** The Heading 1 texts, in order. */
export function headings1(blocks: DocxBlock[]): string[] {
  return blocks.filter((b) => isHeading(b, 1)).map((b) => (b as DocxParagraph).text);
}

/** The blocks under the Heading 1 `title` (up to the next Heading 1); fails when there is none. */
export function section(blocks: DocxBlock[], title: string | RegExp): DocxBlock[] {
  const start = blocks.findIndex((b) => isHeading(b, 1) && (typeof title === 'string' ? b.text === title : title.test(b.text)));
  assert.ok(start >= 0, `a Heading 1 "${String(title)}" (have: ${headings1(blocks).join(' | ')})`);
  const end = blocks.findIndex((b, i) => i > start && isHeading(b, 1));
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

export function tablesOf(blocks: DocxBlock[]): DocxTable[] {
  return blocks.filter((b): b is DocxTable => b.kind === 'table');
}

/** Paragraph text (outside tables), joined with "\n". */
export function proseOf(blocks: DocxBlock[]): string {
  return blocks
    .filter((b): b is DocxParagraph => b.kind === 'p')
    .map((b) => b.text)
    .join('\n');
}

/** A table's body rows (after its header row) as objects keyed by the header cells. */
export function records(t: DocxTable): Record<string, string>[] {
  const [head, ...rows] = t.rows;
  return rows.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

/** The first column (the refs) of every table in `blocks`, header rows left out. */
export function firstColumn(blocks: DocxBlock[]): string[] {
  return tablesOf(blocks).flatMap((t) => t.rows.filter((r) => !r.header).map((r) => r.cells[0]!));
}

/**
 * Decodes a PNG far enough to know it is whole: the signature, the IHDR size, and the IDAT stream
 * inflated to exactly one filtered scanline per row. `distinctBytes` tells a drawing from a blank.
 */
export function decodePng(bytes: Uint8Array): { width: number; height: number; distinctBytes: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let channels = 0;
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      assert.equal(data[8], 8, '8 bits a channel');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
      assert.ok(channels > 0, `a plain colour type (${data[9]})`);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, height * (1 + width * channels), 'one scanline a row');
  return { width, height, distinctBytes: new Set(raw).size };
}
