import assert from 'node:assert/strict';
import { ValidationError } from '../../core/errors';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { carryForward } from '../../core/use-cases/carry-forward';
import { getTaskDetail } from '../../core/use-cases/get-task-detail';
import { alice, bob, carol, taskInput, updateInput } from '../support/builders';

const clock = fixedClock(new Date('2027-03-20T10:00:00Z'));

describe('carry forward: open tasks into the next plan', () => {
  let store: SqlitePlanStore;
  let successorId: string;
  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:', { now: new Date('2026-06-01T10:00:00Z') });
    await store.createObjective({ ref: '1', title: 'Know our communities', description: 'Data and engagement' });
    const successor = await store.plans.createPlan({ key: 'edi-2027-31', name: 'EDI plan 2027-31', kind: 'EDI plan', periodStart: '2027-04-01', periodEnd: '2031-03-31', state: 'Draft', predecessorId: store.planId });
    successorId = successor.id;
  });
  afterEach(async () => store.close());

  it('makes each new task once however often it is re-run, linked both ways, its history kept on the old task', async () => {
    const open = await store.createTask(taskInput({ ref: '1.2', owners: [alice, carol], pendingRag: 'Red', pendingApprovalId: 'k', eflg: [{ module: 1, criterion: '1.3', level: 'Achieving' }] }));
    await store.recordUpdate({ update: updateInput(open.id, { taskRef: '1.2', progress: 'Survey drafted' }), task: { id: open.id, expectedVersion: open.version, patch: { latestUpdate: 'Survey drafted' } } });
    const done = await store.createTask(taskInput({ ref: '1.3', status: 'Complete', rag: 'Complete' }));
    const cmd = { actor: bob, fromPlanId: store.planId, toPlanId: successorId, taskIds: [open.id, done.id] };

    const first = await carryForward({ store, clock }, cmd);
    const second = await carryForward({ store, clock }, cmd);
    const third = await carryForward({ store, clock }, { ...cmd, taskIds: [open.id] });

    const next = store.plans.forPlan(successorId);
    const made = await next.listTasks();
    assert.equal(made.length, 1, 'one new task, whatever the number of runs');
    const [carried] = made;
    assert.deepEqual(first.carried, [{ fromTaskId: open.id, ref: '1.2', toTaskId: carried!.id, already: false }]);
    assert.deepEqual(first.notCarried.map((n) => [n.ref, /Complete/.test(n.reason)]), [['1.3', true]]);
    assert.deepEqual(second.carried, [{ fromTaskId: open.id, ref: '1.2', toTaskId: carried!.id, already: true }]);
    assert.deepEqual(third.carried.map((c) => c.already), [true]);

    assert.deepEqual(carried!.carriedFrom, { planId: store.planId, taskId: open.id, ref: '1.2' });
    assert.equal(carried!.status, 'Open');
    assert.deepEqual(carried!.owners, [alice, carol]);
    assert.deepEqual(carried!.eflg, [{ module: 1, criterion: '1.3', level: 'Achieving' }]);
    assert.equal(carried!.pendingRag, undefined, 'a pending approval stays with the old plan');
    assert.deepEqual((await next.listObjectives()).map((o) => [o.ref, o.title, o.description]), [['1', 'Know our communities', 'Data and engagement']]);

    const old = (await store.getTask(open.id))!;
    assert.equal(old.status, 'Carried forward');
    assert.deepEqual(old.carriedTo, { planId: successorId, taskId: carried!.id, ref: '1.2' });
    assert.match(old.statusReason ?? '', /EDI plan 2027-31/);
    const oldHistory = await store.listChanges({ subject: 'task', subjectId: open.id });
    assert.deepEqual(oldHistory.map((c) => c.action), ['edited'], 'one history item on the old task, not one per run');
    assert.equal((await next.listChanges()).length, 1);
    assert.equal((await store.listUpdates(open.id)).length, 1, 'the updates stay on the old task');

    const detail = await getTaskDetail({ store: next, clock }, carried!.id);
    assert.deepEqual(detail.carriedFrom && { ...detail.carriedFrom, updates: detail.carriedFrom.updates.map((u) => u.progress) }, { planId: store.planId, planName: 'EDI action plan', taskId: open.id, ref: '1.2', updates: ['Survey drafted'] });
    // The old task's detail names the plan it went to (the stored link holds only its id).
    assert.deepEqual((await getTaskDetail({ store, clock }, open.id)).carriedTo, { planId: successorId, planName: 'EDI plan 2027-31', taskId: carried!.id, ref: '1.2' });
  });

  it('finishes a run that stopped after making the new task (found by its link), without a second copy', async () => {
    const open = await store.createTask(taskInput({ ref: '2.1' }));
    const next = store.plans.forPlan(successorId);
    await next.createTask(taskInput({ ref: '2.1', carriedFrom: { planId: store.planId, taskId: open.id, ref: '2.1' } }));
    const result = await carryForward({ store, clock }, { actor: bob, fromPlanId: store.planId, toPlanId: successorId, taskIds: [open.id] });
    assert.equal(result.carried[0]?.already, true);
    assert.equal((await next.listTasks()).length, 1);
    assert.equal((await store.getTask(open.id))?.status, 'Carried forward');
  });

  it('says why a task was not carried: a different task holds the ref, or it is not in the plan', async () => {
    const open = await store.createTask(taskInput({ ref: '3.1' }));
    await store.plans.forPlan(successorId).createTask(taskInput({ ref: '3.1', title: 'Something else' }));
    const result = await carryForward({ store, clock }, { actor: bob, fromPlanId: store.planId, toPlanId: successorId, taskIds: [open.id, '99999'] });
    assert.deepEqual(result.carried, []);
    assert.match(result.notCarried[0]!.reason, /already has a task 3\.1/);
    assert.match(result.notCarried[1]!.reason, /not a task of/);
    assert.equal((await store.getTask(open.id))?.status, 'Open', 'nothing changed on it');
  });

  it('refuses bad requests with field errors: no tasks, the same plan, a closed plan', async () => {
    const base = { actor: bob, fromPlanId: store.planId, toPlanId: successorId, taskIds: ['1'] };
    await assert.rejects(carryForward({ store, clock }, { ...base, taskIds: [] }), ValidationError);
    await assert.rejects(carryForward({ store, clock }, { ...base, taskIds: 'all' }), ValidationError);
    await assert.rejects(carryForward({ store, clock }, { ...base, toPlanId: store.planId }), ValidationError);
    await assert.rejects(carryForward({ store, clock }, { ...base, toPlanId: '' }), ValidationError);
    const plan = (await store.plans.getPlan(successorId))!;
    await store.plans.updatePlan(plan.id, plan.version, { state: 'Closed' });
    await assert.rejects(carryForward({ store, clock }, base), /closed/);
  });
});
