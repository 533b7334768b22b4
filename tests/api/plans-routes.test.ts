import assert from 'node:assert/strict';
import { fixedClock } from '../../core/ports/clock';
import type { PlanView } from '../../core/plan-view';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { PlanSummary } from '../../core/use-cases/list-plans';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { alice, bob, taskInput } from '../support/builders';
import { callRoute, jsonBody } from './support/call-route';
import { NOW, seedPlan } from './support/seed-plan';
import { as, testAuthorize } from './support/test-callers';

describe('tab API: plans (GET /api/plans, ?plan= on every plan route)', () => {
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let workforceId: string;

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:', { now: NOW });
    await seedPlan(store);
    const workforce = await store.plans.createPlan({ key: 'workforce-2025-28', name: 'Workforce equality plan', kind: 'Workforce plan', periodStart: '2025-04-01', periodEnd: '2028-03-31', owner: bob, state: 'Active' });
    workforceId = workforce.id;
    const other = store.plans.forPlan(workforce.id);
    await other.createObjective({ ref: '1', title: 'A workforce that reflects the borough' });
    await other.createTask(taskInput({ ref: '1.1.1', title: 'Publish the workforce profile', owners: [alice] }));
    routes = tabRoutes({ store, clock: fixedClock(NOW), directory: demoDirectory(), authorize: testAuthorize({ viewer: { person: alice }, officer: { person: bob, officer: true } }), plan: { council: 'Test Council', title: 'District EDI plan' } });
  });
  afterEach(async () => store.close());

  it('lists the plans with id, name, kind, period and state, the default one marked', async () => {
    const res = await callRoute(routes, 'GET', '/api/plans', { headers: as('viewer') });
    assert.equal(res.status, 200);
    const { plans } = jsonBody<{ plans: PlanSummary[] }>(res);
    assert.deepEqual(
      plans.map((p) => [p.id, p.name, p.kind, p.periodStart, p.periodEnd, p.state, p.isDefault, p.tasks]),
      [
        ['1', 'EDI action plan', 'EDI plan', '2026-04-01', '2030-03-31', 'Active', true, 3],
        [workforceId, 'Workforce equality plan', 'Workforce plan', '2025-04-01', '2028-03-31', 'Active', false, 1],
      ],
    );
    assert.equal((await callRoute(routes, 'GET', '/api/plans')).status, 401);
  });

  it("gives one plan's view by id or key, and the default plan's without `plan`", async () => {
    const byId = jsonBody<PlanView>(await callRoute(routes, 'GET', `/api/plan?plan=${workforceId}`, { headers: as('viewer') }));
    assert.deepEqual(byId.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks.map((t) => t.title))), ['Publish the workforce profile']);
    const byKey = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan?plan=WORKFORCE-2025-28', { headers: as('viewer') }));
    assert.deepEqual(byKey, byId);
    const fallback = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', { headers: as('viewer') }));
    assert.equal(fallback.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).length, 3);
  });

  it('answers 404 with a plain message for an unknown plan, 401 before that without sign-in', async () => {
    const res = await callRoute(routes, 'GET', '/api/plan?plan=nope', { headers: as('viewer') });
    assert.equal(res.status, 404);
    assert.match(jsonBody<{ message: string }>(res).message, /no plan "nope"/);
    assert.equal((await callRoute(routes, 'GET', '/api/plan?plan=nope')).status, 401);
  });

  it('writes go to the plan named: a task created with ?plan= is that plan\'s, refs checked within it', async () => {
    const body = { ref: '9.9', title: 'Review the flexible working policy', objectiveRef: '1', kind: 'Priority', owners: [toPerson(demoUsers.alex).aadObjectId] };
    const res = await callRoute(routes, 'POST', `/api/tasks?plan=${workforceId}`, { headers: as('officer'), body });
    assert.equal(res.status, 201, JSON.stringify('body' in res && res.body));
    assert.deepEqual((await store.plans.forPlan(workforceId).listTasks()).map((t) => t.ref), ['1.1.1', '9.9']);
    assert.equal((await store.listTasks()).length, 3, 'the default plan is untouched');
  });

  it('moves the default on when the first plan closes', async () => {
    const first = (await store.plans.getPlan('1'))!;
    await store.plans.updatePlan('1', first.version, { state: 'Closed' });
    const fallback = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', { headers: as('viewer') }));
    assert.deepEqual(fallback.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks.map((t) => t.title))), ['Publish the workforce profile']);
  });

  it('lets an officer start a plan (Draft by default, key from name and period) and refuses bad ones field by field', async () => {
    const body = { name: 'EDI plan 2027-31', kind: 'EDI plan', periodStart: '2027-04-01', periodEnd: '2031-03-31', predecessorId: '1' };
    assert.equal((await callRoute(routes, 'POST', '/api/plans', { headers: as('viewer'), body })).status, 403);
    const res = await callRoute(routes, 'POST', '/api/plans', { headers: as('officer'), body });
    assert.equal(res.status, 201);
    const { plan } = jsonBody<{ plan: { id: string; key: string; state: string; owner: { aadObjectId: string } } }>(res);
    assert.deepEqual([plan.key, plan.state, plan.owner.aadObjectId], ['edi-plan-2027-31', 'Draft', bob.aadObjectId]);
    const again = jsonBody<{ plan: { key: string } }>(await callRoute(routes, 'POST', '/api/plans', { headers: as('officer'), body }));
    assert.equal(again.plan.key, 'edi-plan-2027-31-2', 'the same name and period again gets its own key');
    const bad = await callRoute(routes, 'POST', '/api/plans', { headers: as('officer'), body: { name: '', kind: 'Spaceship', periodStart: '2027-02-30', periodEnd: '2026-01-01' } });
    assert.equal(bad.status, 400);
    const { errors } = jsonBody<{ errors: Record<string, string> }>(bad);
    assert.deepEqual(Object.keys(errors).sort(), ['kind', 'name', 'periodStart']);
    const backwards = await callRoute(routes, 'POST', '/api/plans', { headers: as('officer'), body: { ...body, periodEnd: '2026-01-01' } });
    assert.match(jsonBody<{ errors: Record<string, string> }>(backwards).errors.periodEnd ?? '', /after the start/);
    assert.equal((await store.plans.listPlans()).length, 4, 'nothing written by the refused requests');
  });

  it('closes a plan and carries its open tasks into another through the API, once', async () => {
    const tasks = await store.listTasks();
    const open = tasks.filter((t) => t.status === 'Open').map((t) => t.id);
    const carry = () => callRoute(routes, 'POST', '/api/plans/1/carry-forward', { headers: as('officer'), body: { toPlanId: workforceId, taskIds: open } });
    assert.equal((await callRoute(routes, 'POST', '/api/plans/1/carry-forward', { headers: as('viewer'), body: { toPlanId: workforceId, taskIds: open } })).status, 403);
    const first = jsonBody<{ carried: { ref: string; already: boolean }[]; notCarried: { ref: string; reason: string }[] }>(await carry());
    // 1.1.1 exists in the workforce plan already (a different task), so it is not carried.
    assert.deepEqual(first.carried.map((c) => [c.ref, c.already]), [['1.1.2', false]]);
    assert.deepEqual(first.notCarried.map((n) => n.ref), ['1.1.1']);
    const second = jsonBody<{ carried: { already: boolean }[] }>(await carry());
    assert.deepEqual(second.carried.map((c) => c.already), [true]);
    assert.equal((await store.plans.forPlan(workforceId).listTasks()).length, 2);
    const plan = (await store.plans.getPlan('1'))!;
    const closed = await callRoute(routes, 'PATCH', '/api/plans/1', { headers: as('officer'), body: { state: 'Closed' } });
    assert.equal(closed.status, 200);
    assert.equal((await store.plans.getPlan('1'))?.state, 'Closed');
    assert.notEqual((await store.plans.getPlan('1'))?.version, plan.version);
    assert.equal((await callRoute(routes, 'PATCH', '/api/plans/1', { headers: as('officer'), body: { state: 'Gone' } })).status, 400);
    assert.equal((await callRoute(routes, 'PATCH', '/api/plans/77', { headers: as('officer'), body: { state: 'Closed' } })).status, 404);
  });
});
