import assert from 'node:assert/strict';
import { ConflictError, DuplicateError, NotFoundError } from '../../core/errors';
import type { PlanStore } from '../../core/ports/plan-store';
import { alice, bob, carol, taskInput, updateInput } from '../support/builders';

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
        });
        const created = await store.createTask(input);
        assert.equal(typeof created.id, 'string');
        assert.equal(typeof created.version, 'string');
        const read = await store.getTask(created.id);
        assert.deepEqual(read, created);
        assert.deepEqual({ ...read, id: undefined, version: undefined }, { ...input, id: undefined, version: undefined });
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
        assert.equal(await store.reclaimReminder('missing', '1'), false);
      });

      it('lets only one of many concurrent inserts of a key win', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, () => store.tryAddReminder(entry)));
        assert.equal(results.filter(Boolean).length, 1);
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
