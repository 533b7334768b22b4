import assert from 'node:assert/strict';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { confirmationKind, noChangeProgress, noChangeTitle } from '../../core/updates/no-change';
import { confirmNoChange, StaleFormError, submitUpdate } from '../../core/use-cases/submit-update';
import { alice, bob, taskInput } from '../support/builders';

describe('confirmNoChange ("No change since my last update")', () => {
  let store: PlanStore;
  let task: Task;
  const clock = fixedClock(new Date('2026-11-22T10:30:00Z'));
  const deps = () => ({ store, clock });
  const cmd = (over: Partial<Parameters<typeof confirmNoChange>[1]> = {}) => ({ actorAadObjectId: alice.aadObjectId, taskId: task.id, taskVersion: task.version, idempotencyKey: 'card-nonce-1', ...over });

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    task = await store.createTask(
      taskInput({
        owners: [alice],
        rag: 'Amber',
        latestUpdate: 'Survey sent to all staff; 40% replied so far.',
        latestUpdateAt: '2026-10-20T23:30:00.000Z',
        latestUpdateBy: alice,
        evidence: 'Survey dashboard',
        risks: 'Low reply rate in two services',
        supportNeeded: 'A reminder from the board',
        measure: { name: 'Reply rate', unit: '%', target: 60 },
        measureValue: 40,
        measureValueAt: '2026-10-20T23:30:00.000Z',
      }),
    );
  });
  afterEach(() => store.close());

  it('records an update saying it was confirmed unchanged, quoting the last one with its London date (23:30 UTC in British Summer Time is the next day); everything else stays', async () => {
    const result = await confirmNoChange(deps(), cmd());
    assert.equal(result.outcome, 'recorded');
    const text = 'No change since the last update (confirmed by Alice Owner). Last update, 21 Oct 2026: Survey sent to all staff; 40% replied so far.';
    assert.equal(result.update.progress, text);
    const [entry, ...more] = await store.listUpdates(task.id);
    assert.equal(more.length, 0);
    assert.deepEqual([entry?.progress, entry?.ragProposed, entry?.evidence, entry?.risks, entry?.supportNeeded, entry?.measureValue], [text, undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(entry?.submittedBy, alice, 'the owner from the activity');
    const saved = (await store.getTask(task.id))!;
    assert.equal(saved.latestUpdate, text);
    assert.equal(saved.latestUpdateAt, '2026-11-22T10:30:00.000Z', 'the plan shows the owner answered now');
    assert.deepEqual(
      [saved.rag, saved.evidence, saved.risks, saved.supportNeeded, saved.measureValue, saved.measureValueAt],
      ['Amber', 'Survey dashboard', 'Low reply rate in two services', 'A reminder from the board', 40, '2026-10-20T23:30:00.000Z'],
      'the RAG, evidence, risks, the support asked for and the measure are kept',
    );
    assert.equal(confirmationKind(text), 'no-change');
  });

  it('a second confirmation quotes the original update, not the first confirmation', async () => {
    await confirmNoChange(deps(), cmd());
    const current = (await store.getTask(task.id))!;
    const second = await confirmNoChange({ store, clock: fixedClock(new Date('2026-12-06T09:00:00Z')) }, cmd({ idempotencyKey: 'card-nonce-2', taskVersion: current.version }));
    assert.equal(second.update.progress, 'No change since the last update (confirmed by Alice Owner). Last update, 21 Oct 2026: Survey sent to all staff; 40% replied so far.');
    assert.equal((await store.listUpdates(task.id)).length, 2, 'each confirmation is its own answer');
  });

  it('says so plainly when the task has no earlier update', async () => {
    const fresh = await store.createTask(taskInput({ ref: '1.2', owners: [alice] }));
    assert.equal(noChangeTitle(fresh), 'Nothing to report yet');
    const result = await confirmNoChange(deps(), cmd({ taskId: fresh.id, taskVersion: fresh.version }));
    assert.equal(result.update.progress, 'Nothing to report yet (confirmed by Alice Owner): there is no earlier update, and nothing has changed since the task was set.');
    assert.equal(confirmationKind(result.update.progress), 'nothing-yet');
    assert.equal((await store.getTask(fresh.id))?.latestUpdateAt, '2026-11-22T10:30:00.000Z');
  });

  it('counts for the open round the task is in', async () => {
    await store.createRound({ name: 'Board report December 2026', opensAt: '2026-11-20T09:00:00.000Z', dueDate: '2026-12-11', scope: { kind: 'all-open' }, state: 'Open' });
    assert.equal((await confirmNoChange(deps(), cmd())).update.round, 'Board report December 2026');
  });

  it('records once for a repeated press, and once when the same card was already submitted', async () => {
    await confirmNoChange(deps(), cmd());
    const again = await confirmNoChange(deps(), cmd());
    assert.equal(again.outcome, 'already-recorded');
    assert.equal((await store.listUpdates(task.id)).length, 1);

    const other = await store.createTask(taskInput({ ref: '1.3', owners: [alice], latestUpdate: 'Started' }));
    await submitUpdate(deps(), { actorAadObjectId: alice.aadObjectId, taskId: other.id, taskVersion: other.version, idempotencyKey: 'form-nonce', values: { progress: 'Typed update' } });
    const pressedAfter = await confirmNoChange(deps(), cmd({ taskId: other.id, taskVersion: other.version, idempotencyKey: 'form-nonce' }));
    assert.equal(pressedAfter.outcome, 'already-recorded');
    assert.equal(pressedAfter.update.progress, 'Typed update', 'the form and its no-change button share one key');
  });

  it('keeps a pending RAG proposal as it is', async () => {
    const pending = await store.updateTask(task.id, task.version, { pendingRag: 'Red', pendingApprovalId: 'approval-key' });
    await confirmNoChange(deps(), cmd({ taskVersion: pending.version }));
    const saved = (await store.getTask(task.id))!;
    assert.deepEqual([saved.rag, saved.pendingRag, saved.pendingApprovalId], ['Amber', 'Red', 'approval-key']);
  });

  it('makes the checks of a submit, storing nothing on a refusal', async () => {
    await assert.rejects(confirmNoChange(deps(), cmd({ actorAadObjectId: bob.aadObjectId })), ForbiddenError);
    await assert.rejects(confirmNoChange(deps(), cmd({ taskId: '999' })), NotFoundError);
    const changed = await store.updateTask(task.id, task.version, { latestUpdate: 'Bob wrote this', latestUpdateBy: bob });
    await assert.rejects(confirmNoChange(deps(), cmd()), (err: unknown) => err instanceof StaleFormError && err.current.version === changed.version);
    assert.equal((await store.listUpdates(task.id)).length, 0);
    assert.equal((await store.getTask(task.id))?.latestUpdate, 'Bob wrote this');
  });

  it('words only its own updates as confirmations', () => {
    assert.equal(confirmationKind('No change in staffing; survey sent.'), undefined);
    assert.equal(noChangeProgress({ latestUpdate: 'Imported note' }, alice), 'No change since the last update (confirmed by Alice Owner). Last update: Imported note');
  });
});
