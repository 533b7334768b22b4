import { randomUUID } from 'node:crypto';
import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { UpdateRound } from '../../model';
import type { PlanStore } from '../../ports/plan-store';
import type { Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import { ListMirror } from './list-mirror';
import { ListItems, type StoredOf } from './list-items';
import { LIST_KEYS, LISTS, listOf, type ListKey, type RecordOf } from './list-schema';
import { openKeyFields } from './lists/update-rounds';
import { missingColumns } from './schema-check';
import { findSiteLists } from './site-lists';
import { SitePeople } from './site-people';
import { writeTaskWithHistory } from './update-batch';

export interface SharePointStoreOptions {
  siteId: string;
  /** Display names per list when a council renamed them; defaults from list-schema.ts. */
  listNames?: Partial<Record<ListKey, string>>;
  /** How often the read model pulls changes (delta). Our own writes show at once regardless. */
  refreshIntervalMs?: number;
  /** How long "not in the site yet" is remembered for a person before asking again (default 10 min). */
  peopleRecheckMs?: number;
}

/** A patch never rewrites what names a record (a task's ref, an approval's key and task). */
function withoutIdentity<T extends object>(patch: T, ...keys: string[]): T {
  return Object.fromEntries(Object.entries(patch).filter(([k]) => !keys.includes(k))) as T;
}

/**
 * The production PlanStore: SharePoint lists in the council's site, through Microsoft Graph.
 * Reads come from delta-synced mirrors (no Graph request per tab load); writes go to Graph with
 * If-Match ETags (ConflictError) and unique columns (DuplicateError), failures classified in one
 * place (graph-error.ts, list-items.ts). Its PlanStore members take their signatures from the port.
 */
export class SharePointPlanStore implements PlanStore {
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  private constructor(
    private readonly api: GraphApi,
    private readonly items: ListItems,
    private readonly people: SitePeople,
  ) {}

  /** Resolves the lists (they must be provisioned), loads the read model and starts refreshing it. */
  static async connect(api: GraphApi, options: SharePointStoreOptions): Promise<SharePointPlanStore> {
    const { names, ids } = await findSiteLists(api, options.siteId, options.listNames);
    const paths = {} as Record<ListKey, string>;
    const mirrors = {} as Record<ListKey, ListMirror>;
    const missing = LIST_KEYS.filter((key) => !ids[key]).map((key) => names[key]);
    if (missing.length) throw new Error(`SharePoint site ${options.siteId} has no list named ${missing.map((m) => `"${m}"`).join(', ')}. Run "npm run provision -- --site <site>" first.`);
    for (const key of LIST_KEYS) {
      paths[key] = `/sites/${options.siteId}/lists/${ids[key]}`;
      mirrors[key] = new ListMirror(api, `${paths[key]}/items`, LISTS[key].selected);
    }
    const lacking = await missingColumns(api, paths, names);
    if (lacking.length) throw new Error(`SharePoint site ${options.siteId} lacks columns this release needs (${lacking.join('; ')}). Run "npm run provision -- --site <site>" (ADMIN.md, "Deploy and upgrade").`);
    const store = new SharePointPlanStore(api, new ListItems(api, paths, mirrors), new SitePeople(api, options.siteId, options.peopleRecheckMs));
    await store.refresh();
    if (options.refreshIntervalMs && options.refreshIntervalMs > 0) {
      store.timer = setInterval(() => void store.refresh().catch(() => undefined), options.refreshIntervalMs);
      store.timer.unref();
    }
    return store;
  }

  /**
   * Pulls every list's changes since the last refresh: one $batch of delta queries, one per list (one
   * Graph request when nothing changed much), then any further pages list by list.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshAll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshAll(): Promise<void> {
    const { mirrors } = this.items;
    const responses = await this.api.batch(LIST_KEYS.map((key) => ({ id: key, method: 'GET' as const, url: mirrors[key].deltaRequest() })));
    await Promise.all(
      LIST_KEYS.map((key) => {
        const response = responses.get(key);
        return response ? mirrors[key].continueFrom(response.status, response.body) : mirrors[key].sync();
      }),
    );
  }

  // Objectives ----------------------------------------------------------------------------------

  listObjectives: PlanStore['listObjectives'] = async () => this.items.all('objectives');
  createObjective: PlanStore['createObjective'] = async (input) => this.create('objectives', input, input.ref);
  updateObjective: PlanStore['updateObjective'] = async (id, expectedVersion, patch) => this.update('objectives', id, expectedVersion, patch);

  // Tasks ---------------------------------------------------------------------------------------

  listTasks: PlanStore['listTasks'] = async (query = {}) =>
    this.items.all('tasks').filter(
      (t) =>
        (query.ownerAadObjectId === undefined || t.owners.some((o) => o.aadObjectId === query.ownerAadObjectId)) &&
        (query.statuses === undefined || query.statuses.includes(t.status)) &&
        (query.dueOnOrBefore === undefined || (t.dueDate !== undefined && t.dueDate <= query.dueOnOrBefore)),
    );

  getTask: PlanStore['getTask'] = async (id) => this.items.get('tasks', id);
  getTaskByRef: PlanStore['getTaskByRef'] = async (ref) => this.items.find('tasks', 'ref', ref);
  createTask: PlanStore['createTask'] = async (input) => this.create('tasks', input, input.ref);
  updateTask: PlanStore['updateTask'] = async (id, expectedVersion, patch) => this.update('tasks', id, expectedVersion, withoutIdentity(patch, 'ref'));

  /** The update item and the task's latest fields in one $batch (update-batch.ts): both or neither. */
  recordUpdate: PlanStore['recordUpdate'] = async ({ update, task }) => {
    // The mirror only: the unique IdempotencyKey column catches what another instance wrote.
    if (this.items.mirrored('updates', 'idempotencyKey', update.idempotencyKey)) throw new DuplicateError('Update', update.idempotencyKey);
    if (!this.items.mirrors.tasks.get(task.id)) throw new NotFoundError('Task', task.id);
    const written = await writeTaskWithHistory(this.api, this.items, {
      taskId: task.id,
      expectedVersion: task.expectedVersion,
      taskFields: await this.fields('tasks', withoutIdentity(task.patch, 'ref'), true),
      history: { list: 'updates', fields: await this.fields('updates', update), key: update.idempotencyKey, entity: 'Update' },
    });
    return { task: this.items.stored('tasks', written.task), update: this.items.stored('updates', written.history) };
  };

  /** The mirror, then (another instance may have just stored it) the unique column in Graph. */
  findUpdateByIdempotencyKey: PlanStore['findUpdateByIdempotencyKey'] = async (key) => this.items.find('updates', 'idempotencyKey', key);

  listUpdates: PlanStore['listUpdates'] = async (taskId) =>
    this.items
      .all('updates')
      .filter((u) => u.taskId === taskId)
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || Number(a.id) - Number(b.id));

  listRecentUpdates: PlanStore['listRecentUpdates'] = async (limit) =>
    this.items
      .all('updates')
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || Number(b.id) - Number(a.id))
      .slice(0, Math.max(0, Math.floor(limit)));

  // Plan changes and task comments -------------------------------------------------------------

  /**
   * The task's fields (its ref too: the unique Ref column refuses one another task holds) and the
   * Plan Changes item in one $batch, as recordUpdate does: both or neither.
   */
  editTask: PlanStore['editTask'] = async ({ task, change }) => {
    if (this.items.mirrored('changes', 'key', change.key)) throw new DuplicateError('Plan change', change.key);
    const current = this.items.mirrors.tasks.get(task.id);
    if (!current) throw new NotFoundError('Task', task.id);
    const ref = task.patch.ref ?? String(current.fields.Ref);
    const written = await writeTaskWithHistory(this.api, this.items, {
      taskId: task.id,
      expectedVersion: task.expectedVersion,
      taskFields: await this.fields('tasks', task.patch, true),
      history: { list: 'changes', fields: await this.fields('changes', change), key: change.key, entity: 'Plan change' },
      duplicateTask: () => new DuplicateError('Task', ref),
    });
    return { task: this.items.stored('tasks', written.task), change: this.items.stored('changes', written.history) };
  };

  /** The unique Key column: of two writers of one key, SharePoint lets one win (DuplicateError). */
  recordChange: PlanStore['recordChange'] = async (input) => {
    if (this.items.mirrored('changes', 'key', input.key)) throw new DuplicateError('Plan change', input.key);
    return this.create('changes', input, input.key);
  };

  listChanges: PlanStore['listChanges'] = async (query = {}) =>
    this.items
      .all('changes')
      .filter((c) => (query.subject === undefined || c.subject === query.subject) && (query.subjectId === undefined || c.subjectId === query.subjectId))
      .sort((a, b) => a.changedAt.localeCompare(b.changedAt) || Number(a.id) - Number(b.id));

  addComment: PlanStore['addComment'] = async (input) => {
    if (this.items.mirrored('comments', 'key', input.key)) throw new DuplicateError('Comment', input.key);
    return this.create('comments', input, input.key);
  };

  listComments: PlanStore['listComments'] = async (taskId) =>
    this.items
      .all('comments')
      .filter((c) => taskId === undefined || c.taskId === taskId)
      .sort((a, b) => a.postedAt.localeCompare(b.postedAt) || Number(a.id) - Number(b.id));

  // Update rounds -------------------------------------------------------------------------------

  listRounds: PlanStore['listRounds'] = async (query = {}) =>
    this.items
      .all('rounds')
      .filter((r) => query.state === undefined || r.state === query.state)
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt) || Number(a.id) - Number(b.id))
      .map((r) => this.withSnapshotText(r));

  /** The unique OpenKey column lets one open round exist: a second create is a DuplicateError. */
  createRound: PlanStore['createRound'] = async (input) => {
    const fields = { ...(await this.fields('rounds', input)), ...openKeyFields(input.state, randomUUID()) };
    return this.withSnapshotText(await this.items.create('rounds', fields, input.name));
  };

  updateRound: PlanStore['updateRound'] = async (id, expectedVersion, patch) => {
    const fields = { ...(await this.fields('rounds', patch, true)), ...(patch.state && openKeyFields(patch.state, id)) };
    return this.withSnapshotText(await this.items.patch('rounds', id, expectedVersion, fields));
  };

  /** Snapshot lines stored without their text (too long for one column) get it back from Plan Updates. */
  private withSnapshotText(round: UpdateRound): UpdateRound {
    if (!round.snapshot?.some((l) => l.update === undefined && l.updateId !== undefined)) return round;
    const snapshot = round.snapshot.map((line) => {
      const update = line.update === undefined && line.updateId !== undefined ? this.items.get('updates', line.updateId) : undefined;
      if (!update) return line;
      // Compact lines lost the task's evidence, risks and ask too: the update that closed the round carries its own.
      const asked = { evidence: update.evidence, risks: update.risks, supportNeeded: update.supportNeeded };
      return { ...line, update: update.progress, updateBy: update.submittedBy, ...Object.fromEntries(Object.entries(asked).filter(([, v]) => v !== undefined)) };
    });
    return { ...round, snapshot };
  }

  // RAG approvals -------------------------------------------------------------------------------

  listApprovals: PlanStore['listApprovals'] = async (query = {}) =>
    this.items.all('approvals').filter(
      (a) =>
        (query.taskId === undefined || a.taskId === query.taskId) &&
        (query.state === undefined || a.state === query.state) &&
        (query.approverAadObjectId === undefined || a.approver.aadObjectId === query.approverAadObjectId),
    );

  getApproval: PlanStore['getApproval'] = async (id) => this.items.get('approvals', id);
  /** The mirror, then (another instance may have just created it) the unique Key column in Graph. */
  findApprovalByKey: PlanStore['findApprovalByKey'] = async (key) => this.items.find('approvals', 'key', key);
  createApproval: PlanStore['createApproval'] = async (input) => this.create('approvals', input, input.key);
  /** If-Match on the approval's ETag: of two decisions at once, SharePoint lets one win (412 for the other). */
  updateApproval: PlanStore['updateApproval'] = async (id, expectedVersion, patch) => this.update('approvals', id, expectedVersion, withoutIdentity(patch, 'key', 'taskId'));

  // Reminder log --------------------------------------------------------------------------------

  /** The Key column is unique: of two instances inserting the same key, SharePoint lets one win. */
  tryAddReminder: PlanStore['tryAddReminder'] = async (entry) => {
    if (this.items.mirrored('reminders', 'key', entry.key)) return false;
    try {
      await this.create('reminders', entry, entry.key);
      return true;
    } catch (err) {
      if (err instanceof DuplicateError) return false;
      throw err;
    }
  };

  setReminderOutcome: PlanStore['setReminderOutcome'] = async (key, outcome, detail) => {
    const item = this.items.mirrored('reminders', 'key', key);
    if (!item) throw new NotFoundError('Reminder', key);
    await this.update('reminders', item.id, '*', { outcome, detail });
  };

  reclaimReminder: PlanStore['reclaimReminder'] = async (key, expectedVersion, at) => {
    const item = this.items.mirrored('reminders', 'key', key);
    if (!item) return false;
    try {
      await this.update('reminders', item.id, expectedVersion, { outcome: 'pending', detail: undefined, ...(at && { sentAt: at }) });
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  };

  listReminders: PlanStore['listReminders'] = async (taskId) => this.items.all('reminders').filter((r) => taskId === undefined || r.taskId === taskId);

  // Conversations -------------------------------------------------------------------------------

  saveConversation: PlanStore['saveConversation'] = async (input) => {
    const fields = await this.fields('conversations', input);
    const existing = this.items.mirrored('conversations', 'aadObjectId', input.aadObjectId);
    if (existing) return this.items.patch('conversations', existing.id, '*', fields);
    return this.items.create('conversations', fields, input.aadObjectId).catch(async (err: unknown) => {
      // Another instance saved this person first: refresh and overwrite theirs.
      if (!(err instanceof DuplicateError)) throw err;
      await this.items.mirrors.conversations.sync();
      const winner = this.items.mirrored('conversations', 'aadObjectId', input.aadObjectId);
      if (!winner) throw err;
      return this.items.patch('conversations', winner.id, '*', fields);
    });
  };

  getConversation: PlanStore['getConversation'] = async (aadObjectId) => (await this.listConversations()).find((c) => c.aadObjectId === aadObjectId);
  listConversations: PlanStore['listConversations'] = async () => this.items.all('conversations');

  /** Reads come from the mirrors, so their change counts say everything a read can see. */
  changeStamp: PlanStore['changeStamp'] = async () => LIST_KEYS.map((key) => this.items.mirrors[key].changeCount).join('.');

  close: PlanStore['close'] = async () => {
    if (this.timer) clearInterval(this.timer);
  };

  // Plumbing ------------------------------------------------------------------------------------

  /** A record's fields, with the Person columns' lookup ids for the people in it. */
  private async fields<K extends ListKey>(list: K, record: Partial<RecordOf<K>>, forPatch = false): Promise<Fields> {
    const fields = listOf(list).toFields(record, forPatch);
    return { ...fields, ...(await this.people.lookupFields(LISTS[list].columns, record, forPatch)) };
  }

  private async create<K extends ListKey>(list: K, input: RecordOf<K>, key: string): Promise<StoredOf<K>> {
    return this.items.create(list, await this.fields(list, input), key);
  }

  private async update<K extends ListKey>(list: K, id: string, expectedVersion: string, patch: Partial<RecordOf<K>>): Promise<StoredOf<K>> {
    return this.items.patch(list, id, expectedVersion, await this.fields(list, patch, true));
  }
}
