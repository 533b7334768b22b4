import { randomUUID } from 'node:crypto';
import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type {
  ConversationRecord,
  RagApproval,
  RagApprovalInput,
  RagApprovalPatch,
  ConversationRecordInput,
  Objective,
  ObjectiveInput,
  ReminderLogEntry,
  ReminderLogInput,
  ReminderOutcome,
  RoundState,
  Task,
  TaskInput,
  TaskPatch,
  Update,
  UpdateRound,
  UpdateRoundInput,
  UpdateRoundPatch,
} from '../../model';
import type { ApprovalQuery, PlanStore, RecordUpdateCommand, RoundQuery, TaskQuery } from '../../ports/plan-store';
import {
  approvalFromFields,
  approvalToFields,
  conversationFromFields,
  conversationToFields,
  objectiveFromFields,
  objectiveToFields,
  reminderFromFields,
  reminderToFields,
  roundFromFields,
  roundToFields,
  taskFromFields,
  taskToFields,
  updateFromFields,
  updateToFields,
} from './field-mapping';
import { batchError, type GraphApi } from './graph/graph-api';
import { GraphRequestError } from './graph/graph-error';
import { graphItemSchema, ListMirror, type GraphItem, type MirroredItem } from './list-mirror';
import { LIST_KEYS, LISTS, type ListKey } from './list-schema';
import { fieldEquals } from './odata';
import { SitePeople } from './site-people';

/** "open" for the open round (a unique column: only one can hold it), else a value of its own. */
function openKey(state: RoundState, uniquePart: string): string {
  return state === 'Open' ? 'open' : `closed-${uniquePart}`;
}

/** Columns the read model keeps: everything but Person columns (their *Json twins carry people). */
function selectedColumns(list: ListKey): string[] {
  return ['Title', ...LISTS[list].columns.filter((c) => c.type !== 'person').map((c) => c.name)];
}

export interface SharePointStoreOptions {
  siteId: string;
  /** Display names per list when a council renamed them; defaults from list-schema.ts. */
  listNames?: Partial<Record<ListKey, string>>;
  /** How often the read model pulls changes (delta). Our own writes show at once regardless. */
  refreshIntervalMs?: number;
  /** How long "not in the site yet" is remembered for a person before asking again (default 10 min). */
  peopleRecheckMs?: number;
}

/**
 * The production PlanStore: SharePoint lists in the council's site, through Microsoft Graph.
 * Reads come from delta-synced mirrors (no Graph request per tab load); writes go to Graph with
 * If-Match ETags (412 -> ConflictError) and unique columns (409 -> DuplicateError).
 */
export class SharePointPlanStore implements PlanStore {
  private timer?: NodeJS.Timeout;

  private constructor(
    private readonly api: GraphApi,
    private readonly paths: Record<ListKey, string>,
    private readonly mirrors: Record<ListKey, ListMirror>,
    private readonly people: SitePeople,
  ) {}

  /** Resolves the lists (they must be provisioned), loads the read model and starts refreshing it. */
  static async connect(api: GraphApi, options: SharePointStoreOptions): Promise<SharePointPlanStore> {
    const site = `/sites/${options.siteId}`;
    const { value } = await api.get<{ value: { id: string; displayName: string }[] }>(`${site}/lists?$select=id,displayName`);
    const paths = {} as Record<ListKey, string>;
    const mirrors = {} as Record<ListKey, ListMirror>;
    const missing: string[] = [];
    for (const key of LIST_KEYS) {
      const name = options.listNames?.[key] ?? LISTS[key].displayName;
      const list = value.find((l) => l.displayName === name);
      if (!list) {
        missing.push(name);
        continue;
      }
      paths[key] = `${site}/lists/${list.id}`;
      mirrors[key] = new ListMirror(api, `${paths[key]}/items`, selectedColumns(key));
    }
    if (missing.length) throw new Error(`SharePoint site ${options.siteId} has no list named ${missing.map((m) => `"${m}"`).join(', ')}. Run "npm run provision -- --site <site>" first.`);
    const store = new SharePointPlanStore(api, paths, mirrors, new SitePeople(api, options.siteId, options.peopleRecheckMs));
    await store.refresh();
    if (options.refreshIntervalMs && options.refreshIntervalMs > 0) {
      store.timer = setInterval(() => void store.refresh().catch(() => undefined), options.refreshIntervalMs);
      store.timer.unref();
    }
    return store;
  }

  private refreshing?: Promise<void>;

  /**
   * Pulls every list's changes since the last refresh: one $batch of delta queries, one per list (one
   * Graph request when nothing changed much), then any further pages list by list.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshAll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshAll(): Promise<void> {
    const responses = await this.api.batch(LIST_KEYS.map((key) => ({ id: key, method: 'GET' as const, url: this.mirrors[key].deltaRequest() })));
    await Promise.all(
      LIST_KEYS.map((key) => {
        const response = responses.get(key);
        return response ? this.mirrors[key].continueFrom(response.status, response.body) : this.mirrors[key].sync();
      }),
    );
  }

  // Objectives ----------------------------------------------------------------------------------

  async listObjectives(): Promise<Objective[]> {
    return this.all('objectives', objectiveFromFields);
  }

  async createObjective(input: ObjectiveInput): Promise<Objective> {
    const item = await this.create('objectives', objectiveToFields(input), input.ref);
    return { ...objectiveFromFields(item.fields, item.id), id: item.id, version: item.etag };
  }

  async updateObjective(id: string, expectedVersion: string, patch: Partial<ObjectiveInput>): Promise<Objective> {
    const item = await this.patch('objectives', id, expectedVersion, objectiveToFields(patch, true));
    return { ...objectiveFromFields(item.fields, id), id, version: item.etag };
  }

  // Tasks ---------------------------------------------------------------------------------------

  async listTasks(query: TaskQuery = {}): Promise<Task[]> {
    return this.all('tasks', taskFromFields).filter(
      (t) =>
        (query.ownerAadObjectId === undefined || t.owners.some((o) => o.aadObjectId === query.ownerAadObjectId)) &&
        (query.statuses === undefined || query.statuses.includes(t.status)) &&
        (query.dueOnOrBefore === undefined || (t.dueDate !== undefined && t.dueDate <= query.dueOnOrBefore)),
    );
  }

  async getTask(id: string): Promise<Task | undefined> {
    const item = this.mirrors.tasks.get(id);
    return item && { ...taskFromFields(item.fields, id), id, version: item.etag };
  }

  async getTaskByRef(ref: string): Promise<Task | undefined> {
    const item = this.mirrors.tasks.all().find((i) => i.fields.Ref === ref) ?? (await this.queryOne('tasks', 'Ref', ref));
    // SharePoint compares text case-insensitively; refs are exact, as in every other store.
    return item && item.fields.Ref === ref ? { ...taskFromFields(item.fields, item.id), id: item.id, version: item.etag } : undefined;
  }

  async createTask(input: TaskInput): Promise<Task> {
    const item = await this.create('tasks', await this.taskFields(input, false), input.ref);
    return { ...taskFromFields(item.fields, item.id), id: item.id, version: item.etag };
  }

  async updateTask(id: string, expectedVersion: string, patch: TaskPatch): Promise<Task> {
    const { ref: _ref, ...safe } = patch as TaskPatch & { ref?: string };
    const item = await this.patch('tasks', id, expectedVersion, await this.taskFields(safe, true));
    return { ...taskFromFields(item.fields, id), id, version: item.etag };
  }

  /**
   * One $batch: the task's latest fields (If-Match) first, then the update item, which depends on
   * it. A stale task fails the first with 412 and Graph skips the second (424): nothing written.
   */
  async recordUpdate({ update, task }: RecordUpdateCommand): Promise<{ task: Task; update: Update }> {
    // The mirror only: the unique IdempotencyKey column catches what another instance wrote.
    if (this.mirrors.updates.all().some((i) => i.fields.IdempotencyKey === update.idempotencyKey)) throw new DuplicateError('Update', update.idempotencyKey);
    if (!this.mirrors.tasks.get(task.id)) throw new NotFoundError('Task', task.id);
    const { ref: _ref, ...safe } = task.patch as TaskPatch & { ref?: string };
    const taskFields = await this.taskFields(safe, true);
    const [submitter] = await this.people.lookupIds([update.submittedBy]);
    const updateFields = { ...updateToFields(update), ...(submitter && { SubmittedByLookupId: submitter }) };
    const responses = await this.api.batch([
      { id: 'task', method: 'PATCH', url: `${this.paths.tasks}/items/${task.id}/fields`, headers: { 'Content-Type': 'application/json', 'If-Match': task.expectedVersion }, body: taskFields },
      { id: 'update', method: 'POST', url: `${this.paths.updates}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: updateFields }, dependsOn: ['task'] },
    ]);
    const taskResponse = responses.get('task');
    const updateResponse = responses.get('update');
    if (!taskResponse || taskResponse.status >= 300) {
      throw await this.writeError('tasks', task.id, task.expectedVersion, taskResponse ? batchError(taskResponse, `${this.paths.tasks}/items/${task.id}`) : undefined);
    }
    const savedTask = this.applyFields('tasks', task.id, taskFields, taskResponse.body);
    if (!updateResponse || updateResponse.status >= 300) {
      // The task's latest fields were written but the history item was not: report it plainly.
      throw updateResponse?.status === 409
        ? new DuplicateError('Update', update.idempotencyKey)
        : updateResponse
          ? batchError(updateResponse, `${this.paths.updates}/items`)
          : new Error('Microsoft Graph did not answer the update write');
    }
    const savedUpdate = this.mirrors.updates.apply(graphItemSchema.parse(updateResponse.body));
    if (!savedUpdate) throw new Error('Microsoft Graph returned the new update without its fields');
    return {
      task: { ...taskFromFields(savedTask.fields, task.id), id: task.id, version: savedTask.etag },
      update: { ...updateFromFields(savedUpdate.fields, savedUpdate.id), id: savedUpdate.id, version: savedUpdate.etag },
    };
  }

  /** The mirror, then (another instance may have just stored it) the unique column in Graph. */
  async findUpdateByIdempotencyKey(key: string): Promise<Update | undefined> {
    const item = this.mirrors.updates.all().find((i) => i.fields.IdempotencyKey === key) ?? (await this.queryOne('updates', 'IdempotencyKey', key));
    return item && { ...updateFromFields(item.fields, item.id), id: item.id, version: item.etag };
  }

  async listUpdates(taskId: string): Promise<Update[]> {
    return this.all('updates', updateFromFields)
      .filter((u) => u.taskId === taskId)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || Number(a.id) - Number(b.id));
  }

  async listRecentUpdates(limit: number): Promise<Update[]> {
    return this.all('updates', updateFromFields)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || Number(b.id) - Number(a.id))
      .slice(0, Math.max(0, Math.floor(limit)));
  }

  // Update rounds -------------------------------------------------------------------------------

  async listRounds(query: RoundQuery = {}): Promise<UpdateRound[]> {
    return this.all('rounds', roundFromFields)
      .filter((r) => query.state === undefined || r.state === query.state)
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt) || Number(a.id) - Number(b.id))
      .map((r) => this.withSnapshotText(r));
  }

  /** The unique OpenKey column lets one open round exist: a second create gets 409 (DuplicateError). */
  async createRound(input: UpdateRoundInput): Promise<UpdateRound> {
    const item = await this.create('rounds', { ...roundToFields(input), OpenKey: openKey(input.state, randomUUID()) }, input.name);
    return this.withSnapshotText({ ...roundFromFields(item.fields, item.id), id: item.id, version: item.etag });
  }

  async updateRound(id: string, expectedVersion: string, patch: UpdateRoundPatch): Promise<UpdateRound> {
    const fields = { ...roundToFields(patch, true), ...(patch.state && { OpenKey: openKey(patch.state, id) }) };
    const item = await this.patch('rounds', id, expectedVersion, fields);
    return this.withSnapshotText({ ...roundFromFields(item.fields, id), id, version: item.etag });
  }

  /** Snapshot lines stored without their text (too long for one column) get it back from Plan Updates. */
  private withSnapshotText(round: UpdateRound): UpdateRound {
    if (!round.snapshot?.some((l) => l.update === undefined && l.updateId !== undefined)) return round;
    const snapshot = round.snapshot.map((line) => {
      const item = line.update === undefined && line.updateId !== undefined ? this.mirrors.updates.get(line.updateId) : undefined;
      if (!item) return line;
      const update = updateFromFields(item.fields, item.id);
      return { ...line, update: update.progress, updateBy: update.submittedBy };
    });
    return { ...round, snapshot };
  }

  // RAG approvals -------------------------------------------------------------------------------

  async listApprovals(query: ApprovalQuery = {}): Promise<RagApproval[]> {
    return this.all('approvals', approvalFromFields).filter(
      (a) =>
        (query.taskId === undefined || a.taskId === query.taskId) &&
        (query.state === undefined || a.state === query.state) &&
        (query.approverAadObjectId === undefined || a.approver.aadObjectId === query.approverAadObjectId),
    );
  }

  async getApproval(id: string): Promise<RagApproval | undefined> {
    const item = this.mirrors.approvals.get(id);
    return item && { ...approvalFromFields(item.fields, id), id, version: item.etag };
  }

  /** The mirror, then (another instance may have just created it) the unique Key column in Graph. */
  async findApprovalByKey(key: string): Promise<RagApproval | undefined> {
    const item = this.mirrors.approvals.all().find((i) => i.fields.Key === key) ?? (await this.queryOne('approvals', 'Key', key));
    return item && item.fields.Key === key ? { ...approvalFromFields(item.fields, item.id), id: item.id, version: item.etag } : undefined;
  }

  async createApproval(input: RagApprovalInput): Promise<RagApproval> {
    const item = await this.create('approvals', approvalToFields(input), input.key);
    return { ...approvalFromFields(item.fields, item.id), id: item.id, version: item.etag };
  }

  /** If-Match on the approval's ETag: of two decisions at once, SharePoint lets one win (412 for the other). */
  async updateApproval(id: string, expectedVersion: string, patch: RagApprovalPatch): Promise<RagApproval> {
    const { key: _k, taskId: _t, ...safe } = patch as RagApprovalPatch & { key?: string; taskId?: string };
    const item = await this.patch('approvals', id, expectedVersion, approvalToFields(safe, true));
    return { ...approvalFromFields(item.fields, id), id, version: item.etag };
  }

  // Reminder log --------------------------------------------------------------------------------

  /** The Key column is unique: of two instances inserting the same key, SharePoint lets one win. */
  async tryAddReminder(entry: ReminderLogInput): Promise<boolean> {
    if (this.findReminder(entry.key)) return false;
    try {
      await this.create('reminders', reminderToFields(entry), entry.key);
      return true;
    } catch (err) {
      if (err instanceof DuplicateError) return false;
      throw err;
    }
  }

  async setReminderOutcome(key: string, outcome: ReminderOutcome, detail?: string): Promise<void> {
    const item = this.findReminder(key);
    if (!item) throw new NotFoundError('Reminder', key);
    await this.patch('reminders', item.id, '*', { Outcome: outcome, Detail: detail ?? null });
  }

  async reclaimReminder(key: string, expectedVersion: string): Promise<boolean> {
    const item = this.findReminder(key);
    if (!item) return false;
    try {
      await this.patch('reminders', item.id, expectedVersion, { Outcome: 'pending', Detail: null });
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }

  async listReminders(taskId?: string): Promise<ReminderLogEntry[]> {
    return this.all('reminders', reminderFromFields).filter((r) => taskId === undefined || r.taskId === taskId);
  }

  // Conversations -------------------------------------------------------------------------------

  async saveConversation(input: ConversationRecordInput): Promise<ConversationRecord> {
    const existing = this.mirrors.conversations.all().find((i) => i.fields.AadObjectId === input.aadObjectId);
    const item = existing
      ? await this.patch('conversations', existing.id, '*', conversationToFields(input))
      : await this.create('conversations', conversationToFields(input), input.aadObjectId).catch(async (err: unknown) => {
          // Another instance saved this person first: refresh and overwrite theirs.
          if (!(err instanceof DuplicateError)) throw err;
          await this.mirrors.conversations.sync();
          const winner = this.mirrors.conversations.all().find((i) => i.fields.AadObjectId === input.aadObjectId);
          if (!winner) throw err;
          return this.patch('conversations', winner.id, '*', conversationToFields(input));
        });
    return { ...conversationFromFields(item.fields, item.id), id: item.id, version: item.etag };
  }

  async getConversation(aadObjectId: string): Promise<ConversationRecord | undefined> {
    return (await this.listConversations()).find((c) => c.aadObjectId === aadObjectId);
  }

  async listConversations(): Promise<ConversationRecord[]> {
    return this.all('conversations', conversationFromFields);
  }

  /** Reads come from the mirrors, so their change counts say everything a read can see. */
  async changeStamp(): Promise<string> {
    return LIST_KEYS.map((key) => this.mirrors[key].changeCount).join('.');
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  // Plumbing ------------------------------------------------------------------------------------

  /** Mirrored items are replaced on every change, so each is validated and mapped only once. */
  private readonly mapped = new WeakMap<MirroredItem, unknown>();

  private all<T>(list: ListKey, fromFields: (f: Record<string, unknown>, id: string) => T): (T & { id: string; version: string })[] {
    return this.mirrors[list]
      .all()
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((i) => {
        let domain = this.mapped.get(i) as (T & { id: string; version: string }) | undefined;
        if (!domain) {
          domain = { ...fromFields(i.fields, i.id), id: i.id, version: i.etag };
          this.mapped.set(i, domain);
        }
        return { ...domain };
      });
  }

  /** One item by an indexed column, straight from Graph (the value is escaped: see odata.ts). */
  private async queryOne(list: ListKey, column: string, value: string): Promise<MirroredItem | undefined> {
    const { value: items } = await this.api.get<{ value: unknown[] }>(
      `${this.paths[list]}/items?expand=fields(select=${selectedColumns(list).join(',')})&$filter=${fieldEquals(column, value)}&$top=1`,
    );
    const found = items[0] === undefined ? undefined : graphItemSchema.parse(items[0]);
    return found && this.mirrors[list].apply(found);
  }

  /** Task fields plus the Person columns' lookup ids for the people given. */
  private async taskFields(t: Partial<TaskInput>, forPatch: boolean): Promise<Record<string, unknown>> {
    const fields = taskToFields(t, forPatch);
    if (t.owners) {
      fields['OwnerLookupId@odata.type'] = 'Collection(Edm.String)';
      fields.OwnerLookupId = await this.people.lookupIds(t.owners);
    }
    if ('accountableOfficer' in t) {
      const [id] = t.accountableOfficer ? await this.people.lookupIds([t.accountableOfficer]) : [];
      if (id !== undefined || forPatch) fields.AccountableOfficerLookupId = id ?? null;
    }
    return fields;
  }

  private findReminder(key: string): MirroredItem | undefined {
    return this.mirrors.reminders.all().find((i) => i.fields.Key === key);
  }

  private async create(list: ListKey, fields: Record<string, unknown>, key: string): Promise<MirroredItem> {
    try {
      const item = graphItemSchema.parse(await this.api.post<unknown>(`${this.paths[list]}/items`, { fields }));
      const saved = this.mirrors[list].apply(item);
      if (!saved) throw new Error(`Microsoft Graph returned the new ${list} item without its fields`);
      return saved;
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 409) throw new DuplicateError(LISTS[list].displayName, key);
      throw err;
    }
  }

  private async patch(list: ListKey, id: string, expectedVersion: string, fields: Record<string, unknown>): Promise<MirroredItem> {
    if (!this.mirrors[list].get(id)) throw new NotFoundError(LISTS[list].displayName, id);
    try {
      const body = await this.api.patch<unknown>(`${this.paths[list]}/items/${id}/fields`, fields, expectedVersion);
      return this.applyFields(list, id, fields, body);
    } catch (err) {
      throw await this.writeError(list, id, expectedVersion, err);
    }
  }

  /** PATCH …/fields answers with the fields (and their @odata.etag): fold what we sent and got into the mirror. */
  private applyFields(list: ListKey, id: string, sent: Record<string, unknown>, body: unknown): MirroredItem {
    const fields = body as Record<string, unknown>;
    const previous = this.mirrors[list].get(id);
    const saved = this.mirrors[list].apply({ id, '@odata.etag': fields['@odata.etag'] as string, fields: { ...previous?.fields, ...sent, ...fields } } as GraphItem);
    if (!saved) throw new Error(`Microsoft Graph returned ${list} item ${id} without its version`);
    return saved;
  }

  /** 412 -> ConflictError (after re-reading the item so the next read is current); 404/409 typed. */
  private async writeError(list: ListKey, id: string, expectedVersion: string, err: unknown): Promise<unknown> {
    if (!(err instanceof GraphRequestError)) return err ?? new Error(`Writing ${list} item ${id} failed`);
    if (err.status === 412) {
      const current = await this.reread(list, id);
      return new ConflictError(LISTS[list].displayName, id, expectedVersion, current?.etag);
    }
    if (err.status === 404) return new NotFoundError(LISTS[list].displayName, id);
    if (err.status === 409) return new DuplicateError(LISTS[list].displayName, id);
    return err;
  }

  private async reread(list: ListKey, id: string): Promise<MirroredItem | undefined> {
    try {
      return this.mirrors[list].apply(graphItemSchema.parse(await this.api.get<unknown>(`${this.paths[list]}/items/${id}?expand=fields`)));
    } catch {
      return undefined;
    }
  }
}
