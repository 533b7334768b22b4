import assert from 'node:assert/strict';
import type { Measure, Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { InvalidUpdateError, submitUpdate } from '../../core/use-cases/submit-update';
import { alice, taskInput } from '../support/builders';

const measure: Measure = { name: 'Staff declaring a disability', unit: '%', baseline: 4.5, baselineDate: '2025-04-01', target: 8, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 };

describe('submitUpdate: the measure\'s value and the support asked for', () => {
  let store: PlanStore;
  let task: Task;
  let n = 0;
  const clock = fixedClock(new Date('2026-11-22T10:30:00Z'));
  const submit = async (values: Record<string, string>, on: Task = task) => {
    const result = await submitUpdate({ store, clock }, { actorAadObjectId: alice.aadObjectId, taskId: on.id, taskVersion: on.version, idempotencyKey: `card-${++n}`, values: { progress: 'Progress', ...values } });
    return result;
  };

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    task = await store.createTask(taskInput({ owners: [alice], measure }));
  });
  afterEach(() => store.close());

  it('stores the value with the update, and on the task with when it was given', async () => {
    const { update, task: saved } = await submit({ measureValue: '6.5' });
    assert.equal(update.measureValue, 6.5);
    assert.equal(saved.measureValue, 6.5);
    assert.equal(saved.measureValueAt, '2026-11-22T10:30:00.000Z');
    assert.deepEqual((await store.listUpdates(task.id)).map((u) => u.measureValue), [6.5]);
    assert.deepEqual((await store.getTask(task.id))?.measure, measure, 'the measure itself is left alone');
  });

  it('an update without a value keeps the latest value (and its date) on the task', async () => {
    const first = await submit({ measureValue: '6.5' });
    const second = await submit({ measureValue: '  ' }, first.task);
    assert.equal(second.update.measureValue, undefined);
    assert.ok(!('measureValue' in second.update));
    assert.equal(second.task.measureValue, 6.5);
    assert.equal(second.task.measureValueAt, '2026-11-22T10:30:00.000Z');
  });

  it('sets the support needed from each update and clears it when the next asks for none', async () => {
    const first = await submit({ supportNeeded: 'A decision on survey funding' });
    assert.equal((await store.getTask(task.id))?.supportNeeded, 'A decision on survey funding');
    await submit({ supportNeeded: '' }, first.task);
    const after = await store.getTask(task.id);
    assert.equal(after?.supportNeeded, undefined);
    assert.deepEqual((await store.listUpdates(task.id)).map((u) => u.supportNeeded), ['A decision on survey funding', undefined]);
  });

  it('refuses a value for a task without a measure, naming the field, and stores nothing', async () => {
    const plain = await store.createTask(taskInput({ ref: '9.9', owners: [alice] }));
    await assert.rejects(
      submit({ measureValue: '12' }, plain),
      (err: unknown) => err instanceof InvalidUpdateError && err.task?.id === plain.id && err.fields.length === 1 && err.fields[0]!.field === 'measureValue' && /has no measure/.test(err.fields[0]!.message),
    );
    assert.deepEqual(await store.listUpdates(plain.id), []);
    assert.equal((await store.getTask(plain.id))?.version, plain.version);
    assert.equal((await submit({ measureValue: '' }, plain)).outcome, 'recorded', 'an empty value is no value');
  });

  it('refuses a value that is not a number and stores nothing', async () => {
    await assert.rejects(submit({ measureValue: '6,5' }), (err: unknown) => err instanceof InvalidUpdateError && err.fields[0]?.field === 'measureValue');
    assert.deepEqual(await store.listUpdates(task.id), []);
    assert.equal((await store.getTask(task.id))?.measureValue, undefined);
  });
});
