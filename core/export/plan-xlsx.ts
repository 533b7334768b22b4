import ExcelJS from 'exceljs';
import type { PlanView } from '../plan-view';
import type { PlanFilter } from '../plan/plan-filter';
import { safeCellText } from './cell-safety';
import { PLAN_COLUMNS, planRows, type PlanCell } from './plan-table';

/** The filtered plan as one worksheet: a bold frozen header with filters, dates as date cells, text formula-safe. */
export async function planXlsx(view: PlanView, filter: PlanFilter, meta: { title: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EDI Action Plan for Teams';
  workbook.title = meta.title;
  workbook.created = new Date(view.generatedAt);
  const sheet = workbook.addWorksheet('Action plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of planRows(view, filter)) sheet.addRow(PLAN_COLUMNS.map((c) => cellValue(c.value(row), c.kind)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValue(value: PlanCell, kind: 'date' | undefined): string | number | Date | null {
  if (value === undefined || value === '') return null;
  // A calendar date as midnight UTC: Excel dates have no time zone, and exceljs writes UTC.
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'string') return safeCellText(value);
  return value;
}
