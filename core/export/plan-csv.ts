import { stringify } from 'csv-stringify/sync';
import type { PlanChange } from '../model';
import type { PlanView } from '../plan-view';
import { HISTORY_HEADERS, historyRows } from './history-table';
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

/** The plan's history of officers' changes as CSV, newest first (times in UTC, ISO 8601). */
export function historyCsv(changes: readonly PlanChange[]): Uint8Array {
  const records = [HISTORY_HEADERS.map((c) => c.header), ...historyRows(changes).map((row) => HISTORY_HEADERS.map((c) => (c.key === 'changedAt' ? row.changedAt.toISOString() : neutraliseCell(row[c.key] as string))))];
  return Buffer.from(BOM + stringify(records, { record_delimiter: 'windows' }), 'utf8');
}
