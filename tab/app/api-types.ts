/**
 * What the tab reads from its API (the tab API contract). The plan view's extra fields are
 * optional here so the tab still renders a plan from a server that does not send them yet.
 */
import type { ApprovalState, EflgTag, Measure, Rag, RoundScope, RoundState, TaskKind, TaskStatus } from '../../core/model';
import type { PlanSummary, PlanView, TaskView } from '../../core/plan-view';

export interface PersonView {
  aadObjectId?: string;
  displayName: string;
  email?: string;
}

export interface PendingApprovalView {
  proposedRag: Rag;
  approverName: string;
  requestedAt: string;
}

/** A task row as `/api/plan` sends it. */
export type PlanTask = TaskView & {
  awaitingUpdate?: boolean;
  ownerUnreachable?: boolean;
  pendingApproval?: PendingApprovalView;
};

export type PlanSummaryView = PlanSummary & {
  awaitingUpdate?: number;
  pendingApprovals?: number;
  unreachableOwners?: number;
};

export interface OpenRoundView {
  id: string;
  name: string;
  dueDate: string;
  answered: number;
  inScope: number;
  responseRate: number;
}

export type PlanData = PlanView & { summary: PlanSummaryView; round?: OpenRoundView };

export interface Me {
  user: { aadObjectId: string; displayName: string; email: string };
  roles: ReadonlyArray<'officer'>;
  tenantId?: string;
}

export interface UpdateHistoryItem {
  id?: string;
  round?: string;
  submittedAt: string;
  submittedBy?: PersonView;
  progress: string;
  ragProposed?: Rag;
  evidence?: string;
  risks?: string;
  supportNeeded?: string;
  revisedDueDateRequested?: string;
  measureValue?: number;
}

type SuggestedRag = Extract<Rag, 'Green' | 'Amber' | 'Red'>;

/** One value an owner gave for a measure (core/measures/measure-facts.ts). */
export interface MeasureHistoryItem {
  updateId: string;
  at: string;
  value: number;
  /** The value with its unit, as the server words it ("45%", "£1,200"). */
  text: string;
  by: string;
  suggested?: SuggestedRag;
}

/** A task's measure against its target, worded by the server. */
export interface MeasureStatusView {
  name: string;
  unit?: string;
  baselineText?: string;
  targetText: string;
  latest?: { text: string; at?: string };
  expectedNowText?: string;
  toleranceText?: string;
  suggested?: SuggestedRag;
  history: MeasureHistoryItem[];
}

export interface ApprovalItem {
  id?: string;
  fromRag: Rag;
  toRag: Rag;
  requestedBy?: PersonView;
  requestedAt: string;
  approver?: PersonView;
  state: ApprovalState;
  decidedBy?: PersonView;
  decidedAt?: string;
  comment?: string;
  justification?: string;
}

export interface ReminderItem {
  id?: string;
  sentAt: string;
  trigger: string;
  /** The trigger in words ("7 days before the due date"). */
  triggerLabel?: string;
  recipientName: string;
  outcome: string;
  detail?: string;
}

/** `/api/tasks/:id` (core/use-cases/get-task-detail.ts). */
export interface TaskDetail {
  id: string;
  ref: string;
  title: string;
  objectiveRef?: string;
  objectiveTitle?: string;
  indicator?: string;
  kind?: TaskKind;
  description?: string;
  desiredOutcome?: string;
  successMeasure?: string;
  owners: PersonView[];
  accountableOfficer?: PersonView;
  supportingServices?: string;
  groupsImpacted: string[];
  strategy?: string;
  dueDate?: string;
  dueText?: string;
  rag: Rag;
  status: TaskStatus;
  percentComplete?: number;
  overdue?: boolean;
  pendingRag?: Rag;
  evidence?: string;
  risks?: string;
  /** What the latest update asked of the board. */
  supportNeeded?: string;
  /** The plan's starting position, in its words. */
  startingPosition?: string;
  measureStatus?: MeasureStatusView;
  /** Owner names an import could not match to a person: for an officer to assign. */
  unassignedOwners?: string[];
  accountableOfficerText?: string;
  leadService?: string;
  /** Who handed the task to its current owner, and when. */
  delegatedBy?: PersonView;
  delegatedAt?: string;
  updates: UpdateHistoryItem[];
  approvals: ApprovalItem[];
  reminders: ReminderItem[];
  sharePointUrl?: string;
  /** The measure as stored (the edit form's starting values). */
  measure?: Measure;
  evidenceLinks?: EvidenceLinkItem[];
  /** The Equality Framework criteria the task evidences, and at which level. */
  eflg?: EflgTag[];
  /** Why the task was withdrawn or carried forward. */
  statusReason?: string;
  /** The version read: a change sends it back as If-Match. */
  etag?: string;
  /** The caller is an EDI officer (edits, withdraws). */
  canEdit?: boolean;
  /** The caller may take part in the comment thread (officers, owners, the accountable officer). */
  canComment?: boolean;
  /** Officers' changes, newest first. */
  changes?: ChangeItem[];
  /** Oldest first. */
  comments?: CommentItem[];
  /** Carried forward from a task of an earlier plan: that task, and its updates (newest first), this task's earlier history. */
  carriedFrom?: { planId: string; planName: string; taskId: string; ref: string; updates: UpdateHistoryItem[] };
  /** Carried into a later plan (status 'Carried forward'): the task there, and that plan's name. */
  carriedTo?: { planId: string; planName: string; taskId: string; ref: string };
}

export interface EvidenceLinkItem {
  url: string;
  title: string;
  addedBy?: PersonView;
  addedAt?: string;
}

/** One officer's change to a task, as the history shows it (core/use-cases/get-task-detail.ts). */
export interface ChangeItem {
  id: string;
  action: 'created' | 'edited' | 'withdrawn' | 'retired' | 'restored';
  changedBy: PersonView;
  changedAt: string;
  changes: { field: string; label: string; from?: string; to?: string }[];
  reason?: string;
}

export interface CommentItem {
  id: string;
  author: PersonView;
  postedAt: string;
  text: string;
}

/** `/api/objectives`: every objective, retired too, with the version a change must name. */
export interface ObjectiveItem {
  id: string;
  ref: string;
  title: string;
  description?: string;
  retired: boolean;
  etag: string;
}

/** A person from the directory (`/api/people`). */
export interface DirectoryPerson {
  aadObjectId: string;
  displayName: string;
  email?: string;
}

export interface OwnerNotAnsweredView {
  owner: PersonView;
  taskRefs: string[];
}

export interface RoundStatusView {
  round: { id: string; name: string; dueDate: string; state: RoundState; opensAt: string; closedAt?: string; scope?: RoundScope };
  inScope: number;
  answered: number;
  responseRate: number;
  notAnswered: OwnerNotAnsweredView[];
  unownedTaskRefs: string[];
}

export interface RoundsView {
  current?: RoundStatusView;
  rounds: { id: string; name: string; dueDate: string; state: RoundState; opensAt: string; closedAt?: string }[];
}

export interface OpenRoundRequest {
  name: string;
  dueDate: string;
  scope: RoundScope;
}

/** `/api/trends` (core/trends/plan-trends.ts): the plan over time, for the trends view. */
export type { MeasureTrend, Mover, Movers, ObjectiveProgress, RagPoint, TrendsView } from '../../core/trends/plan-trends';

/** `/api/plans` (core/use-cases/list-plans.ts): one plan, for the plan picker and the officers' plans dialog. */
export type { PlanSummary as PlanListItem } from '../../core/use-cases/list-plans';

/** `POST /api/plans` (core/plan/plan-rules.ts). */
export interface NewPlanRequest {
  name: string;
  kind: string;
  periodStart: string;
  periodEnd: string;
  state: 'Draft' | 'Active';
  predecessorId?: string;
}

/** A plan as `POST`/`PATCH /api/plans` answer it (the fields the tab reads). */
export interface PlanRecord {
  id: string;
  key: string;
  name: string;
  state: 'Draft' | 'Active' | 'Closed';
}

/** `POST /api/plans/:id/carry-forward` (core/use-cases/carry-forward.ts). */
export type { CarryForwardResult } from '../../core/use-cases/carry-forward';
export type { EflgAssessment, EflgCriterionAssessment, EflgEvidenceItem, EflgModuleAssessment, EflgTaskLine } from '../../core/eflg/self-assessment';
