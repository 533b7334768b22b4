import { stringify } from 'csv-stringify/sync';
import type { PlanView } from '../plan-view';
import type { PlanFilter } from '../plan/plan-filter';
import { neutraliseCell } from './cell-safety';
import { PLAN_COLUMNS, planRows, type PlanCell } from './plan-table';

const BOM = '\uFEFF'; // so Excel reads the file as UTF-8 (names like Siân, dashes in dates)

/** The filtered plan as CSV (UTF-8 with BOM, CRLF, every field quoted as needed), formula-safe. */
export function planCsv(view: PlanView, filter: PlanFilter): Uint8Array {
  const cell = (value: PlanCell): string => (value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : neutraliseCell(String(value)));
  const records = [PLAN_COLUMNS.map((c) => c.header), ...planRows(view, filter).map((row) => PLAN_COLUMNS.map((c) => cell(c.value(row))))];
  return Buffer.from(BOM + stringify(records, { record_delimiter: 'windows' }), 'utf8');
}
