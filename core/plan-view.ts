import type { IsoDate, IsoInstant, Rag, TaskKind, TaskStatus } from './model';

/** The plan as the tab and `/api/plan` show it: objectives -> indicators -> tasks. */
export interface PlanView {
  generatedAt: IsoInstant;
  /** Today's date in the plan's time zone, used for "overdue". */
  today: IsoDate;
  summary: PlanSummary;
  objectives: ObjectiveView[];
}

export interface PlanSummary {
  total: number;
  byRag: Record<Rag, number>;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  dueWithin14Days: number;
  /** Open tasks whose deadline wording could not be read, or was read with an assumption. */
  deadlinesToCheck: number;
}

export interface ObjectiveView {
  ref: string;
  title: string;
  description?: string;
  indicators: IndicatorView[];
}

export interface IndicatorView {
  /** null for tasks filed directly under the objective. */
  title: string | null;
  tasks: TaskView[];
}

export interface TaskView {
  id: string;
  ref: string;
  title: string;
  kind: TaskKind;
  owners: { displayName: string; email: string }[];
  accountableOfficer?: { displayName: string; email: string };
  dueDate?: IsoDate;
  dueText?: string;
  overdue: boolean;
  /** Why an officer should check the deadline (unreadable wording, an assumed year…), if they should. */
  deadlineCheck?: string;
  rag: Rag;
  status: TaskStatus;
  latestUpdate?: { text: string; at: IsoInstant; by?: string };
}
