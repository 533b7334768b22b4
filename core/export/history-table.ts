import type { PlanChange } from '../model';

/**
 * The plan's history as a flat table, one row per field changed (a change with no fields, such
 * as a retirement, is one row): the History sheet of the XLSX export and the history CSV.
 */
export interface HistoryRow {
  changedAt: Date;
  subject: string;
  ref: string;
  action: string;
  by: string;
  field: string;
  from: string;
  to: string;
  reason: string;
}

export const HISTORY_HEADERS: readonly { header: string; width: number; key: keyof HistoryRow }[] = [
  { header: 'When', width: 18, key: 'changedAt' },
  { header: 'Item', width: 10, key: 'subject' },
  { header: 'Ref', width: 9, key: 'ref' },
  { header: 'Change', width: 11, key: 'action' },
  { header: 'By', width: 22, key: 'by' },
  { header: 'Field', width: 22, key: 'field' },
  { header: 'From', width: 40, key: 'from' },
  { header: 'To', width: 40, key: 'to' },
  { header: 'Reason', width: 40, key: 'reason' },
];

/** Newest first: the order an officer reads a history in. */
export function historyRows(changes: readonly PlanChange[]): HistoryRow[] {
  const sorted = [...changes].sort((a, b) => b.changedAt.localeCompare(a.changedAt) || Number(b.id) - Number(a.id));
  return sorted.flatMap((c) => {
    const base = { changedAt: new Date(c.changedAt), subject: c.subject === 'task' ? 'Task' : 'Objective', ref: c.subjectRef, action: c.action, by: c.changedBy.displayName, reason: c.reason ?? '' };
    if (!c.changes.length) return [{ ...base, field: '', from: '', to: '' }];
    return c.changes.map((f) => ({ ...base, field: f.label, from: f.from ?? '', to: f.to ?? '' }));
  });
}
