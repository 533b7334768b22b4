import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { ConfigError, loadConfig, tabSignInProblems } from '../../bot/config';
import { demoUsers } from '../../bot/demo/demo-users';
import { silentLogger } from '../../core/ports/logger';
import { CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from './support/fake-entra';

const PRODUCTION = { NODE_ENV: 'production', MicrosoftAppId: 'bot-app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT };

describe('tab sign-in settings', () => {
  it('locally, the dev identity is on by default (Priya, the demo EDI officer); TAB_DEV_USER picks another or turns it off', () => {
    const local = loadConfig({}).tab.auth;
    assert.equal(local.devUser, 'priya');
    assert.deepEqual(local.officerIds, [demoUsers.priya.aadObjectId]);
    assert.equal(loadConfig({ NODE_ENV: 'test' }).tab.auth.devUser, 'priya');
    assert.equal(loadConfig({ TAB_DEV_USER: 'alex' }).tab.auth.devUser, 'alex');
    const off = loadConfig({ TAB_DEV_USER: 'off' }).tab.auth;
    assert.equal(off.devUser, undefined);
    assert.deepEqual(off.officerIds, [], 'no demo officer once real sign-in is on');
    assert.throws(() => loadConfig({ TAB_DEV_USER: 'mallory' }), (err: ConfigError) => err.problems.some((p) => p.startsWith('TAB_DEV_USER:')));
  });

  it('production refuses the dev identity and needs the App ID URI; the JWKS defaults to the tenant\'s', () => {
    assert.throws(() => loadConfig({ ...PRODUCTION, TAB_DEV_USER: 'priya' }), (err: ConfigError) => err.problems.some((p) => /TAB_DEV_USER: the dev identity is refused in production/.test(p)));
    assert.throws(() => loadConfig({ ...PRODUCTION, TAB_AUTH_JWKS_URL: 'http://keys.example/keys' }), (err: ConfigError) => err.problems.some((p) => p.startsWith('TAB_AUTH_JWKS_URL:')));
    const c = loadConfig({ ...PRODUCTION, EDI_OFFICER_IDS: 'id-1, id-2', EDI_OFFICER_GROUP_ID: 'grp' });
    assert.equal(c.tab.auth.devUser, undefined);
    assert.equal(c.tab.auth.clientId, 'bot-app', 'TAB_SSO_CLIENT_ID defaults to MicrosoftAppId');
    assert.equal(c.tab.auth.jwksUrl, `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    assert.deepEqual(c.tab.auth.officerIds, ['id-1', 'id-2']);
    assert.equal(c.tab.auth.officerGroupId, 'grp');
    assert.deepEqual(tabSignInProblems(c).map((p) => p.split(':')[0]), ['TAB_SSO_APP_ID_URI']);
    assert.deepEqual(tabSignInProblems(loadConfig({ ...PRODUCTION, TAB_SSO_APP_ID_URI: `api://plan.example.gov.uk/bot-app` })), []);
    assert.deepEqual(tabSignInProblems(loadConfig({ TAB_DEV_USER: 'off' })).map((p) => p.split(':')[0]), ['MicrosoftAppTenantId', 'TAB_SSO_CLIENT_ID']);
  });
});

describe('tab sign-in over HTTP (the real server, SSO on, keys from a local JWKS endpoint)', () => {
  let entra: FakeEntra;
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;

  before(async () => {
    entra = await startFakeEntra();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-tab-auth-'));
    const config = loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TAB_DEV_USER: 'off', MicrosoftAppTenantId: TENANT, TAB_SSO_CLIENT_ID: CLIENT_ID, TAB_AUTH_JWKS_URL: entra.jwksUrl, EDI_OFFICER_IDS: 'oid-officer' });
    ctx = await createAppContext(config, { log: silentLogger });
    app = await startApp(ctx);
  });
  after(async () => {
    await app?.stop();
    await entra.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('401 without a token, 200 with one, 403 for a viewer on an export, a download for an officer', async () => {
    const url = (p: string) => `${app.server.url}${p}`;
    const anonymous = await fetch(url('/api/plan'));
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assert.match(((await anonymous.json()) as { message: string }).message, /Sign in/);

    const viewer = { Authorization: `Bearer ${await entra.token({ oid: 'oid-viewer' })}` };
    const plan = await fetch(url('/api/plan'), { headers: viewer });
    assert.equal(plan.status, 200);
    assert.ok(Array.isArray(((await plan.json()) as { objectives: unknown }).objectives));
    assert.equal((await fetch(url('/api/export/plan.csv'), { headers: viewer })).status, 403);

    const officer = { Authorization: `Bearer ${await entra.token({ oid: 'oid-officer' })}` };
    const csv = await fetch(url('/api/export/plan.csv?rag=Red'), { headers: officer });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="edi-action-plan-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.equal(bytes.subarray(0, 13).toString('utf8'), '\uFEFFObjective,', 'UTF-8 BOM, then the header row');
  });
});
