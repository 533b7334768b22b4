import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Measure } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { getTaskDetail } from '../../core/use-cases/get-task-detail';
import { submitUpdate } from '../../core/use-cases/submit-update';
import type { TaskDetail } from '../../tab/app/api-types';
import { TaskDetailView } from '../../tab/app/TaskDetailView';
import { alice, taskInput } from '../support/builders';

// From 40% on 1 Apr 2025 to 60% on 1 Apr 2027: on 1 Apr 2026 the trajectory is at 50%.
const measure: Measure = { name: 'Staff sharing data', unit: '%', baseline: 40, baselineDate: '2025-04-01', target: 60, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 };

describe('task detail: the measure and its history', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = SqlitePlanStore.open(':memory:');
  });
  afterEach(() => store.close());

  async function measuredTask() {
    let task = await store.createTask(taskInput({ owners: [alice], measure, startingPosition: '40% (April 2025 survey)' }));
    const values: [string, string][] = [['2025-10-01T09:00:00Z', '43'], ['2025-12-01T09:00:00Z', ''], ['2026-03-25T09:00:00Z', '44']];
    for (const [i, [at, value]] of values.entries()) {
      const result = await submitUpdate({ store, clock: fixedClock(new Date(at)) }, { actorAadObjectId: alice.aadObjectId, taskId: task.id, taskVersion: task.version, idempotencyKey: `card-${i}`, values: { progress: `Update ${i}`, measureValue: value, supportNeeded: i === 2 ? 'Survey budget' : '' } });
      task = result.task;
    }
    return task;
  }

  it('gives the measure against its target today and every value given, oldest first', async () => {
    const task = await measuredTask();
    const detail = await getTaskDetail({ store, clock: fixedClock(new Date('2026-04-01T10:00:00Z')) }, task.id);
    assert.equal(detail.startingPosition, '40% (April 2025 survey)');
    assert.equal(detail.supportNeeded, 'Survey budget');
    assert.deepEqual(detail.measure, measure);
    const status = detail.measureStatus!;
    assert.equal(status.targetText, '60% by 1 Apr 2027');
    assert.equal(status.baselineText, '40% (1 Apr 2025)');
    assert.deepEqual(status.latest, { text: '44%', at: '2026-03-25T09:00:00.000Z' });
    assert.equal(status.expectedNowText, '50%');
    assert.equal(status.suggested, 'Amber');
    // 43% on 1 Oct 2025 against ~45% expected: Green; 44% on 25 Mar 2026 against ~49.8%: Amber.
    assert.deepEqual(status.history.map((h) => [h.at, h.text, h.by, h.suggested]), [
      ['2025-10-01T09:00:00.000Z', '43%', 'Alice Owner', 'Green'],
      ['2026-03-25T09:00:00.000Z', '44%', 'Alice Owner', 'Amber'],
    ]);
    assert.deepEqual(detail.updates.map((u) => u.measureValue), [44, undefined, 43], 'the update history carries each value, newest first');
  });

  it('has no measure status for a task without a measure', async () => {
    const task = await store.createTask(taskInput());
    assert.equal((await getTaskDetail({ store, clock: fixedClock(new Date('2026-04-01T10:00:00Z')) }, task.id)).measureStatus, undefined);
  });

  it('the tab shows the measure and its values as a table with a caption', async () => {
    const task = await measuredTask();
    const detail = (await getTaskDetail({ store, clock: fixedClock(new Date('2026-04-01T10:00:00Z')) }, task.id)) as unknown as TaskDetail;
    const html = renderToStaticMarkup(createElement(TaskDetailView, { task: detail }));
    assert.match(html, /<h3 id="task-measure-heading"[^>]*>Measure: <!-- -->Staff sharing data<\/h3>|<h3 id="task-measure-heading"[^>]*>Measure: Staff sharing data<\/h3>/);
    for (const text of ['Baseline', '40% (1 Apr 2025)', '60% by 1 Apr 2027', 'Where it should be today', 'Starting position', '40% (April 2025 survey)', 'Support needed (latest update)', 'Survey budget']) assert.ok(html.includes(text), text);
    const table = /<table[\s\S]*?<\/table>/.exec(html.slice(html.indexOf('task-measure-heading')))?.[0] ?? '';
    assert.match(table, /<caption[^>]*>Values given for (?:<!-- -->)?Staff sharing data(?:<!-- -->)?, oldest first<\/caption>/);
    assert.deepEqual([...table.matchAll(/data-measure-value="([^"]+)"/g)].map((m) => m[1]), ['43', '44']);
    assert.match(table, /<th[^>]*scope="col"[^>]*>.*Tolerances suggested/);
    assert.match(html, /Measure value:<\/strong> 44%/);
  });
});
