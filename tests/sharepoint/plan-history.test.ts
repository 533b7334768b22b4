import assert from 'node:assert/strict';
import { ConflictError, DuplicateError, ValidationError } from '../../core/errors';
import type { PlanChangeInput } from '../../core/model';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { NOTE_MAX_CHARS } from '../../core/store/sharepoint/columns/column';
import type { ListKey } from '../../core/store/sharepoint/list-schema';
import { applyProvisioning, planProvisioning, type ProvisioningAction } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { bob, taskInput } from '../support/builders';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator';
import { emulatorApi } from '../support/sharepoint-over-emulator';
import { emulatedSites, listIdOf, rejection } from './helpers';

/**
 * The Plan Changes and Task Comments lists and an officer's edit (editTask) on the points the store
 * contract cannot show: what Graph itself holds after a refused or half-answered edit (the contract
 * reads through the store's own mirror), the columns as written, and a site provisioned by a
 * release without them.
 */

const change = (subjectId: string, overrides: Partial<PlanChangeInput> = {}): PlanChangeInput => ({
  key: `change-${Math.random().toString(36).slice(2)}`,
  subject: 'task',
  subjectId,
  subjectRef: '1.1.1',
  action: 'edited',
  changedBy: bob,
  changedAt: '2026-11-20T10:00:00.000Z',
  changes: [{ field: 'rag', label: 'RAG', from: 'Green', to: 'Red' }],
  reason: 'Supplier withdrew',
  ...overrides,
});

/** The items of a list as Graph holds them (not the store's mirror). */
async function graphItems(api: GraphApi, emulator: GraphEmulator, list: string): Promise<Record<string, unknown>[]> {
  const { value } = await api.get<{ value: { fields: Record<string, unknown> }[] }>(`/sites/${emulator.siteId}/lists/${await listIdOf(api, emulator.siteId, list)}/items?expand=fields`);
  return value.map((i) => i.fields);
}

describe('SharePoint adapter: Plan Changes, Task Comments and editTask', () => {
  const { open, another } = emulatedSites();

  it('a refused edit (stale, or a ref another task holds) leaves no Plan Changes item in Graph, as another instance sees', async () => {
    const { emulator, api, store } = await open();
    const a = await store.createTask(taskInput({ ref: '1.1' }));
    const b = await store.createTask(taskInput({ ref: '1.2' }));
    const moved = await store.updateTask(b.id, b.version, { rag: 'Amber' });
    assert.ok((await rejection(store.editTask({ task: { id: b.id, expectedVersion: b.version, patch: { rag: 'Red' } }, change: change(b.id) }))) instanceof ConflictError);
    const dup = await rejection(store.editTask({ task: { id: b.id, expectedVersion: moved.version, patch: { ref: '1.1' } }, change: change(b.id) }));
    assert.ok(dup instanceof DuplicateError && dup.key === '1.1', String(dup));
    assert.deepEqual(await graphItems(api, emulator, 'Plan Changes'), []);
    const tasks = await graphItems(api, emulator, 'Plan Tasks');
    assert.deepEqual(tasks.map((t) => t.Ref).sort(), ['1.1', '1.2']);
    const other = await another(emulator);
    assert.deepEqual(await other.listChanges(), []);
    assert.deepEqual(await other.getTask(b.id), moved);
    assert.equal((await other.getTaskByRef('1.1'))?.id, a.id);
  });

  it('an edit whose new ref another instance just took is a DuplicateError naming the ref (the unique Ref column decides)', async () => {
    const { emulator, store } = await open();
    const b = await store.createTask(taskInput({ ref: '1.2' }));
    const other = await another(emulator);
    await other.createTask(taskInput({ ref: '1.9' })); // not in this instance's mirror
    const dup = await rejection(store.editTask({ task: { id: b.id, expectedVersion: b.version, patch: { ref: '1.9' } }, change: change(b.id) }));
    assert.ok(dup instanceof DuplicateError && dup.entity === 'Task' && dup.key === '1.9', String(dup));
    assert.equal((await store.getTask(b.id))?.version, b.version);
  });

  for (const kind of ['batch', 'create', 'update'] as const) {
    it(`an edit whose ${kind === 'batch' ? 'whole $batch' : kind === 'create' ? 'change item' : 'task patch'} was written and then answered 504 is recorded once`, async () => {
      const { emulator, api, store } = await open();
      const task = await store.createTask(taskInput({ ref: '7.1' }));
      emulator.timeOutAfterWrite(1, kind);
      const edited = await store.editTask({ task: { id: task.id, expectedVersion: task.version, patch: { ref: '7.2', statusReason: 'Renumbered' } }, change: change(task.id, { subjectRef: '7.2' }) });
      assert.ok(emulator.requests.some((r) => r.status === 504), 'a write was answered 504');
      assert.equal(edited.task.ref, '7.2');
      assert.equal((await graphItems(api, emulator, 'Plan Changes')).length, 1, 'one history item');
      assert.deepEqual(await store.listChanges({ subjectId: task.id }), [edited.change]);
      assert.deepEqual(await store.getTask(task.id), edited.task);
      const other = await another(emulator);
      assert.deepEqual(await other.listChanges(), [edited.change]);
    });
  }

  it('50 concurrent edits on two instances: one wins, and Graph holds one change item', async () => {
    const { emulator, api, store } = await open();
    const task = await store.createTask(taskInput());
    const other = await another(emulator);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? other : store).editTask({ task: { id: task.id, expectedVersion: task.version, patch: { statusReason: `edit ${i}` } }, change: change(task.id) })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof ConflictError, String(r.reason));
    const items = await graphItems(api, emulator, 'Plan Changes');
    assert.equal(items.length, 1);
    const winner = results.find((r) => r.status === 'fulfilled')!.value;
    assert.equal(items[0]!.Key, winner.change.key);
    assert.equal((await graphItems(api, emulator, 'Plan Tasks'))[0]!._UIVersionString, '2.0', 'one write on top of the create');
  });

  it('writes the columns people read in Microsoft Lists: Title, the Person columns, JSON twins', async () => {
    const { emulator, api, store } = await open();
    const bobId = emulator.addSiteUser({ email: bob.email, displayName: bob.displayName, aadObjectId: bob.aadObjectId });
    const task = await store.createTask(taskInput({ ref: '3.4' }));
    await store.editTask({ task: { id: task.id, expectedVersion: task.version, patch: { rag: 'Red' } }, change: change(task.id, { subjectRef: '3.4', key: 'k-edit' }) });
    await store.recordChange(change('2', { subject: 'objective', subjectRef: '2', action: 'retired', key: 'k-retire', changes: [] }));
    await store.addComment({ key: 'k-comment', taskId: task.id, taskRef: '3.4', author: bob, postedAt: '2026-11-21T09:00:00.000Z', text: 'Chased the supplier' });
    const [edit, retire] = await graphItems(api, emulator, 'Plan Changes');
    assert.equal(edit!.Title, '3.4: edited');
    assert.equal(retire!.Title, 'Objective 2: retired');
    assert.equal(String(edit!.ChangedByLookupId), String(bobId));
    assert.deepEqual(JSON.parse(String(edit!.ChangedByJson)), bob);
    assert.deepEqual(JSON.parse(String(edit!.ChangesJson)), [{ field: 'rag', label: 'RAG', from: 'Green', to: 'Red' }]);
    assert.equal(edit!.Subject, 'task');
    assert.equal(edit!.Reason, 'Supplier withdrew');
    const [comment] = await graphItems(api, emulator, 'Task Comments');
    assert.equal(comment!.Title, '3.4');
    assert.equal(String(comment!.PostedByLookupId), String(bobId));
    assert.equal(comment!.Comment, 'Chased the supplier');
  });

  it('keeps a change of long texts within its column, cutting the values and not the change', async () => {
    const { store } = await open();
    const long = 'The task is about collecting, publishing and acting on equality data. '.repeat(1500);
    const stored = await store.recordChange(change('1', { changes: [{ field: 'description', label: 'Description', from: long, to: `${long} (revised)` }, { field: 'rag', label: 'RAG', from: 'Green', to: 'Red' }] }));
    assert.ok(JSON.stringify(stored.changes).length <= NOTE_MAX_CHARS);
    assert.equal(stored.changes.length, 2);
    assert.ok(stored.changes[0]!.from!.endsWith('…') && stored.changes[0]!.from!.startsWith('The task is about'));
    assert.deepEqual(stored.changes[1], { field: 'rag', label: 'RAG', from: 'Green', to: 'Red' });
  });

  it('refuses an evidence link that is not https before writing anything (it would make the task unreadable)', async () => {
    const { emulator, api, store } = await open();
    const task = await store.createTask(taskInput());
    const err = await rejection(
      store.editTask({ task: { id: task.id, expectedVersion: task.version, patch: { evidenceLinks: [{ url: 'http://intranet/report.docx', title: 'Report' }] } }, change: change(task.id) }),
    );
    assert.ok(err instanceof ValidationError && err.fields[0]?.field === 'evidenceLinks.0.url', String(err));
    assert.deepEqual(await graphItems(api, emulator, 'Plan Changes'), []);
    assert.deepEqual(await store.getTask(task.id), task);
    await assert.rejects(store.createTask(taskInput({ ref: '9.9', evidenceLinks: [{ url: 'javascript:alert(1)', title: 'x' }] })), ValidationError);
  });

  it('reads an objective retired in Microsoft Lists (Retired: Yes) and one set back to No', async () => {
    const { emulator, api, store } = await open();
    const o = await store.createObjective({ ref: '1', title: 'Understand our communities' });
    const list = await listIdOf(api, emulator.siteId, 'Plan Objectives');
    await api.patch(`/sites/${emulator.siteId}/lists/${list}/items/${o.id}/fields`, { Retired: true });
    const other = await another(emulator);
    assert.equal((await other.listObjectives())[0]?.retired, true);
    await api.patch(`/sites/${emulator.siteId}/lists/${list}/items/${o.id}/fields`, { Retired: false });
    await other.refresh();
    assert.equal((await other.listObjectives())[0]?.retired, undefined);
  });
});

/**
 * An older release's site: provisioned, but the lists in `without` created (straight through Graph,
 * so provisioning cannot fill them in) without the columns named, and the lists in `skip` absent.
 */
async function olderSite(api: GraphApi, siteId: string, without: Partial<Record<ListKey, string[]>>, skip: ListKey[] = []): Promise<void> {
  const plan = await planProvisioning(api, siteId);
  const creates = plan.actions.filter((a): a is Extract<ProvisioningAction, { kind: 'create-list' }> => a.kind === 'create-list');
  await applyProvisioning(api, { ...plan, actions: creates.filter((a) => !skip.includes(a.list) && !without[a.list]) });
  for (const a of creates.filter((c) => without[c.list])) {
    const body = a.body as { columns: { name: string }[] };
    await api.post(`/sites/${siteId}/lists`, { ...body, columns: body.columns.filter((c) => !without[a.list]!.includes(c.name)) });
  }
}

describe('SharePoint store: a site provisioned before Plan Changes and Task Comments', () => {
  let graph: GraphEmulator | undefined;
  afterEach(async () => graph?.close());

  it('refuses to start, naming the lists and columns; starts once provisioning added them (Retired as a Yes/No column)', async () => {
    graph = await startGraphEmulator();
    const api = emulatorApi(graph);
    await olderSite(api, graph.siteId, { tasks: ['StatusReason', 'EvidenceLinksJson'], objectives: ['Retired'] }, ['changes', 'comments']);
    await assert.rejects(SharePointPlanStore.connect(api, { siteId: graph.siteId }), /no list named "Plan Changes", "Task Comments"/);

    const upgrade = await planProvisioning(api, graph.siteId);
    assert.deepEqual(upgrade.problems, []);
    assert.deepEqual(upgrade.actions.map((a) => (a.kind === 'add-column' ? `${a.list}.${a.column}` : `${a.kind} ${a.list}`)).sort(), ['create-list changes', 'create-list comments', 'objectives.Retired', 'tasks.EvidenceLinksJson', 'tasks.StatusReason']);
    assert.deepEqual((upgrade.actions.find((a) => a.kind === 'add-column' && a.column === 'Retired') as { body: Record<string, unknown> }).body.boolean, {});
    const done = await applyProvisioning(api, upgrade);
    assert.deepEqual(done.problems, []);
    const store = await SharePointPlanStore.connect(api, { siteId: graph.siteId });
    const o = await store.createObjective({ ref: '1', title: 'Understand our communities', retired: true });
    assert.equal(o.retired, true);
    assert.equal((await store.listObjectives())[0]?.retired, true);
    assert.deepEqual((await planProvisioning(api, graph.siteId)).actions, [], 'nothing left to do');
    await store.close();
  });

  it('refuses to start while Plan Tasks lacks a column this release writes, naming it', async () => {
    graph = await startGraphEmulator();
    const api = emulatorApi(graph);
    await olderSite(api, graph.siteId, { tasks: ['EvidenceLinksJson'] });
    await assert.rejects(SharePointPlanStore.connect(api, { siteId: graph.siteId }), /lacks columns this release needs \("Plan Tasks": EvidenceLinksJson\)/);
  });
});
