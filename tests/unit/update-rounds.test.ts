import assert from 'node:assert/strict';
import { ValidationError } from '../../core/errors';
import type { Person, Task } from '../../core/model';
import { fixedClock, type Clock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { NoOpenRoundError, RoundAlreadyOpenError } from '../../core/rounds/round-errors';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { closeRound } from '../../core/use-cases/close-round';
import { getRoundStatus } from '../../core/use-cases/get-round-status';
import { openRound, type OpenRoundCommand } from '../../core/use-cases/open-round';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { alice, bob, carol, taskInput } from '../support/builders';

const OPENING = new Date('2027-03-01T14:00:00.250Z'); // Monday, 14:00 London
const at = (iso: string): Clock => fixedClock(new Date(iso));

describe('update rounds (use cases)', () => {
  let store: PlanStore;
  let tasks: Record<string, Task>;
  const command = (over: Partial<OpenRoundCommand> = {}): OpenRoundCommand => ({ name: 'Board report March 2027', dueDate: '2027-03-19', scope: { kind: 'all-open' }, ...over });
  const open = (over: Partial<OpenRoundCommand> = {}, clock = fixedClock(OPENING)) => openRound({ store, clock }, command(over));
  let nonce = 0;
  const answer = async (ref: string, by: Person, when: string, values: Record<string, string> = {}) => {
    const t = (await store.getTaskByRef(ref))!;
    return submitUpdate({ store, clock: at(when) }, { actorAadObjectId: by.aadObjectId, taskId: t.id, taskVersion: t.version, idempotencyKey: `n${nonce++}`, values: { progress: `Progress on ${ref}`, ...values } });
  };
  const validationMessages = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => assert.fail('expected a ValidationError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ValidationError, String(err));
    return err.fields.map((f) => `${f.field}: ${f.message}`);
  };

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    await store.createObjective({ ref: '1', title: 'Know our communities' });
    await store.createObjective({ ref: '2', title: 'A diverse workforce' });
    tasks = {};
    for (const input of [
      taskInput({ ref: '1.1', objectiveRef: '1', owners: [alice] }),
      taskInput({ ref: '1.2', objectiveRef: '1', owners: [alice, bob] }),
      taskInput({ ref: '2.1', objectiveRef: '2', owners: [bob] }),
      taskInput({ ref: '2.2', objectiveRef: '2', owners: [] }),
      taskInput({ ref: '3a', objectiveRef: '3', owners: [carol] }),
      taskInput({ ref: '3b', objectiveRef: '3', owners: [carol], status: 'Complete', rag: 'Complete' }),
    ]) {
      tasks[input.ref] = await store.createTask(input);
    }
  });
  afterEach(() => store.close());

  describe('openRound', () => {
    it('opens a round over every open task and says who will be asked', async () => {
      const { round, tasks: inScope, owners, unownedTaskRefs } = await open();
      assert.equal(round.state, 'Open');
      assert.equal(round.opensAt, '2027-03-01T14:00:00.000Z', 'whole seconds, as SharePoint keeps them');
      assert.equal(round.dueDate, '2027-03-19');
      assert.deepEqual(inScope.map((t) => t.ref), ['1.1', '1.2', '2.1', '2.2', '3a']);
      assert.deepEqual(owners.map((o) => o.displayName), ['Alice Owner', 'Bob Manager', "Carol O'Brien"]);
      assert.deepEqual(unownedTaskRefs, ['2.2']);
      assert.deepEqual(await store.listRounds(), [round]);
    });

    it('scopes a round to some objectives or some tasks, tidying the refs', async () => {
      const byObjective = await open({ scope: { kind: 'objectives', refs: [' 1', '3', '1', ''] } });
      assert.deepEqual(byObjective.round.scope, { kind: 'objectives', refs: ['1', '3'] }, "objective 3 exists through its tasks");
      assert.deepEqual(byObjective.tasks.map((t) => t.ref), ['1.1', '1.2', '3a']);
      await closeRound({ store, clock: fixedClock(OPENING) });
      const byTask = await open({ scope: { kind: 'tasks', refs: ['2.1', '3a'] } });
      assert.deepEqual(byTask.tasks.map((t) => t.ref), ['2.1', '3a']);
      assert.deepEqual(byTask.owners.map((o) => o.aadObjectId), [bob.aadObjectId, carol.aadObjectId]);
    });

    it('refuses a second open round, naming the one that is open', async () => {
      await open();
      await assert.rejects(open({ name: 'Another' }), (err: unknown) => {
        assert.ok(err instanceof RoundAlreadyOpenError);
        assert.equal(err.message, 'The update round "Board report March 2027" is still open (due 19 Mar 2027). Close it before opening another.');
        return true;
      });
      assert.equal((await store.listRounds()).length, 1);
    });

    it('lets only one of two officers opening at once succeed', async () => {
      const results = await Promise.allSettled([open({ name: 'One' }), open({ name: 'Two' })]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(results.some((r) => r.status === 'rejected' && r.reason instanceof RoundAlreadyOpenError));
      assert.equal((await store.listRounds({ state: 'Open' })).length, 1);
    });

    it('explains every problem with the input in plain words, and stores nothing', async () => {
      assert.deepEqual(await validationMessages(open({ name: '  ', dueDate: '2027-02-30', scope: { kind: 'tasks', refs: ['9.9', '3z', '1.1'] } })), [
        'name: Give the round a name, for example "Board report March 2026".',
        'dueDate: "2027-02-30" is not a date. Write it as year-month-day, for example 2026-03-20.',
        'scope: There are no tasks 9.9 or 3z in the plan.',
      ]);
      assert.deepEqual(await validationMessages(open({ name: 'x'.repeat(256), dueDate: '19/03/2027', scope: { kind: 'objectives', refs: ['7'] } })), [
        'name: The name must be 255 characters or fewer (it has 256).',
        'dueDate: "19/03/2027" is not a date. Write it as year-month-day, for example 2026-03-20.',
        'scope: There is no objective 7 in the plan.',
      ]);
      assert.deepEqual(await validationMessages(open({ scope: { kind: 'objectives', refs: [' '] } })), ['scope: Name at least one objective, for example 1,2.']);
      assert.deepEqual(await store.listRounds(), []);
    });

    it('wants a due date after today (London)', async () => {
      assert.deepEqual(await validationMessages(open({ dueDate: '2027-03-01' })), ['dueDate: The due date must be after today (1 Mar 2027); 1 Mar 2027 is not.']);
      assert.deepEqual(await validationMessages(open({ dueDate: '2026-12-01' })), ['dueDate: The due date must be after today (1 Mar 2027); 1 Dec 2026 is not.']);
      // 23:30 UTC on 31 May is already 1 June in London (BST).
      assert.deepEqual(await validationMessages(open({ dueDate: '2027-06-01' }, at('2027-05-31T23:30:00Z'))), ['dueDate: The due date must be after today (1 Jun 2027); 1 Jun 2027 is not.']);
      assert.equal((await open({ dueDate: '2027-03-02' })).round.dueDate, '2027-03-02');
    });

    it('accepts a name of exactly 255 characters, on one line', async () => {
      const { round } = await open({ name: `Board\nreport ${'x'.repeat(242)}` });
      assert.equal(round.name.length, 255);
      assert.ok(!round.name.includes('\n'));
    });

    it('refuses a scope with no open task, since nobody would be asked', async () => {
      assert.deepEqual(await validationMessages(open({ scope: { kind: 'tasks', refs: ['3b'] } })), ['scope: No open task is in this scope, so nobody would be asked.']);
    });
  });

  describe('getRoundStatus', () => {
    it('gives the response rate and who has not answered, with their task refs', async () => {
      await answer('1.1', alice, '2027-02-20T10:00:00Z'); // before the round: does not count
      await open();
      await answer('1.2', bob, '2027-03-03T10:00:00Z');
      await answer('3a', carol, '2027-03-04T10:00:00Z');
      const status = await getRoundStatus({ store });
      assert.equal(status.inScope, 5);
      assert.equal(status.answered, 2);
      assert.equal(status.responseRate, 0.4);
      assert.deepEqual(
        status.notAnswered.map((n) => `${n.owner.displayName}: ${n.taskRefs.join(', ')}`),
        ['Alice Owner: 1.1', 'Bob Manager: 2.1'],
      );
      assert.deepEqual(status.unownedTaskRefs, ['2.2']);
    });

    it('keeps a task completed by its round update in the round, as answered', async () => {
      await open();
      await answer('1.1', alice, '2027-03-03T10:00:00Z', { rag: 'Complete' });
      assert.equal((await store.getTaskByRef('1.1'))?.status, 'Complete');
      const status = await getRoundStatus({ store });
      assert.deepEqual([status.inScope, status.answered], [5, 1]);
    });

    it('says when no round has been opened', async () => {
      await assert.rejects(getRoundStatus({ store }), (err: unknown) => err instanceof NoOpenRoundError && /No update round has been opened yet/.test(err.message));
    });
  });

  describe('closeRound', () => {
    it("keeps each in-scope task's latest update and RAG in the round, for the board report", async () => {
      await answer('2.1', bob, '2027-02-20T10:00:00Z', { rag: 'Amber' }); // an older update, not this round's
      const { round: opened } = await open();
      const { update } = await answer('1.2', bob, '2027-03-03T10:00:00Z', { rag: 'Red', progress: 'Blocked on *data* access' });
      const { round, progress } = await closeRound({ store, clock: at('2027-03-20T09:00:00Z') });

      assert.equal(round.id, opened.id);
      assert.equal(round.state, 'Closed');
      assert.equal(round.closedAt, '2027-03-20T09:00:00.000Z');
      assert.deepEqual(
        round.snapshot?.map((l) => l.taskRef),
        ['1.1', '1.2', '2.1', '2.2', '3a'],
      );
      assert.deepEqual(round.snapshot?.find((l) => l.taskRef === '1.2'), {
        taskId: tasks['1.2']!.id,
        taskRef: '1.2',
        update: 'Blocked on *data* access',
        updateAt: '2027-03-03T10:00:00.000Z',
        updateBy: bob,
        updateId: update.id,
        rag: 'Red',
        status: 'Open',
      });
      assert.deepEqual(round.snapshot?.find((l) => l.taskRef === '2.1'), {
        taskId: tasks['2.1']!.id,
        taskRef: '2.1',
        update: 'Progress on 2.1',
        updateAt: '2027-02-20T10:00:00.000Z',
        updateBy: bob,
        updateId: (await store.listUpdates(tasks['2.1']!.id))[0]!.id,
        rag: 'Amber',
        status: 'Open',
      }, 'an unanswered task keeps its last update, dated before the round');
      assert.deepEqual(round.snapshot?.find((l) => l.taskRef === '1.1'), { taskId: tasks['1.1']!.id, taskRef: '1.1', rag: 'Green', status: 'Open' });
      assert.deepEqual([progress.inScope, progress.answered], [5, 1]);
      assert.deepEqual(await store.listRounds({ state: 'Open' }), []);
    });

    it('reads a closed round from its snapshot, whatever happens to the plan afterwards', async () => {
      await open();
      await answer('1.1', alice, '2027-03-03T10:00:00Z');
      await closeRound({ store, clock: at('2027-03-20T09:00:00Z') });
      await answer('2.1', bob, '2027-03-25T10:00:00Z', { progress: 'Too late for March' });
      const status = await getRoundStatus({ store });
      assert.equal(status.round.state, 'Closed');
      assert.deepEqual([status.inScope, status.answered, status.responseRate], [5, 1, 0.2]);
      assert.deepEqual(status.notAnswered.map((n) => `${n.owner.aadObjectId}: ${n.taskRefs.join(', ')}`), ['aad-alice: 1.2', 'aad-bob: 1.2, 2.1', 'aad-carol: 3a']);
      assert.equal(status.round.snapshot?.find((l) => l.taskRef === '2.1')?.update, undefined);
    });

    it('refuses when no round is open', async () => {
      await assert.rejects(closeRound({ store, clock: fixedClock(OPENING) }), NoOpenRoundError);
    });
  });

  describe('updates during a round', () => {
    it("are stamped with the open round's name when the task is in its scope", async () => {
      const before = await answer('1.1', alice, '2027-02-27T10:00:00Z');
      await open({ scope: { kind: 'objectives', refs: ['1'] } });
      const inScope = await answer('1.1', alice, '2027-03-02T10:00:00Z');
      const outOfScope = await answer('2.1', bob, '2027-03-02T10:00:00Z');
      assert.equal(before.update.round, undefined);
      assert.equal(inScope.update.round, 'Board report March 2027');
      assert.equal(outOfScope.update.round, undefined);
      await closeRound({ store, clock: at('2027-03-20T09:00:00Z') });
      assert.equal((await answer('1.1', alice, '2027-03-21T10:00:00Z')).update.round, undefined, 'not once it is closed');
    });
  });
});
