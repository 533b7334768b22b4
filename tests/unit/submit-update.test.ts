import assert from 'node:assert/strict';
import { ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { StaleFormError, submitUpdate } from '../../core/use-cases/submit-update';
import { alice, bob, taskInput } from '../support/builders';

describe('submitUpdate', () => {
  let store: PlanStore;
  let task: Task;
  const clock = fixedClock(new Date('2026-11-22T10:30:00Z'));
  const deps = () => ({ store, clock });
  const cmd = (over: Partial<Parameters<typeof submitUpdate>[1]> = {}) => ({
    actorAadObjectId: alice.aadObjectId,
    taskId: task.id,
    taskVersion: task.version,
    idempotencyKey: 'card-nonce-1',
    values: { progress: 'Data sharing agreement signed', rag: 'Amber', risks: 'Two partners still to sign' },
    ...over,
  });

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    task = await store.createTask(taskInput({ owners: [alice], rag: 'Green', evidence: 'old evidence' }));
  });
  afterEach(() => store.close());

  it('stores the update in history and the task latest fields, as the owner from the activity', async () => {
    const result = await submitUpdate(deps(), cmd());
    assert.equal(result.outcome, 'recorded');
    const saved = await store.getTask(task.id);
    assert.equal(saved?.latestUpdate, 'Data sharing agreement signed');
    assert.equal(saved?.latestUpdateAt, '2026-11-22T10:30:00.000Z');
    assert.deepEqual(saved?.latestUpdateBy, alice);
    assert.equal(saved?.rag, 'Amber');
    assert.equal(saved?.risks, 'Two partners still to sign');
    assert.equal(saved?.evidence, 'old evidence', 'a blank answer keeps the previous evidence');
    const history = await store.listUpdates(task.id);
    assert.equal(history.length, 1);
    assert.equal(history[0]?.ragProposed, 'Amber');
    assert.deepEqual(history[0]?.submittedBy, alice);
  });

  it('stores one update for a repeated submit of the same card', async () => {
    await submitUpdate(deps(), cmd());
    const again = await submitUpdate(deps(), cmd({ values: { progress: 'second click' } }));
    assert.equal(again.outcome, 'already-recorded');
    assert.equal(again.update.progress, 'Data sharing agreement signed');
    assert.equal((await store.listUpdates(task.id)).length, 1);
  });

  it('stores one update when the same card is submitted concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => submitUpdate(deps(), cmd())));
    assert.equal(results.filter((r) => r.outcome === 'recorded').length, 1);
    assert.equal((await store.listUpdates(task.id)).length, 1);
  });

  it('rejects invalid input and stores nothing', async () => {
    await assert.rejects(submitUpdate(deps(), cmd({ values: { progress: '' } })), ValidationError);
    await assert.rejects(submitUpdate(deps(), cmd({ values: { progress: 'x'.repeat(2001) } })), ValidationError);
    assert.equal((await store.listUpdates(task.id)).length, 0);
    assert.equal((await store.getTask(task.id))?.version, task.version);
  });

  it('refuses someone who is not an owner, whatever the card says', async () => {
    await assert.rejects(submitUpdate(deps(), cmd({ actorAadObjectId: bob.aadObjectId })), (err: unknown) => err instanceof ForbiddenError && /Only Alice Owner/.test(err.message));
    assert.equal((await store.listUpdates(task.id)).length, 0);
  });

  it('refuses an unknown task', async () => {
    await assert.rejects(submitUpdate(deps(), cmd({ taskId: '999' })), NotFoundError);
  });

  it('sends a stale form back with the current task and stores nothing', async () => {
    const changed = await store.updateTask(task.id, task.version, { latestUpdate: 'someone else', latestUpdateBy: bob });
    await assert.rejects(submitUpdate(deps(), cmd()), (err: unknown) => err instanceof StaleFormError && err.current.version === changed.version);
    assert.equal((await store.listUpdates(task.id)).length, 0);
  });

  it('a Complete answer closes the task', async () => {
    await submitUpdate(deps(), cmd({ values: { progress: 'Published', rag: 'Complete' } }));
    const saved = await store.getTask(task.id);
    assert.equal(saved?.status, 'Complete');
    assert.equal(saved?.percentComplete, 100);
  });
});
