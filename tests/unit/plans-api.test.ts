import assert from 'node:assert/strict';
import { MAX_CARRY_FORWARD } from '../../core/use-cases/carry-forward';
import type { PlanSummary } from '../../core/use-cases/list-plans';
import { CARRY_FORWARD_BATCH, carrySummary, currentPlanIn, formatPeriod, planLabel } from '../../tab/app/plans-api';

const plan = (over: Partial<PlanSummary>): PlanSummary => ({ id: '1', key: 'edi-2025-28', name: 'EDI plan', kind: 'EDI plan', periodStart: '2025-04-01', periodEnd: '2028-03-31', state: 'Active', isDefault: false, openTasks: 0, tasks: 0, ...over });

describe('tab plans: words and choices for the plan picker and carry-forward', () => {
  it('shows a period by month and year, and the state only when the plan is not Active', () => {
    assert.equal(formatPeriod('2025-04-01', '2028-03-31'), 'Apr 2025 – Mar 2028');
    assert.equal(planLabel(plan({})), 'EDI plan, Apr 2025 – Mar 2028');
    assert.equal(planLabel(plan({ state: 'Draft', periodStart: '2028-01-15', periodEnd: '2031-12-31' })), 'EDI plan, Jan 2028 – Dec 2031 (Draft)');
  });

  it('takes the plan the address names (id, or key in any case), else the default; none for an unknown one', () => {
    const plans = [plan({ isDefault: true }), plan({ id: '2', key: 'workforce-equality-plan', name: 'Workforce plan' })];
    assert.equal(currentPlanIn(plans, undefined)?.id, '1');
    assert.equal(currentPlanIn(plans, '2')?.id, '2');
    assert.equal(currentPlanIn(plans, 'Workforce-Equality-Plan')?.id, '2');
    assert.equal(currentPlanIn(plans, 'nope'), undefined);
  });

  it('words the carry-forward answer: new, already carried (no copies) and not carried, counted apart', () => {
    const carried = (ref: string, already: boolean) => ({ fromTaskId: `o${ref}`, ref, toTaskId: `n${ref}`, already });
    assert.equal(carrySummary({ carried: [carried('1.1', false), carried('1.2', false)], notCarried: [] }, 'Plan B'), 'Carried 2 tasks into Plan B.');
    assert.equal(
      carrySummary({ carried: [carried('1.1', false), carried('1.2', true)], notCarried: [{ taskId: 'x', ref: '2.1', reason: 'It is Complete.' }, { taskId: 'y', reason: 'Gone.' }] }, 'Plan B'),
      'Carried 1 task into Plan B; 1 task carried already, no copy made (1.2); 2 not carried:',
    );
    assert.equal(carrySummary({ carried: [carried('1.1', true), carried('1.2', true)], notCarried: [] }, 'Plan B'), 'Nothing new carried into Plan B; 2 tasks carried already, no copies made (1.1, 1.2).');
  });

  it("sends no more tasks a request than the server takes (the bundle keeps its own copy of the limit)", () => {
    assert.equal(CARRY_FORWARD_BATCH, MAX_CARRY_FORWARD);
  });
});
