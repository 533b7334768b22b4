import assert from 'node:assert/strict';
import type { PlanView, TaskView } from '../../core/plan-view';
import {
  applyPlanFilter,
  filteredTasks,
  isFiltering,
  parsePlanFilter,
  planFilterToQuery,
  planTasks,
  sortTasks,
  type PlanFilter,
} from '../../core/plan/plan-filter';

type Task = TaskView & { awaitingUpdate?: boolean; pendingApproval?: { proposedRag: string; approverName: string; requestedAt: string } };

function task(ref: string, overrides: Partial<Task> = {}): Task {
  return {
    id: `id-${ref}`,
    ref,
    title: `Task ${ref}`,
    kind: 'Priority',
    owners: [{ displayName: 'Alice Owner', email: 'alice@example.gov.uk', aadObjectId: 'aad-alice' } as Task['owners'][number]],
    overdue: false,
    rag: 'Green',
    status: 'Open',
    ...overrides,
  };
}

const summary: PlanView['summary'] = {
  total: 6,
  byRag: { 'Not started': 1, Green: 2, Amber: 1, Red: 1, Complete: 1 },
  byStatus: { Open: 5, Complete: 1, 'Carried forward': 0, Withdrawn: 0 },
  overdue: 1,
  dueSoon: 0, dueSoonDays: 14,
  deadlinesToCheck: 0,
};

const bob = { displayName: 'Bob Manager', email: 'bob@example.gov.uk', aadObjectId: 'aad-bob' } as Task['owners'][number];

const view: PlanView = {
  generatedAt: '2026-03-12T09:00:00Z',
  today: '2026-03-12',
  summary,
  objectives: [
    {
      ref: '1',
      title: 'Communities',
      indicators: [
        {
          title: '1.1 Data',
          tasks: [
            task('1.2', { dueDate: '2026-05-01', rag: 'Amber', latestUpdate: { text: 'Ward profiles drafted for twelve wards', at: '2026-03-01T10:00:00Z' } }),
            task('1.10', { dueDate: '2026-02-01', overdue: true, rag: 'Red', awaitingUpdate: true }),
          ],
        },
        { title: '1.2 Engagement', tasks: [task('1.3', { rag: 'Not started', owners: [bob] })] },
      ],
    },
    {
      ref: '2',
      title: 'Workforce',
      indicators: [
        {
          title: null,
          tasks: [
            task('2.1', { dueDate: '2026-04-01', status: 'Complete', rag: 'Complete' }),
            task('2.2', { title: 'Inclusive recruitment training', pendingApproval: { proposedRag: 'Green', approverName: 'Bob Manager', requestedAt: '2026-03-10T09:00:00Z' } }),
            task('2.3', { dueDate: '2026-04-01', title: 'Staff network charter', owners: [bob] }),
          ],
        },
      ],
    },
  ],
};

const refs = (v: PlanView) => planTasks(v).map((t) => t.ref);

describe('plan filter', () => {
  describe('parsePlanFilter', () => {
    it('reads every parameter from URLSearchParams', () => {
      const filter = parsePlanFilter(
        new URLSearchParams('rag=Red,Amber&status=Open,Carried%20forward&owner=aad-bob&objective=2&overdue=1&awaiting=1&pending=true&q=%20data%20&sort=due&dir=desc'),
      );
      assert.deepEqual(filter, {
        rag: ['Red', 'Amber'],
        status: ['Open', 'Carried forward'],
        owner: 'aad-bob',
        objective: '2',
        overdue: true,
        awaiting: true,
        pending: true,
        q: 'data',
        sort: 'due',
        dir: 'desc',
      });
    });

    it('ignores unknown and bad values without throwing, and keeps the good ones', () => {
      const filter = parsePlanFilter({ rag: 'red,Purple,,red', status: 'Nope', overdue: '0', awaiting: 'yes', sort: 'colour', dir: 'up', q: '   ', owner: '', colour: 'blue' });
      assert.deepEqual(filter, { rag: ['Red'] });
      assert.deepEqual(parsePlanFilter({}), {});
      assert.deepEqual(parsePlanFilter(new URLSearchParams('')), {});
    });

    it('takes the first of repeated values and caps long text', () => {
      const filter = parsePlanFilter({ objective: ['3', '4'] as unknown as string, q: 'x'.repeat(500) });
      assert.equal(filter.objective, '3');
      assert.equal(filter.q?.length, 200);
    });
  });

  describe('planFilterToQuery', () => {
    it('round-trips through parsePlanFilter, with readable commas', () => {
      const filter: PlanFilter = { rag: ['Not started', 'Red'], status: ['Carried forward'], owner: 'aad-bob', objective: '1', overdue: true, pending: true, q: 'a&b=c, d', sort: 'rag', dir: 'desc' };
      const query = planFilterToQuery(filter);
      assert.match(query, /^rag=Not%20started,Red&status=Carried%20forward&/);
      assert.deepEqual(parsePlanFilter(new URLSearchParams(query)), filter);
    });

    it('is empty for an empty filter', () => {
      assert.equal(planFilterToQuery({}), '');
      assert.equal(isFiltering({}), false);
      assert.equal(isFiltering({ sort: 'due' }), false);
      assert.equal(isFiltering({ overdue: true }), true);
    });
  });

  describe('applyPlanFilter', () => {
    it('keeps everything, in ref order, for an empty filter', () => {
      assert.deepEqual(refs(applyPlanFilter(view, {})), ['1.2', '1.10', '1.3', '2.1', '2.2', '2.3']);
    });

    it('filters by RAG and status and drops empty indicators and objectives, keeping the whole plan summary', () => {
      const out = applyPlanFilter(view, { rag: ['Red', 'Complete'] });
      assert.deepEqual(refs(out), ['1.10', '2.1']);
      assert.deepEqual(out.objectives[0]?.indicators.map((i) => i.title), ['1.1 Data']);
      assert.equal(out.summary, view.summary);
      assert.deepEqual(refs(applyPlanFilter(view, { status: ['Complete'] })), ['2.1']);
      assert.deepEqual(applyPlanFilter(view, { rag: ['Red'], status: ['Complete'] }).objectives, []);
    });

    it('filters by owner, objective, overdue, awaiting update and pending approval', () => {
      assert.deepEqual(refs(applyPlanFilter(view, { owner: 'aad-bob' })), ['1.3', '2.3']);
      assert.deepEqual(refs(applyPlanFilter(view, { objective: '2' })), ['2.1', '2.2', '2.3']);
      assert.deepEqual(refs(applyPlanFilter(view, { overdue: true })), ['1.10']);
      assert.deepEqual(refs(applyPlanFilter(view, { awaiting: true })), ['1.10']);
      assert.deepEqual(refs(applyPlanFilter(view, { pending: true })), ['2.2']);
      assert.deepEqual(refs(applyPlanFilter(view, { owner: 'aad-bob', objective: '1' })), ['1.3']);
    });

    it('searches ref, title, owners and the latest update, every word, ignoring case', () => {
      assert.deepEqual(refs(applyPlanFilter(view, { q: 'WARD twelve' })), ['1.2']);
      assert.deepEqual(refs(applyPlanFilter(view, { q: 'bob' })), ['1.3', '2.3']);
      assert.deepEqual(refs(applyPlanFilter(view, { q: 'recruitment' })), ['2.2']);
      assert.deepEqual(refs(applyPlanFilter(view, { q: '1.10' })), ['1.10']);
      assert.deepEqual(refs(applyPlanFilter(view, { q: 'ward recruitment' })), []);
    });
  });

  describe('sortTasks', () => {
    const all = planTasks(view);
    it('sorts by ref naturally, both ways', () => {
      assert.deepEqual(sortTasks(all, {}).map((t) => t.ref), ['1.2', '1.3', '1.10', '2.1', '2.2', '2.3']);
      assert.deepEqual(sortTasks(all, { dir: 'desc' }).map((t) => t.ref), ['2.3', '2.2', '2.1', '1.10', '1.3', '1.2']);
    });

    it('sorts by due date with ties by ref and undated tasks last either way', () => {
      assert.deepEqual(sortTasks(all, { sort: 'due' }).map((t) => t.ref), ['1.10', '2.1', '2.3', '1.2', '1.3', '2.2']);
      assert.deepEqual(sortTasks(all, { sort: 'due', dir: 'desc' }).map((t) => t.ref), ['1.2', '2.1', '2.3', '1.10', '1.3', '2.2']);
    });

    it('sorts by RAG worst first', () => {
      assert.deepEqual(sortTasks(all, { sort: 'rag' }).map((t) => t.rag), ['Red', 'Amber', 'Green', 'Green', 'Not started', 'Complete']);
      assert.deepEqual(sortTasks(all, { sort: 'rag', dir: 'desc' }).map((t) => t.rag), ['Complete', 'Not started', 'Green', 'Green', 'Amber', 'Red']);
    });

    it('filteredTasks gives one sorted list of the matching tasks', () => {
      assert.deepEqual(filteredTasks(view, { status: ['Open'], sort: 'due' }).map((t) => t.ref), ['1.10', '2.3', '1.2', '1.3', '2.2']);
    });
  });
});
