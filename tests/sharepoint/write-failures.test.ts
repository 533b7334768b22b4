import assert from 'node:assert/strict';
import { ConflictError, DuplicateError } from '../../core/errors';
import { classifyWriteFailure, GraphRequestError } from '../../core/store/sharepoint/graph/graph-error';
import { LISTS } from '../../core/store/sharepoint/list-schema';
import { alice, bob, taskInput, updateInput } from '../support/builders';
import { emulatedSites, listIdOf, rejection } from './helpers';

/**
 * Meets a real tenant, item 3: a unique-column violation is told by Graph's words, not by a 409
 * (which also means resourceModified), and a write whose answer was lost (written, then 504) is
 * recognised as our own when the retry meets it.
 */

const DUPLICATE = 'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Ref]. (2.1)';
const err = (status: number, code: string, message = 'x', ambiguous = false) => new GraphRequestError(status, code, message, '/sites/s/lists/l/items', ambiguous);

describe('classifyWriteFailure (core/store/sharepoint/graph/graph-error.ts)', () => {
  it('reads a unique violation from its words or code, whatever the status', () => {
    assert.equal(classifyWriteFailure(err(409, 'nameAlreadyExists', DUPLICATE)), 'duplicate');
    assert.equal(classifyWriteFailure(err(400, 'invalidRequest', DUPLICATE)), 'duplicate');
    assert.equal(classifyWriteFailure(err(500, 'generalException', DUPLICATE)), 'duplicate');
    assert.equal(classifyWriteFailure(err(409, 'nameAlreadyExists', 'A list item with this value exists.')), 'duplicate');
  });

  it('reads 409 resourceModified, 412 and a save conflict as conflicts, never as duplicates', () => {
    assert.equal(classifyWriteFailure(err(409, 'resourceModified', 'The resource has been modified.')), 'conflict');
    assert.equal(classifyWriteFailure(err(412, 'preconditionFailed')), 'conflict');
    assert.equal(classifyWriteFailure(err(409, 'generalException', 'Save Conflict. Your changes conflict with those made concurrently by another user.')), 'conflict');
  });

  it('leaves to the caller what it cannot read, and what may have been applied', () => {
    assert.equal(classifyWriteFailure(err(409, 'conflict', 'Conflict')), 'unclear');
    assert.equal(classifyWriteFailure(err(400, 'invalidRequest', 'valeurs en double')), 'unclear');
    assert.equal(classifyWriteFailure(err(504, 'UnknownError')), 'unclear');
    assert.equal(classifyWriteFailure(err(0, 'noResponse')), 'unclear');
    assert.equal(classifyWriteFailure(err(429, 'TooManyRequests', 'x', true)), 'unclear', 'throttled after an attempt that may have been applied');
    assert.equal(classifyWriteFailure(err(429, 'TooManyRequests')), 'other');
    assert.equal(classifyWriteFailure(err(403, 'accessDenied')), 'other');
    assert.equal(classifyWriteFailure(err(404, 'itemNotFound')), 'notFound');
    assert.equal(classifyWriteFailure(new Error('boom')), 'other');
  });
});

describe('SharePoint adapter: write failures as a real tenant answers them', () => {
  const { open, another } = emulatedSites();

  for (const uniqueViolation of ['400-invalidRequest', '500-generalException', '400-localized'] as const) {
    it(`a unique violation answered ${uniqueViolation} is a DuplicateError, on create and on reopening a round`, async () => {
      const { emulator, store } = await open({ uniqueViolation });
      const b = await another(emulator);
      await b.createTask(taskInput({ ref: '2.1' }));
      // Not in this instance's mirror: the create reaches Graph, which refuses it.
      const dup = await rejection(store.createTask(taskInput({ ref: '2.1', title: 'Another task' })));
      assert.ok(dup instanceof DuplicateError, `got ${String(dup)}`);
      const first = await store.createRound({ name: 'March', opensAt: '2026-03-02T09:00:00.000Z', dueDate: '2026-03-20', scope: { kind: 'all-open' }, state: 'Open' });
      const closed = await store.updateRound(first.id, first.version, { state: 'Closed', closedAt: '2026-03-21T10:00:00.000Z' });
      await store.createRound({ name: 'June', opensAt: '2026-06-01T09:00:00.000Z', dueDate: '2026-06-19', scope: { kind: 'all-open' }, state: 'Open' });
      await assert.rejects(store.updateRound(closed.id, closed.version, { state: 'Open' }), DuplicateError);
    });
  }

  it('a 409 resourceModified on an update is a ConflictError naming the winning version, not a DuplicateError', async () => {
    const { emulator, store: a } = await open({ staleEtag: '409-resourceModified' });
    const b = await another(emulator);
    const task = await a.createTask(taskInput({ ref: '4.1' }));
    await b.refresh();
    const won = await b.updateTask(task.id, task.version, { rag: 'Red' });
    const lost = await rejection(a.updateTask(task.id, task.version, { rag: 'Amber' }));
    assert.ok(lost instanceof ConflictError, `got ${String(lost)}`);
    assert.equal(lost.actualVersion, won.version);
    assert.equal((await a.getTask(task.id))?.rag, 'Red', 'the conflict re-read the item');
    const recorded = await rejection(a.recordUpdate({ update: updateInput(task.id), task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'x' } } }));
    assert.ok(recorded instanceof ConflictError, `recordUpdate too, got ${String(recorded)}`);
  });

  it('a create written and then answered 504 is our own item, for every list; another writer\'s item is still a duplicate', async () => {
    const { emulator, api, store } = await open();
    const created = async <T>(write: () => Promise<T>): Promise<T> => {
      emulator.timeOutAfterWrite(1, 'create');
      const from = emulator.requests.length;
      const result = await write();
      const posts = emulator.requests.slice(from).filter((r) => r.method === 'POST' && r.path.endsWith('/items'));
      assert.deepEqual(posts.map((r) => r.status).slice(0, 2), [504, 409], 'written and answered 504; the retry met our own item');
      return result;
    };
    const objective = await created(() => store.createObjective({ ref: '1', title: 'Understand our communities' }));
    assert.equal(objective.ref, '1');
    const task = await created(() => store.createTask(taskInput({ ref: '5.1', owners: [alice] })));
    assert.equal(task.ref, '5.1');
    const round = await created(() => store.createRound({ name: 'March', opensAt: '2026-03-02T09:00:00.000Z', dueDate: '2026-03-20', scope: { kind: 'all-open' }, state: 'Open' }));
    assert.equal(round.state, 'Open');
    const approval = await created(() =>
      store.createApproval({ key: 'k-1', taskId: task.id, taskRef: '5.1', fromRag: 'Green', toRag: 'Red', requestedBy: alice, requestedAt: '2026-11-20T10:00:00.000Z', approver: bob, route: 'manager', state: 'Pending' }),
    );
    assert.equal(approval.key, 'k-1');
    assert.equal(await created(() => store.tryAddReminder({ key: 'r-1', taskId: task.id, recipient: alice, trigger: 'due-14', sentAt: '2026-11-17T09:00:00.000Z', outcome: 'pending' })), true, 'the reminder is ours to send');
    const conversation = await created(() => store.saveConversation({ aadObjectId: 'aad-alice', reference: { serviceUrl: 'https://a' }, updatedAt: '2026-11-01T00:00:00.000Z' }));
    assert.equal(conversation.aadObjectId, 'aad-alice');
    const { update } = await created(() => store.recordUpdate({ update: updateInput(task.id, { taskRef: '5.1' }), task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'x' } } }));
    assert.equal(update.taskId, task.id);
    const change = await created(() =>
      store.recordChange({ key: 'c-1', subject: 'task', subjectId: task.id, subjectRef: '5.1', action: 'created', changedBy: bob, changedAt: '2026-11-20T10:00:00.000Z', changes: [] }),
    );
    assert.equal(change.key, 'c-1');
    const comment = await created(() => store.addComment({ key: 'm-1', taskId: task.id, taskRef: '5.1', author: alice, postedAt: '2026-11-20T10:00:00.000Z', text: 'Started' }));
    assert.equal(comment.key, 'm-1');
    const plan = await created(() => store.plans.createPlan({ key: 'workforce-2026-30', name: 'Workforce plan', kind: 'Workforce plan', periodStart: '2026-04-01', periodEnd: '2030-03-31', state: 'Draft' }));
    assert.equal(plan.key, 'workforce-2026-30');
    const lists = ['Plan Objectives', 'Plan Tasks', 'Update Rounds', 'RAG Approvals', 'Reminder Log', 'Bot Conversations', 'Plan Updates', 'Plan Changes', 'Task Comments', 'Plans'];
    assert.deepEqual([...lists].sort(), Object.values(LISTS).map((l) => l.displayName).sort(), 'every list');
    // Plans holds the first plan (made at connect) too.
    for (const [list, count] of lists.map((l) => [l, l === 'Plans' ? 2 : 1] as const)) {
      const { value } = await api.get<{ value: unknown[] }>(`/sites/${emulator.siteId}/lists/${await listIdOf(api, emulator.siteId, list)}/items`);
      assert.equal(value.length, count, `${list} holds the item once`);
    }

    // Another writer's item under the same key, after a first attempt that may have been applied (503).
    const b = await another(emulator);
    await b.createTask(taskInput({ ref: '5.2', title: 'Written by B' }));
    emulator.throttleNext(1, 0, 503);
    const from = emulator.requests.length;
    await assert.rejects(store.createTask(taskInput({ ref: '5.2', title: 'Written by A' })), DuplicateError);
    const posts = emulator.requests.slice(from).filter((r) => r.method === 'POST').map((r) => r.status);
    assert.deepEqual(posts, [503, 409], 'the first attempt was answered 503, so the holder had to be looked at');
  });

  it('an update written and then answered 504 succeeds once; a stale write after it still conflicts', async () => {
    const { emulator, store } = await open();
    const task = await store.createTask(taskInput({ ref: '6.1' }));
    emulator.timeOutAfterWrite(1, 'update');
    const updated = await store.updateTask(task.id, task.version, { rag: 'Amber', risks: 'Staffing' });
    assert.equal(updated.rag, 'Amber');
    assert.equal(emulator.requests.filter((r) => r.method === 'PATCH').map((r) => r.status).join(' '), '504 412', 'the retry met our own write');
    await assert.rejects(store.updateTask(task.id, task.version, { rag: 'Red' }), ConflictError);
    assert.equal((await store.getTask(task.id))?.version, updated.version);
  });

  for (const kind of ['batch', 'create', 'update'] as const) {
    it(`recordUpdate whose ${kind === 'batch' ? 'whole $batch' : kind === 'create' ? 'update item' : 'task patch'} was written and then answered 504 is recorded once`, async () => {
      const { emulator, api, store } = await open();
      const task = await store.createTask(taskInput({ ref: '7.1' }));
      emulator.timeOutAfterWrite(1, kind);
      const { task: after, update } = await store.recordUpdate({ update: updateInput(task.id, { taskRef: '7.1', progress: 'Halfway' }), task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'Halfway' } } });
      assert.equal(after.latestUpdate, 'Halfway');
      assert.equal(update.progress, 'Halfway');
      assert.ok(emulator.requests.some((r) => r.status === 504), 'a write was answered 504');
      const updates = await listIdOf(api, emulator.siteId, 'Plan Updates');
      const { value } = await api.get<{ value: unknown[] }>(`/sites/${emulator.siteId}/lists/${updates}/items`);
      assert.equal(value.length, 1, 'one history item');
      assert.deepEqual(await store.listUpdates(task.id), [update]);
      assert.equal((await store.getTask(task.id))?.version, after.version);
    });
  }
});
