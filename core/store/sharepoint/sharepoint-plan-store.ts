import { randomUUID } from 'node:crypto';
import { DuplicateError, NotFoundError } from '../../errors';
import type { UpdateRound } from '../../model';
import { defaultPlan } from '../../plan/plans';
import type { PlanStore } from '../../ports/plan-store';
import type { Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import type { ListItems } from './list-items';
import type { MirroredItem } from './list-mirror';
import { planFields } from './lists/plan-columns';
import { openKeyFields } from './lists/update-rounds';
import { SharePointPersonRecords } from './person-records';
import { SharePointSite, type SharePointStoreOptions } from './sharepoint-site';
import { writeTaskWithHistory } from './update-batch';

export type { SharePointStoreOptions } from './sharepoint-site';

/** A patch never rewrites what names a record (a task's ref, an approval's key and task). */
function withoutIdentity<T extends object>(patch: T, ...keys: string[]): T {
  return Object.fromEntries(Object.entries(patch).filter(([k]) => !keys.includes(k))) as T;
}

const byWhen = <T extends { id: string }>(at: (r: T) => string) => (a: T, b: T) => at(a).localeCompare(at(b)) || Number(a.id) - Number(b.id);

/**
 * The production PlanStore: SharePoint lists in the council's site, through Microsoft Graph, scoped
 * to one plan of the site (`planId`; the site's Plans list, sharepoint-plans.ts). Reads come from
 * delta-synced mirrors shared by every plan's store (no Graph request per tab load), filtered by
 * PlanId; writes go to Graph with If-Match ETags (ConflictError) and unique columns
 * (DuplicateError), failures classified in one place (graph-error.ts, list-items.ts). Records that
 * follow a task (updates, approvals, comments, changes) take its plan when written, whichever
 * plan's store writes them. Its PlanStore members take their signatures from the port.
 */
export class SharePointPlanStore implements PlanStore {
  private readonly people: SharePointPersonRecords;

  private constructor(
    private readonly site: SharePointSite,
    readonly planId: string,
  ) {
    this.people = new SharePointPersonRecords(site);
  }

  /** Connects to the site (sharepoint-site.ts) and returns the store of its default plan (core/plan/plans.ts). */
  static async connect(api: GraphApi, options: SharePointStoreOptions): Promise<SharePointPlanStore> {
    const site = await SharePointSite.open(api, options, (s, planId) => new SharePointPlanStore(s, planId));
    const first = defaultPlan(await site.plans.listPlans());
    if (!first) throw new Error(`SharePoint site ${options.siteId} has no plan`);
    return site.plans.forPlan(first.id) as SharePointPlanStore;
  }

  get plans(): PlanStore['plans'] {
    return this.site.plans;
  }

  private get items(): ListItems {
    return this.site.items;
  }

  /** Pulls every list's changes (for every plan: the mirrors are the site's). */
  refresh(): Promise<void> {
    return this.site.refresh();
  }

  // Objectives ----------------------------------------------------------------------------------

  listObjectives: PlanStore['listObjectives'] = async () => this.items.inPlan('objectives', this.planId);

  createObjective: PlanStore['createObjective'] = async (input) => {
    this.refuseTakenRef('objectives', this.planId, input.ref);
    return this.site.create('objectives', input, input.ref, planFields(this.planId, input.ref));
  };

  updateObjective: PlanStore['updateObjective'] = async (id, expectedVersion, patch) =>
    this.site.update('objectives', id, expectedVersion, patch, this.refChange('objectives', id, patch.ref));

  // Tasks ---------------------------------------------------------------------------------------

  listTasks: PlanStore['listTasks'] = async (query = {}) =>
    this.items.inPlan('tasks', this.planId).filter(
      (t) =>
        (query.ownerAadObjectId === undefined || t.owners.some((o) => o.aadObjectId === query.ownerAadObjectId)) &&
        (query.statuses === undefined || query.statuses.includes(t.status)) &&
        (query.dueOnOrBefore === undefined || (t.dueDate !== undefined && t.dueDate <= query.dueOnOrBefore)),
    );

  /** Any plan's task: ids are the site's. */
  getTask: PlanStore['getTask'] = async (id) => this.items.get('tasks', id);

  /**
   * The mirror, then (another instance may have just written it) Graph: every item with that Ref
   * (one per plan at most), ours picked by its plan. Refs match exactly, as in every other store.
   */
  getTaskByRef: PlanStore['getTaskByRef'] = async (ref) => {
    const mine = (items: MirroredItem[]) => items.find((i) => i.fields.Ref === ref && this.items.scope.planOf(i) === this.planId);
    const item = mine(this.items.mirrors.tasks.all()) ?? mine(await this.items.query('tasks', 'Ref', ref, 100));
    return item && this.items.get('tasks', item.id);
  };

  createTask: PlanStore['createTask'] = async (input) => {
    this.refuseTakenRef('tasks', this.planId, input.ref);
    return this.site.create('tasks', input, input.ref, planFields(this.planId, input.ref));
  };

  updateTask: PlanStore['updateTask'] = async (id, expectedVersion, patch) => this.site.update('tasks', id, expectedVersion, withoutIdentity(patch, 'ref'));

  /** The update item and the task's latest fields in one $batch (update-batch.ts): both or neither. */
  recordUpdate: PlanStore['recordUpdate'] = async ({ update, task }) => {
    // The mirror only: the unique IdempotencyKey column catches what another instance wrote.
    if (this.items.mirrored('updates', 'idempotencyKey', update.idempotencyKey)) throw new DuplicateError('Update', update.idempotencyKey);
    if (!this.items.mirrors.tasks.get(task.id)) throw new NotFoundError('Task', task.id);
    const written = await writeTaskWithHistory(this.api, this.items, {
      taskId: task.id,
      expectedVersion: task.expectedVersion,
      taskFields: await this.site.fields('tasks', withoutIdentity(task.patch, 'ref'), true),
      history: { list: 'updates', fields: { ...(await this.site.fields('updates', update)), ...this.followsTask(task.id) }, key: update.idempotencyKey, entity: 'Update' },
    });
    return { task: this.items.stored('tasks', written.task), update: this.items.stored('updates', written.history) };
  };

  /** The mirror, then (another instance may have just stored it) the unique column in Graph. */
  findUpdateByIdempotencyKey: PlanStore['findUpdateByIdempotencyKey'] = async (key) => this.items.find('updates', 'idempotencyKey', key);

  /** A task's updates, whichever plan it is in. */
  listUpdates: PlanStore['listUpdates'] = async (taskId) =>
    this.items
      .all('updates')
      .filter((u) => u.taskId === taskId)
      .sort(byWhen((u) => u.submittedAt));

  listRecentUpdates: PlanStore['listRecentUpdates'] = async (limit) =>
    this.items
      .inPlan('updates', this.planId)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || Number(b.id) - Number(a.id))
      .slice(0, Math.max(0, Math.floor(limit)));

  // Plan changes and task comments -------------------------------------------------------------

  /**
   * The task's fields (a new ref with its PlanRef: the unique column refuses one another task of the
   * plan holds) and the Plan Changes item in one $batch, as recordUpdate does: both or neither.
   */
  editTask: PlanStore['editTask'] = async ({ task, change }) => {
    if (this.items.mirrored('changes', 'key', change.key)) throw new DuplicateError('Plan change', change.key);
    const current = this.items.mirrors.tasks.get(task.id);
    if (!current) throw new NotFoundError('Task', task.id);
    const ref = task.patch.ref ?? String(current.fields.Ref);
    const written = await writeTaskWithHistory(this.api, this.items, {
      taskId: task.id,
      expectedVersion: task.expectedVersion,
      taskFields: { ...(await this.site.fields('tasks', task.patch, true)), ...this.refChange('tasks', task.id, task.patch.ref) },
      history: { list: 'changes', fields: { ...(await this.site.fields('changes', change)), ...this.followsTask(task.id) }, key: change.key, entity: 'Plan change' },
      duplicateTask: () => new DuplicateError('Task', ref),
    });
    return { task: this.items.stored('tasks', written.task), change: this.items.stored('changes', written.history) };
  };

  /** The unique Key column: of two writers of one key, SharePoint lets one win (DuplicateError). */
  recordChange: PlanStore['recordChange'] = async (input) => {
    if (this.items.mirrored('changes', 'key', input.key)) throw new DuplicateError('Plan change', input.key);
    const subject = input.subject === 'task' ? 'tasks' : 'objectives';
    return this.site.create('changes', input, input.key, planFields(this.items.scope.planOfId(subject, input.subjectId, this.planId)));
  };

  /** This plan's history; a subject's wherever it is. */
  listChanges: PlanStore['listChanges'] = async (query = {}) =>
    (query.subjectId === undefined ? this.items.inPlan('changes', this.planId) : this.items.all('changes').filter((c) => c.subjectId === query.subjectId))
      .filter((c) => query.subject === undefined || c.subject === query.subject)
      .sort(byWhen((c) => c.changedAt));

  addComment: PlanStore['addComment'] = async (input) => {
    if (this.items.mirrored('comments', 'key', input.key)) throw new DuplicateError('Comment', input.key);
    return this.site.create('comments', input, input.key, this.followsTask(input.taskId));
  };

  /** This plan's comments; a task's wherever it is. */
  listComments: PlanStore['listComments'] = async (taskId) =>
    (taskId === undefined ? this.items.inPlan('comments', this.planId) : this.items.all('comments').filter((c) => c.taskId === taskId)).sort(byWhen((c) => c.postedAt));

  // Update rounds -------------------------------------------------------------------------------

  listRounds: PlanStore['listRounds'] = async (query = {}) =>
    this.items
      .inPlan('rounds', this.planId)
      .filter((r) => query.state === undefined || r.state === query.state)
      .sort(byWhen((r) => r.opensAt))
      .map((r) => this.withSnapshotText(r));

  /** The unique OpenKey column lets one round of a plan be open: a second create is a DuplicateError. */
  createRound: PlanStore['createRound'] = async (input) => {
    const extra = { ...planFields(this.planId), ...openKeyFields(input.state, randomUUID(), this.openKeyPlan(this.planId)) };
    return this.withSnapshotText(await this.site.create('rounds', input, input.name, extra));
  };

  updateRound: PlanStore['updateRound'] = async (id, expectedVersion, patch) => {
    const plan = this.items.scope.planOfId('rounds', id, this.planId);
    return this.withSnapshotText(await this.site.update('rounds', id, expectedVersion, patch, patch.state ? openKeyFields(patch.state, id, this.openKeyPlan(plan)) : {}));
  };

  private openKeyPlan(planId: string): { id: string; first: boolean } {
    return { id: planId, first: this.items.scope.isFirst(planId) };
  }

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

  /** This plan's approvals; a task's wherever it is. */
  listApprovals: PlanStore['listApprovals'] = async (query = {}) =>
    (query.taskId === undefined ? this.items.inPlan('approvals', this.planId) : this.items.all('approvals').filter((a) => a.taskId === query.taskId)).filter(
      (a) => (query.state === undefined || a.state === query.state) && (query.approverAadObjectId === undefined || a.approver.aadObjectId === query.approverAadObjectId),
    );

  getApproval: PlanStore['getApproval'] = async (id) => this.items.get('approvals', id);
  /** The mirror, then (another instance may have just created it) the unique Key column in Graph. */
  findApprovalByKey: PlanStore['findApprovalByKey'] = async (key) => this.items.find('approvals', 'key', key);
  createApproval: PlanStore['createApproval'] = async (input) => this.site.create('approvals', input, input.key, this.followsTask(input.taskId));
  /** If-Match on the approval's ETag: of two decisions at once, SharePoint lets one win (412 for the other). */
  updateApproval: PlanStore['updateApproval'] = async (id, expectedVersion, patch) => this.site.update('approvals', id, expectedVersion, withoutIdentity(patch, 'key', 'taskId'));

  // Reminder log and conversations: per person, every plan's (person-records.ts) ------------------

  tryAddReminder: PlanStore['tryAddReminder'] = (entry) => this.people.tryAddReminder(entry);
  setReminderOutcome: PlanStore['setReminderOutcome'] = (key, outcome, detail) => this.people.setReminderOutcome(key, outcome, detail);
  reclaimReminder: PlanStore['reclaimReminder'] = (key, expectedVersion, at) => this.people.reclaimReminder(key, expectedVersion, at);
  listReminders: PlanStore['listReminders'] = (taskId) => this.people.listReminders(taskId);
  saveConversation: PlanStore['saveConversation'] = (input) => this.people.saveConversation(input);
  getConversation: PlanStore['getConversation'] = (aadObjectId) => this.people.getConversation(aadObjectId);
  listConversations: PlanStore['listConversations'] = () => this.people.listConversations();
  deleteConversation: PlanStore['deleteConversation'] = (aadObjectId) => this.people.deleteConversation(aadObjectId);

  /** The site's change counts: a change in any plan may show in this one (a task's history). */
  changeStamp: PlanStore['changeStamp'] = async () => this.site.changeStamp();

  /** Stops the site's refresh: every plan's store shares it. */
  close: PlanStore['close'] = async () => this.site.close();

  // Plumbing ------------------------------------------------------------------------------------

  private get api(): GraphApi {
    return this.site.api;
  }

  /** The PlanId of a record that follows a task: the task's plan (this one when the task has gone). */
  private followsTask(taskId: string): Fields {
    return planFields(this.items.scope.planOfId('tasks', taskId, this.planId));
  }

  /** DuplicateError when another item of the plan holds the ref (items from before plans included). */
  private refuseTakenRef(list: 'objectives' | 'tasks', planId: string, ref: string, selfId?: string): void {
    if (this.items.scope.refHolder(list, planId, ref, selfId)) throw new DuplicateError(list === 'tasks' ? 'Task' : 'Objective', ref);
  }

  /** A new ref's PlanRef, in the item's own plan, once no other item of that plan holds it. */
  private refChange(list: 'objectives' | 'tasks', id: string, ref: string | undefined): Fields {
    if (ref === undefined) return {};
    const item = this.items.mirrors[list].get(id);
    if (!item) return {}; // the write says NotFound
    const planId = this.items.scope.planOf(item);
    this.refuseTakenRef(list, planId, ref, id);
    return planFields(planId, ref);
  }
}

