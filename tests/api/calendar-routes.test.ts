import assert from 'node:assert/strict';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { fixedClock } from '../../core/ports/clock';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { StatutoryCalendar } from '../../core/use-cases/get-statutory-calendar';
import type { ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { alice } from '../support/builders';
import { callRoute, jsonBody } from './support/call-route';
import { as, testAuthorize } from './support/test-callers';

const NOW = new Date('2027-03-01T10:00:00Z');
const officer = { aadObjectId: 'oid-olu', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };

describe('tab API: GET /api/calendar (the statutory dates)', () => {
  let store: SqlitePlanStore;
  const routesWith = (statutory?: Parameters<typeof tabRoutes>[0]['statutory']): ApiRoute[] =>
    tabRoutes({ store, clock: fixedClock(NOW), directory: demoDirectory(), calendar: ukWorkingCalendar('WLS'), authorize: testAuthorize({ officer: { person: officer, officer: true }, viewer: { person: alice } }), ...(statutory && { statutory }) });
  const get = (routes: ApiRoute[], query = '', caller = 'viewer') => callRoute(routes, 'GET', `/api/calendar${query}`, { headers: caller ? as(caller) : {} });

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:', { now: NOW });
    // Duties counted from the plan's start (the Welsh SEP review) use the plan the request is about.
    const plan = (await store.plans.getPlan(store.planId))!;
    await store.plans.updatePlan(plan.id, plan.version, { periodStart: '2024-04-01', periodEnd: '2028-03-31' });
  });
  afterEach(() => store.close());

  it('the council\'s next five dates by default, each with a suggested round, for any signed-in person', async () => {
    const res = await get(routesWith({ nation: 'wales', staffCount: 900 }));
    assert.equal(res.status, 200);
    const body = jsonBody<StatutoryCalendar>(res);
    assert.deepEqual([body.nation, body.staffCount, body.today], ['wales', 900, '2027-03-01']);
    assert.deepEqual(body.dates.map((d) => `${d.due} ${d.dutyId}`), ['2027-03-30 wales-pay-differences', '2027-03-31 wales-annual-report', '2028-03-30 wales-pay-differences', '2028-03-31 wales-annual-report', '2028-04-01 wales-strategic-equality-plan']);
    const report = body.dates[1]!;
    assert.deepEqual([report.title, report.daysAway, report.check], ['Annual equality report', 30, false]);
    assert.match(report.basis, /Equality Act 2010 \(Statutory Duties\) \(Wales\) Regulations 2011/);
    assert.deepEqual(report.suggestedRound, { name: 'Annual equality report 2027', dueDate: '2027-03-03', opensAt: '2027-03-01', scope: { kind: 'all-open' } });
    assert.equal(body.dates[0]!.check, true, 'the Welsh pay duty: check this date');
  });

  it('count=1..20 picks how many; without settings: England, headcount unknown', async () => {
    const routes = routesWith();
    const one = jsonBody<StatutoryCalendar>(await get(routes, '?count=1'));
    assert.equal(one.nation, 'england');
    assert.equal(one.staffCount, undefined);
    assert.deepEqual(one.dates.map((d) => [d.dutyId, d.due, d.check]), [['england-gender-pay-gap', '2027-03-30', true]]);
    assert.equal(jsonBody<StatutoryCalendar>(await get(routes, '?count=20')).dates.length, 20);
  });

  it('a bad count: 400 saying what is allowed', async () => {
    const routes = routesWith();
    for (const bad of ['0', '21', 'five', '2.5', '-1', '', '1000']) {
      const res = await get(routes, `?count=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, `count=${bad}`);
      const body = jsonBody<{ message: string; errors: Record<string, string> }>(res);
      assert.equal(body.message, 'count must be a whole number from 1 to 20, for example ?count=5.');
      assert.ok(body.errors.count);
    }
  });

  it('signed out: 401, as every route', async () => {
    const res = await get(routesWith(), '', '');
    assert.equal(res.status, 401);
  });
});
