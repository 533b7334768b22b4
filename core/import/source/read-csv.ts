import { parse } from 'csv-parse/sync';
import { ImportFileError } from '../import-errors';
import { cleanCellText, MAX_IMPORT_ROWS, type SourceSection } from './plan-source';

/**
 * A CSV file as one table. UTF-8 (with or without a BOM); Excel on Windows saves "CSV" as
 * Windows-1252, so invalid UTF-8 is read as that instead. The delimiter is whichever of , ; or tab
 * the first lines use most (outside quotes).
 */
export function readCsv(bytes: Uint8Array, fileName: string): SourceSection[] {
  const text = decode(bytes);
  const delimiter = guessDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, to: MAX_IMPORT_ROWS + 1 }) as string[][];
  } catch (err) {
    throw new ImportFileError('unreadable', `${fileName} could not be read as CSV (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (records.length > MAX_IMPORT_ROWS) throw new ImportFileError('too-large', `${fileName} has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows; split it and import the parts.`);
  const name = fileName;
  const rows = records
    .map((record, i) => ({ cells: record.map((c) => cleanCellText(c)), where: `${name}, row ${i + 1}`, line: i + 1 }))
    .map((r) => {
      while (r.cells.length > 0 && r.cells[r.cells.length - 1] === '') r.cells.pop();
      return r;
    })
    .filter((r) => r.cells.length > 0);
  return [{ name, blocks: [{ kind: 'table', name, rows }] }];
}

/** Windows-1252's 0x80-0x9F (curly quotes, dashes, €); elsewhere it is Latin-1. Node's own decoder treats it as Latin-1. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const codes = Uint16Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    let out = '';
    for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
    return out;
  }
}

/** The delimiter used most outside quotes in the first lines (a title line above the table may have none). */
function guessDelimiter(text: string): string {
  const head = text.slice(0, 20000).replace(/"[^"]*"/g, '').split(/\r?\n/).slice(0, 10).join('\n');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: head.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}
