import type { IsoDate, IsoInstant, Rag, TaskKind, TaskStatus } from './model';

/** The plan as the tab and `/api/plan` show it: objectives -> indicators -> tasks. */
export interface PlanView {
  generatedAt: IsoInstant;
  /** Today's date in the plan's time zone, used for "overdue". */
  today: IsoDate;
  summary: PlanSummary;
  objectives: ObjectiveView[];
  /** The open update round, if there is one. */
  round?: OpenRoundView;
}

export interface OpenRoundView {
  id: string;
  name: string;
  dueDate: IsoDate;
  answered: number;
  inScope: number;
  /** answered / inScope, from 0 to 1. */
  responseRate: number;
}

export interface PlanSummary {
  /** Tasks in the plan: withdrawn ones are counted only in `byStatus`. */
  total: number;
  byRag: Record<Rag, number>;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  /** Open tasks due within the reminder window (`dueSoonDays`, the first reminder's offset), not yet late. */
  dueSoon: number;
  dueSoonDays: number;
  /** Open tasks whose deadline wording could not be read, or was read with an assumption. */
  deadlinesToCheck: number;
  // The three counts below are always set by getPlanView; optional for views built elsewhere (fixtures, older servers).
  /** Tasks in the open round's scope that have not been answered yet (0 with no open round). */
  awaitingUpdate?: number;
  /** Tasks with a RAG change waiting for a decision. */
  pendingApprovals?: number;
  /** People who own an open task and whom the bot cannot message (no chat, or blocked). */
  unreachableOwners?: number;
}

export interface ObjectiveView {
  ref: string;
  title: string;
  description?: string;
  /** Retired by an officer: left out of the view unless withdrawn tasks are asked for. */
  retired?: boolean;
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
  /** `aadObjectId` is always set by getPlanView (the owner filter matches on it). */
  owners: { aadObjectId?: string; displayName: string; email: string }[];
  accountableOfficer?: { displayName: string; email: string };
  /** The service leading the task, as the plan names it (the lead service filter). */
  leadService?: string;
  dueDate?: IsoDate;
  dueText?: string;
  overdue: boolean;
  /** Why an officer should check the deadline (unreadable wording, an assumed year…), if they should. */
  deadlineCheck?: string;
  rag: Rag;
  status: TaskStatus;
  latestUpdate?: { text: string; at: IsoInstant; by?: string };
  // awaitingUpdate and ownerUnreachable are always set by getPlanView.
  /** In the open round's scope and not answered since it opened. */
  awaitingUpdate?: boolean;
  /** An owner of this open task cannot be messaged by the bot. */
  ownerUnreachable?: boolean;
  pendingApproval?: { proposedRag: Rag; approverName: string; requestedAt: IsoInstant };
}
