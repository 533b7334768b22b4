import assert from 'node:assert/strict';
import type { Measure, RoundSnapshotLine, UpdateRoundInput } from '../../core/model';
import type { PlanStore } from '../../core/ports/plan-store';
import { alice, carol, taskInput, updateInput } from '../support/builders';

const measure: Measure = {
  name: 'Staff declaring a disability',
  unit: '%',
  baseline: 4.5,
  baselineDate: '2025-04-01',
  target: 8,
  targetDate: '2027-03-31',
  amberBelow: 0.9,
  redBelow: 0.75,
};

const round: UpdateRoundInput = { name: 'Board report March 2026', opensAt: '2026-03-02T09:00:00.000Z', dueDate: '2026-03-20', scope: { kind: 'all-open' }, state: 'Open' };

/**
 * Part of the PlanStore contract (plan-store.contract.ts): a task's measure and what the latest
 * update said (its value, the support it asked for), an update's value, and a round snapshot's
 * value and status, through every adapter: SQLite, and SharePoint columns over the emulator.
 */
export function measureFieldsContract(store: () => PlanStore): void {
  describe('measures and support needed', () => {
    it('round-trips a task\'s measure (every field), starting position, support needed and latest value', async () => {
      const input = taskInput({
        measure,
        startingPosition: '4.5% of staff (April 2025 staff survey); no data held for contractors',
        supportNeeded: 'A decision on funding the survey',
        measureValue: -0.25,
        measureValueAt: '2026-03-10T11:00:00.000Z',
      });
      const created = await store().createTask(input);
      const read = await store().getTask(created.id);
      assert.deepEqual(read, created);
      assert.deepEqual({ ...read, id: undefined, version: undefined }, { ...input, id: undefined, version: undefined, planId: store().planId });
      assert.deepEqual((await store().listTasks())[0]?.measure, measure);
    });

    it('keeps a measure with only its target, and a value of 0', async () => {
      const created = await store().createTask(taskInput({ measure: { target: 12 }, measureValue: 0, measureValueAt: '2026-03-10T11:00:00.000Z' }));
      const read = await store().getTask(created.id);
      assert.deepEqual(read?.measure, { target: 12 });
      assert.equal(read?.measureValue, 0);
    });

    it('sets the value and support needed with an update, and clears support needed with the next', async () => {
      const t = await store().createTask(taskInput({ measure }));
      const first = await store().recordUpdate({
        update: updateInput(t.id, { supportNeeded: 'Funding', measureValue: 5.75 }),
        task: { id: t.id, expectedVersion: t.version, patch: { supportNeeded: 'Funding', measureValue: 5.75, measureValueAt: '2026-11-20T10:00:00.000Z' } },
      });
      assert.equal(first.update.measureValue, 5.75);
      assert.equal((await store().getTask(t.id))?.supportNeeded, 'Funding');
      const second = await store().recordUpdate({
        update: updateInput(t.id, { submittedAt: '2026-12-20T10:00:00.000Z' }),
        task: { id: t.id, expectedVersion: first.task.version, patch: { supportNeeded: undefined } },
      });
      assert.equal(second.task.supportNeeded, undefined);
      const read = await store().getTask(t.id);
      assert.equal(read?.supportNeeded, undefined);
      assert.equal(read?.measureValue, 5.75, 'an update without a value leaves the latest one');
      assert.equal(read?.measureValueAt, '2026-11-20T10:00:00.000Z');
      assert.deepEqual(read?.measure, measure);
      const history = await store().listUpdates(t.id);
      assert.deepEqual(history.map((u) => u.measureValue), [5.75, undefined]);
      assert.deepEqual(history[0], first.update);
    });

    it('clears a measure and its value when patched with undefined', async () => {
      const t = await store().createTask(taskInput({ measure, startingPosition: 'No data held', measureValue: 3, measureValueAt: '2026-03-10T11:00:00.000Z' }));
      await store().updateTask(t.id, t.version, { measure: undefined, startingPosition: undefined, measureValue: undefined, measureValueAt: undefined });
      const read = await store().getTask(t.id);
      assert.deepEqual([read?.measure, read?.startingPosition, read?.measureValue, read?.measureValueAt], [undefined, undefined, undefined, undefined]);
    });

    it('keeps a snapshot line\'s measure value and status through a closed round', async () => {
      const open = await store().createRound(round);
      const snapshot: RoundSnapshotLine[] = [
        { taskId: '7', taskRef: '1.1.2', update: 'Survey sent', updateAt: '2026-03-10T11:00:00.000Z', updateBy: carol, updateId: '12', rag: 'Amber', status: 'Open', measureValue: 6.25 },
        { taskId: '8', taskRef: '3a', rag: 'Complete', status: 'Complete', measureValue: 0 },
        { taskId: '9', taskRef: '3b', updateBy: alice, rag: 'Red', status: 'Withdrawn' },
      ];
      const closed = await store().updateRound(open.id, open.version, { state: 'Closed', closedAt: '2026-03-21T10:00:00.000Z', snapshot });
      assert.deepEqual(closed.snapshot, snapshot);
      assert.deepEqual((await store().listRounds())[0]?.snapshot, snapshot);
    });
  });
}
