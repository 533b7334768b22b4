import ExcelJS from 'exceljs';
import { ImportFileError } from '../import-errors';
import { cleanCellText, MAX_IMPORT_ROWS, type SourceRow, type SourceSection } from './plan-source';

/** Sheets that explain a plan rather than hold one (the blank template's own "Guidance" sheet among them). */
const GUIDANCE_SHEET = /^(?:guidance|guide|instructions?|how to(?: use)?|read ?me|help|key|notes?|lookups?|lists?|drop-?downs?)$/i;

export interface SkippedSheet {
  name: string;
  reason: 'hidden' | 'guidance';
}

/**
 * Every visible sheet of a workbook, one table each; hidden sheets and guidance sheets are skipped and
 * named. Merged cells read as their top-left value.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<{ sections: SourceSection[]; skippedSheets: SkippedSheet[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new ImportFileError('unreadable', `${fileName} could not be read as an Excel workbook (${err instanceof Error ? err.message : String(err)}). Open it in Excel, save it as .xlsx and try again.`);
  }
  const sections: SourceSection[] = [];
  const skippedSheets: SkippedSheet[] = [];
  let total = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' || GUIDANCE_SHEET.test(sheet.name.trim())) {
      skippedSheets.push({ name: sheet.name, reason: sheet.state !== 'visible' ? 'hidden' : 'guidance' });
      continue;
    }
    const name = `Sheet "${sheet.name}"`;
    const rows: SourceRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (++total > MAX_IMPORT_ROWS) throw new ImportFileError('too-large', `${fileName} has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows; split it and import the parts.`);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cleanCellText(cellText(row.getCell(c).value)));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) rows.push({ cells, where: `${name}, row ${rowNumber}`, line: rowNumber });
    });
    sections.push({ name, blocks: [{ kind: 'table', name, rows }] });
  }
  return { sections, skippedSheets };
}

/** A cell as the officer sees it: formulas by their result, dates as yyyy-mm-dd, rich text as its text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text);
  return ''; // error values (#REF!) and anything unknown
}
