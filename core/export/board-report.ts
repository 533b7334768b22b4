import type { IsoDate, IsoInstant, Rag, TaskStatus, UpdateRound } from '../model';
import type { Mover, MeasureTrend, ObjectiveProgress, RagPoint } from '../trends/plan-trends';

/**
 * The board paper, as data: what the EDI board sees, in the order it acts on it. Built at any
 * time (the plan as of today, each task's latest update whenever it came) or for one round (a
 * closed round's snapshot, or an open round so far). Every task is in it, completed ones
 * included. board-report-build.ts builds it; board-report-docx.ts writes it as a Word paper.
 */
export interface BoardReport {
  /** Cover: the council, the plan, the period covered, the date, and who prepared it. */
  cover: { council?: string; planTitle: string; period: string; date: IsoDate; preparedBy?: string };
  generatedAt: IsoInstant;
  /** The date the report speaks for: today, or the day a closed round closed. */
  asOf: IsoDate;
  basis: ReportBasis;
  /** The closed round the movement is measured from. */
  previousRound?: { id: string; name: string };
  summary: ReportSummary;
  /** Every Red and Amber task (Red first), with its risks, support needed and latest words. */
  askedOfBoard: BoardTaskRow[];
  /** A section per objective holding all its tasks, in ref order. */
  sections: BoardReportSection[];
  completed: BoardTaskRow[];
  overdue: BoardTaskRow[];
  /** The round whose response is reported, and who had not answered (appendix). */
  responses?: RoundResponses;
  /** The chart data: RAG at each closed round up to the report (then today for a current report), objectives, measures. */
  trends: { ragByRound: RagPoint[]; objectives: ObjectiveProgress[]; measures: MeasureTrend[] };
}

export type ReportBasis =
  | { kind: 'today' }
  | { kind: 'round'; round: { id: string; name: string; dueDate: IsoDate; state: UpdateRound['state']; opensAt: IsoInstant; closedAt?: IsoInstant } };

export interface RagCounts {
  total: number;
  byRag: Record<Rag, number>;
}

export interface ReportSummary extends RagCounts {
  /** Tasks with status Complete (or RAG Complete). */
  complete: number;
  overdue: number;
  /** Tasks whose RAG went up or down since the previous closed round. */
  movement: { up: Mover[]; down: Mover[] };
}

export interface RoundResponses {
  round: { id: string; name: string; state: UpdateRound['state'] };
  inScope: number;
  answered: number;
  /** answered / inScope, 0 to 1. */
  responseRate: number;
  notAnswered: { name: string; email?: string; taskRefs: string[] }[];
  unownedTaskRefs: string[];
}

export interface BoardReportSection extends RagCounts {
  ref: string;
  title: string;
  rows: BoardTaskRow[];
}

export interface BoardTaskRow {
  taskId: string;
  ref: string;
  title: string;
  objectiveRef: string;
  /** Owners' names, or "" when the task has none. */
  owners: string;
  /** The due date, and the plan's own wording when it has one. */
  dueDate?: IsoDate;
  dueText?: string;
  rag: Rag;
  status: TaskStatus;
  overdue: boolean;
  /**
   * The latest update whenever it came. `isNew`: it came in during the reported round (a round
   * report, or a current report while a round is open), else since the previous round closed.
   */
  latest?: { text: string; at?: IsoInstant; by?: string; isNew: boolean };
  evidence?: string;
  risks?: string;
  supportNeeded?: string;
  measure?: MeasureTrend;
  /** The RAG at the previous closed round, when the task was in it. */
  previousRag?: Rag;
  /** For a round report: false when the round did not ask about the task (shown as it is now). */
  inRound: boolean;
}
