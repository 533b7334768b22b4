/**
 * Proves the tab API trusts only a valid Teams SSO token of this tenant: every route (also with a
 * `?plan=` that names no plan) answers 401 to 16 kinds of bad token; every officer route answers
 * 403 to a colleague's valid token and changes nothing; and an approval is decided only by its
 * approver (the bot's card action, the only place decisions are made), whatever the card data says.
 */
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { TestAdapter } from 'botbuilder';
import { EdiBot } from '../../bot/botframework/teams-bot';
import { CardVerb } from '../../bot/cards/card-verbs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiRoute, Authorize } from '../../tab/api/api-route';
import { createTabAuthorize } from '../../tab/api/auth/tab-authorize';
import { tabRoutes } from '../../tab/api/tab-routes';
import { callRoute, jsonBody } from '../api/support/call-route';
import { APP_ID_URI, CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, V2_ISSUER, type FakeEntra } from '../api/support/fake-entra';
import { NOW, seedPlan, type SeededPlan } from '../api/support/seed-plan';
import { alice, bob, carol } from '../support/builders';
import { clickAnswer, invoke, TEST_TENANT } from '../support/bot-turns';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardTextContent } from '../support/card-validator';

const OFFICER = 'oid-officer';

/** What the store holds, counted: a refused request must leave every count as it was. */
async function counts(store: PlanStore): Promise<Record<string, number>> {
  const tasks = await store.listTasks();
  const updates = (await Promise.all(tasks.map((t) => store.listUpdates(t.id)))).flat();
  return {
    plans: (await store.plans.listPlans()).length,
    objectives: (await store.listObjectives()).length,
    tasks: tasks.length,
    versions: new Set(tasks.map((t) => t.version)).size,
    updates: updates.length,
    rounds: (await store.listRounds()).length,
    approvals: (await store.listApprovals()).length,
    comments: (await store.listComments()).length,
    changes: (await store.listChanges()).length,
  };
}

describe('security: tab API tokens and roles', () => {
  let entra: FakeEntra;
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let seeded: SeededPlan;
  /** What each route asked the real authorisation for ('viewer' or 'officer'), learnt by calling it. */
  const needs = new Map<string, string>();
  let calling = '';

  before(async () => {
    entra = await startFakeEntra();
    store = SqlitePlanStore.open(':memory:');
    seeded = await seedPlan(store);
    const real = createTabAuthorize({ tenantId: TENANT, clientId: CLIENT_ID, appIdUri: APP_ID_URI, authority: 'https://login.microsoftonline.com', jwksUrl: entra.jwksUrl, officerIds: [OFFICER] });
    const spying: Authorize = (request, need) => {
      if (calling && !needs.has(calling)) needs.set(calling, need);
      return real(request, need);
    };
    routes = tabRoutes({ store, clock: fixedClock(NOW), authorize: spying, directory: demoDirectory() });
  });
  after(async () => {
    await store.close();
    await entra.close();
  });

  const key = (route: ApiRoute) => `${route.method} ${route.path}`;
  const pathOf = (route: ApiRoute, query = '') => `${route.path.replace(':id', route.path.startsWith('/api/tasks/:id') ? seeded.tasks.green.id : 'some-id')}${query}`;
  const call = (route: ApiRoute, query: string, headers: Record<string, string>) => {
    calling = key(route);
    return callRoute(routes, route.method, pathOf(route, query), { headers, body: { text: 'A comment', name: 'New plan', title: 'A title' } });
  };

  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = () => ({ aud: CLIENT_ID, iss: V2_ISSUER, tid: TENANT, oid: OFFICER, scp: 'access_as_user', exp: now() + 3600 });
  /** Each bad credential, made once the stand-in for Entra runs. */
  const bad: [string, () => Promise<string | undefined> | string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty bearer token', () => 'Bearer '],
    ['a Basic credential', () => `Basic ${Buffer.from('officer:password').toString('base64')}`],
    ['not a JWT', () => 'Bearer not-a-token'],
    ['an unsigned token', () => `Bearer ${b64({ alg: 'RS256', kid: 'key-1' })}.${b64(claims())}.`],
    ['alg: none', () => `Bearer ${b64({ alg: 'none', kid: 'key-1' })}.${b64(claims())}.`],
    ['HS256 keyed with the published public key', async () => `Bearer ${await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(new TextEncoder().encode(await (await fetch(entra.jwksUrl)).text()))}`],
    ['an unpublished key under the published key id', async () => `Bearer ${await entra.token({ oid: OFFICER }, { key: entra.rogueKey })}`],
    ['an unpublished key id', async () => `Bearer ${await entra.token({ oid: OFFICER }, { key: entra.rogueKey, kid: 'rogue-1' })}`],
    ['a token for another app (audience)', async () => `Bearer ${await entra.token({ oid: OFFICER, aud: 'https://graph.microsoft.com' })}`],
    ['a token from another issuer', async () => `Bearer ${await entra.token({ oid: OFFICER, iss: 'https://login.example.com/v2.0' })}`],
    ['a token from another tenant', async () => `Bearer ${await entra.token({ oid: OFFICER, tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })}`],
    ['a token expired an hour ago', async () => `Bearer ${await entra.token({ oid: OFFICER, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })}`],
    ['a token not valid for another hour', async () => `Bearer ${await entra.token({ oid: OFFICER, nbf: now() + 3600 })}`],
    ['a token without the access_as_user scope', async () => `Bearer ${await entra.token({ oid: OFFICER, scp: 'User.Read' })}`],
    ['an app-only token (no person)', async () => `Bearer ${await entra.token({ oid: OFFICER, idtyp: 'app', scp: undefined, roles: ['Tasks.ReadWrite'] })}`],
  ];

  for (const [why, authorizationOf] of bad) {
    it(`every route, with and without a ?plan= naming no plan, answers 401 to ${why} and changes nothing`, async () => {
      const authorization = await authorizationOf();
      const before = await counts(store);
      for (const route of routes) {
        for (const query of ['', '?plan=no-such-plan', "?plan=1' or '1' eq '1"]) {
          const res = await call(route, query, authorization === undefined ? {} : { Authorization: authorization });
          assert.equal(res.status, 401, `${key(route)}${query}`);
          assert.match(jsonBody<{ message: string }>(res).message, /sign/i, `${key(route)}: says to sign in`);
        }
      }
      assert.deepEqual(await counts(store), before, 'nothing changed');
    });
  }

  it('a colleague who is not an EDI officer gets 403 on every officer route, in any plan, and changes nothing', async () => {
    const viewer = `Bearer ${await entra.token({ oid: 'oid-viewer', name: 'Val Viewer' })}`;
    const other = await store.plans.createPlan({ key: 'workforce-2027', name: 'Workforce plan 2027', kind: 'Workforce plan', periodStart: '2027-04-01', periodEnd: '2028-03-31', state: 'Active' });
    const before = await counts(store);
    for (const route of routes) await call(route, '', { Authorization: viewer });
    // The policy, not the code's own say-so: every write but a comment (owners' own rule), and every export, person search and reach report.
    const mustBeOfficer = (route: ApiRoute) => (route.method !== 'GET' && key(route) !== 'POST /api/tasks/:id/comments') || /^\/api\/(export\/|people$|reach$)/.test(route.path);
    const officerRoutes = routes.filter(mustBeOfficer);
    assert.ok(officerRoutes.length >= 20, `${officerRoutes.length} officer routes`);
    for (const route of officerRoutes) {
      assert.equal(needs.get(key(route)), 'officer', `${key(route)} asks for an officer`);
      for (const query of ['', `?plan=${other.id}`]) {
        const res = await call(route, query, { Authorization: viewer });
        assert.equal(res.status, 403, `${key(route)}${query}`);
        assert.match(jsonBody<{ message: string }>(res).message, /Only EDI officers/);
      }
    }
    assert.deepEqual(await counts(store), before, 'nothing changed');
  });

  it('an approval is decided only by its approver: anyone else is told who can, and nothing changes', async () => {
    const messenger = new CapturingMessenger();
    const bot = new EdiBot({ store, clock: fixedClock(NOW), log: silentLogger, tenantId: TEST_TENANT, messenger, directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    const approval = (await store.findApprovalByKey('approval-1'))!;
    assert.equal(approval.approver.aadObjectId, bob.aadObjectId);
    const task = (await store.getTask(approval.taskId))!;
    // The requester and a colleague, approving and rejecting, with card data that names the approver as if it were them.
    const forged = { approver: bob.aadObjectId, actorAadObjectId: bob.aadObjectId, from: { aadObjectId: bob.aadObjectId } };
    for (const person of [alice, carol]) {
      for (const decision of ['approve', 'reject'] as const) {
        const card = await clickAnswer(adapter, invoke(person, CardVerb.decideApproval, { approvalId: approval.id, decision, comment: 'Looks right to me', ...forged }));
        assert.match(cardTextContent(card), /Only Bob Manager can decide this\./, `${person.displayName} ${decision}`);
      }
    }
    const after = (await store.getApproval(approval.id))!;
    assert.deepEqual([after.state, after.version, after.decidedBy], ['Pending', approval.version, undefined], 'still waiting for Bob');
    const now = (await store.getTask(task.id))!;
    assert.deepEqual([now.rag, now.pendingRag, now.version], [task.rag, 'Amber', task.version], 'the task is untouched');
    assert.deepEqual([messenger.sent.length, messenger.edited.length], [0, 0], 'nobody was told anything');

    const decided = await clickAnswer(adapter, invoke(bob, CardVerb.decideApproval, { approvalId: approval.id, decision: 'approve' }));
    assert.doesNotMatch(cardTextContent(decided), /Only Bob Manager/);
    assert.equal((await store.getApproval(approval.id))!.state, 'Approved', 'Bob can (so the refusals above are the rule)');
  });
});
