import type {
  ApprovalState,
  RagApproval,
  RagApprovalInput,
  RagApprovalPatch,
  ConversationRecord,
  PlanChange,
  PlanChangeInput,
  TaskComment,
  TaskCommentInput,
  TaskEditPatch,
  ConversationRecordInput,
  IsoInstant,
  Objective,
  ObjectiveInput,
  Plan,
  PlanInput,
  PlanPatch,
  ReminderLogEntry,
  ReminderLogInput,
  ReminderOutcome,
  RoundState,
  Task,
  TaskInput,
  TaskPatch,
  TaskStatus,
  Update,
  UpdateInput,
  UpdateRound,
  UpdateRoundInput,
  UpdateRoundPatch,
} from '../model';

/** Task queries in domain terms; adapters map them to indexed columns (Ref, DueDate, Owner, Status). */
export interface TaskQuery {
  ownerAadObjectId?: string;
  statuses?: TaskStatus[];
  /** Inclusive upper bound on the due date (yyyy-mm-dd); tasks without a due date are excluded. */
  dueOnOrBefore?: string;
}

export interface RoundQuery {
  state?: RoundState;
}

export interface ApprovalQuery {
  taskId?: string;
  state?: ApprovalState;
  approverAadObjectId?: string;
}

/** An officer's edit of a task and the history item saying what changed: both or neither. */
export interface EditTaskCommand {
  task: { id: string; expectedVersion: string; patch: TaskEditPatch };
  change: PlanChangeInput;
}

export interface ChangeQuery {
  subject?: PlanChangeInput['subject'];
  subjectId?: string;
}

export interface RecordUpdateCommand {
  update: UpdateInput;
  task: { id: string; expectedVersion: string; patch: TaskPatch };
}

/**
 * The plans one store holds (one SQLite file, one SharePoint site: a Plans list and a plan column
 * on the lists) and a store scoped to each. Data written before plans existed is the first plan's.
 */
export interface PlanCatalogue {
  /** Every plan, oldest first (by id). */
  listPlans(): Promise<Plan[]>;
  getPlan(id: string): Promise<Plan | undefined>;
  /** DuplicateError when the key is taken. */
  createPlan(input: PlanInput): Promise<Plan>;
  /** ConflictError when stale; DuplicateError when the new key is taken. */
  updatePlan(id: string, expectedVersion: string, patch: PlanPatch): Promise<Plan>;
  /** The store of one plan (NotFoundError is for its callers: this does not check the id exists). */
  forPlan(planId: string): PlanStore;
}

/**
 * The plan's storage port, scoped to one plan (`planId`): objectives, tasks (refs unique within the
 * plan) and rounds (one open round per plan) are that plan's; updates, approvals, comments and
 * changes follow their task. Ids are unique across the store, so `getTask(id)` finds a task of any
 * plan (a card names only the id) and says which (`planId`). The reminder log and conversations
 * are per person, shared by every plan.
 *
 * Every write of an existing record names the version it was read at;
 * a stale version throws ConflictError and writes nothing. Unique keys throw DuplicateError.
 */
export interface PlanStore {
  /** The plan this store reads and writes. */
  readonly planId: string;
  readonly plans: PlanCatalogue;

  listObjectives(): Promise<Objective[]>;
  createObjective(input: ObjectiveInput): Promise<Objective>;
  updateObjective(id: string, expectedVersion: string, patch: Partial<ObjectiveInput>): Promise<Objective>;

  listTasks(query?: TaskQuery): Promise<Task[]>;
  /** Any plan's task (ids are store-wide); its `planId` says which. */
  getTask(id: string): Promise<Task | undefined>;
  /** This plan's task with that ref. */
  getTaskByRef(ref: string): Promise<Task | undefined>;
  createTask(input: TaskInput): Promise<Task>;
  updateTask(id: string, expectedVersion: string, patch: TaskPatch): Promise<Task>;

  /**
   * Stores an update and the task's latest fields together: both or neither. The task version is
   * checked (ConflictError); an update with an idempotency key already stored throws DuplicateError.
   */
  recordUpdate(command: RecordUpdateCommand): Promise<{ task: Task; update: Update }>;
  findUpdateByIdempotencyKey(key: string): Promise<Update | undefined>;
  listUpdates(taskId: string): Promise<Update[]>;
  /** The newest updates across the plan, newest first. */
  listRecentUpdates(limit: number): Promise<Update[]>;

  /**
   * An officer's edit: the task's fields (the version checked: ConflictError) and its Plan Changes
   * item together. A patch naming another task's ref throws DuplicateError; nothing is written.
   */
  editTask(command: EditTaskCommand): Promise<{ task: Task; change: PlanChange }>;
  /** A history item on its own (a task or objective created, an objective edited). DuplicateError on its key. */
  recordChange(input: PlanChangeInput): Promise<PlanChange>;
  /** History items, oldest first (by when they were made). */
  listChanges(query?: ChangeQuery): Promise<PlanChange[]>;

  /** DuplicateError when the key exists (the same card submitted twice). */
  addComment(input: TaskCommentInput): Promise<TaskComment>;
  /** Comments, oldest first; all of them, or one task's. */
  listComments(taskId?: string): Promise<TaskComment[]>;

  /** Update rounds, oldest first (by the instant they opened). */
  listRounds(query?: RoundQuery): Promise<UpdateRound[]>;
  /**
   * At most one round of a plan is Open at a time, and the store enforces it: a create or update that
   * would leave two of the plan's rounds Open throws DuplicateError and writes nothing (so two officers opening a round
   * at once cannot both succeed, whichever app instance they reach).
   */
  createRound(input: UpdateRoundInput): Promise<UpdateRound>;
  updateRound(id: string, expectedVersion: string, patch: UpdateRoundPatch): Promise<UpdateRound>;

  /** RAG approvals, oldest first. */
  listApprovals(query?: ApprovalQuery): Promise<RagApproval[]>;
  getApproval(id: string): Promise<RagApproval | undefined>;
  findApprovalByKey(key: string): Promise<RagApproval | undefined>;
  /** DuplicateError when the key exists. */
  createApproval(input: RagApprovalInput): Promise<RagApproval>;
  /** ConflictError when the approval changed since `expectedVersion`: the first decision wins. */
  updateApproval(id: string, expectedVersion: string, patch: RagApprovalPatch): Promise<RagApproval>;

  /** Inserts a reminder log entry; returns false (writing nothing) when the key already exists. */
  tryAddReminder(entry: ReminderLogInput): Promise<boolean>;
  setReminderOutcome(key: string, outcome: ReminderOutcome, detail?: string): Promise<void>;
  /**
   * Takes a failed reminder back for another attempt: sets it to 'pending' when its version is still
   * `expectedVersion`; false when another sweep got there first. `at` stamps SentAt with the new
   * attempt (kept as it was when absent), so the log says when the reminder actually went.
   */
  reclaimReminder(key: string, expectedVersion: string, at?: IsoInstant): Promise<boolean>;
  listReminders(taskId?: string): Promise<ReminderLogEntry[]>;

  /** Creates or replaces the conversation reference of one user (unique by AAD object id). */
  saveConversation(input: ConversationRecordInput): Promise<ConversationRecord>;
  getConversation(aadObjectId: string): Promise<ConversationRecord | undefined>;
  listConversations(): Promise<ConversationRecord[]>;
  /** Forgets a person's chat (a leaver: personal data kept no longer than needed); false when there was none. */
  deleteConversation(aadObjectId: string): Promise<boolean>;

  /**
   * Changes whenever anything the store holds may have changed, by this process or another; equal
   * stamps mean nothing changed. Cheap: read views (the tab's plan) are cached against it.
   */
  changeStamp(): Promise<string>;

  close(): Promise<void>;
}
