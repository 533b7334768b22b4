/**
 * Proves /api/messages in production mode (bot app id, one tenant) runs nothing for an activity
 * whose token is missing, unsigned, `alg: none`, signed by an unknown or wrongly endorsed key, for
 * another audience or issuer, expired or not yet valid, for another service URL, or issued by
 * another tenant: each is a 401, nothing is stored, one warning is logged. botbuilder's own checks
 * run against a local key server (its documented OpenID metadata settings, pointed at 127.0.0.1
 * through createBotFrameworkChannel's `keys`); the same activity with a good token is then run.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { createBotFrameworkChannel } from '../../bot/botframework/bot-framework-channel';
import { CardVerb } from '../../bot/cards/card-verbs';
import { loadConfig } from '../../bot/config';
import type { Task } from '../../core/model';
import type { Logger } from '../../core/ports/logger';
import { alice, taskInput } from '../support/builders';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { startBotFrameworkKeys, type BotFrameworkKeys } from './support/bot-framework-keys';

const APP_ID = '3c9d2b1a-0000-4000-8000-00000000b0b1';
const TENANT = '3c9d2b1a-0000-4000-8000-0000000000aa';
const OTHER_TENANT = '3c9d2b1a-0000-4000-8000-0000000000bb';

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

function capturingLogger(lines: LogLine[]): Logger {
  const at = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('security: the bot endpoint in production refuses every activity it cannot trust', function () {
  this.timeout(30_000);
  let dataDir: string;
  let connector: FakeConnector;
  let keys: BotFrameworkKeys;
  let ctx: AppContext;
  let app: RunningApp;
  let task: Task;
  const lines: LogLine[] = [];
  const consoleErrors: unknown[][] = [];
  const realConsoleError = console.error;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bot-endpoint-'));
    connector = await startFakeConnector();
    keys = await startBotFrameworkKeys(APP_ID, connector.url);
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SCHEDULER_ENABLED: 'false',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: TENANT,
      TAB_SSO_APP_ID_URI: `api://plan.example.gov.uk/${APP_ID}`,
    });
    const log = capturingLogger(lines);
    ctx = await createAppContext(config, { log });
    app = await startApp({ ...ctx, channel: createBotFrameworkChannel(config, ctx.store, log, keys) });
    task = await ctx.store.createTask(taskInput({ owners: [alice], latestUpdate: 'Scoping done', latestUpdateAt: '2026-10-01T09:00:00Z', latestUpdateBy: alice }));
    // botbuilder prints some refusals to the console itself (an expired token's stack): kept out of the test output.
    console.error = (...args: unknown[]) => void consoleErrors.push(args);
  });
  after(async () => {
    console.error = realConsoleError;
    await app?.stop();
    await keys?.close();
    await connector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Alice presses "No change since my last update": stored as an update, and her chat remembered, if it runs. */
  const activity = (over: Record<string, unknown> = {}) => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `1${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:1alice', name: alice.displayName, aadObjectId: alice.aadObjectId },
    recipient: { id: `28:${APP_ID}`, name: 'EDI Action Plan' },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1alice' },
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb: CardVerb.confirmNoChange, data: { taskId: task.id, taskVersion: task.version, nonce: `nonce-${Math.random()}` } }, trigger: 'manual' },
    ...over,
  });
  const post = async (body: unknown, authorization?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization !== undefined && { authorization }) };
    const res = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text };
  };
  const warnings = () => lines.filter((l) => l.level === 'warn' || l.level === 'error');
  const nothingStored = async (why: string) => {
    assert.deepEqual(await ctx.store.listUpdates(task.id), [], `${why}: no update recorded`);
    assert.deepEqual(await ctx.store.listConversations(), [], `${why}: no conversation saved`);
  };

  /** Each bad token (made once the key server runs), and what the activity looks like, if not the usual. */
  const bearer = (token: string) => `Bearer ${token}`;
  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => Promise<string | undefined> | string | undefined, Record<string, unknown>?][] = [
    ['no Authorization header', () => undefined],
    ['an empty Authorization header', () => ''],
    ['not a bearer token', () => `Basic ${Buffer.from('bot:secret').toString('base64')}`],
    ['an unsigned token', () => bearer(keys.unsigned({ alg: 'RS256', kid: 'bf-teams', typ: 'JWT' }))],
    ['alg: none', () => bearer(keys.unsigned({ alg: 'none', kid: 'bf-teams', typ: 'JWT' }))],
    ['signed with an unpublished key under a published key id', async () => bearer(await keys.channelToken({}, { key: keys.rogueKey }))],
    ['signed with an unpublished key id', async () => bearer(await keys.channelToken({}, { key: keys.rogueKey, kid: 'rogue-1' }))],
    ['signed with a key endorsed for Web Chat, not Teams', async () => bearer(await keys.channelToken({}, { key: keys.webChatKey, kid: 'bf-webchat' }))],
    ['for another bot (audience)', async () => bearer(await keys.channelToken({ aud: '99999999-0000-4000-8000-000000000000' }))],
    ['from another issuer', async () => bearer(await keys.channelToken({ iss: 'https://api.botframework.example' }))],
    ['expired an hour ago', async () => bearer(await keys.channelToken({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }))],
    ['not valid for another hour', async () => bearer(await keys.channelToken({ nbf: now() + 3600 }))],
    ['for another service URL than the activity names', async () => bearer(await keys.channelToken({ serviceurl: 'https://smba.trafficmanager.net/teams/' }))],
    ['an Entra token issued by another tenant for this bot', async () => bearer(await keys.entraToken(OTHER_TENANT))],
    ["another tenant's app calling this bot as a skill", async () => bearer(await keys.entraToken(OTHER_TENANT, { appid: '77777777-0000-4000-8000-000000000000' }))],
    ['a good token, but an activity with no serviceUrl (nothing to compare the token with)', async () => bearer(await keys.channelToken()), { serviceUrl: undefined }],
  ];

  for (const [why, authorizationOf, over] of refusals) {
    it(`refuses ${why}: 401 in plain words, nothing stored, one warning`, async () => {
      const before = warnings().length;
      const res = await post(activity(over), await authorizationOf());
      assert.equal(res.status, 401, res.text);
      assert.deepEqual(JSON.parse(res.text), { message: 'Only Microsoft Teams, through the Bot Framework, may post to this address.' });
      await nothingStored(why);
      const logged = warnings().slice(before);
      assert.equal(logged.length, 1, `one warning, not ${JSON.stringify(logged)}`);
      assert.equal(logged[0]!.message, 'bot request refused: not authenticated as the Bot Framework');
      assert.ok(typeof logged[0]!.fields.reason === 'string' && logged[0]!.fields.reason !== '', 'the reason is logged');
      assert.doesNotMatch(JSON.stringify(logged), /eyJ/, 'no token in the log');
    });
  }

  it('a good Bot Connector token for an activity from another tenant: refused in the reply, nothing stored, one warning', async () => {
    const foreign = { conversation: { conversationType: 'personal', tenantId: OTHER_TENANT, id: 'a:1alice' }, channelData: { tenant: { id: OTHER_TENANT } } };
    const before = warnings().length;
    const plain = await post(activity({ ...foreign, name: 'composeExtension/query', value: {} }), `Bearer ${await keys.channelToken()}`);
    assert.equal(plain.status, 403, 'an invoke other than a card action: 403');
    // A card action is answered, as the universal action model asks, with a card saying why (HTTP 200).
    const card = await post(activity(foreign), `Bearer ${await keys.channelToken()}`);
    assert.equal(card.status, 200);
    const body = JSON.parse(card.text) as { statusCode: number; value: unknown };
    assert.match(JSON.stringify(body.value), /Not available to your organisation/);
    await nothingStored('another tenant');
    const logged = warnings().slice(before);
    assert.deepEqual(logged.map((l) => [l.message, l.fields.tenant]), [
      ['activity from another tenant refused', OTHER_TENANT],
      ['activity from another tenant refused', OTHER_TENANT],
    ]);
  });

  it('the same activity with a good Bot Connector token, or an Entra token of this tenant, is run (so the refusals above are the checks)', async () => {
    const before = warnings().length;
    const channel = await post(activity(), `Bearer ${await keys.channelToken()}`);
    assert.equal(channel.status, 200, channel.text);
    assert.match(channel.text, /Update recorded|recorded/i);
    assert.equal((await ctx.store.listUpdates(task.id)).length, 1, 'the update is recorded');
    assert.deepEqual((await ctx.store.listConversations()).map((c) => c.aadObjectId), [alice.aadObjectId], 'her chat is remembered');

    const current = (await ctx.store.getTask(task.id))!;
    const own = activity({ value: { action: { type: 'Action.Execute', verb: CardVerb.confirmNoChange, data: { taskId: task.id, taskVersion: current.version, nonce: 'nonce-own-tenant' } }, trigger: 'manual' } });
    const entra = await post(own, `Bearer ${await keys.entraToken(TENANT)}`);
    assert.equal(entra.status, 200, `a single-tenant bot's token from its own tenant: ${entra.text}`);
    assert.equal((await ctx.store.listUpdates(task.id)).length, 2);
    assert.deepEqual(warnings().slice(before), [], 'nothing to warn about');
  });
});
