import { withoutControlCharacters } from './cell-safety';

/**
 * The paper's tables written as WordprocessingML text, not as `docx` objects: a 5,000-task plan has
 * some 12,000 rows and 85,000 cells, and docx's object tree for them took seconds and a gigabyte to
 * build and serialise. Each cell here is only what it needs: its paragraphs in the TableText style
 * (§17.3.1.27 pStyle; the style is defined once in the styles part), a run per line with bold or
 * italic only where the text has it, and shading only on tinted cells. Column widths are given once
 * per table (tblGrid, fixed layout), not on every cell. Section numbers are ISO/IEC 29500-1:2008's
 * (ECMA-376 Part 1, 1st edition). Tables are written a slice at a time, so the event loop runs.
 */

/** A line of a cell: one paragraph. */
export interface Line {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** The paragraph style of table text (9 pt, tight): one style, not a size on every run of a long paper. */
export const TABLE_TEXT_STYLE = 'TableText';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as XML 1.0 character data (or an attribute value): characters XML 1.0 does not allow removed
 * (cell-safety's rule), & < > " escaped. With > always escaped, "]]>" cannot appear in the output.
 * (A lone surrogate becomes U+FFFD when the part is encoded as UTF-8, so it cannot break it either.)
 */
export function xmlText(text: string): string {
  const clean = withoutControlCharacters(text);
  return /[&<>"]/.test(clean) ? clean.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : clean;
}

/** Leading, trailing or repeated spaces and tabs are kept only with xml:space="preserve" on w:t. */
const NEEDS_PRESERVE = /^\s|\s$|\s\s|\t/;

function run(line: Line): string {
  const text = xmlText(line.text);
  if (text === '') return '';
  // Bold (w:b) and italic (w:i), with their complex-script twins, only where the line has them.
  const props = line.bold || line.italic ? `<w:rPr>${line.bold ? '<w:b/><w:bCs/>' : ''}${line.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
  return `<w:r>${props}<w:t${NEEDS_PRESERVE.test(text) ? ' xml:space="preserve"' : ''}>${text}</w:t></w:r>`;
}

/** A paragraph in the TableText style (§17.3.1.27 pStyle); an empty line is an empty paragraph. */
const PARAGRAPH_START = `<w:p><w:pPr><w:pStyle w:val="${TABLE_TEXT_STYLE}"/></w:pPr>`;

function paragraphXml(line: Line): string {
  return `${PARAGRAPH_START}${run(line)}</w:p>`;
}

/**
 * A table cell (w:tc): a paragraph per line (a cell must hold at least one), and table cell shading
 * (w:tcPr/w:shd, w:val="clear" w:color="auto" w:fill="RRGGBB") only when it is tinted.
 */
export function cellXml(lines: readonly Line[], fill?: string): string {
  const shading = fill ? `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${fill}"/></w:tcPr>` : '';
  let body = '';
  for (const line of lines) body += paragraphXml(line);
  return `<w:tc>${shading}${body || `${PARAGRAPH_START}</w:p>`}</w:tc>`;
}

/**
 * A full-width table, described rather than written: `row(i)` gives row i's cells (cellXml), so a
 * long table is written in slices by tableXml. The header row repeats on each page; the other
 * rows are kept whole on a page unless `splitRows` (long text cells may need to break across pages).
 */
export class XmlTable {
  constructor(
    readonly headerCells: readonly string[],
    readonly rowCount: number,
    readonly row: (i: number) => readonly string[],
    readonly widths: readonly number[],
    readonly splitRows: boolean,
  ) {}
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
/**
 * Table properties (§17.4.60 tblPr), in the schema's order: 100% wide (tblW in fiftieths of a
 * percent), single borders (tblBorders), the fixed layout algorithm (§17.4.53 tblLayout), so the
 * widths come from the grid and Word need not measure 85,000 cells, and the cell margins (tblCellMar).
 */
const TABLE_PROPERTIES =
  '<w:tblPr><w:tblW w:w="5000" w:type="pct"/>' +
  `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/>' +
  '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>';
/**
 * Row properties (w:trPr): §17.4.6 cantSplit keeps a row on one page; §17.4.50 tblHeader (§17.4.49 in
 * ECMA-376's later editions) repeats the row at the top of each page the table runs onto.
 */
const HEADER_ROW = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const WHOLE_ROW = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';

/** How long one slice of a table may hold the event loop. */
const SLICE_MS = 15;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * UTF-8 bytes in chunks of about CHUNK_BYTES, each string encoded straight into the current chunk:
 * a row's strings die as soon as they are written (so they never outlive a scavenge), and the
 * paper is never one huge string.
 */
const CHUNK_BYTES = 256 * 1024;

class Utf8Chunks {
  private readonly chunks: Buffer[] = [];
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > CHUNK_BYTES - this.used) {
      this.flush();
      if (text.length * 3 > CHUNK_BYTES) {
        this.chunks.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** The chunks written, the last one copied to its size. */
  end(): Buffer[] {
    if (this.used > 0) this.chunks.push(Buffer.from(this.chunk.subarray(0, this.used)));
    this.used = 0;
    return this.chunks;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }
}

/** The table as WordprocessingML (w:tbl), as UTF-8 chunks, letting the event loop run every SLICE_MS or so. */
export async function tableXml(t: XmlTable): Promise<Buffer[]> {
  const out = new Utf8Chunks();
  out.write(`<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${t.widths.map((w) => `<w:gridCol w:w="${Math.round(w)}"/>`).join('')}</w:tblGrid>`);
  out.write(`${HEADER_ROW}${t.headerCells.join('')}</w:tr>`);
  const rowStart = t.splitRows ? '<w:tr>' : WHOLE_ROW;
  let since = performance.now();
  for (let i = 0; i < t.rowCount; i++) {
    out.write(rowStart);
    for (const c of t.row(i)) out.write(c);
    out.write('</w:tr>');
    if (performance.now() - since > SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
  out.write('</w:tbl>');
  return out.end();
}
