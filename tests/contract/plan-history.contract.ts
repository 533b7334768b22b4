import assert from 'node:assert/strict';
import { ConflictError, DuplicateError, NotFoundError } from '../../core/errors';
import type { EvidenceLink, PlanChangeInput, TaskCommentInput } from '../../core/model';
import type { PlanStore } from '../../core/ports/plan-store';
import { alice, bob, carol, taskInput } from '../support/builders';

const links: EvidenceLink[] = [
  { url: 'https://council.sharepoint.com/sites/edi/Shared%20Documents/Equality%20data%202026.docx', title: 'Equality data report 2026', addedBy: carol, addedAt: '2026-11-20T10:00:00.000Z' },
  { url: "https://www.council.gov.uk/equality?year=2026&team=O'Brien", title: 'Published on the website' },
];

let keys = 0;

const changeInput = (subjectId: string, overrides: Partial<PlanChangeInput> = {}): PlanChangeInput => ({
  key: `change-${++keys}`,
  subject: 'task',
  subjectId,
  subjectRef: '1.1.1',
  action: 'edited',
  changedBy: bob,
  changedAt: '2026-11-20T10:00:00.000Z',
  changes: [{ field: 'dueDate', label: 'Due date', from: '1 December 2026', to: '31 January 2027' }],
  ...overrides,
});

const commentInput = (taskId: string, overrides: Partial<TaskCommentInput> = {}): TaskCommentInput => ({
  key: `comment-${++keys}`,
  taskId,
  taskRef: '1.1.1',
  author: alice,
  postedAt: '2026-11-20T10:00:00.000Z',
  text: "Survey drafted; Carol O'Brien is checking the questions.",
  ...overrides,
});

const withoutStored = <T extends { id: string; version: string }>({ id: _id, version: _version, ...rest }: T) => rest;

/**
 * Part of the PlanStore contract (plan-store.contract.ts): an officer's edits (editTask and the Plan
 * Changes item it writes with the task), history items on their own, task comments, and an
 * objective's retirement, through every adapter: SQLite, and SharePoint lists over the emulator.
 */
export function planHistoryContract(store: () => PlanStore): void {
  describe('plan history: edits, changes and comments', () => {
    it('editTask writes every field of the patch and the change together, and clears what is patched away', async () => {
      const t = await store().createTask(taskInput());
      const change = changeInput(t.id, {
        action: 'withdrawn',
        reason: 'Superseded by the new workforce strategy',
        changes: [
          { field: 'status', label: 'Status', from: 'Open', to: 'Withdrawn' },
          { field: 'evidenceLinks', label: 'Evidence links', to: 'Equality data report 2026; Published on the website' },
          { field: 'owners', label: 'Owners', from: 'Alice Owner' },
        ],
      });
      const patch = { status: 'Withdrawn' as const, statusReason: 'Superseded by the new workforce strategy', evidenceLinks: links, title: 'Publish the equality data report', owners: [alice, carol] };
      const { task, change: stored } = await store().editTask({ task: { id: t.id, expectedVersion: t.version, patch }, change });
      assert.notEqual(task.version, t.version);
      assert.deepEqual(withoutStored(task), { ...withoutStored(t), ...patch });
      assert.deepEqual(await store().getTask(t.id), task);
      assert.equal(typeof stored.id, 'string');
      assert.equal(typeof stored.version, 'string');
      assert.deepEqual(withoutStored(stored), change);
      assert.deepEqual(await store().listChanges(), [stored]);

      const cleared = await store().editTask({ task: { id: t.id, expectedVersion: task.version, patch: { statusReason: undefined, evidenceLinks: undefined, status: 'Open' } }, change: changeInput(t.id, { action: 'restored' }) });
      assert.equal(cleared.task.statusReason, undefined);
      assert.equal(cleared.task.evidenceLinks, undefined);
      assert.deepEqual(await store().getTask(t.id), cleared.task);
      assert.equal((await store().listChanges({ subjectId: t.id })).length, 2);
    });

    it('editTask with a stale version is a ConflictError and writes neither the task nor the change', async () => {
      const t = await store().createTask(taskInput());
      const moved = await store().updateTask(t.id, t.version, { rag: 'Amber' });
      const err = await store()
        .editTask({ task: { id: t.id, expectedVersion: t.version, patch: { statusReason: 'stale', rag: 'Red' } }, change: changeInput(t.id) })
        .then(() => assert.fail('a stale edit succeeded'), (e: unknown) => e);
      assert.ok(err instanceof ConflictError && err.id === t.id, String(err));
      assert.deepEqual(await store().getTask(t.id), moved);
      assert.deepEqual(await store().listChanges(), []);
    });

    it("editTask taking another task's ref is a DuplicateError and writes nothing", async () => {
      const a = await store().createTask(taskInput({ ref: '1.1' }));
      const b = await store().createTask(taskInput({ ref: '1.2', title: 'Second task' }));
      const err = await store()
        .editTask({ task: { id: b.id, expectedVersion: b.version, patch: { ref: '1.1', title: 'Renamed' } }, change: changeInput(b.id, { subjectRef: '1.2' }) })
        .then(() => assert.fail('a duplicate ref was accepted'), (e: unknown) => e);
      assert.ok(err instanceof DuplicateError, String(err));
      assert.equal(err.entity, 'Task');
      assert.equal(err.key, '1.1');
      assert.deepEqual(await store().getTask(b.id), b);
      assert.deepEqual(await store().getTask(a.id), a);
      assert.equal((await store().getTaskByRef('1.1'))?.id, a.id);
      assert.deepEqual(await store().listChanges(), []);
    });

    it('editTask may change the ref: the task is found by the new ref and not the old', async () => {
      await store().createTask(taskInput({ ref: '1.1' }));
      const b = await store().createTask(taskInput({ ref: '1.2' }));
      const { task } = await store().editTask({
        task: { id: b.id, expectedVersion: b.version, patch: { ref: '1.3' } },
        change: changeInput(b.id, { subjectRef: '1.3', changes: [{ field: 'ref', label: 'Ref', from: '1.2', to: '1.3' }] }),
      });
      assert.equal(task.ref, '1.3');
      assert.equal((await store().getTaskByRef('1.3'))?.id, b.id);
      assert.equal(await store().getTaskByRef('1.2'), undefined);
      assert.deepEqual((await store().listTasks()).map((t) => t.ref).sort(), ['1.1', '1.3']);
      // The freed ref can be taken again.
      assert.equal((await store().createTask(taskInput({ ref: '1.2' }))).ref, '1.2');
    });

    it('editTask of an unknown task is a NotFoundError; one whose change key is stored is a DuplicateError; neither writes', async () => {
      await assert.rejects(store().editTask({ task: { id: '424242', expectedVersion: '1', patch: { rag: 'Red' } }, change: changeInput('424242') }), NotFoundError);
      assert.deepEqual(await store().listChanges(), []);
      const t = await store().createTask(taskInput());
      const first = await store().recordChange(changeInput(t.id, { key: 'edit-1', action: 'created', changes: [] }));
      await assert.rejects(store().editTask({ task: { id: t.id, expectedVersion: t.version, patch: { rag: 'Red' } }, change: changeInput(t.id, { key: 'edit-1' }) }), DuplicateError);
      assert.deepEqual(await store().getTask(t.id), t);
      assert.deepEqual(await store().listChanges(), [first]);
    });

    it('recordChange round-trips every field and refuses a repeated key with DuplicateError', async () => {
      const input = changeInput('7', { subject: 'objective', subjectRef: '2', action: 'retired', reason: 'Merged into objective 1', changes: [{ field: 'retired', label: 'Retired', from: 'No', to: 'Yes' }] });
      const stored = await store().recordChange(input);
      assert.deepEqual(withoutStored(stored), input);
      await assert.rejects(store().recordChange({ ...input, reason: 'again' }), DuplicateError);
      assert.deepEqual(await store().listChanges(), [stored]);
    });

    it('listChanges filters by subject and subject id, oldest first (then in the order written)', async () => {
      const c3 = await store().recordChange(changeInput('1', { changedAt: '2026-11-03T09:00:00.000Z' }));
      const c1 = await store().recordChange(changeInput('1', { changedAt: '2026-11-01T09:00:00.000Z' }));
      const o1 = await store().recordChange(changeInput('1', { subject: 'objective', subjectRef: '1', changedAt: '2026-11-02T09:00:00.000Z', action: 'created', changes: [] }));
      const c2 = await store().recordChange(changeInput('2', { subjectRef: '1.1.2', changedAt: '2026-11-02T09:00:00.000Z' }));
      const c3b = await store().recordChange(changeInput('1', { changedAt: '2026-11-03T09:00:00.000Z', changes: [] }));
      const ids = (list: { id: string }[]) => list.map((c) => c.id);
      assert.deepEqual(ids(await store().listChanges()), ids([c1, o1, c2, c3, c3b]));
      assert.deepEqual(ids(await store().listChanges({ subject: 'task' })), ids([c1, c2, c3, c3b]));
      assert.deepEqual(ids(await store().listChanges({ subject: 'task', subjectId: '1' })), ids([c1, c3, c3b]));
      assert.deepEqual(ids(await store().listChanges({ subjectId: '1' })), ids([c1, o1, c3, c3b]));
      assert.deepEqual(ids(await store().listChanges({ subject: 'objective' })), ids([o1]));
      assert.deepEqual(await store().listChanges({ subjectId: '99' }), []);
    });

    it('addComment round-trips, refuses a repeated key, and listComments gives one task\'s or all, oldest first', async () => {
      const later = await store().addComment(commentInput('1', { postedAt: '2026-11-21T09:00:00.000Z', author: carol }));
      const earlier = await store().addComment(commentInput('1', { postedAt: '2026-11-20T09:00:00.000Z' }));
      const other = await store().addComment(commentInput('2', { taskRef: '1.1.2', postedAt: '2026-11-20T12:00:00.000Z', text: 'Done *on time*' }));
      assert.deepEqual(withoutStored(later), commentInput('1', { key: later.key, postedAt: '2026-11-21T09:00:00.000Z', author: carol }));
      await assert.rejects(store().addComment({ ...commentInput('1'), key: earlier.key, text: 'submitted twice' }), DuplicateError);
      assert.deepEqual(await store().listComments('1'), [earlier, later]);
      assert.deepEqual(await store().listComments('2'), [other]);
      assert.deepEqual(await store().listComments(), [earlier, other, later]);
      assert.deepEqual(await store().listComments('3'), []);
    });

    it('an objective is retired and restored through createObjective and updateObjective', async () => {
      const plain = await store().createObjective({ ref: '1', title: 'Understand our communities' });
      assert.equal(plain.retired, undefined, 'not retired unless said');
      const retired = await store().createObjective({ ref: '2', title: 'Merged objective', retired: true });
      assert.equal(retired.retired, true);
      assert.deepEqual(await store().listObjectives(), [plain, retired]);
      const restored = await store().updateObjective(retired.id, retired.version, { retired: false });
      assert.notEqual(restored.retired, true);
      const again = await store().updateObjective(plain.id, plain.version, { retired: true, title: 'Understand and work with our communities' });
      assert.equal(again.retired, true);
      assert.deepEqual(await store().listObjectives(), [again, restored]);
    });

    it('of 50 concurrent edits from one version, exactly one wins; 49 are ConflictErrors; one change is stored', async () => {
      const t = await store().createTask(taskInput());
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => store().editTask({ task: { id: t.id, expectedVersion: t.version, patch: { statusReason: `edit ${i}` } }, change: changeInput(t.id, { key: `concurrent-${i}` }) })),
      );
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      assert.equal(won.length, 1, `${won.length} edits won`);
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      assert.equal(lost.length, 49);
      for (const err of lost) assert.ok(err instanceof ConflictError, String(err));
      const changes = await store().listChanges({ subjectId: t.id });
      assert.deepEqual(changes, [won[0]!.change]);
      assert.deepEqual(await store().getTask(t.id), won[0]!.task);
      assert.equal(won[0]!.task.statusReason, `edit ${won[0]!.change.key.slice('concurrent-'.length)}`, 'the winning change belongs to the winning edit');
    });
  });
}
