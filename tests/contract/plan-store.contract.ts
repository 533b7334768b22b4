import assert from 'node:assert/strict';
import { ConflictError, DuplicateError, NotFoundError } from '../../core/errors';
import type { RagApprovalInput, RoundSnapshotLine, UpdateRoundInput } from '../../core/model';
import type { PlanStore } from '../../core/ports/plan-store';
import { alice, bob, carol, taskInput, updateInput } from '../support/builders';
import { measureFieldsContract } from './measure-fields.contract';
import { planHistoryContract } from './plan-history.contract';

const roundInput = (overrides: Partial<UpdateRoundInput> = {}): UpdateRoundInput => ({
  name: 'Board report March 2026',
  opensAt: '2026-03-02T09:00:00.000Z',
  dueDate: '2026-03-20',
  scope: { kind: 'all-open' },
  state: 'Open',
  ...overrides,
});

/**
 * The PlanStore contract. Every adapter runs exactly this suite (no adapter-specific branches):
 * SQLite today, SharePoint-over-the-Graph-emulator when it lands.
 */
export function planStoreContract(name: string, open: () => Promise<PlanStore>): void {
  describe(`PlanStore contract: ${name}`, () => {
    let store: PlanStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('tasks', () => {
      it('round-trips every field and gives string ids and versions', async () => {
        const input = taskInput({
          accountableOfficer: bob,
          owners: [alice, carol],
          description: 'Bring together *all* data',
          desiredOutcome: 'Residents can see the data',
          successMeasure: 'Published by the deadline',
          supportingServices: 'Business Intelligence',
          strategy: 'Council Plan 2025-28',
          percentComplete: 40,
          evidence: 'Dashboard in testing',
          risks: 'Data gaps',
          pendingRag: 'Red',
          pendingApprovalId: 'approval-key-1',
          delegatedBy: carol,
          delegatedAt: '2026-11-20T10:00:00.000Z',
        });
        const created = await store.createTask(input);
        assert.equal(typeof created.id, 'string');
        assert.equal(typeof created.version, 'string');
        const read = await store.getTask(created.id);
        assert.deepEqual(read, created);
        assert.deepEqual({ ...read, id: undefined, version: undefined }, { ...input, id: undefined, version: undefined, planId: store.planId });
      });

      it('finds a task by ref, including refs with quotes', async () => {
        await store.createTask(taskInput({ ref: '1.1.1' }));
        const quoted = await store.createTask(taskInput({ ref: "O'Brien-1" }));
        assert.equal((await store.getTaskByRef("O'Brien-1"))?.id, quoted.id);
        assert.equal(await store.getTaskByRef("O'Brien"), undefined);
        assert.equal(await store.getTaskByRef('nope'), undefined);
      });

      it('refuses a duplicate ref with DuplicateError', async () => {
        await store.createTask(taskInput({ ref: '2.1' }));
        await assert.rejects(store.createTask(taskInput({ ref: '2.1' })), DuplicateError);
        assert.equal((await store.listTasks()).length, 1);
      });

      it('returns undefined for an unknown or malformed id', async () => {
        assert.equal(await store.getTask('99999'), undefined);
        assert.equal(await store.getTask("1' or '1'='1"), undefined);
      });

      it('updates with the current version and bumps the version', async () => {
        const created = await store.createTask(taskInput());
        const updated = await store.updateTask(created.id, created.version, { rag: 'Amber', risks: 'Staffing' });
        assert.notEqual(updated.version, created.version);
        assert.equal(updated.rag, 'Amber');
        assert.equal(updated.ref, created.ref);
        assert.deepEqual(await store.getTask(created.id), updated);
      });

      it('rejects a stale version with ConflictError and keeps the winning write', async () => {
        const created = await store.createTask(taskInput());
        const first = await store.updateTask(created.id, created.version, { latestUpdate: 'first writer' });
        await assert.rejects(
          store.updateTask(created.id, created.version, { latestUpdate: 'second writer' }),
          (err: unknown) => err instanceof ConflictError && err.id === created.id,
        );
        assert.equal((await store.getTask(created.id))?.latestUpdate, 'first writer');
        assert.equal((await store.getTask(created.id))?.version, first.version);
      });

      it('rejects an update of an unknown task with NotFoundError', async () => {
        await assert.rejects(store.updateTask('424242', '1', { rag: 'Red' }), NotFoundError);
      });

      it('clears optional fields when patched with undefined', async () => {
        const created = await store.createTask(taskInput({ risks: 'old risk' }));
        const updated = await store.updateTask(created.id, created.version, { risks: undefined });
        assert.equal((await store.getTask(updated.id))?.risks, undefined);
      });

      it('filters by owner, status and due date', async () => {
        await store.createTask(taskInput({ ref: 'a', owners: [alice], dueDate: '2026-11-25' }));
        await store.createTask(taskInput({ ref: 'b', owners: [bob, alice], dueDate: '2026-12-25' }));
        await store.createTask(taskInput({ ref: 'c', owners: [bob], status: 'Complete', rag: 'Complete', dueDate: '2026-10-01' }));
        await store.createTask(taskInput({ ref: 'd', owners: [carol], dueDate: undefined, dueText: 'Ongoing' }));
        const refs = async (q: Parameters<PlanStore['listTasks']>[0]) => (await store.listTasks(q)).map((t) => t.ref).sort();
        assert.deepEqual(await refs({ ownerAadObjectId: alice.aadObjectId }), ['a', 'b']);
        assert.deepEqual(await refs({ ownerAadObjectId: bob.aadObjectId, statuses: ['Open'] }), ['b']);
        assert.deepEqual(await refs({ dueOnOrBefore: '2026-11-30' }), ['a', 'c']);
        assert.deepEqual(await refs({ statuses: ['Open'], dueOnOrBefore: '2026-12-31' }), ['a', 'b']);
        assert.deepEqual(await refs({ statuses: [] }), []);
        assert.deepEqual(await refs({}), ['a', 'b', 'c', 'd']);
      });

      it('re-indexes owners when they change', async () => {
        const t = await store.createTask(taskInput({ owners: [alice] }));
        await store.updateTask(t.id, t.version, { owners: [bob] });
        assert.deepEqual(await store.listTasks({ ownerAadObjectId: alice.aadObjectId }), []);
        assert.equal((await store.listTasks({ ownerAadObjectId: bob.aadObjectId })).length, 1);
      });
    });

    measureFieldsContract(() => store);
    planHistoryContract(() => store);

    describe('updates', () => {
      it('records an update and the task latest fields together', async () => {
        const t = await store.createTask(taskInput());
        const u = updateInput(t.id, { progress: 'Halfway there' });
        const { task, update } = await store.recordUpdate({
          update: u,
          task: { id: t.id, expectedVersion: t.version, patch: { latestUpdate: 'Halfway there', latestUpdateAt: u.submittedAt, latestUpdateBy: alice } },
        });
        assert.equal(task.latestUpdate, 'Halfway there');
        assert.notEqual(task.version, t.version);
        assert.equal(typeof update.id, 'string');
        assert.deepEqual(await store.listUpdates(t.id), [update]);
        assert.deepEqual(await store.findUpdateByIdempotencyKey(u.idempotencyKey), update);
      });

      it('writes nothing when the task version is stale', async () => {
        const t = await store.createTask(taskInput());
        await store.updateTask(t.id, t.version, { rag: 'Amber' });
        await assert.rejects(
          store.recordUpdate({ update: updateInput(t.id), task: { id: t.id, expectedVersion: t.version, patch: { latestUpdate: 'x' } } }),
          ConflictError,
        );
        assert.deepEqual(await store.listUpdates(t.id), []);
        assert.equal((await store.getTask(t.id))?.latestUpdate, undefined);
      });

      it('writes nothing for a repeated idempotency key', async () => {
        const t = await store.createTask(taskInput());
        const u = updateInput(t.id, { idempotencyKey: 'card-123' });
        const first = await store.recordUpdate({ update: u, task: { id: t.id, expectedVersion: t.version, patch: { latestUpdate: 'one' } } });
        await assert.rejects(
          store.recordUpdate({ update: { ...u, progress: 'again' }, task: { id: t.id, expectedVersion: first.task.version, patch: { latestUpdate: 'two' } } }),
          DuplicateError,
        );
        assert.equal((await store.listUpdates(t.id)).length, 1);
        assert.equal((await store.getTask(t.id))?.latestUpdate, 'one');
      });

      it('keeps the round an update was given for', async () => {
        const t = await store.createTask(taskInput());
        const { update } = await store.recordUpdate({
          update: updateInput(t.id, { round: 'Board report March 2026' }),
          task: { id: t.id, expectedVersion: t.version, patch: {} },
        });
        assert.equal(update.round, 'Board report March 2026');
        assert.equal((await store.listUpdates(t.id))[0]?.round, 'Board report March 2026');
      });

      it('lists a task history oldest first and recent updates newest first', async () => {
        const t1 = await store.createTask(taskInput({ ref: 'x1' }));
        const t2 = await store.createTask(taskInput({ ref: 'x2' }));
        let v1 = t1.version;
        for (const at of ['2026-11-03T09:00:00.000Z', '2026-11-01T09:00:00.000Z']) {
          v1 = (await store.recordUpdate({ update: updateInput(t1.id, { submittedAt: at }), task: { id: t1.id, expectedVersion: v1, patch: {} } })).task.version;
        }
        await store.recordUpdate({ update: updateInput(t2.id, { submittedAt: '2026-11-02T09:00:00.000Z' }), task: { id: t2.id, expectedVersion: t2.version, patch: {} } });
        assert.deepEqual((await store.listUpdates(t1.id)).map((u) => u.submittedAt), ['2026-11-01T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
        assert.deepEqual((await store.listRecentUpdates(2)).map((u) => u.submittedAt), ['2026-11-03T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
      });
    });

    describe('reminder log', () => {
      const entry = {
        key: 't1:due-14:2026-12-01:aad-alice',
        taskId: 't1',
        recipient: alice,
        trigger: 'due-14',
        sentAt: '2026-11-17T09:00:00.000Z',
        outcome: 'pending' as const,
      };

      it('inserts a key once; the second insert writes nothing', async () => {
        assert.equal(await store.tryAddReminder(entry), true);
        assert.equal(await store.tryAddReminder({ ...entry, sentAt: '2026-11-18T09:00:00.000Z' }), false);
        const log = await store.listReminders();
        assert.equal(log.length, 1);
        assert.equal(log[0]?.sentAt, entry.sentAt);
      });

      it('records the outcome and filters by task', async () => {
        await store.tryAddReminder(entry);
        await store.tryAddReminder({ ...entry, key: 'other', taskId: 't2' });
        await store.setReminderOutcome(entry.key, 'failed', 'blocked');
        const [only] = await store.listReminders('t1');
        assert.equal(only?.outcome, 'failed');
        assert.equal(only?.detail, 'blocked');
        assert.equal((await store.listReminders()).length, 2);
        await assert.rejects(store.setReminderOutcome('missing', 'sent'), NotFoundError);
      });

      it('reclaims a failed reminder once per version', async () => {
        await store.tryAddReminder(entry);
        await store.setReminderOutcome(entry.key, 'failed', 'transient');
        const [failed] = await store.listReminders();
        assert.ok(failed);
        const claims = await Promise.all([store.reclaimReminder(entry.key, failed.version), store.reclaimReminder(entry.key, failed.version)]);
        assert.deepEqual(claims.sort(), [false, true]);
        const [pending] = await store.listReminders();
        assert.equal(pending?.outcome, 'pending');
        assert.equal(pending?.detail, undefined);
        assert.equal(pending?.sentAt, entry.sentAt, 'without a time, SentAt is kept');
        assert.equal(await store.reclaimReminder('missing', '1'), false);
      });

      it('stamps a reclaimed reminder with the new attempt, so the log says when it went', async () => {
        await store.tryAddReminder(entry);
        await store.setReminderOutcome(entry.key, 'failed', 'transient');
        const [failed] = await store.listReminders();
        assert.equal(await store.reclaimReminder(entry.key, failed!.version, '2026-11-19T09:30:00.000Z'), true);
        const [pending] = await store.listReminders();
        assert.deepEqual([pending?.outcome, pending?.sentAt], ['pending', '2026-11-19T09:30:00.000Z']);
      });

      it('lets only one of many concurrent inserts of a key win', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.tryAddReminder(entry)));
        assert.equal(results.filter(Boolean).length, 1);
      });
    });

    describe('update rounds', () => {
      it('round-trips an open round and lists rounds oldest first, by state', async () => {
        const older = await store.createRound(roundInput({ name: 'October update', opensAt: '2025-10-01T09:00:00.000Z', dueDate: '2025-10-20', state: 'Closed', closedAt: '2025-10-21T16:30:00.000Z', snapshot: [] }));
        const open = await store.createRound(roundInput({ scope: { kind: 'objectives', refs: ['1', "O'Brien"] } }));
        assert.equal(typeof open.id, 'string');
        assert.equal(typeof open.version, 'string');
        assert.deepEqual({ ...open, id: undefined, version: undefined }, { ...roundInput({ scope: { kind: 'objectives', refs: ['1', "O'Brien"] } }), id: undefined, version: undefined, planId: store.planId });
        assert.deepEqual(await store.listRounds(), [older, open]);
        assert.deepEqual(await store.listRounds({ state: 'Open' }), [open]);
        assert.deepEqual(await store.listRounds({ state: 'Closed' }), [older]);
      });

      it('round-trips every scope kind', async () => {
        const scopes = [{ kind: 'all-open' }, { kind: 'objectives', refs: ['2', '3'] }, { kind: 'tasks', refs: ['1.1.2', '3a'] }] as const;
        for (const [i, scope] of scopes.entries()) {
          await store.createRound(roundInput({ name: `Round ${i}`, opensAt: `2026-0${i + 1}-01T09:00:00.000Z`, state: 'Closed', scope: structuredClone(scope) as UpdateRoundInput['scope'] }));
        }
        assert.deepEqual((await store.listRounds()).map((r) => r.scope), scopes);
      });

      it('closes a round with its snapshot, checking the version', async () => {
        const open = await store.createRound(roundInput());
        const snapshot: RoundSnapshotLine[] = [
          { taskId: '7', taskRef: '1.1.2', update: 'Survey *sent* to 400 staff', updateAt: '2026-03-10T11:00:00.000Z', updateBy: carol, updateId: '12', rag: 'Amber' },
          { taskId: '8', taskRef: '3a', rag: 'Not started' },
        ];
        const closed = await store.updateRound(open.id, open.version, { state: 'Closed', closedAt: '2026-03-21T10:00:00.000Z', snapshot });
        assert.notEqual(closed.version, open.version);
        assert.equal(closed.name, open.name);
        assert.deepEqual(closed.snapshot, snapshot);
        assert.deepEqual(await store.listRounds(), [closed]);
        await assert.rejects(store.updateRound(open.id, open.version, { name: 'stale' }), (err: unknown) => err instanceof ConflictError && err.id === open.id);
        await assert.rejects(store.updateRound('424242', '1', { name: 'nope' }), NotFoundError);
        const renamed = await store.updateRound(closed.id, closed.version, { name: 'Board report (March)', closedAt: undefined });
        assert.equal(renamed.closedAt, undefined);
        assert.deepEqual(await store.listRounds(), [renamed]);
      });

      it('keeps at most one round open: a second open round is a DuplicateError and writes nothing', async () => {
        const first = await store.createRound(roundInput());
        await assert.rejects(store.createRound(roundInput({ name: 'Another' })), DuplicateError);
        assert.equal((await store.listRounds()).length, 1);
        const closed = await store.updateRound(first.id, first.version, { state: 'Closed', closedAt: '2026-03-21T10:00:00.000Z' });
        const second = await store.createRound(roundInput({ name: 'Board report June 2026', opensAt: '2026-06-01T09:00:00.000Z', dueDate: '2026-06-19' }));
        await assert.rejects(store.updateRound(closed.id, closed.version, { state: 'Open' }), DuplicateError, 'reopening while another is open');
        assert.deepEqual((await store.listRounds({ state: 'Open' })).map((r) => r.id), [second.id]);
        const third = await store.createRound(roundInput({ name: 'Also closed', state: 'Closed', opensAt: '2026-07-01T09:00:00.000Z' }));
        assert.equal(third.state, 'Closed', 'closed rounds do not collide with each other');
      });

      it('lets only one of several concurrent opens win', async () => {
        const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => store.createRound(roundInput({ name: `Round ${i}` }))));
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        assert.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof DuplicateError));
        assert.equal((await store.listRounds({ state: 'Open' })).length, 1);
      });

      it('keeps a whole plan\'s snapshot, however long its updates', async () => {
        const snapshot: RoundSnapshotLine[] = [];
        for (let i = 0; i < 50; i++) {
          const t = await store.createTask(taskInput({ ref: `L${i}` }));
          const text = `Update ${i}: ${'progress on the equality action plan. '.repeat(40)}`;
          const { update } = await store.recordUpdate({ update: updateInput(t.id, { taskRef: t.ref, progress: text, submittedBy: carol }), task: { id: t.id, expectedVersion: t.version, patch: { latestUpdate: text } } });
          snapshot.push({ taskId: t.id, taskRef: t.ref, update: text, updateAt: update.submittedAt, updateBy: carol, updateId: update.id, rag: 'Green' });
        }
        snapshot.push({ taskId: '999', taskRef: 'imported', update: 'Imported from the October plan', rag: 'Amber' });
        assert.ok(JSON.stringify(snapshot).length > 64_000, 'longer than one SharePoint text column');
        const open = await store.createRound(roundInput());
        const closed = await store.updateRound(open.id, open.version, { state: 'Closed', closedAt: '2026-03-21T10:00:00.000Z', snapshot });
        assert.deepEqual(closed.snapshot, snapshot);
        assert.deepEqual((await store.listRounds())[0]?.snapshot, snapshot);
      });
    });

    describe('RAG approvals', () => {
      const approvalInput = (overrides: Partial<RagApprovalInput> = {}): RagApprovalInput => ({
        key: 'k-1',
        taskId: '1',
        taskRef: '1.1.1',
        fromRag: 'Amber',
        toRag: 'Red',
        requestedBy: alice,
        requestedAt: '2026-11-20T10:00:00.000Z',
        justification: 'Supplier withdrew; re-tendering',
        approver: bob,
        route: 'accountable-officer',
        state: 'Pending',
        ...overrides,
      });

      it('round-trips every field and finds an approval by id and key', async () => {
        const input = approvalInput({ updateId: '7', ownerActivityId: 'act-owner', approverActivityId: 'act-approver' });
        const created = await store.createApproval(input);
        assert.equal(typeof created.id, 'string');
        assert.deepEqual(await store.getApproval(created.id), created);
        assert.deepEqual(await store.findApprovalByKey('k-1'), created);
        assert.deepEqual({ ...created, id: undefined, version: undefined }, { ...input, id: undefined, version: undefined });
        assert.equal(await store.findApprovalByKey('k-unknown'), undefined);
        assert.equal(await store.getApproval('999999'), undefined);
      });

      it('refuses a duplicate key with DuplicateError', async () => {
        await store.createApproval(approvalInput());
        await assert.rejects(store.createApproval(approvalInput({ toRag: 'Green' })), DuplicateError);
        assert.equal((await store.listApprovals()).length, 1);
      });

      it('decides with the current version; a stale decision is a ConflictError and changes nothing', async () => {
        const pending = await store.createApproval(approvalInput());
        const decided = await store.updateApproval(pending.id, pending.version, { state: 'Approved', decidedBy: bob, decidedAt: '2026-11-21T09:00:00.000Z', comment: 'Agreed' });
        assert.equal(decided.state, 'Approved');
        assert.notEqual(decided.version, pending.version);
        await assert.rejects(store.updateApproval(pending.id, pending.version, { state: 'Rejected', decidedBy: carol }), ConflictError);
        const read = await store.getApproval(pending.id);
        assert.equal(read?.state, 'Approved');
        assert.deepEqual(read?.decidedBy, bob);
        assert.equal(read?.comment, 'Agreed');
        await assert.rejects(store.updateApproval('999999', '1', { state: 'Approved' }), NotFoundError);
      });

      it('lets exactly one of many concurrent decisions win', async () => {
        const pending = await store.createApproval(approvalInput());
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => store.updateApproval(pending.id, pending.version, { state: i % 2 ? 'Approved' : 'Rejected', comment: `click ${i}` })),
        );
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
        for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof ConflictError, String(r.reason));
      });

      it('filters by task, state and approver, oldest first', async () => {
        const a = await store.createApproval(approvalInput({ key: 'a', taskId: '1' }));
        const b = await store.createApproval(approvalInput({ key: 'b', taskId: '2', approver: carol, route: 'manager' }));
        const c = await store.createApproval(approvalInput({ key: 'c', taskId: '1', state: 'Superseded', supersededBy: 'a' }));
        assert.deepEqual((await store.listApprovals()).map((x) => x.key), ['a', 'b', 'c']);
        assert.deepEqual((await store.listApprovals({ taskId: '1' })).map((x) => x.key), ['a', 'c']);
        assert.deepEqual((await store.listApprovals({ state: 'Pending' })).map((x) => x.key), ['a', 'b']);
        assert.deepEqual((await store.listApprovals({ approverAadObjectId: carol.aadObjectId, state: 'Pending' })).map((x) => x.id), [b.id]);
        assert.ok(a && c);
      });

      it('clears optional fields when patched with undefined', async () => {
        const pending = await store.createApproval(approvalInput({ chasedAt: '2026-11-25T09:00:00.000Z' }));
        const next = await store.updateApproval(pending.id, pending.version, { chasedAt: undefined, escalatedAt: '2026-11-28T09:00:00.000Z' });
        assert.equal(next.chasedAt, undefined);
        assert.equal((await store.getApproval(pending.id))?.chasedAt, undefined);
        assert.equal((await store.getApproval(pending.id))?.escalatedAt, '2026-11-28T09:00:00.000Z');
      });
    });

    describe('conversations', () => {
      it('creates, replaces and lists conversation references by user', async () => {
        const first = await store.saveConversation({ aadObjectId: 'u1', reference: { serviceUrl: 'https://a' }, updatedAt: '2026-11-01T00:00:00.000Z' });
        const second = await store.saveConversation({ aadObjectId: 'u1', reference: { serviceUrl: 'https://b' }, updatedAt: '2026-11-02T00:00:00.000Z', tenantId: 'tid' });
        assert.equal(second.id, first.id);
        assert.notEqual(second.version, first.version);
        assert.deepEqual((await store.getConversation('u1'))?.reference, { serviceUrl: 'https://b' });
        assert.equal((await store.getConversation('u1'))?.tenantId, 'tid');
        assert.equal(await store.getConversation('u2'), undefined);
        await store.saveConversation({ aadObjectId: 'u2', reference: {}, updatedAt: '2026-11-02T00:00:00.000Z' });
        assert.deepEqual((await store.listConversations()).map((c) => c.aadObjectId), ['u1', 'u2']);
      });

      it('deletes one person\'s conversation (a leaver), once; a new chat can be saved again', async () => {
        await store.saveConversation({ aadObjectId: 'u1', reference: { serviceUrl: 'https://a' }, updatedAt: '2026-11-01T00:00:00.000Z' });
        await store.saveConversation({ aadObjectId: 'u2', reference: {}, updatedAt: '2026-11-02T00:00:00.000Z' });
        assert.equal(await store.deleteConversation('u1'), true);
        assert.equal(await store.getConversation('u1'), undefined);
        assert.deepEqual((await store.listConversations()).map((c) => c.aadObjectId), ['u2']);
        assert.equal(await store.deleteConversation('u1'), false, 'already gone');
        assert.equal(await store.deleteConversation('nobody'), false);
        await store.saveConversation({ aadObjectId: 'u1', reference: { serviceUrl: 'https://c' }, updatedAt: '2026-11-03T00:00:00.000Z' });
        assert.deepEqual((await store.getConversation('u1'))?.reference, { serviceUrl: 'https://c' });
      });
    });

    describe('change stamp', () => {
      it('stays the same while nothing changes and moves with every kind of write', async () => {
        const first = await store.changeStamp();
        assert.equal(await store.changeStamp(), first);
        await store.listTasks();
        assert.equal(await store.changeStamp(), first, 'reads change nothing');
        const task = await store.createTask(taskInput());
        const afterCreate = await store.changeStamp();
        assert.notEqual(afterCreate, first);
        await store.updateTask(task.id, task.version, { rag: 'Red' });
        const afterUpdate = await store.changeStamp();
        assert.notEqual(afterUpdate, afterCreate);
        await store.tryAddReminder({ key: 'k', taskId: task.id, recipient: alice, trigger: 't', sentAt: '2026-11-20T10:00:00.000Z', outcome: 'pending' });
        assert.notEqual(await store.changeStamp(), afterUpdate);
      });
    });

    describe('objectives', () => {
      it('creates, lists and updates with version checks', async () => {
        const o = await store.createObjective({ ref: '1', title: 'Understand our communities' });
        await assert.rejects(store.createObjective({ ref: '1', title: 'dup' }), DuplicateError);
        const u = await store.updateObjective(o.id, o.version, { title: 'Understand and work with our communities' });
        await assert.rejects(store.updateObjective(o.id, o.version, { title: 'stale' }), ConflictError);
        assert.deepEqual(await store.listObjectives(), [u]);
      });
    });
  });
}
