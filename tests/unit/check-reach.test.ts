import assert from 'node:assert/strict';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { checkReach } from '../../core/use-cases/check-reach';
import { alice, bob, carol, taskInput } from '../support/builders';

describe('checkReach (pre-flight)', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = SqlitePlanStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('lists owners and accountable officers of open tasks with whether the bot can reach them', async () => {
    const dana = { aadObjectId: 'aad-dana', displayName: 'Dana', email: 'dana@example.gov.uk' };
    await store.createTask(taskInput({ ref: '1', owners: [alice], accountableOfficer: bob }));
    await store.createTask(taskInput({ ref: '2', owners: [carol, alice] }));
    await store.createTask(taskInput({ ref: '3', owners: [dana], status: 'Complete', rag: 'Complete' }));
    await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
    await store.saveConversation({ aadObjectId: carol.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
    await store.tryAddReminder({ key: 'k1', taskId: 't', recipient: carol, trigger: 'due-7', sentAt: '2026-11-10T09:00:00Z', outcome: 'pending' });
    await store.setReminderOutcome('k1', 'failed', 'blocked');

    const report = await checkReach(store);
    const view = report.map((e) => `${e.person.displayName}:${e.status}:${e.roles.join('+')}:${e.openTasks.join(',')}`);
    assert.deepEqual(view, ["Carol O'Brien:failing:owner:2", 'Bob Manager:no-chat:accountable:1', 'Alice Owner:reachable:owner:1,2']);
    assert.deepEqual(report[0]?.lastFailure, { reason: 'blocked', at: '2026-11-10T09:00:00Z' });
  });

  it('counts someone who reinstalled after a failure as reachable again', async () => {
    await store.createTask(taskInput({ ref: '1', owners: [carol] }));
    await store.tryAddReminder({ key: 'k1', taskId: 't', recipient: carol, trigger: 'due-7', sentAt: '2026-11-10T09:00:00Z', outcome: 'pending' });
    await store.setReminderOutcome('k1', 'failed', 'not-found');
    await store.saveConversation({ aadObjectId: carol.aadObjectId, reference: {}, updatedAt: '2026-11-12T00:00:00Z' });
    assert.equal((await checkReach(store))[0]?.status, 'reachable');
    await store.setReminderOutcome('k1', 'failed', 'transient');
    assert.equal((await checkReach(store))[0]?.status, 'reachable', 'a transient failure is not a reach problem');
  });
});
