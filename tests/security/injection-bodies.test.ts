/**
 * Proves oversized, deeply nested and malformed JSON bodies cannot break the real server (the tab
 * API and /api/messages, started as `npm start` starts them): a body over a route's limit is a 413
 * and one nested 10,000s of levels deep or not JSON at all a 400, each with a message in plain
 * words and no stack trace; nothing is stored; and the server answers normally afterwards.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { CardVerb } from '../../bot/cards/card-verbs';
import { loadConfig } from '../../bot/config';
import { DEMO_TENANT_ID, demoUsers, toPerson } from '../../bot/demo/demo-users';
import { silentLogger } from '../../core/ports/logger';
import type { ApiRoute } from '../../tab/api/api-route';
import { etagOf } from '../../tab/api/etag';
import { tabRoutes } from '../../tab/api/tab-routes';
import { taskInput } from '../support/builders';

const MiB = 1024 * 1024;
const deepObject = (levels: number, leaf = '1') => `${'{"a":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`;
const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('security: oversized and deeply nested JSON bodies against the real server', function () {
  this.timeout(120_000);
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;
  let routes: ApiRoute[];
  let ids: { task: string; objective: string; plan: string; round: string; upload: string };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bodies-'));
    // The local server as `npm start` runs it (the demo EDI officer signed in), rate limits off: this is about bodies.
    const config = loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', API_RATE_LIMIT_PER_USER: '0', API_RATE_LIMIT_PER_ADDRESS: '0' });
    ctx = await createAppContext(config, { log: silentLogger });
    app = await startApp(ctx);
    const objective = await ctx.store.createObjective({ ref: '1', title: 'Understanding our communities' });
    const task = await ctx.store.createTask(taskInput({ owners: [toPerson(demoUsers.alex)] }));
    const round = await ctx.store.listRounds();
    ids = { task: task.id, objective: objective.id, plan: ctx.store.planId, round: round[0]?.id ?? 'r1', upload: 'u1' };
    // The same route table the server mounted (paths, methods, body limits).
    routes = tabRoutes({ store: ctx.store, clock: ctx.clock, directory: ctx.directory, authorize: async () => ({ ok: false, response: { status: 401, body: {} } }) });
  });
  after(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const withBody = () => routes.filter((r) => r.method !== 'GET');
  const idFor = (p: string): string => (p.startsWith('/api/tasks') ? ids.task : p.startsWith('/api/objectives') ? ids.objective : p.startsWith('/api/plans') ? ids.plan : p.startsWith('/api/rounds') ? ids.round : ids.upload);
  const urlOf = (route: ApiRoute) => `${app.server.url}${route.path.replace(':id', idFor(route.path))}`;
  /** A PATCH names the version it edits (If-Match), so its body is read, not refused for want of one. */
  const send = async (url: string, method: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') => {
    const version = method !== 'PATCH' ? undefined : url.includes('/api/tasks/') ? (await ctx.store.getTask(ids.task))?.version : url.includes('/api/objectives/') ? (await ctx.store.listObjectives()).find((o) => o.id === ids.objective)?.version : undefined;
    const res = await fetch(url, { method, headers: { 'content-type': contentType, ...(version && { 'if-match': etagOf(version) }) }, body });
    const text = await res.text();
    return { status: res.status, text };
  };
  /** A message for a person: JSON with a `message` of at least a few words, and nothing from inside the server. */
  const assertPlain = (text: string, what: string) => {
    const body = JSON.parse(text) as { message?: unknown };
    assert.ok(typeof body.message === 'string' && /^\S.{10,}/.test(body.message), `${what}: a message in words, not ${text.slice(0, 200)}`);
    assert.doesNotMatch(text, /\bat \S+ \(|node_modules|Error:|RangeError|SyntaxError|req\.body|Invalid input|expected \w+, received/, `${what}: no stack, internals or validator jargon: ${text.slice(0, 200)}`);
  };
  const stillAnswers = async (what: string) => {
    assert.equal((await fetch(`${app.server.url}/healthz`)).status, 200, `${what}: /healthz`);
    const plan = await fetch(`${app.server.url}/api/plan`);
    assert.equal(plan.status, 200, `${what}: /api/plan`);
    assert.ok(((await plan.json()) as { objectives: unknown[] }).objectives.length > 0);
  };
  const nothingStored = async (what: string) => {
    assert.deepEqual(await ctx.store.listComments(ids.task), [], `${what}: no comment`);
    assert.equal((await ctx.store.listTasks()).length, 1, `${what}: no task`);
    assert.equal((await ctx.store.listObjectives()).length, 1, `${what}: no objective`);
    assert.equal((await ctx.store.plans.listPlans()).length, 1, `${what}: no plan`);
  };

  it('every tab API route that takes a body: twice its limit is a 413 saying the limit; the server answers afterwards', async () => {
    assert.ok(withBody().length >= 15, `${withBody().length} routes take a body`);
    for (const route of withBody()) {
      const limit = route.maxBodyBytes ?? MiB;
      const upload = route.path === '/api/import' || route.path === '/api/import/uploads';
      const body = upload ? new Uint8Array(2 * limit) : JSON.stringify({ text: 'x'.repeat(2 * limit), title: 'A title' });
      const res = await send(urlOf(route), route.method, body, upload ? 'application/octet-stream' : 'application/json');
      assert.equal(res.status, 413, `${route.method} ${route.path}: ${res.text.slice(0, 200)}`);
      assertPlain(res.text, `${route.method} ${route.path}`);
      assert.match(res.text, /too large to send \(the limit is \d+(\.\d)? (KB|MB)\)|larger than the \d+ MB/, 'says the limit');
    }
    await nothingStored('oversized');
    await stillAnswers('after oversized bodies');
  });

  it('every tab API route that takes JSON: nested thousands deep within its limit, or not JSON, is a 400; nothing stored', async () => {
    for (const route of withBody()) {
      if (route.path === '/api/import' || route.path === '/api/import/uploads') continue; // files, not JSON
      const room = (route.maxBodyBytes ?? MiB) - 64;
      const levels = Math.floor(room / 6);
      for (const [kind, body] of [
        ['a deep object', `{"text":${deepObject(levels)}}`],
        ['a deep array', deepArray(Math.floor(room / 2))],
        ['cut short', '{"text": "half a'],
        ['not JSON', 'text=hello&title=<script>'],
      ] as const) {
        const res = await send(urlOf(route), route.method, body);
        // Cancelling an upload reads no field: an object of any depth is answered as any would be.
        if (route.path === '/api/import/uploads/:id/cancel' && kind === 'a deep object') assert.equal(res.status, 200, `${route.path} with ${kind}`);
        else {
          assert.ok(res.status === 400 || res.status === 404, `${route.method} ${route.path} with ${kind}: 400, not ${res.status} ${res.text.slice(0, 200)}`);
          assertPlain(res.text, `${route.method} ${route.path} with ${kind}`);
        }
      }
    }
    await nothingStored('nested');
    await stillAnswers('after nested bodies');
  });

  it('/api/messages: over 1 MB is a 413, an activity nested 100,000 deep or not an object is a 400 or refused; the bot answers afterwards', async () => {
    const url = `${app.server.url}/api/messages`;
    const alex = demoUsers.alex;
    const activity = (extra: string) =>
      `{"type":"invoke","name":"adaptiveCard/action","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","from":{"id":"29:1alex","name":"Alex","aadObjectId":"${alex.aadObjectId}"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:1alex","conversationType":"personal","tenantId":"${DEMO_TENANT_ID}"},"channelData":{"tenant":{"id":"${DEMO_TENANT_ID}"}},${extra}}`;
    const big = await send(url, 'POST', JSON.stringify({ type: 'message', text: 'x'.repeat(2 * MiB) }));
    assert.equal(big.status, 413);
    assertPlain(big.text, 'an oversized activity');
    for (const [kind, body] of [
      ['a deep array', deepArray(400_000)],
      ['a number', '42'],
      ['cut short', '{"type":"message","text":"half'],
    ] as const) {
      const res = await send(url, 'POST', body);
      assert.equal(res.status, 400, `${kind}: ${res.text.slice(0, 200)}`);
      assertPlain(res.text, `/api/messages with ${kind}`);
    }
    // Deep structures where the bot reads card data, and in the conversation it would remember.
    for (const [kind, extra] of [
      ['deep card data', `"value":{"action":{"type":"Action.Execute","verb":"${CardVerb.submitUpdate}","data":${deepObject(100_000)}}}`],
      ['a deep conversation', `"value":{"action":{"type":"Action.Execute","verb":"${CardVerb.showMyTasks}","data":{}}},"entities":[${deepObject(100_000)}]`],
    ] as const) {
      const res = await send(url, 'POST', activity(extra));
      assert.ok(res.status < 500, `${kind}: not a server error (${res.status} ${res.text.slice(0, 200)})`);
    }
    const ok = await send(url, 'POST', activity(`"value":{"action":{"type":"Action.Execute","verb":"${CardVerb.showMyTasks}","data":{}}}`));
    assert.equal(ok.status, 200, ok.text.slice(0, 200));
    assert.match(ok.text, /AdaptiveCard/);
    await stillAnswers('after deep activities');
  });
});
