import ExcelJS from 'exceljs';
import { RAG_VALUES, type PlanChange } from '../model';
import type { PlanView } from '../plan-view';
import { HISTORY_HEADERS, historyRows } from './history-table';
import type { PlanFilter } from '../plan/plan-filter';
import { safeCellText } from './cell-safety';
import { PLAN_COLUMNS, planRows, type PlanCell, type PlanColumn } from './plan-table';
import { RAG_FILL, RAG_TEXT } from './rag-colours';

/**
 * The filtered plan as a worksheet (a bold frozen header with filters, dates as date cells, RAG
 * as its word in a tinted cell, text formula-safe), and the plan's history of officers' changes as a second one ("Change history": Excel reserves "History").
 */
export async function planXlsx(view: PlanView, filter: PlanFilter, meta: { title: string }, history: readonly PlanChange[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EDI Action Plan for Teams';
  workbook.title = meta.title;
  workbook.created = new Date(view.generatedAt);
  const sheet = workbook.addWorksheet('Action plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : { alignment: { wrapText: true, vertical: 'top' } } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of planRows(view, filter)) {
    const added = sheet.addRow(PLAN_COLUMNS.map((c) => cellValue(c.value(row), c.kind)));
    for (const [i, c] of PLAN_COLUMNS.entries()) if (c.kind === 'rag') tintRag(added.getCell(i + 1));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_COLUMNS.length } };
  const log = workbook.addWorksheet('Change history', { views: [{ state: 'frozen', ySplit: 1 }] });
  log.columns = HISTORY_HEADERS.map((c) => ({ header: c.header, width: c.width, style: c.key === 'changedAt' ? { numFmt: 'dd/mm/yyyy hh:mm' } : { alignment: { wrapText: true, vertical: 'top' } } }));
  log.getRow(1).font = { bold: true };
  for (const row of historyRows(history)) log.addRow(HISTORY_HEADERS.map((c) => (c.key === 'changedAt' ? row.changedAt : safeCellText(row[c.key] as string) || null)));
  log.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HISTORY_HEADERS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The RAG word stays the cell's value (filters and sorting use it); the tint and text colour add to it. */
function tintRag(cell: ExcelJS.Cell): void {
  const rag = RAG_VALUES.find((r) => r === cell.value);
  if (!rag) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${RAG_FILL[rag]}` } };
  cell.font = { bold: true, color: { argb: `FF${RAG_TEXT[rag]}` } };
}

function cellValue(value: PlanCell, kind: PlanColumn['kind']): string | number | Date | null {
  if (value === undefined || value === '') return null;
  // A calendar date as midnight UTC: Excel dates have no time zone, and exceljs writes UTC.
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'string') return safeCellText(value);
  return value;
}
