import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type {
  ConversationRecord,
  RagApproval,
  RagApprovalInput,
  RagApprovalPatch,
  ConversationRecordInput,
  IsoInstant,
  Objective,
  PlanChange,
  PlanChangeInput,
  TaskComment,
  TaskCommentInput,
  TaskEditPatch,
  ObjectiveInput,
  ReminderLogEntry,
  ReminderLogInput,
  ReminderOutcome,
  Task,
  TaskInput,
  TaskPatch,
  Update,
  UpdateRound,
  UpdateRoundInput,
  UpdateRoundPatch,
} from '../../model';
import type { ApprovalQuery, ChangeQuery, EditTaskCommand, PlanCatalogue, PlanStore, RecordUpdateCommand, RoundQuery, TaskQuery } from '../../ports/plan-store';
import { defaultPlan } from '../../plan/plans';
import { migrate } from './migrate';
import { SqliteHistory } from './sqlite-history';
import { SqlitePersonRecords } from './sqlite-person-records';
import { SqlitePlans } from './sqlite-plans';
import { rowId, toDomain, toPersistence, unique, type Row } from './sqlite-rows';
import { shareFile } from './shared-file';

/**
 * The embedded default store: one SQLite file under DATA_DIR, WAL mode so the CLI (`npm run
 * remind`) and the server can share it. Writes use optimistic concurrency on the version column.
 */
export class SqlitePlanStore implements PlanStore {
  private readonly history: SqliteHistory;
  private readonly plan: number;
  private constructor(
    private readonly db: Database.Database,
    readonly planId: string,
    readonly plans: PlanCatalogue,
    private readonly people: SqlitePersonRecords,
  ) {
    this.history = new SqliteHistory(db, Number(planId), (table, id) => this.planOf(table, id));
    this.plan = Number(planId);
  }

  /**
   * Transactions here read, then write: each takes the write lock first (BEGIN IMMEDIATE),
   * so while another process writes it waits its turn (busy timeout). A deferred transaction would
   * read first, and SQLite cannot turn a reader into a writer once another process has written: it
   * fails at once with "database is locked", whatever the busy timeout.
   */
  private writeTransaction<T>(fn: () => T): () => T {
    return this.db.transaction(fn).immediate;
  }

  /**
   * Opens (creating if needed) `<dataDir>/edi-plan.sqlite`, or an in-memory store for ':memory:',
   * scoped to the default plan (core/plan/plans.ts). A file from before plans opens as one plan.
   */
  static open(dataDir: string | ':memory:', options: { firstPlanName?: string; now?: Date } = {}): SqlitePlanStore {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      fs.mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, 'edi-plan.sqlite');
    }
    const db = new Database(file);
    shareFile(db);
    db.pragma('foreign_keys = ON');
    migrate(db);
    const people = new SqlitePersonRecords(db);
    const stores = new Map<string, SqlitePlanStore>();
    const catalogue: SqlitePlans = new SqlitePlans(db, (planId) => {
      let store = stores.get(planId);
      if (!store) stores.set(planId, (store = new SqlitePlanStore(db, planId, catalogue, people)));
      return store;
    });
    catalogue.adoptFirstPlan((options.now ?? new Date()).toISOString(), options.firstPlanName);
    const first = defaultPlan(catalogue.listSync());
    return catalogue.forPlan(first?.id ?? '1') as SqlitePlanStore;
  }

  async listObjectives(): Promise<Objective[]> {
    const rows = this.db.prepare('SELECT id, version, plan_id, data FROM objectives WHERE plan_id = ? ORDER BY id').all(this.plan) as Row[];
    return rows.map((r) => toDomain<ObjectiveInput>(r));
  }

  async createObjective(input: ObjectiveInput): Promise<Objective> {
    const id = unique('Objective', input.ref, () => this.insert('INSERT INTO objectives (version, plan_id, ref, data) VALUES (1, ?, ?, ?)', this.plan, input.ref, toPersistence(input)));
    return { ...input, id: String(id), version: '1', planId: this.planId };
  }

  async updateObjective(id: string, expectedVersion: string, patch: Partial<ObjectiveInput>): Promise<Objective> {
    return this.writeTransaction(() => {
      const row = this.rowToWrite('objectives', 'Objective', id, expectedVersion);
      const { id: _i, version: _v, planId, ...current } = toDomain<ObjectiveInput>(row) as Objective;
      const next: ObjectiveInput = { ...current, ...patch };
      unique('Objective', next.ref, () => this.db.prepare('UPDATE objectives SET version = version + 1, ref = ?, data = ? WHERE id = ?').run(next.ref, toPersistence(next), row.id));
      return { ...next, id, version: String(row.version + 1), planId };
    })();
  }

  async listTasks(query: TaskQuery = {}): Promise<Task[]> {
    const where: string[] = ['t.plan_id = ?'];
    const params: unknown[] = [this.plan];
    if (query.ownerAadObjectId !== undefined) {
      where.push('t.id IN (SELECT task_id FROM task_owners WHERE aad_object_id = ?)');
      params.push(query.ownerAadObjectId);
    }
    if (query.statuses) {
      if (query.statuses.length === 0) return [];
      where.push(`t.status IN (${query.statuses.map(() => '?').join(', ')})`);
      params.push(...query.statuses);
    }
    if (query.dueOnOrBefore !== undefined) {
      where.push('t.due_date IS NOT NULL AND t.due_date <= ?');
      params.push(query.dueOnOrBefore);
    }
    const sql = `SELECT t.id, t.version FROM tasks t WHERE ${where.join(' AND ')} ORDER BY t.id`;
    const keys = this.db.prepare(sql).all(...params) as Omit<Row, 'data'>[];
    if (where.length === 1 && this.parsedTasks.size > keys.length) {
      // Forget deleted tasks (seen only by a read of the whole plan).
      const live = new Set(keys.map((k) => k.id));
      for (const id of this.parsedTasks.keys()) if (!live.has(id)) this.parsedTasks.delete(id);
    }
    return this.parsedOnce(this.parsedTasks, 'tasks', keys);
  }

  /**
   * Tasks and rounds parsed once per version: every view (plan, trends, board paper) reads the
   * whole plan, and parsing thousands of JSON bodies on each read dominated them. Only ids and
   * versions are read to check; any write (this process's or another's) bumps the version. Each
   * caller gets its own copy of the record; nested values are shared and read-only by convention.
   */
  private readonly parsedTasks = new Map<number, { version: number; record: Task }>();
  private readonly parsedRounds = new Map<number, { version: number; record: UpdateRound }>();

  private parsedOnce<T extends { id: string; version: string }>(cache: Map<number, { version: number; record: T }>, table: 'tasks' | 'update_rounds', keys: Omit<Row, 'data'>[]): T[] {
    const read = this.db.prepare(`SELECT id, version, plan_id, data FROM ${table} WHERE id = ?`);
    const out: T[] = [];
    for (const key of keys) {
      let cached = cache.get(key.id);
      if (cached?.version !== key.version) {
        const row = read.get(key.id) as Row | undefined;
        if (!row) continue; // deleted between the two reads
        cached = { version: row.version, record: toDomain(row) as T };
        cache.set(row.id, cached);
      }
      out.push({ ...cached.record });
    }
    return out;
  }

  async getTask(id: string): Promise<Task | undefined> {
    const row = this.db.prepare('SELECT id, version, plan_id, data FROM tasks WHERE id = ?').get(rowId(id)) as Row | undefined;
    return row ? toDomain<TaskInput>(row) : undefined;
  }

  async getTaskByRef(ref: string): Promise<Task | undefined> {
    const row = this.db.prepare('SELECT id, version, plan_id, data FROM tasks WHERE plan_id = ? AND ref = ?').get(this.plan, ref) as Row | undefined;
    return row ? toDomain<TaskInput>(row) : undefined;
  }

  async createTask(input: TaskInput): Promise<Task> {
    return this.writeTransaction(() => {
      const insert = () => this.insert('INSERT INTO tasks (version, plan_id, ref, status, due_date, data) VALUES (1, ?, ?, ?, ?, ?)', this.plan, input.ref, input.status, input.dueDate ?? null, toPersistence(input));
      const id = unique('Task', input.ref, insert);
      this.writeOwners(id, input);
      return { ...input, id: String(id), version: '1', planId: this.planId };
    })();
  }

  async updateTask(id: string, expectedVersion: string, patch: TaskPatch): Promise<Task> {
    return this.writeTransaction(() => this.applyTaskPatch(id, expectedVersion, patch))();
  }

  async recordUpdate({ update, task }: RecordUpdateCommand): Promise<{ task: Task; update: Update }> {
    return this.writeTransaction(() => {
      const existing = this.db.prepare('SELECT 1 FROM updates WHERE idempotency_key = ?').get(update.idempotencyKey);
      if (existing) throw new DuplicateError('Update', update.idempotencyKey);
      const saved = this.applyTaskPatch(task.id, task.expectedVersion, task.patch);
      const id = this.insert('INSERT INTO updates (version, plan_id, task_id, submitted_at, idempotency_key, data) VALUES (1, ?, ?, ?, ?, ?)', Number(saved.planId), rowId(task.id), update.submittedAt, update.idempotencyKey, toPersistence(update));
      return { task: saved, update: { ...update, id: String(id), version: '1' } };
    })();
  }

  async editTask({ task, change }: EditTaskCommand): Promise<{ task: Task; change: PlanChange }> {
    return this.writeTransaction(() => {
      const saved = this.applyTaskPatch(task.id, task.expectedVersion, task.patch, true);
      return { task: saved, change: this.history.insertChange(change) };
    })();
  }

  recordChange = async (input: PlanChangeInput): Promise<PlanChange> => this.history.insertChange(input);
  listChanges = async (query?: ChangeQuery): Promise<PlanChange[]> => this.history.listChanges(query);
  addComment = async (input: TaskCommentInput): Promise<TaskComment> => this.history.addComment(input);
  listComments = async (taskId?: string): Promise<TaskComment[]> => this.history.listComments(taskId);

  async findUpdateByIdempotencyKey(key: string): Promise<Update | undefined> {
    const row = this.db.prepare('SELECT id, version, data FROM updates WHERE idempotency_key = ?').get(key) as Row | undefined;
    return row ? toDomain(row) : undefined;
  }

  async listUpdates(taskId: string): Promise<Update[]> {
    const rows = this.db
      .prepare('SELECT id, version, data FROM updates WHERE task_id = ? ORDER BY submitted_at, id')
      .all(rowId(taskId)) as Row[];
    return rows.map((r) => toDomain(r));
  }

  async listRecentUpdates(limit: number): Promise<Update[]> {
    const rows = this.db
      .prepare('SELECT id, version, data FROM updates WHERE plan_id = ? ORDER BY submitted_at DESC, id DESC LIMIT ?')
      .all(this.plan, Math.max(0, Math.floor(limit))) as Row[];
    return rows.map((r) => toDomain(r));
  }

  async listRounds(query: RoundQuery = {}): Promise<UpdateRound[]> {
    const keys = (
      query.state === undefined
        ? this.db.prepare('SELECT id, version FROM update_rounds WHERE plan_id = ? ORDER BY opens_at, id').all(this.plan)
        : this.db.prepare('SELECT id, version FROM update_rounds WHERE plan_id = ? AND state = ? ORDER BY opens_at, id').all(this.plan, query.state)
    ) as Omit<Row, 'data'>[];
    return this.parsedOnce(this.parsedRounds, 'update_rounds', keys);
  }

  /** The partial unique index on (plan, state) lets one round per plan be Open: a second is DuplicateError. */
  async createRound(input: UpdateRoundInput): Promise<UpdateRound> {
    const id = unique('Open update round', input.name, () => this.insert('INSERT INTO update_rounds (version, plan_id, state, opens_at, data) VALUES (1, ?, ?, ?, ?)', this.plan, input.state, input.opensAt, toPersistence(input)));
    return { ...input, id: String(id), version: '1', planId: this.planId };
  }

  async updateRound(id: string, expectedVersion: string, patch: UpdateRoundPatch): Promise<UpdateRound> {
    return this.writeTransaction(() => {
      const row = this.rowToWrite('update_rounds', 'Update round', id, expectedVersion);
      const { id: _i, version: _v, ...current } = toDomain<UpdateRoundInput>(row);
      const next: UpdateRoundInput = { ...current, ...patch };
      const data = toPersistence(next);
      unique('Open update round', next.name, () => this.db.prepare('UPDATE update_rounds SET version = version + 1, state = ?, opens_at = ?, data = ? WHERE id = ?').run(next.state, next.opensAt, data, row.id));
      // As stored: a field patched to undefined is gone, as when the round is read again.
      return toDomain<UpdateRoundInput>({ id: row.id, version: row.version + 1, data, plan_id: row.plan_id });
    })();
  }

  async listApprovals(query: ApprovalQuery = {}): Promise<RagApproval[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    // A task's approvals wherever it is (ids are store-wide); otherwise this plan's.
    if (query.taskId !== undefined) (where.push('task_id = ?'), args.push(query.taskId));
    else (where.push('plan_id = ?'), args.push(this.plan));
    if (query.state !== undefined) (where.push('state = ?'), args.push(query.state));
    if (query.approverAadObjectId !== undefined) (where.push('approver_id = ?'), args.push(query.approverAadObjectId));
    const sql = `SELECT id, version, data FROM rag_approvals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => toDomain<RagApprovalInput>(r));
  }

  async getApproval(id: string): Promise<RagApproval | undefined> {
    const row = this.db.prepare('SELECT id, version, data FROM rag_approvals WHERE id = ?').get(rowId(id)) as Row | undefined;
    return row && toDomain<RagApprovalInput>(row);
  }

  async findApprovalByKey(key: string): Promise<RagApproval | undefined> {
    const row = this.db.prepare('SELECT id, version, data FROM rag_approvals WHERE key = ?').get(key) as Row | undefined;
    return row && toDomain<RagApprovalInput>(row);
  }

  async createApproval(input: RagApprovalInput): Promise<RagApproval> {
    const insert = () =>
      this.insert('INSERT INTO rag_approvals (version, plan_id, key, task_id, state, approver_id, data) VALUES (1, ?, ?, ?, ?, ?, ?)', this.planOf('tasks', input.taskId), input.key, input.taskId, input.state, input.approver.aadObjectId, toPersistence(input));
    return { ...input, id: String(unique('RAG approval', input.key, insert)), version: '1' };
  }

  async updateApproval(id: string, expectedVersion: string, patch: RagApprovalPatch): Promise<RagApproval> {
    return this.writeTransaction(() => {
      const row = this.rowToWrite('rag_approvals', 'RAG approval', id, expectedVersion);
      const { id: _i, version: _v, ...current } = toDomain<RagApprovalInput>(row);
      const { key: _k, taskId: _t, ...safePatch } = patch as RagApprovalPatch & { key?: string; taskId?: string };
      const data = toPersistence({ ...current, ...safePatch });
      const next = JSON.parse(data) as RagApprovalInput;
      this.db.prepare('UPDATE rag_approvals SET version = version + 1, state = ?, approver_id = ?, data = ? WHERE id = ?').run(next.state, next.approver.aadObjectId, data, row.id);
      return toDomain<RagApprovalInput>({ id: row.id, version: row.version + 1, data });
    })();
  }

  tryAddReminder = async (entry: ReminderLogInput): Promise<boolean> => this.people.tryAddReminder(entry);
  setReminderOutcome = async (key: string, outcome: ReminderOutcome, detail?: string): Promise<void> => this.people.setReminderOutcome(key, outcome, detail);
  reclaimReminder = async (key: string, expectedVersion: string, at?: IsoInstant): Promise<boolean> => this.people.reclaimReminder(key, expectedVersion, at);
  listReminders = async (taskId?: string): Promise<ReminderLogEntry[]> => this.people.listReminders(taskId);
  saveConversation = async (input: ConversationRecordInput): Promise<ConversationRecord> => this.people.saveConversation(input);
  getConversation = async (aadObjectId: string): Promise<ConversationRecord | undefined> => this.people.getConversation(aadObjectId);
  listConversations = async (): Promise<ConversationRecord[]> => this.people.listConversations();
  deleteConversation = async (aadObjectId: string): Promise<boolean> => this.people.deleteConversation(aadObjectId);

  /** Commits by other connections (data_version) and rows this connection changed (total_changes). */
  async changeStamp(): Promise<string> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const own = (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return `${version}.${own}`;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Must run inside a transaction. Only an officer's edit (`withRef`) may change the ref. */
  private applyTaskPatch(id: string, expectedVersion: string, patch: TaskPatch | TaskEditPatch, withRef = false): Task {
    const row = this.rowToWrite('tasks', 'Task', id, expectedVersion);
    const { id: _i, version: _v, ...current } = toDomain<TaskInput>(row);
    const { ref, ...safePatch } = patch as TaskEditPatch;
    const next: TaskInput = { ...current, ...safePatch, ...(withRef && ref !== undefined && { ref }) };
    const data = toPersistence(next);
    unique('Task', next.ref, () =>
      this.db.prepare('UPDATE tasks SET version = version + 1, ref = ?, status = ?, due_date = ?, data = ? WHERE id = ?').run(next.ref, next.status, next.dueDate ?? null, data, row.id),
    );
    if (patch.owners) this.writeOwners(row.id, next);
    // As stored: a field patched to undefined is gone, as when the task is read again.
    return toDomain<TaskInput>({ id: row.id, version: row.version + 1, data, plan_id: row.plan_id });
  }

  /** The plan of a record's task or objective (it follows its subject, wherever this store is scoped); this plan when it has gone. */
  planOf = (table: 'tasks' | 'objectives', id: string): number =>
    (this.db.prepare(`SELECT plan_id FROM ${table} WHERE id = ?`).get(rowId(id)) as { plan_id: number } | undefined)?.plan_id ?? this.plan;

  /** The new row's id. */
  private insert(sql: string, ...params: unknown[]): number {
    return Number(this.db.prepare(sql).run(...params).lastInsertRowid);
  }

  /** The row a versioned write starts from (inside its transaction): NotFoundError, or ConflictError when stale. */
  private rowToWrite(table: string, entity: string, id: string, expectedVersion: string): Row {
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId(id)) as Row | undefined;
    if (!row) throw new NotFoundError(entity, id);
    if (String(row.version) !== expectedVersion) throw new ConflictError(entity, id, expectedVersion, String(row.version));
    return row;
  }

  private writeOwners(taskId: number, task: Pick<TaskInput, 'owners'>): void {
    this.db.prepare('DELETE FROM task_owners WHERE task_id = ?').run(taskId);
    const insert = this.db.prepare('INSERT OR IGNORE INTO task_owners (task_id, aad_object_id) VALUES (?, ?)');
    for (const owner of task.owners) insert.run(taskId, owner.aadObjectId);
  }
}
