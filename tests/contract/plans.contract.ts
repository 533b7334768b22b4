import assert from 'node:assert/strict';
import { ConflictError, DuplicateError } from '../../core/errors';
import type { PlanInput, UpdateRoundInput } from '../../core/model';
import type { PlanStore } from '../../core/ports/plan-store';
import { alice, bob, taskInput, updateInput } from '../support/builders';

const workforce: PlanInput = {
  key: 'workforce-2025-28',
  name: 'Workforce equality plan',
  kind: 'Workforce plan',
  periodStart: '2025-04-01',
  periodEnd: '2028-03-31',
  owner: bob,
  state: 'Active',
};

const openRound: UpdateRoundInput = { name: 'Board report March 2027', opensAt: '2027-03-01T09:00:00.000Z', dueDate: '2027-03-19', scope: { kind: 'all-open' }, state: 'Open' };

/**
 * Plans in one store (issue 20), through every adapter: a new store is one Active plan; each plan's
 * objectives, tasks (refs unique within it) and rounds (one open per plan) are its own; records that
 * follow a task follow its plan; ids are store-wide; the reminder log and conversations are shared.
 */
export function plansContract(name: string, open: () => Promise<PlanStore>): void {
  describe(`Plans contract: ${name}`, () => {
    let store: PlanStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('opens as one Active plan, which the store is scoped to', async () => {
      const plans = await store.plans.listPlans();
      assert.equal(plans.length, 1);
      assert.equal(plans[0]!.state, 'Active');
      assert.equal(plans[0]!.id, store.planId);
      assert.match(plans[0]!.periodStart, /^\d{4}-04-01$/);
      assert.deepEqual(await store.plans.getPlan(store.planId), plans[0]);
    });

    it('creates, reads and updates a plan; a taken key is a DuplicateError, a stale version a ConflictError', async () => {
      const created = await store.plans.createPlan(workforce);
      assert.deepEqual(await store.plans.getPlan(created.id), created);
      assert.deepEqual({ ...created, id: undefined, version: undefined }, { ...workforce, id: undefined, version: undefined });
      await assert.rejects(store.plans.createPlan({ ...workforce, name: 'Another' }), DuplicateError);
      const closed = await store.plans.updatePlan(created.id, created.version, { state: 'Closed' });
      assert.equal(closed.state, 'Closed');
      assert.equal(closed.owner?.aadObjectId, bob.aadObjectId);
      await assert.rejects(store.plans.updatePlan(created.id, created.version, { state: 'Active' }), ConflictError);
      const first = (await store.plans.listPlans())[0]!;
      await assert.rejects(store.plans.updatePlan(created.id, closed.version, { key: first.key }), DuplicateError);
      assert.deepEqual((await store.plans.listPlans()).map((p) => p.id), [store.planId, created.id]);
    });

    it("keeps each plan's objectives and tasks apart; the same ref may be used once in each plan", async () => {
      const other = store.plans.forPlan((await store.plans.createPlan(workforce)).id);
      assert.equal(other.planId, (await store.plans.listPlans())[1]!.id);
      await store.createObjective({ ref: '1', title: 'Know our communities' });
      await other.createObjective({ ref: '1', title: 'A workforce that reflects the borough' });
      const mine = await store.createTask(taskInput({ ref: '1.1' }));
      const theirs = await other.createTask(taskInput({ ref: '1.1', title: 'Publish the workforce profile' }));
      await assert.rejects(other.createTask(taskInput({ ref: '1.1' })), DuplicateError);
      await assert.rejects(other.createObjective({ ref: '1', title: 'Again' }), DuplicateError);
      assert.deepEqual((await store.listTasks()).map((t) => t.id), [mine.id]);
      assert.deepEqual((await other.listTasks()).map((t) => t.id), [theirs.id]);
      assert.deepEqual((await other.listObjectives()).map((o) => o.title), ['A workforce that reflects the borough']);
      assert.equal((await other.getTaskByRef('1.1'))?.id, theirs.id);
      assert.equal((await store.getTaskByRef('1.1'))?.id, mine.id);
      // Ids are store-wide: a card names only the id, and the task says which plan it is in.
      assert.notEqual(mine.id, theirs.id);
      assert.equal((await store.getTask(theirs.id))?.planId, other.planId);
      assert.equal((await other.getTask(mine.id))?.planId, store.planId);
      assert.deepEqual((await other.listTasks({ ownerAadObjectId: alice.aadObjectId })).map((t) => t.id), [theirs.id]);
    });

    it('lets each plan have one open round', async () => {
      const other = store.plans.forPlan((await store.plans.createPlan(workforce)).id);
      await store.createRound(openRound);
      const theirs = await other.createRound({ ...openRound, name: 'Workforce board' });
      await assert.rejects(other.createRound({ ...openRound, name: 'A second' }), DuplicateError);
      assert.deepEqual((await other.listRounds({ state: 'Open' })).map((r) => r.id), [theirs.id]);
      assert.deepEqual((await store.listRounds()).map((r) => r.name), ['Board report March 2027']);
      assert.equal(theirs.planId, other.planId);
    });

    it("files updates, approvals, comments and changes under their task's plan, whichever plan's store writes them", async () => {
      const other = store.plans.forPlan((await store.plans.createPlan(workforce)).id);
      const theirs = await other.createTask(taskInput({ ref: '2.1' }));
      const mine = await store.createTask(taskInput({ ref: '2.1' }));
      await store.recordUpdate({ update: updateInput(theirs.id, { taskRef: '2.1' }), task: { id: theirs.id, expectedVersion: theirs.version, patch: { latestUpdate: 'Done' } } });
      await store.addComment({ key: 'c-theirs', taskId: theirs.id, taskRef: '2.1', author: bob, postedAt: '2026-11-20T10:00:00.000Z', text: 'Thanks' });
      await store.createApproval({ key: 'a-theirs', taskId: theirs.id, taskRef: '2.1', fromRag: 'Green', toRag: 'Red', requestedBy: alice, requestedAt: '2026-11-20T10:00:00.000Z', approver: bob, route: 'manager', state: 'Pending' });
      await store.recordChange({ key: 'ch-theirs', subject: 'task', subjectId: theirs.id, subjectRef: '2.1', action: 'created', changedBy: bob, changedAt: '2026-11-20T10:00:00.000Z', changes: [] });
      await store.recordChange({ key: 'ch-mine', subject: 'task', subjectId: mine.id, subjectRef: '2.1', action: 'created', changedBy: bob, changedAt: '2026-11-20T10:00:00.000Z', changes: [] });
      assert.deepEqual((await other.listRecentUpdates(10)).map((u) => u.taskId), [theirs.id]);
      assert.deepEqual(await store.listRecentUpdates(10), []);
      assert.deepEqual((await other.listComments()).map((c) => c.key), ['c-theirs']);
      assert.deepEqual(await store.listComments(), []);
      assert.deepEqual((await other.listApprovals({ approverAadObjectId: bob.aadObjectId })).map((a) => a.key), ['a-theirs']);
      assert.deepEqual(await store.listApprovals({ state: 'Pending' }), []);
      assert.deepEqual((await other.listChanges()).map((c) => c.key), ['ch-theirs']);
      assert.deepEqual((await store.listChanges()).map((c) => c.key), ['ch-mine']);
      // A read naming the task finds it from any plan's store.
      assert.equal((await store.listUpdates(theirs.id)).length, 1);
      assert.deepEqual((await store.listComments(theirs.id)).map((c) => c.key), ['c-theirs']);
      assert.deepEqual((await store.listApprovals({ taskId: theirs.id })).map((a) => a.key), ['a-theirs']);
      assert.deepEqual((await store.listChanges({ subject: 'task', subjectId: theirs.id })).map((c) => c.key), ['ch-theirs']);
    });

    it('shares the reminder log and conversations between plans (they are per person)', async () => {
      const other = store.plans.forPlan((await store.plans.createPlan(workforce)).id);
      const theirs = await other.createTask(taskInput());
      const entry = { key: `due:${theirs.id}`, taskId: theirs.id, recipient: alice, trigger: 'due', sentAt: '2026-11-20T09:00:00.000Z', outcome: 'pending' as const };
      assert.equal(await other.tryAddReminder(entry), true);
      assert.equal(await store.tryAddReminder(entry), false);
      assert.equal((await store.listReminders()).length, 1);
      await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: { conversation: { id: 'a:1' } }, updatedAt: '2026-11-20T09:00:00.000Z' });
      assert.equal((await other.getConversation(alice.aadObjectId))?.aadObjectId, alice.aadObjectId);
    });
  });
}
