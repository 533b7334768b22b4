import assert from 'node:assert/strict';
import type { BotEndpoint } from '../../bot/bot-channel';
import type { ApiRoute } from '../../tab/api/api-route';
import { storeReadiness } from '../../bot/readiness';
import { startServer, type RunningServer, type ServerDeps } from '../../bot/server';
import type { Logger } from '../../core/ports/logger';
import { capturedLogger } from './support/log-capture';

const PRIVATE_WORDS = 'Ruth is struggling with the workload';

/** A bearer token whose claims name a person (the rate limiter reads them unverified, to pick a bucket). */
function tokenFor(oid: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `Bearer ${part({ alg: 'RS256' })}.${part({ tid: 'tenant-1', oid })}.signature`;
}

describe('server operations: request ids, logs without personal text, readiness, limits, shutdown', () => {
  let server: RunningServer | undefined;
  const routes = (log: Logger, gate?: Promise<void>): ApiRoute[] => [
    {
      method: 'GET',
      path: '/api/items/:id',
      handle: async (req) => {
        log.info({ item: req.params.id, progress: PRIVATE_WORDS }, 'item read');
        return { status: 200, body: { id: req.params.id } };
      },
    },
    { method: 'POST', path: '/api/notes', maxBodyBytes: 200, handle: async (req) => ({ status: 201, body: { length: JSON.stringify(req.body).length } }) },
    {
      method: 'GET',
      path: '/api/slow',
      handle: async () => {
        await gate;
        return { status: 200, body: { done: true } };
      },
    },
  ];
  const start = async (deps: Partial<ServerDeps> & { log: Logger }, gate?: Promise<void>) => {
    server = await startServer(
      { bot: {} as BotEndpoint, routes: routes(deps.log, gate), staticDir: __dirname, ...deps },
      0,
      '127.0.0.1',
    );
    return server;
  };
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('gives every request an id, returns it, and stamps every log line written while handling it', async () => {
    const logs = capturedLogger();
    const s = await start({ log: logs.log });
    const res = await fetch(`${s.url}/api/items/42?search=${encodeURIComponent(PRIVATE_WORDS)}`);
    assert.equal(res.status, 200);
    const id = res.headers.get('x-request-id');
    assert.match(id ?? '', /^[0-9a-f-]{36}$/);
    const inside = logs.lines.find((l) => l.msg === 'item read');
    assert.equal(inside?.reqId, id, 'the handler\'s own log line carries the request id');
    const access = logs.lines.find((l) => l.msg === 'request' && l.route === '/api/items/:id');
    assert.deepEqual({ reqId: access?.reqId, method: access?.method, status: access?.status }, { reqId: id, method: 'GET', status: 200 });
    assert.equal(typeof access?.ms, 'number');

    const traced = await fetch(`${s.url}/api/items/7`, { headers: { 'X-Request-Id': 'trace-abc-123456' } });
    assert.equal(traced.headers.get('x-request-id'), 'trace-abc-123456', 'a well-formed incoming id is kept');
    const forged = await fetch(`${s.url}/api/items/7`, { headers: { 'X-Request-Id': 'x"} injected' } });
    assert.notEqual(forged.headers.get('x-request-id'), 'x"} injected', 'a malformed incoming id is replaced');
  });

  it('keeps people\'s words out of the logs: no URLs or query strings, personal fields redacted', async () => {
    const logs = capturedLogger();
    const s = await start({ log: logs.log });
    await fetch(`${s.url}/api/items/42?search=${encodeURIComponent(PRIVATE_WORDS)}`);
    await fetch(`${s.url}/api/notes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'short' }) });
    assert.ok(logs.lines.length >= 3);
    assert.ok(!logs.text().includes('Ruth') && !logs.text().includes('workload'), logs.text());
    assert.equal(logs.lines.find((l) => l.msg === 'item read')?.progress, '[redacted]');
  });

  it('/healthz is alive; /readyz is ready only while the store answers and the app is not stopping', async () => {
    let storeUp = true;
    let probes = 0;
    const store = {
      findUpdateByIdempotencyKey: async () => {
        probes++;
        if (!storeUp) throw new Error('Graph 503 serviceNotAvailable');
        return undefined;
      },
    };
    const logs = capturedLogger();
    const readiness = storeReadiness(store, logs.log, { cacheMs: 0 });
    const s = await start({ log: logs.log, readiness });
    assert.deepEqual(await (await fetch(`${s.url}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${s.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { config: 'ok', store: 'ok', shutdown: 'no' } });
    storeUp = false;
    const down = await fetch(`${s.url}/readyz`);
    assert.equal(down.status, 503);
    assert.deepEqual(((await down.json()) as { checks: unknown }).checks, { config: 'ok', store: 'unreachable', shutdown: 'no' });
    storeUp = true;
    readiness.markStopping();
    const stopping = await fetch(`${s.url}/readyz`);
    assert.equal(stopping.status, 503);
    assert.deepEqual(((await stopping.json()) as { checks: unknown }).checks, { config: 'ok', store: 'ok', shutdown: 'stopping' });
    assert.equal(probes, 3);
  });

  it('readiness: a store that hangs counts as not ready, and results are cached between probes', async () => {
    let calls = 0;
    let now = 0;
    const hanging = { findUpdateByIdempotencyKey: () => (calls++, new Promise<undefined>(() => undefined)) };
    const readiness = storeReadiness(hanging, capturedLogger().log, { timeoutMs: 20, cacheMs: 10_000, now: () => now });
    assert.deepEqual(await readiness.check(), { ready: false, checks: { config: 'ok', store: 'timed out', shutdown: 'no' } });
    await readiness.check();
    assert.equal(calls, 1, 'a second check within the cache period does not probe again');
    now = 10_000;
    await readiness.check();
    assert.equal(calls, 2);
  });

  it('rate-limits the tab API per person (429 JSON with Retry-After), not other people, not health or the tab itself', async () => {
    const logs = capturedLogger();
    // 0.1 per second: a burst of 1, then nothing for 10 s, so the test does not depend on timing.
    const s = await start({ log: logs.log, apiRateLimit: { perUser: 0.1, perAddress: 100, trustForwardedFor: false } });
    const asAlex = { headers: { Authorization: tokenFor('alex') } };
    assert.equal((await fetch(`${s.url}/api/items/1`, asAlex)).status, 200);
    const refused = await fetch(`${s.url}/api/items/1`, asAlex);
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(refused.headers.get('retry-after'), '10');
    const body = (await refused.json()) as { message: string };
    assert.match(body.message, /Too many requests/);
    assert.equal((await fetch(`${s.url}/api/items/1`, { headers: { Authorization: tokenFor('sam') } })).status, 200, 'another person has their own limit');
    assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${s.url}/configure`)).status, 200);
    assert.ok(logs.lines.some((l) => l.msg === 'request refused: rate limit' && l.route === '/api/items/:id'));
  });

  it('rate-limits per client address too; behind a trusted proxy, by the address the proxy appended', async () => {
    const s = await start({ log: capturedLogger().log, apiRateLimit: { perUser: 100, perAddress: 0.1, trustForwardedFor: true } });
    const from = (xff: string) => ({ headers: { 'X-Forwarded-For': xff } });
    assert.equal((await fetch(`${s.url}/api/items/1`, from('203.0.113.9:50211'))).status, 200);
    assert.equal((await fetch(`${s.url}/api/items/1`, from('203.0.113.9:50999'))).status, 429, 'same client, another port');
    assert.equal((await fetch(`${s.url}/api/items/1`, from('1.2.3.4, 203.0.113.9:1234'))).status, 429, 'a forged first entry does not escape the limit');
    assert.equal((await fetch(`${s.url}/api/items/1`, from('198.51.100.7:4000'))).status, 200);
  });

  it('refuses an oversized body with 413 JSON in plain words, before the handler runs', async () => {
    const s = await start({ log: capturedLogger().log });
    const res = await fetch(`${s.url}/api/notes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'x'.repeat(1000) }) });
    assert.equal(res.status, 413);
    const body = (await res.json()) as { message: string };
    assert.match(body.message, /too large to send \(the limit is 1 KB\)/);
  });

  it('serves the channel tab\'s configuration page and the teams-js it loads from this origin', async () => {
    const s = await start({ log: capturedLogger().log });
    const page = await fetch(`${s.url}/configure`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<script src="\/configure\/teams-js.js"/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self' https:\/\/teams.microsoft.com/);
    const script = await fetch(`${s.url}/configure/configure.js`);
    assert.match(await script.text(), /\.setConfig\(\{ entityId: 'plan'/);
    const teamsJs = await fetch(`${s.url}/configure/teams-js.js`);
    assert.match(teamsJs.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await teamsJs.text()).includes('microsoftTeams'));
  });

  it('on close, finishes a request in flight and accepts no new ones', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s = await start({ log: capturedLogger().log }, gate);
    const inFlight = fetch(`${s.url}/api/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = s.close();
    await assert.rejects(fetch(`${s.url}/healthz`), 'no new connections once closing');
    release();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('connection'), 'close', 'its keep-alive connection ends, so close does not wait for it');
    assert.deepEqual(await res.json(), { done: true });
    await closed;
    server = undefined;
  });
});
