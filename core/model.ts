/**
 * The plan's domain model. Shapes follow SharePoint list semantics from day one:
 * string item ids, an opaque version (ETag) on every stored record, people as
 * {aadObjectId, displayName, email}. Dates are ISO strings (UTC instants, or
 * yyyy-mm-dd for calendar dates) so records cross every boundary unchanged.
 */

export const RAG_VALUES = ['Not started', 'Green', 'Amber', 'Red', 'Complete'] as const;
export type Rag = (typeof RAG_VALUES)[number];

export const TASK_STATUSES = ['Open', 'Complete', 'Carried forward', 'Withdrawn'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_KINDS = ['Priority', 'Ongoing'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The nine protected characteristics of the Equality Act 2010, in the Act's order. */
export const PROTECTED_CHARACTERISTICS = [
  'Age',
  'Disability',
  'Gender reassignment',
  'Marriage and civil partnership',
  'Pregnancy and maternity',
  'Race',
  'Religion or belief',
  'Sex',
  'Sexual orientation',
] as const;

/** A person as the directory knows them. The AAD object id is the identity; the rest is display. */
export interface Person {
  aadObjectId: string;
  displayName: string;
  email: string;
}

/** Every stored record carries its item id and the version (ETag) it was read at. */
export interface Stored {
  id: string;
  version: string;
}

export interface ObjectiveInput {
  ref: string; // "1", "2", "A"
  title: string;
  description?: string;
  /** Retired by an officer: it leaves the plan view (its tasks were withdrawn or moved first). */
  retired?: boolean;
}
export type Objective = ObjectiveInput & Stored & PlanScoped;

/** The plan a record belongs to: set by the store when it reads one, never written from here. */
export interface PlanScoped {
  planId?: string;
}

/** Calendar date, yyyy-mm-dd. */
export type IsoDate = string;
/** Instant, ISO 8601 with offset (UTC "Z" when we write it). */
export type IsoInstant = string;

/**
 * What a task is measured by, as a number: from a baseline to a target by a date (a council
 * performance indicator). The measure's words stay in `successMeasure`; the starting position
 * in words, when a plan gives one, in `startingPosition`.
 */
export interface Measure {
  /** Short name for charts ("Staff declaring a disability"); defaults to the task's ref. */
  name?: string;
  /** "%", "staff", "days"; shown after the number ("45%", "12 staff"). */
  unit?: string;
  baseline?: number;
  /** When the baseline was taken: where the trajectory to the target starts. */
  baselineDate?: IsoDate;
  target: number;
  targetDate?: IsoDate;
  /**
   * RAG tolerances, as fractions of where the value should be on the trajectory from baseline to
   * target: below `amberBelow` (e.g. 0.9) the value suggests Amber, below `redBelow` (0.75) Red.
   */
  amberBelow?: number;
  redBelow?: number;
}

export interface TaskInput {
  ref: string; // unique: "1.1.2", "3a"
  title: string;
  objectiveRef: string;
  indicator?: string; // LGA Equality Framework indicator / theme, free text
  kind: TaskKind;
  description?: string;
  desiredOutcome?: string;
  successMeasure?: string;
  owners: Person[];
  /** Owners an imported plan names (people or roles) that the directory could not match: for an officer to assign. */
  unassignedOwners?: string[];
  /** The imported plan's owner wording, verbatim: a re-import leaves owners alone while it is unchanged. */
  ownerText?: string;
  accountableOfficer?: Person;
  /** The imported plan's accountable-officer wording, verbatim; still to assign while `accountableOfficer` is unset. */
  accountableOfficerText?: string;
  /** The service leading the task, as the plan names it ("Housing", "Human Resources"). */
  leadService?: string;
  supportingServices?: string;
  groupsImpacted: string[];
  strategy?: string;
  dueDate?: IsoDate;
  dueText?: string; // the council's own wording, kept verbatim
  rag: Rag;
  status: TaskStatus;
  percentComplete?: number;
  latestUpdate?: string;
  latestUpdateAt?: IsoInstant;
  latestUpdateBy?: Person;
  evidence?: string;
  risks?: string;
  /** What the latest update asked of the board (an update without it clears it: the ask is per update). */
  supportNeeded?: string;
  /** The plan's starting position (baseline) in words, as imported: "No data held", "38% of staff". */
  startingPosition?: string;
  measure?: Measure;
  /** The measure's latest value an owner gave, and when. */
  measureValue?: number;
  measureValueAt?: IsoInstant;
  /** The RAG an owner proposed that awaits approval; the task keeps `rag` until it is decided. */
  pendingRag?: Rag;
  /** The pending RAG approval's key (RagApproval.key). */
  pendingApprovalId?: string;
  /** Set when an owner handed the task to a colleague (the colleague is now an owner). */
  delegatedBy?: Person;
  delegatedAt?: IsoInstant;
  /** Why the task was withdrawn or carried forward (set with that status by an officer). */
  statusReason?: string;
  evidenceLinks?: EvidenceLink[];
  /** The LGA Equality Framework criteria this task evidences, and at which level. */
  eflg?: EflgTag[];
  /** Carried forward from a task of an earlier plan (its history stays there, linked). */
  carriedFrom?: TaskLink;
  /** Set on the old task when it was carried into a later plan (its status is then 'Carried forward'). */
  carriedTo?: TaskLink;
}
export type Task = TaskInput & Stored & PlanScoped;

/** A task in (possibly) another plan. */
export interface TaskLink {
  planId: string;
  taskId: string;
  ref: string;
}

/** The LGA Equality Framework for Local Government (2021): four modules, three levels. */
export const EFLG_MODULES = [1, 2, 3, 4] as const;
export type EflgModule = (typeof EFLG_MODULES)[number];
export const EFLG_LEVELS = ['Developing', 'Achieving', 'Excellent'] as const;
export type EflgLevel = (typeof EFLG_LEVELS)[number];
/** One framework criterion a task evidences ("2.3", within module 2) and the level it evidences. */
export interface EflgTag {
  module: EflgModule;
  /** The criterion's number within the framework ("2.3"); absent when only the module is known. */
  criterion?: string;
  level: EflgLevel;
}

export const PLAN_KINDS = ['EDI plan', 'Workforce plan', 'Race action plan', 'Equality impact actions', 'Inspectorate recommendations', 'Other'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_STATES = ['Draft', 'Active', 'Closed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** One plan a council runs (the corporate EDI plan 2024-28, a workforce plan): objectives, tasks and rounds belong to it. */
export interface PlanInput {
  /** Unique, short, for URLs ("edi-2024-28"). */
  key: string;
  name: string;
  kind: PlanKind;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** The EDI officer who owns the plan. */
  owner?: Person;
  state: PlanState;
  /** The plan this one succeeds (tasks may be carried forward from it). */
  predecessorId?: string;
}
export type Plan = PlanInput & Stored;
export type PlanPatch = Partial<PlanInput>;

/** Fields a write may change on an existing task (never id, version or ref). */
export type TaskPatch = Partial<Omit<TaskInput, 'ref'>>;

/** An officer's edit may also change the ref (still unique: DuplicateError). */
export type TaskEditPatch = Partial<TaskInput>;

/** A link to evidence for a task: https only (in production typically a SharePoint document). */
export interface EvidenceLink {
  url: string;
  title: string;
  addedBy?: Person;
  addedAt?: IsoInstant;
}

/** One field of a change as people read it: the field's label and its values in words. */
export interface FieldChange {
  /** The API field name ("dueDate", "owners"). */
  field: string;
  label: string;
  from?: string;
  to?: string;
}

export const CHANGE_SUBJECTS = ['task', 'objective'] as const;
export type ChangeSubject = (typeof CHANGE_SUBJECTS)[number];

/** Who changed what, from what to what, when (and why): one item in the Plan Changes list. */
export interface PlanChangeInput {
  /** Unique, chosen by the writer: a write whose answer was lost is settled by it. */
  key: string;
  subject: ChangeSubject;
  /** The task's or objective's item id, and its ref when the change was made. */
  subjectId: string;
  subjectRef: string;
  /** 'created', 'edited', 'withdrawn', 'retired'… in words for the history. */
  action: 'created' | 'edited' | 'withdrawn' | 'retired' | 'restored';
  changedBy: Person;
  changedAt: IsoInstant;
  changes: FieldChange[];
  /** Why: required for a RAG an officer sets and for withdrawing or carrying a task forward. */
  reason?: string;
}
export type PlanChange = PlanChangeInput & Stored;

/** A comment on a task's thread (officers and owners). */
export interface TaskCommentInput {
  /** Unique, chosen by the writer: a card submitted twice posts once. */
  key: string;
  taskId: string;
  taskRef: string;
  author: Person;
  postedAt: IsoInstant;
  text: string;
}
export type TaskComment = TaskCommentInput & Stored;

export interface UpdateInput {
  taskId: string;
  taskRef: string;
  round?: string;
  submittedBy: Person;
  submittedAt: IsoInstant;
  progress: string;
  ragProposed?: Rag;
  evidence?: string;
  risks?: string;
  supportNeeded?: string;
  revisedDueDateRequested?: IsoDate;
  /** The measure's current value, when the task has a measure and the owner gave one. */
  measureValue?: number;
  /** From the card that was submitted: a retried or double-clicked submit carries the same key. */
  idempotencyKey: string;
}
export type Update = UpdateInput & Stored;

export const REMINDER_OUTCOMES = ['pending', 'sent', 'failed'] as const;
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number];

export interface ReminderLogInput {
  /** Unique: task + trigger + occurrence + recipient. Written before the send. */
  key: string;
  taskId: string;
  recipient: Person;
  trigger: string;
  sentAt: IsoInstant;
  outcome: ReminderOutcome;
  detail?: string;
}
export type ReminderLogEntry = ReminderLogInput & Stored;

/** A Bot Framework conversation reference, stored as captured (opaque to the domain). */
export interface ConversationRecordInput {
  aadObjectId: string;
  tenantId?: string;
  displayName?: string;
  /**
   * The person's Teams user id in the bot's chats (`29:…`, their MRI; not the Entra object id):
   * what a card's `refresh.userIds` names. Unknown for chats opened before it could be looked up.
   */
  teamsUserId?: string;
  reference: Record<string, unknown>;
  updatedAt: IsoInstant;
}
export type ConversationRecord = ConversationRecordInput & Stored;

export const ROUND_STATES = ['Open', 'Closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** Which tasks an update round asks about: every open task, or those of some objectives, or some tasks. */
export type RoundScope = { kind: 'all-open' } | { kind: 'objectives'; refs: string[] } | { kind: 'tasks'; refs: string[] };

/** One task's line in a closed round: its latest update and RAG when the round closed (a board report column). */
export interface RoundSnapshotLine {
  taskId: string;
  taskRef: string;
  /** The latest update's text; its date says whether it came in during the round. */
  update?: string;
  updateAt?: IsoInstant;
  updateBy?: Person;
  /** The Plan Updates item it came from, when there is one (imported plans may carry text only). */
  updateId?: string;
  rag: Rag;
  /** The task's status when the round closed (absent in snapshots kept before it was recorded). */
  status?: TaskStatus;
  /** The measure's latest value when the round closed. */
  measureValue?: number;
  /** The task's evidence of impact, risks and ask of the board when the round closed. */
  evidence?: string;
  risks?: string;
  supportNeeded?: string;
}

/** An update round: progress collected from owners before a board meeting ("Board report March 2026"). */
export interface UpdateRoundInput {
  name: string;
  opensAt: IsoInstant;
  dueDate: IsoDate;
  scope: RoundScope;
  state: RoundState;
  closedAt?: IsoInstant;
  /** Written when the round closes. */
  snapshot?: RoundSnapshotLine[];
}
export type UpdateRound = UpdateRoundInput & Stored & PlanScoped;

/** Fields a write may change on an existing round. */
export type UpdateRoundPatch = Partial<UpdateRoundInput>;

export const APPROVAL_STATES = ['Pending', 'Approved', 'Rejected', 'Superseded'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** Why this person is the approver: the first that applies and is not the requester. */
export const APPROVER_ROUTES = ['accountable-officer', 'manager', 'edi-lead'] as const;
export type ApproverRoute = (typeof APPROVER_ROUTES)[number];

/** A proposed RAG change (or Complete claim) and its decision: one item in the RAG Approvals list. */
export interface RagApprovalInput {
  /** Unique, chosen when the change is proposed; the task's `pendingApprovalId` holds it. */
  key: string;
  taskId: string;
  taskRef: string;
  /** The Plan Updates item whose submit proposed the change. */
  updateId?: string;
  fromRag: Rag;
  toRag: Rag;
  requestedBy: Person;
  requestedAt: IsoInstant;
  /** The owner's words with the proposal (their progress update). */
  justification?: string;
  approver: Person;
  route: ApproverRoute;
  state: ApprovalState;
  decidedBy?: Person;
  decidedAt?: IsoInstant;
  comment?: string;
  /** The newer proposal's key, when this one was superseded. */
  supersededBy?: string;
  /** Activity ids of the cards to update in place when the decision is made. */
  approverActivityId?: string;
  ownerActivityId?: string;
  /** When the approver was chased once, then when the EDI leads were told. */
  chasedAt?: IsoInstant;
  escalatedAt?: IsoInstant;
}
export type RagApproval = RagApprovalInput & Stored;
export type RagApprovalPatch = Partial<Omit<RagApprovalInput, 'key' | 'taskId'>>;

export function isOwner(task: Pick<TaskInput, 'owners'>, aadObjectId: string): boolean {
  return task.owners.some((o) => o.aadObjectId === aadObjectId);
}
