import assert from 'node:assert/strict';
import { fixedClock } from '../../core/ports/clock';
import type { PlanView, TaskView } from '../../core/plan-view';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { TaskDetail } from '../../core/use-cases/get-task-detail';
import type { RoundStatus } from '../../core/use-cases/get-round-status';
import { DEMO_TENANT_ID, demoUsers, toPerson } from '../../bot/demo/demo-users';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { ApiResponse, ApiRoute } from '../../tab/api/api-route';
import { createTabAuthorize } from '../../tab/api/auth/tab-authorize';
import { tabRoutes } from '../../tab/api/tab-routes';
import { alice, bob } from '../support/builders';
import { callRoute, jsonBody } from './support/call-route';
import { APP_ID_URI, CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, type FakeEntra } from './support/fake-entra';
import { NOW, seedPlan, type SeededPlan } from './support/seed-plan';

const OFFICER = 'oid-officer';
const EDI_GROUP = 'grp-edi-officers';

describe('tab API over Teams SSO: 401, 403 and what each route returns', () => {
  let entra: FakeEntra;
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let seeded: SeededPlan;
  let viewer: string;
  let officer: string;

  const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const plainPath = (route: ApiRoute) => route.path.replace(':id', 'some-id');

  before(async () => {
    entra = await startFakeEntra();
    store = SqlitePlanStore.open(':memory:');
    seeded = await seedPlan(store);
    const authorize = createTabAuthorize({ tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI, authority: 'https://login.microsoftonline.com', jwksUrl: entra.jwksUrl, officerIds: [OFFICER], officerGroupId: EDI_GROUP });
    routes = tabRoutes({ store, clock: fixedClock(NOW), authorize, directory: demoDirectory(), sharePointItemUrl: (t) => `https://council.sharepoint.com/sites/edi/Lists/Plan%20Tasks/DispForm.aspx?ID=${t.id}` });
    viewer = await entra.token({ oid: 'oid-viewer', name: 'Val Viewer', preferred_username: 'val@example.gov.uk' });
    officer = await entra.token({ oid: OFFICER, name: 'Olu Officer', preferred_username: 'olu@example.gov.uk' });
  });
  after(async () => {
    await store.close();
    await entra.close();
  });

  it('every route answers 401 with a plain message and a Bearer challenge when the token is missing', async () => {
    assert.ok(routes.length >= 11, 'me, plan, task, rounds (3), reach, exports (3), import (2)');
    for (const route of routes) {
      const res = await callRoute(routes, route.method, plainPath(route), { body: {} });
      assert.equal(res.status, 401, `${route.method} ${route.path}`);
      assert.match(jsonBody<{ message: string }>(res).message, /sign/i);
      assert.equal('headers' in res && res.headers?.['WWW-Authenticate'], 'Bearer');
    }
  });

  it('every route answers 401 for an expired, forged, wrong-audience or other-tenant token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const bad = {
      expired: await entra.token({ oid: OFFICER, iat: past, nbf: past, exp: past + 600 }),
      forged: await entra.token({ oid: OFFICER }, { key: entra.rogueKey }),
      audience: await entra.token({ oid: OFFICER, aud: 'https://graph.microsoft.com' }),
      tenant: await entra.token({ oid: OFFICER, tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      scheme: 'not a bearer token',
    };
    for (const route of routes) {
      for (const [why, token] of Object.entries(bad)) {
        const headers = why === 'scheme' ? { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } : { Authorization: `Bearer ${token}` };
        const res = await callRoute(routes, route.method, plainPath(route), { headers, body: {} });
        assert.equal(res.status, 401, `${route.method} ${route.path} with ${why} token`);
      }
    }
    const expired = await callRoute(routes, 'GET', '/api/plan', auth(bad.expired));
    assert.match(jsonBody<{ message: string }>(expired).message, /expired/);
    const tenant = await callRoute(routes, 'GET', '/api/plan', auth(bad.tenant));
    assert.match(jsonBody<{ message: string }>(tenant).message, /another organisation/);
  });

  it('officer routes answer 403 to a viewer; viewer routes answer 200', async () => {
    const officerOnly = new Set([
      'POST /api/rounds',
      'POST /api/rounds/:id/close',
      'GET /api/reach',
      'GET /api/export/plan.csv',
      'GET /api/export/plan.xlsx',
      'GET /api/export/history.csv',
      'GET /api/export/board-report.docx',
      'GET /api/export/eflg-pack.docx',
      'POST /api/import',
      'POST /api/import/uploads',
      'POST /api/import/uploads/:id/preview',
      'POST /api/import/uploads/:id/confirm',
      'POST /api/import/uploads/:id/cancel',
      'PATCH /api/tasks/:id',
      'POST /api/tasks',
      'GET /api/people',
      'POST /api/objectives',
      'PATCH /api/objectives/:id',
      'POST /api/plans',
      'PATCH /api/plans/:id',
      'POST /api/plans/:id/carry-forward',
    ]);
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const path = route.path.startsWith('/api/tasks/:id') ? route.path.replace(':id', seeded.tasks.green.id) : plainPath(route);
      const res = await callRoute(routes, route.method, path, { ...auth(viewer), body: { text: 'A comment' } });
      if (key === 'POST /api/tasks/:id/comments') {
        // Open to everyone signed in, then the task's own rule: its owners, accountable officer and officers.
        assert.equal(res.status, 403, key);
        assert.match(jsonBody<{ message: string }>(res).message, /Only the owners of 1\.1\.1 and EDI officers/);
      } else if (officerOnly.has(key)) {
        assert.equal(res.status, 403, key);
        assert.match(jsonBody<{ message: string }>(res).message, /Only EDI officers/);
      } else {
        assert.equal(res.status, 200, key);
      }
    }
  });

  it('GET /api/me: the user from the token, officer by id or by group claim, viewer otherwise', async () => {
    const me = jsonBody(await callRoute(routes, 'GET', '/api/me', auth(officer)));
    assert.deepEqual(me, { user: { aadObjectId: OFFICER, displayName: 'Olu Officer', email: 'olu@example.gov.uk' }, roles: ['officer'], tenantId: TENANT });
    assert.deepEqual(jsonBody(await callRoute(routes, 'GET', '/api/me', auth(viewer))).roles, []);
    const member = await entra.token({ oid: 'oid-member', groups: ['grp-other', EDI_GROUP] });
    assert.deepEqual(jsonBody(await callRoute(routes, 'GET', '/api/me', auth(member))).roles, ['officer']);
    const res = await callRoute(routes, 'GET', '/api/reach', auth(member));
    assert.equal(res.status, 200, 'a group member may use officer routes');
    const v1 = await entra.token({ oid: OFFICER }, { version: 1 });
    assert.equal((await callRoute(routes, 'GET', '/api/me', auth(v1))).status, 200, 'v1 tokens (App ID URI audience) are accepted too');
    const noName = await entra.token({ oid: demoUsers.sam.aadObjectId, name: undefined, preferred_username: undefined });
    assert.deepEqual(jsonBody(await callRoute(routes, 'GET', '/api/me', auth(noName))).user, toPerson(demoUsers.sam), 'completed from the directory');
  });

  it('GET /api/plan: open round, awaiting update, unreachable owners and pending approvals', async () => {
    const plan = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', auth(viewer)));
    const task = (ref: string) => plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.ref === ref) as TaskView;
    assert.deepEqual(plan.round, { id: seeded.roundId, name: 'Board report December 2026', dueDate: '2026-12-04', answered: 1, inScope: 2, responseRate: 0.5 });
    assert.equal(task('1.1.1').awaitingUpdate, false, 'answered on 21 November');
    assert.equal(task('1.1.2').awaitingUpdate, true);
    assert.equal(task('2.1').awaitingUpdate, false, 'complete, not in the round');
    assert.equal(task('1.1.1').ownerUnreachable, false, 'Alice has a chat with the bot');
    assert.equal(task('1.1.2').ownerUnreachable, true, 'Bob has none');
    assert.equal(task('2.1').ownerUnreachable, false, 'complete tasks need nobody');
    assert.deepEqual(task('1.1.1').pendingApproval, { proposedRag: 'Amber', approverName: bob.displayName, requestedAt: '2026-11-21T09:00:00.000Z' });
    assert.equal(task('1.1.2').pendingApproval, undefined);
    assert.equal(task('1.1.1').owners[0]?.aadObjectId, alice.aadObjectId);
    assert.equal(plan.summary.awaitingUpdate, 1);
    assert.equal(plan.summary.pendingApprovals, 1);
    assert.equal(plan.summary.unreachableOwners, 1);
  });

  it('GET /api/tasks/:id: every field, updates newest first with their round, approvals, reminders, SharePoint link', async () => {
    const detail = jsonBody<TaskDetail>(await callRoute(routes, 'GET', `/api/tasks/${seeded.tasks.green.id}`, auth(viewer)));
    assert.equal(detail.ref, '1.1.1');
    assert.equal(detail.objectiveTitle, 'Understanding our communities');
    assert.deepEqual(detail.groupsImpacted, ['Age', 'Disability']);
    assert.equal(detail.accountableOfficer?.displayName, bob.displayName);
    assert.equal(detail.pendingRag, 'Amber');
    assert.deepEqual(detail.updates.map((u) => [u.progress, u.round ?? null, u.submittedBy.displayName]), [
      ['Draft report with the working group.', 'Board report December 2026', alice.displayName],
      ['Data gathered from services.', null, alice.displayName],
    ]);
    assert.equal(detail.approvals.length, 1);
    assert.deepEqual({ ...detail.approvals[0], id: undefined }, { id: undefined, fromRag: 'Green', toRag: 'Amber', requestedBy: alice, requestedAt: '2026-11-21T09:00:00.000Z', justification: 'Supplier delay on the data extract.', approver: bob, state: 'Pending' });
    assert.deepEqual(detail.reminders.map((r) => [r.triggerLabel, r.recipientName, r.outcome]), [['14 days before the due date', alice.displayName, 'sent']]);
    assert.equal(detail.sharePointUrl, `https://council.sharepoint.com/sites/edi/Lists/Plan%20Tasks/DispForm.aspx?ID=${seeded.tasks.green.id}`);
    assert.ok(!('version' in detail) && !('pendingApprovalId' in detail), 'store internals stay in the store');

    const overdue = jsonBody<TaskDetail>(await callRoute(routes, 'GET', `/api/tasks/${seeded.tasks.overdue.id}`, auth(viewer)));
    assert.equal(overdue.overdue, true);
    assert.deepEqual(overdue.reminders.map((r) => [r.triggerLabel, r.outcome, r.detail]), [['1 day overdue', 'failed', 'no-conversation']]);

    const missing = await callRoute(routes, 'GET', '/api/tasks/99999', auth(viewer));
    assert.equal(missing.status, 404);
    assert.match(jsonBody<{ message: string }>(missing).message, /no such task/);
  });

  it('GET /api/reach (officers): owners the bot cannot reach, with their open tasks', async () => {
    const body = jsonBody<{ owners: { person: { aadObjectId: string }; status: string; openTasks: string[] }[] }>(await callRoute(routes, 'GET', '/api/reach', auth(officer)));
    // Bob owns 1.1.2 and answers for 1.1.1 as its accountable officer.
    assert.deepEqual(body.owners.map((o) => [o.person.aadObjectId, o.status, [...o.openTasks].sort()]), [[bob.aadObjectId, 'no-chat', ['1.1.1', '1.1.2']]]);
  });

  it('exports answer with files named for the day, filtered by the tab URL parameters', async () => {
    const csv = await callRoute(routes, 'GET', '/api/export/plan.csv?rag=Amber', auth(officer));
    assert.ok('file' in csv);
    assert.equal(csv.file.fileName, 'edi-action-plan-2026-11-22.csv');
    assert.match(csv.file.contentType, /^text\/csv/);
    const text = Buffer.from(csv.file.bytes).toString('utf8');
    assert.match(text, /1\.1\.2/);
    assert.doesNotMatch(text, /1\.1\.1|2\.1,/, 'only the Amber task');

    const xlsx = await callRoute(routes, 'GET', '/api/export/plan.xlsx', auth(officer));
    assert.ok('file' in xlsx && xlsx.file.fileName.endsWith('.xlsx'));
    assert.equal(Buffer.from(xlsx.file.bytes).subarray(0, 2).toString(), 'PK', 'a zip (OOXML) file');

    const docx = await callRoute(routes, 'GET', '/api/export/board-report.docx', auth(officer));
    assert.ok('file' in docx);
    assert.equal(docx.file.fileName, 'board-report-2026-11-22.docx', 'the plan as of today');
    const round = await callRoute(routes, 'GET', `/api/export/board-report.docx?round=${seeded.roundId}`, auth(officer));
    assert.ok('file' in round);
    assert.equal(round.file.fileName, 'board-report-board-report-december-2026.docx', 'one round, named for it');
    const unknown = await callRoute(routes, 'GET', '/api/export/board-report.docx?round=nope', auth(officer));
    assert.equal(unknown.status, 404);
  });
});

describe('tab API: update rounds from the tab', () => {
  let entra: FakeEntra;
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let officer: string;
  let viewer: string;

  const post = (path: string, body: unknown, token = officer) => callRoute(routes, 'POST', path, { headers: { Authorization: `Bearer ${token}` }, body });
  const get = (path: string, token = officer) => callRoute(routes, 'GET', path, { headers: { Authorization: `Bearer ${token}` } });
  const message = (res: ApiResponse) => jsonBody<{ message: string }>(res).message;

  before(async () => {
    entra = await startFakeEntra();
    store = SqlitePlanStore.open(':memory:');
    await seedPlan(store, { round: false });
    const authorize = createTabAuthorize({ tenantId: TENANT, clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com', jwksUrl: entra.jwksUrl, officerIds: [OFFICER] });
    routes = tabRoutes({ store, clock: fixedClock(NOW), authorize, directory: demoDirectory() });
    officer = await entra.token({ oid: OFFICER });
    viewer = await entra.token({ oid: 'oid-viewer' });
  });
  after(async () => {
    await store.close();
    await entra.close();
  });

  it('with no round yet: no current round, and the board report is the plan as of today', async () => {
    assert.deepEqual(jsonBody(await get('/api/rounds', viewer)), { rounds: [] });
    const report = await get('/api/export/board-report.docx');
    assert.equal(report.status, 200, 'no round needs to have been opened');
    assert.ok('file' in report);
    assert.equal(report.file.fileName, 'board-report-2026-11-22.docx');
    assert.equal((await get('/api/export/board-report.docx?round=nope')).status, 404);
  });

  it('POST /api/rounds: 400 with field errors for a bad body or bad values, nothing stored', async () => {
    const shape = await post('/api/rounds', { name: 42, scope: { kind: 'everything' } });
    assert.equal(shape.status, 400);
    assert.deepEqual(Object.keys(jsonBody<{ errors: object }>(shape).errors).sort(), ['dueDate', 'name', 'scope']);

    const values = await post('/api/rounds', { name: '  ', dueDate: '2026-11-01', scope: { kind: 'tasks', refs: ['9.9'] } });
    assert.equal(values.status, 400);
    const { errors } = jsonBody<{ errors: Record<string, string> }>(values);
    assert.match(errors.name ?? '', /Give the round a name/);
    assert.match(errors.dueDate ?? '', /must be after today/);
    assert.match(errors.scope ?? '', /no task 9\.9/);
    assert.deepEqual(await store.listRounds(), []);
  });

  it('POST /api/rounds opens a round (201 RoundStatus); a second is refused with 409', async () => {
    const res = await post('/api/rounds', { name: 'Board report December 2026', dueDate: '2026-12-04', scope: { kind: 'objectives', refs: ['1'] } });
    assert.equal(res.status, 201);
    const status = jsonBody<RoundStatus>(res);
    assert.equal(status.round.state, 'Open');
    assert.equal(status.inScope, 2);
    assert.equal(status.answered, 0, 'updates before the round opened do not count');
    assert.deepEqual(status.notAnswered.map((n) => [n.owner.displayName, n.taskRefs]), [[alice.displayName, ['1.1.1']], [bob.displayName, ['1.1.2']]]);

    const again = await post('/api/rounds', { name: 'Another', dueDate: '2026-12-20', scope: { kind: 'all-open' } });
    assert.equal(again.status, 409);
    assert.match(message(again), /still open/);

    const rounds = jsonBody<{ current: RoundStatus; rounds: { id: string; state: string }[] }>(await get('/api/rounds', viewer));
    assert.equal(rounds.current.round.id, status.round.id);
    assert.deepEqual(rounds.rounds.map((r) => r.state), ['Open']);
  });

  it('POST /api/rounds/:id/close closes it (200, from its snapshot); closing again is 409, an unknown id 404', async () => {
    const [open] = await store.listRounds({ state: 'Open' });
    const res = await post(`/api/rounds/${open!.id}/close`, {});
    assert.equal(res.status, 200);
    const status = jsonBody<RoundStatus>(res);
    assert.equal(status.round.state, 'Closed');
    assert.equal(status.inScope, 2);
    assert.equal(status.round.snapshot?.length, 2);

    const again = await post(`/api/rounds/${open!.id}/close`, {});
    assert.equal(again.status, 409);
    assert.match(message(again), /already closed/);
    assert.equal((await post('/api/rounds/404/close', {})).status, 404);

    const report = await get(`/api/export/board-report.docx?round=${open!.id}`);
    assert.equal(report.status, 200, 'the closed round has its board report');
    assert.ok('file' in report);
    assert.equal(report.file.fileName, 'board-report-board-report-december-2026.docx');
  });
});

describe('tab API in local dev identity mode (no token)', () => {
  it('runs as the configured demo user: Priya is an officer, Alex a viewer', async () => {
    const store = SqlitePlanStore.open(':memory:');
    try {
      const as = (key: 'priya' | 'alex') =>
        tabRoutes({
          store,
          clock: fixedClock(NOW),
          directory: demoDirectory(),
          authorize: createTabAuthorize({ devUser: toPerson(demoUsers[key]), devTenantId: DEMO_TENANT_ID, tenantId: '', clientId: '', authority: 'https://login.microsoftonline.com', jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', officerIds: [demoUsers.priya.aadObjectId] }),
        });
      const priya = jsonBody(await callRoute(as('priya'), 'GET', '/api/me'));
      assert.deepEqual(priya, { user: toPerson(demoUsers.priya), roles: ['officer'], tenantId: DEMO_TENANT_ID });
      assert.equal((await callRoute(as('priya'), 'GET', '/api/export/plan.csv')).status, 200);
      assert.deepEqual(jsonBody(await callRoute(as('alex'), 'GET', '/api/me')).roles, []);
      assert.equal((await callRoute(as('alex'), 'GET', '/api/export/plan.csv')).status, 403);
      assert.equal((await callRoute(as('alex'), 'GET', '/api/plan')).status, 200);
    } finally {
      await store.close();
    }
  });
});
