import assert from 'node:assert/strict';
import { buildBoardReport } from '../../core/export/board-report-build';
import type { Objective, Task } from '../../core/model';
import type { PlanView } from '../../core/plan-view';
import { applyPlanFilter, parsePlanFilter, planFilterToQuery } from '../../core/plan/plan-filter';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { buildTrends } from '../../core/trends/plan-trends';
import { getPlanView } from '../../core/use-cases/get-plan-view';
import { taskInput } from '../support/builders';

const NOW = new Date('2026-12-07T10:00:00Z');
const refsOf = (view: PlanView) => view.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks.map((t) => t.ref)));

describe('withdrawn tasks and retired objectives leave the plan; the lead service filter', () => {
  let store: SqlitePlanStore;
  let tasks: Task[];
  let objectives: Objective[];
  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    await store.createObjective({ ref: '1', title: 'Communities' });
    await store.createObjective({ ref: '2', title: 'Merged away', retired: true });
    tasks = [
      await store.createTask(taskInput({ ref: '1.1', rag: 'Green', leadService: 'Housing' })),
      await store.createTask(taskInput({ ref: '1.2', rag: 'Red', status: 'Withdrawn', statusReason: 'Merged into 1.1', leadService: 'Housing' })),
      await store.createTask(taskInput({ ref: '2.1', objectiveRef: '2', rag: 'Complete', status: 'Complete', leadService: 'Human Resources' })),
    ];
    objectives = await store.listObjectives();
  });
  afterEach(() => store.close());

  it('the plan view hides them unless Withdrawn is asked for; the summary counts them only as withdrawn', async () => {
    const view = await getPlanView({ store, clock: fixedClock(NOW) });
    assert.deepEqual(refsOf(applyPlanFilter(view, {})), ['1.1']);
    assert.deepEqual(refsOf(applyPlanFilter(view, parsePlanFilter({ status: 'Withdrawn' }))), ['1.2']);
    assert.deepEqual(refsOf(applyPlanFilter(view, parsePlanFilter({ status: 'Withdrawn,Complete' }))), ['1.2', '2.1']);
    assert.equal(view.summary.total, 2);
    assert.equal(view.summary.byRag.Red, 0);
    assert.equal(view.summary.byStatus.Withdrawn, 1);
  });

  it('filters by lead service, case-insensitively, and keeps the filter in the URL', async () => {
    const view = await getPlanView({ store, clock: fixedClock(NOW) });
    const filter = parsePlanFilter(new URLSearchParams('service=housing&status=Open,Withdrawn'));
    assert.deepEqual(refsOf(applyPlanFilter(view, filter)), ['1.1', '1.2']);
    assert.equal(planFilterToQuery(filter), 'status=Open,Withdrawn&service=housing');
  });

  it('trends and the current board paper leave withdrawn tasks out', () => {
    const trends = buildTrends({ tasks, objectives, rounds: [], now: NOW });
    assert.equal(trends.ragByRound.at(-1)?.total, 2);
    assert.equal(trends.ragByRound.at(-1)?.byRag.Red, 0);
    const report = buildBoardReport({ tasks, objectives, rounds: [], now: NOW });
    const refs = report.sections.flatMap((s) => s.rows.map((t) => t.ref));
    assert.ok(!refs.includes('1.2'), refs.join());
    assert.ok(refs.includes('1.1'));
  });
});
