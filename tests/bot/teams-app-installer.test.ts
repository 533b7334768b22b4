import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphCallerAppId } from '../../bot/teams/graph-caller';
import { InstallerSetupError, TeamsAppInstaller, type ChatWait } from '../../bot/teams/teams-app-installer';
import type { Person } from '../../core/model';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { alice, bob, carol } from '../support/builders';

const MANIFEST_ID = '4f6c1b9e-2d3a-4c5b-8e7f-0a1b2c3d4e5f';
const CATALOG_ID = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const WEB_APP_ID = '00000000-0000-0000-0000-0000000000aa';
const dave: Person = { aadObjectId: 'dave-oid', displayName: 'Dave Other', email: 'dave@example.gov.uk' };

interface FakeGraph {
  url: string;
  calls: { method: string; path: string; body: unknown }[];
  /** Who has the app installed (installation id), and how many chat reads answer 404 before the chat exists. */
  installed: Map<string, { id: string; chatPendingReads: number }>;
  /** Status for GET /appCatalogs/teamsApps (403 = no AppCatalog.Read.All). */
  catalogStatus: number;
  /** The catalog app's webApplicationInfo.id (azureADAppId). */
  catalogWebAppId: string | null;
  /** Users whose POST answers 409 although the listing did not show the app yet (an install racing ours). */
  conflicts: Set<string>;
  /** Users for whom every request answers 403. */
  forbidden: Set<string>;
  /** Reads of a new install's chat that answer 404 first. */
  chatDelay: number;
  close(): Promise<void>;
}

/** A small Graph for the documented teamwork/installedApps and appCatalogs calls, with installs that take a while. */
async function fakeGraph(): Promise<FakeGraph> {
  const state: Omit<FakeGraph, 'url' | 'close'> = { calls: [], installed: new Map(), catalogStatus: 200, catalogWebAppId: WEB_APP_ID, conflicts: new Set(), forbidden: new Set(), chatDelay: 2 };
  let next = 1;
  const json = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, code: string) => json(res, status, { error: { code, message: code } });
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://graph');
      const path = decodeURIComponent(url.pathname);
      const filter = url.searchParams.get('$filter') ?? '';
      state.calls.push({ method: req.method ?? '', path: `${path}${url.search ? `?${decodeURIComponent(url.search.slice(1))}` : ''}`, body: raw ? JSON.parse(raw) : undefined });
      if (req.method === 'GET' && path === '/v1.0/appCatalogs/teamsApps') {
        if (state.catalogStatus !== 200) return error(res, state.catalogStatus, 'Forbidden');
        const match = filter === `externalId eq '${MANIFEST_ID}'`;
        return json(res, 200, { value: match ? [{ id: CATALOG_ID, externalId: MANIFEST_ID, distributionMethod: 'organization', appDefinitions: [{ azureADAppId: state.catalogWebAppId }] }] : [] });
      }
      const m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(path);
      if (!m) return error(res, 404, 'NotFound');
      const user = m[1]!;
      if (state.forbidden.has(user)) return error(res, 403, 'Forbidden');
      const installation = state.installed.get(user);
      if (req.method === 'GET' && m[2]) {
        if (!installation || installation.id !== m[2]) return error(res, 404, 'NotFound');
        if (installation.chatPendingReads > 0) {
          installation.chatPendingReads--;
          return error(res, 404, 'NotFound');
        }
        return json(res, 200, { id: `19:${user}_bot@unq.gbl.spaces`, chatType: 'oneOnOne' });
      }
      if (req.method === 'GET') {
        const ours = filter === `teamsApp/externalId eq '${MANIFEST_ID}'` || filter === `teamsApp/id eq '${CATALOG_ID}'`;
        return json(res, 200, { value: installation && ours ? [{ id: installation.id, teamsApp: { id: CATALOG_ID, externalId: MANIFEST_ID } }] : [] });
      }
      if (req.method === 'POST') {
        const bind = (JSON.parse(raw) as Record<string, string>)['teamsApp@odata.bind'] ?? '';
        if (!bind.endsWith(`/appCatalogs/teamsApps/${CATALOG_ID}`)) return error(res, 404, 'NotFound');
        if (installation) return error(res, 409, 'Conflict');
        state.installed.set(user, { id: `installation-${next++}`, chatPendingReads: state.chatDelay });
        if (state.conflicts.has(user)) return error(res, 409, 'Conflict');
        return json(res, 201);
      }
      return error(res, 405, 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`, close: () => new Promise<void>((r) => server.close(() => r())) });
}

const FAST: ChatWait = { attempts: 5, baseMs: 10, maxMs: 40 };

describe('TeamsAppInstaller (Graph installedApps, against a fake Graph)', () => {
  let graph: FakeGraph;
  let slept: number[];
  const api = () => new GraphApi({ baseUrl: graph.url, tokens: { getToken: async () => 'token' } });
  const installer = (target: ConstructorParameters<typeof TeamsAppInstaller>[1] = { manifestAppId: MANIFEST_ID, webApplicationId: WEB_APP_ID }, wait = FAST) =>
    new TeamsAppInstaller(api(), target, { wait, sleep: async (ms) => void slept.push(ms) });
  const posts = () => graph.calls.filter((c) => c.method === 'POST');

  beforeEach(async () => {
    graph = await fakeGraph();
    slept = [];
  });
  afterEach(() => graph.close());

  it('finds the catalog id from the manifest id, installs, and waits for the chat before answering', async () => {
    const i = installer();
    assert.deepEqual(await i.prepare(WEB_APP_ID), []);
    assert.equal(graph.calls[0]?.path, `/v1.0/appCatalogs/teamsApps?$filter=externalId eq '${MANIFEST_ID}'&$expand=appDefinitions`);
    const result = await i.install(alice);
    assert.equal(result.outcome, 'installed', 'an empty 201 (as documented) is an install');
    assert.equal(result.chatId, `19:${alice.aadObjectId}_bot@unq.gbl.spaces`, 'answers once the chat exists');
    assert.deepEqual(posts().map((c) => c.body), [{ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_ID}` }]);
    const chatReads = graph.calls.filter((c) => c.path.endsWith('/chat'));
    assert.equal(chatReads.length, 3, 'two 404s while Teams sets the chat up, then the chat');
    assert.equal(slept.length, 2, 'with a pause between checks');
  });

  it('treats an app already there (listed, or a 409 on install) as already installed, without installing again', async () => {
    graph.installed.set(alice.aadObjectId, { id: 'installation-existing', chatPendingReads: 0 });
    graph.conflicts.add(bob.aadObjectId);
    const i = installer();
    await i.prepare(WEB_APP_ID);
    assert.deepEqual(await i.install(alice), { outcome: 'already-installed', chatId: `19:${alice.aadObjectId}_bot@unq.gbl.spaces` });
    assert.equal(posts().length, 0, 'no POST for someone who has the app');
    const raced = await i.install(bob);
    assert.equal(raced.outcome, 'already-installed');
    assert.ok(raced.chatId);
  });

  it('reports other failures, and a chat that never appears, after a bounded number of checks with growing pauses', async () => {
    graph.forbidden.add(carol.aadObjectId);
    graph.chatDelay = 100;
    const i = installer();
    await i.prepare(WEB_APP_ID);
    assert.deepEqual(await i.install(carol), { outcome: 'failed', detail: '403 Forbidden' });
    const slow = await i.install(dave);
    assert.equal(slow.outcome, 'installed');
    assert.equal(slow.chatId, undefined);
    assert.match(slow.detail ?? '', /not set up the chat after 5 checks/);
    assert.equal(graph.calls.filter((c) => c.path.endsWith('/chat')).length, 5);
    assert.equal(slept.length, 4);
    assert.ok(slept[3]! > slept[0]!, 'backs off');
    assert.ok(slept.every((ms) => ms <= FAST.maxMs));
  });

  it('refuses at start when Graph does not sign in as the manifest\'s webApplicationInfo.id, saying what to change', async () => {
    const other = '99999999-0000-0000-0000-000000000000';
    await assert.rejects(installer().prepare(other), (err: unknown) => {
      assert.ok(err instanceof InstallerSetupError);
      assert.match(err.message, new RegExp(`signs in as app ${other}.*webApplicationInfo\\.id.*${WEB_APP_ID}`));
      assert.match(err.message, /GRAPH_CLIENT_ID/);
      assert.match(err.message, /TAB_SSO_CLIENT_ID/);
      return true;
    });
    // The app in the catalog is the truth even when the local settings agree with the caller.
    graph.catalogWebAppId = other;
    await assert.rejects(installer().prepare(WEB_APP_ID), (err: unknown) => err instanceof InstallerSetupError && /in your catalog is 99999999/.test(err.message));
    assert.equal(posts().length, 0);
  });

  it('without AppCatalog.Read.All, warns and takes the catalog id from someone who already has the app', async () => {
    graph.catalogStatus = 403;
    graph.installed.set(alice.aadObjectId, { id: 'installation-alice', chatPendingReads: 0 });
    const i = installer();
    const warnings = await i.prepare(WEB_APP_ID);
    assert.match(warnings.join('\n'), /AppCatalog\.Read\.All/);
    assert.deepEqual(await i.install(bob), { outcome: 'failed', detail: "the app's catalog id is not known: grant AppCatalog.Read.All, or set TEAMS_APP_CATALOG_ID" });
    assert.equal((await i.install(alice)).outcome, 'already-installed');
    assert.equal((await i.install(bob)).outcome, 'installed', 'the catalog id learnt from Alice\'s installation');
  });

  it('uses TEAMS_APP_CATALOG_ID as given, without reading the catalog', async () => {
    const i = installer({ catalogAppId: CATALOG_ID, webApplicationId: WEB_APP_ID });
    await i.prepare(WEB_APP_ID);
    assert.equal((await i.install(alice)).outcome, 'installed');
    assert.ok(!graph.calls.some((c) => c.path.startsWith('/v1.0/appCatalogs')));
    assert.ok(graph.calls.some((c) => c.path.includes(`$filter=teamsApp/id eq '${CATALOG_ID}'`)));
  });

  it('refuses an unknown manifest id and a setup with neither id', async () => {
    await assert.rejects(installer({ manifestAppId: 'not-in-catalog' }).prepare(undefined), /No app with manifest id not-in-catalog/);
    await assert.rejects(installer({}).prepare(undefined), /TEAMS_APP_ID/);
    const warnings = await installer({ manifestAppId: MANIFEST_ID }).prepare(undefined);
    assert.match(warnings.join('\n'), /Could not tell which app/);
  });
});

describe('graphCallerAppId (which app Graph signs in as)', () => {
  const jwt = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
  const secret = { kind: 'client-secret' as const, tenantId: 't', clientId: 'configured-id', clientSecret: 's' };

  it("reads the token's appid (v1) or azp (v2), else falls back to the configured client id", async () => {
    assert.equal(await graphCallerAppId({ getToken: async () => jwt({ appid: 'token-app' }) }, secret), 'token-app');
    assert.equal(await graphCallerAppId({ getToken: async () => jwt({ azp: 'v2-app' }) }, { kind: 'managed-identity' }), 'v2-app');
    assert.equal(await graphCallerAppId({ getToken: async () => 'not-a-jwt' }, secret), 'configured-id');
    assert.equal(await graphCallerAppId({ getToken: async () => 'local-emulator' }, { kind: 'none' }), undefined);
  });
});
