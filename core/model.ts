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
}
export type Objective = ObjectiveInput & Stored;

/** Calendar date, yyyy-mm-dd. */
export type IsoDate = string;
/** Instant, ISO 8601 with offset (UTC "Z" when we write it). */
export type IsoInstant = string;

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
  accountableOfficer?: Person;
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
  pendingRag?: Rag;
  pendingApprovalId?: string;
}
export type Task = TaskInput & Stored;

/** Fields a write may change on an existing task (never id, version or ref). */
export type TaskPatch = Partial<Omit<TaskInput, 'ref'>>;

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
  reference: Record<string, unknown>;
  updatedAt: IsoInstant;
}
export type ConversationRecord = ConversationRecordInput & Stored;

export function isOwner(task: Pick<TaskInput, 'owners'>, aadObjectId: string): boolean {
  return task.owners.some((o) => o.aadObjectId === aadObjectId);
}
