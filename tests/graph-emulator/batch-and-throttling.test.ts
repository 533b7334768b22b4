import assert from 'node:assert/strict';
import { type GraphEmulator, seedListItems, startGraphEmulator } from '../support/graph-emulator';
import { type GraphTestClient, graphTestClient } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { provisionProductLists, taskFields } from '../support/graph-emulator/test-fixtures/product-lists';

describe('Graph emulator: $batch, throttling, resource units, auth and latency', () => {
  let emulator: GraphEmulator;
  let graph: GraphTestClient;
  let tasks: string;
  /** Sub-request URLs are relative to the version root. */
  let tasksRel: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    graph = graphTestClient(emulator.baseUrl);
    tasksRel = `/sites/${emulator.siteId}/lists/${(await provisionProductLists(graph, emulator.siteId)).tasks}`;
    tasks = tasksRel;
    emulator.resetCounters();
  });
  afterEach(() => emulator.close());

  it('runs sub-requests in dependsOn order; a failed dependency gives 424', async () => {
    const res = await graph.batch([
      { id: '4', method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields('D') }, dependsOn: ['3'] },
      { id: '1', method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields('A') } },
      { id: '2', method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields('B') }, dependsOn: ['1'] },
      { id: '3', method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields('A') }, dependsOn: ['2'] },
      { id: '5', method: 'GET', url: `${tasksRel}/items/1?expand=fields(select=Ref)`, dependsOn: ['4'] },
    ]);
    assert.equal(res.status, 200);
    const byId = new Map(res.body.responses.map((r: { id: string }) => [r.id, r]));
    const status = (id: string) => (byId.get(id) as { status: number }).status;
    assert.deepEqual(['1', '2', '3', '4', '5'].map(status), [201, 201, 409, 424, 424], 'a failure propagates down the chain');
    assert.deepEqual(res.body.responses.map((r: { id: string }) => r.id), ['1', '2', '3', '4', '5'], 'run in dependency order');
    assert.equal((byId.get('3') as { body: { error: { code: string } } }).body.error.code, 'nameAlreadyExists');
    assert.deepEqual(
      emulator.requests.map((r) => [r.method, r.status, r.batched]),
      [['POST', 201, true], ['POST', 201, true], ['POST', 409, true], ['POST', 424, true], ['GET', 424, true], ['POST', 200, false]],
    );
    assert.equal(emulator.requests.at(-1)!.path, '/$batch');
    assert.equal(emulator.resourceUnits(), 2 + 2 + 2, 'each run sub-request costs its own units; skipped ones and the envelope cost none');
    const independent = await graph.batch([
      { id: 'x', method: 'GET', url: `${tasksRel}/items/1?expand=fields(select=Ref)` },
      { id: 'y', method: 'GET', url: `${tasksRel}/items/99` },
    ]);
    assert.deepEqual(independent.body.responses.map((r: { status: number }) => r.status), [200, 404]);
    assert.equal(independent.body.responses[0].body.fields.Ref, 'A');
    const etag = independent.body.responses[0].body.eTag as string;
    const writes = await graph.batch([
      { id: 'w1', method: 'PATCH', url: `${tasksRel}/items/1/fields`, body: { Rag: 'Amber' }, headers: { 'If-Match': etag } },
      { id: 'w2', method: 'PATCH', url: `${tasksRel}/items/1/fields`, body: { Rag: 'Red' }, headers: { 'If-Match': etag }, dependsOn: ['w1'] },
    ]);
    assert.deepEqual(writes.body.responses.map((r: { status: number }) => r.status), [200, 412], 'If-Match applies inside a batch');
  });

  it('refuses a batch of more than 20 requests as a whole, and a body without Content-Type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields(`X${i}`) } }));
    const tooMany = await graph.batch(many);
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'BadRequest');
    assert.equal((await graph.get(`${tasks}/items`)).body.value.length, 0, 'nothing ran');
    assert.equal((await graph.batch(many.slice(0, 20))).status, 200);
    const noType = await graph.post('/$batch', { requests: [{ id: '1', method: 'POST', url: `${tasksRel}/items`, body: { fields: taskFields('Z') } }] });
    assert.equal(noType.status, 400);
  });

  it('throttleNext: 429 with Retry-After for the next n requests, then success', async () => {
    seedListItems(emulator, 'Plan Tasks', [taskFields('A')]);
    emulator.throttleNext(2, 3);
    for (let i = 0; i < 2; i += 1) {
      const throttled = await graph.get(`${tasks}/items/1`);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '3');
      assert.equal(throttled.body.error.code, 'TooManyRequests');
    }
    assert.equal((await graph.get(`${tasks}/items/1`)).status, 200);
    emulator.throttleNext(1, 7, 503);
    const unavailable = await graph.get(`${tasks}/items/1`);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), '7');
    assert.equal(unavailable.body.error.code, 'serviceNotAvailable');
  });

  it('throttles batch sub-requests individually, with Retry-After in the sub-response headers', async () => {
    seedListItems(emulator, 'Plan Tasks', [taskFields('A'), taskFields('B')]);
    emulator.throttleNext(1, 5);
    const res = await graph.batch([
      { id: 'a', method: 'GET', url: `${tasksRel}/items/1` },
      { id: 'b', method: 'GET', url: `${tasksRel}/items/2` },
    ]);
    assert.equal(res.status, 200);
    const [a, b] = res.body.responses;
    assert.equal(a.status, 429);
    assert.equal(a.headers['Retry-After'], '5');
    assert.equal(a.body.error.code, 'TooManyRequests');
    assert.equal(b.status, 200);
  });

  it('counts SharePoint resource units per the documented table', async () => {
    seedListItems(emulator, 'Plan Tasks', [taskFields('A')]);
    await graph.get(`${tasks}/items/1?expand=fields`); // single item query: 1
    await graph.get(`${tasks}/items?expand=fields`); // multi item query: 2
    await graph.post(`${tasks}/items`, { fields: taskFields('B') }); // create: 2
    await graph.patch(`${tasks}/items/2/fields`, { Rag: 'Red' }); // update: 2
    await graph.delete(`${tasks}/items/2`); // delete: 2
    await graph.get(`/sites/${emulator.siteId}/lists`); // multi item query: 2
    assert.equal(emulator.resourceUnits(), 11);
    assert.equal(emulator.requests.length, 6);
    emulator.resetCounters();
    assert.equal(emulator.resourceUnits(), 0);
    assert.equal(emulator.requests.length, 0);
  });

  it('requires a bearer token: 401 InvalidAuthenticationToken in Graph\'s error shape', async () => {
    for (const client of [graphTestClient(emulator.baseUrl, null), graphTestClient(emulator.baseUrl, '')]) {
      const res = await client.get(`/sites/${emulator.siteId}`);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('content-type'), 'application/json');
      assert.equal(res.body.error.code, 'InvalidAuthenticationToken');
      assert.match(res.body.error.innerError.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      assert.match(res.body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
    }
    assert.equal(emulator.resourceUnits(), 0);
  });

  it('waits the configured latency once per HTTP round trip, not per batched request', async () => {
    emulator.setLatency(120);
    let t = Date.now();
    await graph.get(`/sites/${emulator.siteId}`);
    assert.ok(Date.now() - t >= 110, `single request took ${Date.now() - t} ms`);
    t = Date.now();
    await graph.batch(Array.from({ length: 10 }, (_, i) => ({ id: String(i), method: 'GET', url: `/sites/${emulator.siteId}` })));
    const batchMs = Date.now() - t;
    assert.ok(batchMs >= 110 && batchMs < 600, `batch took ${batchMs} ms`);
    emulator.setLatency(0);
  });
});
