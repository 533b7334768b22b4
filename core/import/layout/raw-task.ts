import type { TaskKind } from '../../model';
import type { ColumnRole } from '../columns/column-map';
import type { PlanField } from '../columns/plan-fields';

/** One raw record per task, whatever the layout it came from: a row, a column, a block of labels, a paragraph. */

export type CellField = Exclude<PlanField, 'history'>;

export interface RowContext {
  objective?: { ref?: string; title: string };
  indicator?: string;
  kind?: TaskKind;
  measure?: string;
}

export interface RawTask {
  where: string;
  fields: Partial<Record<CellField, string>>;
  /** Fields this task's table has a column for: an empty cell there means "none", not "not given". */
  given: Set<CellField>;
  /** Dated progress columns ("October 2018 Update"), oldest first. */
  history: { header: string; date: string; text: string }[];
  /** Dated RAG columns ("RAG March 2025"). */
  datedRag: { date: string; text: string }[];
  context: RowContext;
}

export function newRawTask(where: string, context: RowContext): RawTask {
  return { where, fields: {}, given: new Set(), history: [], datedRag: [], context: { ...context } };
}

/** A value into its field; a dated column becomes history (or a dated RAG); a second value for a field joins on a new line. */
export function putField(task: RawTask, role: ColumnRole, value: string): void {
  if (role.date) {
    if (!value) return;
    if (role.field === 'rag') task.datedRag.push({ date: role.date, text: value });
    else task.history.push({ header: role.header, date: role.date, text: value });
    return;
  }
  const field = role.field as CellField;
  task.given.add(field);
  if (value) task.fields[field] = task.fields[field] ? `${task.fields[field]}\n${value}` : value;
}

/** A labelled value as a record gives it: the label as written, what it means (if anything), the value. */
export interface LabelledValue {
  label: string;
  role: ColumnRole | 'ignore' | undefined;
  value: string;
}

/** A task laid out as labels and values (a column of a sideways table, a block of "Label: value" rows, a paragraph). */
export interface SourceRecord {
  where: string;
  values: LabelledValue[];
}

export function recordTask(record: SourceRecord, context: RowContext): RawTask {
  const task = newRawTask(record.where, context);
  for (const v of record.values) if (v.role && v.role !== 'ignore') putField(task, v.role, v.value);
  return task;
}

/** The record's wording (its first title value), e.g. to read it as a heading when the officer says it is one. */
export function recordText(record: SourceRecord): string {
  const title = record.values.find((v) => v.role && v.role !== 'ignore' && v.role.field === 'title' && v.value);
  return title?.value ?? record.values.find((v) => v.value)?.value ?? '';
}
