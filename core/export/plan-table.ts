import type { IndicatorView, ObjectiveView, PlanView, TaskView } from '../plan-view';
import { filteredTasks, type PlanFilter } from '../plan/plan-filter';

/**
 * The plan as a flat table, one row per task of the filtered, sorted view: the columns of the CSV
 * and XLSX exports, defined once. Values are typed (dates stay dates) and not yet neutralised.
 */
export type PlanCell = string | number | Date | undefined;

export interface PlanColumn {
  header: string;
  /** Characters, for spreadsheet column widths. */
  width: number;
  /** 'date': a calendar date (yyyy-mm-dd in CSV, a date cell in XLSX). 'rag': a RAG word (a tinted cell in XLSX). */
  kind?: 'date' | 'rag';
  value(row: PlanRowSource): PlanCell;
}

export interface PlanRowSource {
  task: TaskView;
  objective: ObjectiveView;
  indicator: IndicatorView;
}

const yesNo = (b: boolean | undefined) => (b ? 'Yes' : 'No');
const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join('; ');

export const PLAN_COLUMNS: readonly PlanColumn[] = [
  { header: 'Objective', width: 10, value: (r) => r.objective.ref },
  { header: 'Objective title', width: 30, value: (r) => r.objective.title },
  { header: 'Indicator', width: 30, value: (r) => r.indicator.title ?? '' },
  { header: 'Ref', width: 9, value: (r) => r.task.ref },
  { header: 'Task', width: 50, value: (r) => r.task.title },
  { header: 'Kind', width: 10, value: (r) => r.task.kind },
  { header: 'Owners', width: 25, value: (r) => names(r.task.owners) },
  { header: 'Accountable officer', width: 22, value: (r) => r.task.accountableOfficer?.displayName ?? '' },
  { header: 'Due date', width: 12, kind: 'date', value: (r) => r.task.dueDate },
  { header: 'Due (as written)', width: 22, value: (r) => r.task.dueText ?? '' },
  { header: 'Overdue', width: 9, value: (r) => yesNo(r.task.overdue) },
  { header: 'RAG', width: 12, kind: 'rag', value: (r) => r.task.rag },
  { header: 'Status', width: 15, value: (r) => r.task.status },
  { header: 'RAG awaiting approval', width: 14, kind: 'rag', value: (r) => r.task.pendingApproval?.proposedRag ?? '' },
  { header: 'Awaiting update', width: 10, value: (r) => yesNo(r.task.awaitingUpdate) },
  { header: 'Latest update', width: 60, value: (r) => r.task.latestUpdate?.text ?? '' },
  { header: 'Latest update on', width: 14, kind: 'date', value: (r) => r.task.latestUpdate?.at.slice(0, 10) },
  { header: 'Latest update by', width: 20, value: (r) => r.task.latestUpdate?.by ?? '' },
];

/** The filtered view's rows, in the view's sort order, each with its objective and indicator. */
export function planRows(view: PlanView, filter: PlanFilter): PlanRowSource[] {
  const where = new Map<string, { objective: ObjectiveView; indicator: IndicatorView }>();
  for (const objective of view.objectives) for (const indicator of objective.indicators) for (const task of indicator.tasks) where.set(task.id, { objective, indicator });
  return filteredTasks(view, filter).map((task) => ({ task, ...where.get(task.id)! }));
}
