import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { GraphRequestError } from '../../core/store/sharepoint/graph/graph-error';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from '../../core/store/sharepoint/graph/retry-policy';
import { type GraphEmulator, startGraphEmulator } from '../support/graph-emulator';
import { apiFor, rejection } from './helpers';

/**
 * The Graph pipeline (core/store/sharepoint/graph) against the emulator: Retry-After is honoured on
 * 429/503, retries stop at maxRetries with a typed 429, permanent errors are sent once and carry
 * Graph's error code, and throttled $batch sub-requests are sent again.
 */

describe('SharePoint adapter: Graph retries and errors (emulator)', () => {
  let emulator: GraphEmulator;
  let api: GraphApi;
  let retries: { status: number; delayMs: number }[];
  let site: string;
  /** A small custom list: Code (indexed) and Notes (not indexed). */
  let list: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    retries = [];
    api = apiFor(emulator, { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 5000 }, (status, delayMs) => retries.push({ status, delayMs }));
    site = `/sites/${emulator.siteId}`;
    const created = await api.post<{ id: string }>(`${site}/lists`, {
      displayName: 'Retry Probe',
      columns: [
        { name: 'Code', text: {}, indexed: true },
        { name: 'Notes', text: {} },
      ],
      list: { template: 'genericList' },
    });
    list = `${site}/lists/${created.id}`;
    await api.post(`${list}/items`, { fields: { Title: 'one', Code: 'A', Notes: 'x' } });
    await api.post(`${list}/items`, { fields: { Title: 'two', Code: 'B', Notes: 'y' } });
    emulator.resetCounters();
  });

  afterEach(() => emulator.close());

  for (const status of [429, 503] as const) {
    it(`waits at least Retry-After (1 s) after a ${status}, then succeeds`, async () => {
      emulator.throttleNext(1, 1, status);
      const started = performance.now();
      const item = await api.get<{ id: string; fields: { Code: string } }>(`${list}/items/1?expand=fields(select=Code)`);
      const elapsed = performance.now() - started;
      assert.equal(item.fields.Code, 'A');
      assert.ok(elapsed >= 990, `waited only ${elapsed.toFixed(0)} ms; Retry-After said 1000 ms`);
      assert.ok(elapsed < 2500, `waited ${elapsed.toFixed(0)} ms: far longer than Retry-After`);
      assert.deepEqual(emulator.requests.map((r) => r.status), [status, 200], 'one throttled attempt, one retry');
      assert.deepEqual(retries, [{ status, delayMs: 1000 }]);
    });
  }

  it('retries a throttled create without creating the item twice', async () => {
    emulator.throttleNext(1, 0);
    const created = await api.post<{ id: string }>(`${list}/items`, { fields: { Title: 'three', Code: 'C' } });
    assert.equal(created.id, '3');
    assert.deepEqual(emulator.requests.map((r) => [r.method, r.status]), [['POST', 429], ['POST', 201]]);
    const { value } = await api.get<{ value: unknown[] }>(`${list}/items`);
    assert.equal(value.length, 3, 'the 429 wrote nothing; the retry wrote one item');
  });

  it('gives up after maxRetries with a GraphRequestError 429 carrying Graph\'s code', async () => {
    const impatient = apiFor(emulator, { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 2000 });
    emulator.throttleNext(10, 0);
    const started = performance.now();
    const err = await rejection(impatient.get(`${list}/items/1`));
    emulator.throttleNext(0, 0);
    assert.ok(err instanceof GraphRequestError, `got ${String(err)}`);
    assert.equal(err.status, 429);
    assert.equal(err.code, 'TooManyRequests');
    assert.equal(err.permanent, false);
    assert.equal(emulator.requests.length, 3, 'the first attempt and maxRetries (2) retries, then no more');
    assert.ok(emulator.requests.every((r) => r.status === 429));
    assert.ok(performance.now() - started < 1000, 'Retry-After: 0 is honoured as "now", so giving up is quick');
  });

  it('gives up after maxRetries on 503 too, with Graph\'s code', async () => {
    const impatient = apiFor(emulator, { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 2000 });
    emulator.throttleNext(2, 0, 503);
    const err = await rejection(impatient.get(`${list}/items/1`));
    assert.ok(err instanceof GraphRequestError);
    assert.equal(err.status, 503);
    assert.equal(err.code, 'serviceNotAvailable');
    assert.equal(emulator.requests.length, 2, 'the first attempt and one retry');
  });

  it('does not retry a 404 and surfaces Graph\'s error code', async () => {
    const err = await rejection(api.get(`${list}/items/999`));
    assert.ok(err instanceof GraphRequestError, `got ${String(err)}`);
    assert.equal(err.status, 404);
    assert.equal(err.code, 'itemNotFound');
    assert.equal(err.permanent, true);
    assert.match(err.message, /404 itemNotFound/);
    assert.equal(emulator.requests.length, 1, 'sent exactly once');
    assert.deepEqual(retries, []);
  });

  it('does not retry a 400 (filter on a column that is not indexed)', async () => {
    const err = await rejection(api.get(`${list}/items?$filter=${encodeURIComponent("fields/Notes eq 'x'")}`));
    assert.ok(err instanceof GraphRequestError);
    assert.equal(err.status, 400);
    assert.equal(err.code, 'invalidRequest');
    assert.match(err.message, /Notes/);
    assert.equal(emulator.requests.length, 1);
    assert.deepEqual(retries, []);
  });

  it('does not retry a 403 or a 412', async () => {
    const denied = await rejection(api.post(`${site}/lists('User Information List')/items`, { fields: { Title: 'x' } }));
    assert.ok(denied instanceof GraphRequestError);
    assert.equal(denied.status, 403);
    assert.equal(denied.code, 'accessDenied');
    const stale = await rejection(api.patch(`${list}/items/1/fields`, { Notes: 'z' }, '"{00000000-0000-0000-0000-000000000000},1"'));
    assert.ok(stale instanceof GraphRequestError);
    assert.equal(stale.status, 412);
    assert.equal(stale.code, 'preconditionFailed');
    assert.deepEqual(emulator.requests.map((r) => r.status), [403, 412], 'each sent once');
  });

  it('sends a throttled $batch sub-request again after Retry-After, and only that one', async () => {
    emulator.throttleNext(1, 1);
    const started = performance.now();
    const responses = await api.batch([
      { id: 'a', method: 'GET', url: `${list}/items/1?expand=fields(select=Code)` },
      { id: 'b', method: 'GET', url: `${list}/items/2?expand=fields(select=Code)` },
    ]);
    const elapsed = performance.now() - started;
    assert.deepEqual([responses.get('a')?.status, responses.get('b')?.status], [200, 200]);
    assert.equal((responses.get('a')?.body as { fields: { Code: string } }).fields.Code, 'A');
    assert.equal((responses.get('b')?.body as { fields: { Code: string } }).fields.Code, 'B');
    assert.ok(elapsed >= 990, `the retry came after ${elapsed.toFixed(0)} ms; Retry-After said 1000 ms`);
    const subs = emulator.requests.filter((r) => r.batched).map((r) => r.status);
    assert.deepEqual(subs, [429, 200, 200], 'a throttled, b fine; then a alone');
    assert.equal(emulator.requests.filter((r) => r.path === '/$batch').length, 2);
  });

  it('re-sends a dependent write that failed (424) only because its throttled dependency did', async () => {
    const item = await api.get<{ eTag: string }>(`${list}/items/1`);
    emulator.resetCounters();
    emulator.throttleNext(1, 0);
    const responses = await api.batch([
      { id: 'patch', method: 'PATCH', url: `${list}/items/1/fields`, headers: { 'Content-Type': 'application/json', 'If-Match': item.eTag }, body: { Notes: 'patched' } },
      { id: 'create', method: 'POST', url: `${list}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'child', Code: 'D' } }, dependsOn: ['patch'] },
    ]);
    assert.equal(responses.get('patch')?.status, 200);
    assert.equal(responses.get('create')?.status, 201);
    assert.deepEqual(emulator.requests.filter((r) => r.batched).map((r) => r.status), [429, 424, 200, 201]);
    const { value } = await api.get<{ value: { fields: { Code?: string; Notes?: string } }[] }>(`${list}/items?expand=fields(select=Code,Notes)`);
    assert.equal(value.filter((i) => i.fields.Code === 'D').length, 1, 'the dependent create ran once');
    assert.equal(value.find((i) => i.fields.Code === 'A')?.fields.Notes, 'patched');
  });
});

describe('retryDelayMs (core/store/sharepoint/graph/retry-policy.ts)', () => {
  const policy: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

  it('uses Retry-After in seconds, including 0 and fractions', () => {
    assert.equal(retryDelayMs(0, '2', policy), 2000);
    assert.equal(retryDelayMs(3, '2', policy), 2000, 'the attempt number does not matter when the server says');
    assert.equal(retryDelayMs(0, '0', policy), 0);
    assert.equal(retryDelayMs(0, '1.5', policy), 1500);
  });

  it('uses Retry-After as an HTTP date', () => {
    const inThree = new Date(Date.now() + 3000).toUTCString(); // second precision: 2-3 s from now
    const ms = retryDelayMs(0, inThree, policy);
    assert.ok(ms > 1900 && ms <= 3000, `got ${ms}`);
    assert.equal(retryDelayMs(0, new Date(Date.now() - 60_000).toUTCString(), policy), 0, 'a date in the past means now');
  });

  it('caps Retry-After at maxDelayMs', () => {
    assert.equal(retryDelayMs(0, '120', policy), 60_000);
    assert.equal(retryDelayMs(0, new Date(Date.now() + 3_600_000).toUTCString(), policy), 60_000);
  });

  it('falls back to exponential backoff with ±50% jitter without a usable Retry-After', () => {
    for (const header of [undefined, null, '', 'soon']) {
      assert.equal(retryDelayMs(0, header, policy, () => 0), 250, `header ${String(header)}: lower jitter bound`);
      assert.equal(retryDelayMs(0, header, policy, () => 0.5), 500);
    }
    const upper = retryDelayMs(0, undefined, policy, () => 0.999999);
    assert.ok(upper < 750 && upper > 749.9, `upper jitter bound is just under 1.5x, got ${upper}`);
    assert.equal(retryDelayMs(1, undefined, policy, () => 0.5), 1000, 'doubles per attempt');
    assert.equal(retryDelayMs(3, undefined, policy, () => 0), 2000);
    assert.equal(retryDelayMs(3, undefined, policy, () => 0.5), 4000);
  });

  it('keeps random backoff within [0.5, 1.5) of the step', () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      for (let i = 0; i < 200; i++) {
        const ms = retryDelayMs(attempt, undefined, policy);
        const step = 500 * 2 ** attempt;
        assert.ok(ms >= step * 0.5 && ms < step * 1.5, `attempt ${attempt}: ${ms}`);
      }
    }
  });

  it('caps backoff at maxDelayMs', () => {
    assert.equal(retryDelayMs(10, undefined, policy, () => 0), 60_000);
    assert.equal(retryDelayMs(7, undefined, policy, () => 0.999), 60_000);
    assert.equal(retryDelayMs(20, undefined, DEFAULT_RETRY_POLICY, () => 0.5), DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});
