import assert from 'node:assert/strict';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import { taskInput } from '../support/builders';

describe('getPlanView', () => {
  it('groups by objective and indicator in ref order, counts, and flags deadlines to check', async () => {
    const store = SqlitePlanStore.open(':memory:');
    await store.createObjective({ ref: '2', title: 'Workforce' });
    await store.createObjective({ ref: '1', title: 'Communities' });
    await store.createTask(taskInput({ ref: '1.10', objectiveRef: '1', indicator: '1.1 Data', dueDate: '2026-11-27', dueText: 'By 27 November 2026' }));
    await store.createTask(taskInput({ ref: '1.2', objectiveRef: '1', indicator: '1.1 Data', dueDate: undefined, dueText: 'TBC' }));
    await store.createTask(taskInput({ ref: '2.1', objectiveRef: '2', indicator: undefined, dueDate: '2027-05-31', dueText: 'Spring 2027' }));
    await store.createTask(taskInput({ ref: '2.2', objectiveRef: '2', indicator: undefined, dueDate: '2026-11-01', dueText: 'By 1 November 2026' }));
    await store.createTask(taskInput({ ref: '9.9', objectiveRef: 'missing' }));
    const view = await getPlanView({ store, clock: fixedClock(new Date('2026-11-22T10:00:00Z')) });
    await store.close();

    assert.deepEqual(view.objectives.map((o) => o.ref), ['1', '2', '–']);
    assert.deepEqual(view.objectives[0]?.indicators.map((i) => [i.title, i.tasks.map((t) => t.ref)]), [['1.1 Data', ['1.2', '1.10']]]);
    assert.equal(view.objectives[1]?.indicators[0]?.title, null);
    const task = (ref: string) => view.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.ref === ref)!;
    assert.equal(task('1.10').deadlineCheck, undefined);
    assert.match(task('1.2').deadlineCheck ?? '', /./, 'unreadable wording is flagged');
    assert.match(task('2.1').deadlineCheck ?? '', /./, 'a season is read with an assumption');
    assert.equal(task('2.2').overdue, true);
    assert.equal(view.summary.overdue, 1);
    assert.equal(view.summary.dueSoon, 2, '1.10 and 9.9 (due 1 December)');
    assert.equal(view.summary.deadlinesToCheck, 2);
    assert.equal(view.summary.total, 5);
  });
});
