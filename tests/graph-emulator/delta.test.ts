import assert from 'node:assert/strict';
import { type GraphEmulator, seedListItems, startGraphEmulator } from '../support/graph-emulator';
import { type GraphBody, type GraphTestClient, graphTestClient } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { provisionProductLists, taskFields } from '../support/graph-emulator/test-fixtures/product-lists';

describe('Graph emulator: items delta', () => {
  let emulator: GraphEmulator;
  let graph: GraphTestClient;
  let tasks: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    graph = graphTestClient(emulator.baseUrl);
    tasks = `/sites/${emulator.siteId}/lists/${(await provisionProductLists(graph, emulator.siteId)).tasks}`;
    seedListItems(emulator, 'Plan Tasks', ['A', 'B', 'C', 'D', 'E'].map((r) => taskFields(r)));
  });
  afterEach(() => emulator.close());

  /** Follows nextLinks to the deltaLink; returns every entry and the deltaLink. */
  async function drain(url: string): Promise<{ entries: GraphBody[]; deltaLink: string; pages: number }> {
    const entries: GraphBody[] = [];
    let pages = 0;
    for (let next: string | undefined = url; ; ) {
      const res = await graph.get(next);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages += 1;
      entries.push(...res.body.value);
      if (res.body['@odata.deltaLink']) return { entries, deltaLink: res.body['@odata.deltaLink'], pages };
      next = res.body['@odata.nextLink'];
      assert.ok(next, 'each page has a nextLink or a deltaLink');
    }
  }

  it('enumerates everything first, then only what changed, with deletions', async () => {
    const initial = await drain(`${tasks}/items/delta?expand=fields(select=Ref,Rag)&$top=2`);
    assert.equal(initial.pages, 3);
    assert.deepEqual(initial.entries.map((e) => e.fields.Ref), ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(Object.keys(initial.entries[0].fields).sort(), ['@odata.etag', 'Rag', 'Ref']);
    assert.ok(initial.deltaLink.startsWith(`${emulator.baseUrl}${tasks}/items/delta?`));

    assert.equal((await graph.patch(`${tasks}/items/2/fields`, { Rag: 'Red' })).status, 200);
    assert.equal((await graph.delete(`${tasks}/items/4`)).status, 204);
    assert.equal((await graph.post(`${tasks}/items`, { fields: taskFields('F') })).status, 201);

    const changes = await drain(initial.deltaLink);
    assert.deepEqual(
      changes.entries.map((e) => (e.deleted ? { id: e.id, deleted: e.deleted } : { id: e.id, Ref: e.fields.Ref, Rag: e.fields.Rag })),
      [{ id: '2', Ref: 'B', Rag: 'Red' }, { id: '4', deleted: { state: 'deleted' } }, { id: '6', Ref: 'F', Rag: 'Green' }],
    );
    const none = await drain(changes.deltaLink);
    assert.deepEqual(none.entries, []);
  });

  it('shows an item changed twice once, in its latest state', async () => {
    const { deltaLink } = await drain(`${tasks}/items/delta`);
    await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Amber' });
    await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red' });
    const changes = await drain(`${deltaLink}`);
    assert.equal(changes.entries.length, 1);
    assert.ok(!('fields' in changes.entries[0]), 'fields only when expanded');
    assert.match(changes.entries[0].eTag, /,3"$/);
  });

  it('token=latest skips the enumeration and reports later changes', async () => {
    const latest = await graph.get(`${tasks}/items/delta?token=latest&expand=fields(select=Ref)`);
    assert.deepEqual(latest.body.value, []);
    await graph.patch(`${tasks}/items/5/fields`, { Rag: 'Amber' });
    const changes = await drain(latest.body['@odata.deltaLink']);
    assert.deepEqual(changes.entries.map((e) => e.fields.Ref), ['E']);
  });

  it('answers 410 Gone (resyncRequired) to tokens issued before expireDeltaTokens()', async () => {
    const { deltaLink } = await drain(`${tasks}/items/delta?expand=fields(select=Ref)`);
    const midway = (await graph.get(`${tasks}/items/delta?$top=2`)).body['@odata.nextLink'] as string;
    emulator.expireDeltaTokens();
    for (const url of [deltaLink, midway]) {
      const gone = await graph.get(url);
      assert.equal(gone.status, 410);
      assert.equal(gone.body.error.code, 'resyncRequired');
      assert.equal(gone.body.error.innerError.code, 'resyncChangesApplyDifferences');
      assert.ok(gone.headers.get('location')!.startsWith(`${emulator.baseUrl}${tasks}/items/delta`));
    }
    const fresh = await drain((await graph.get(deltaLink)).headers.get('location')!);
    assert.equal(fresh.entries.length, 5);
  });

  it('costs 2 resource units without a token and 1 with one', async () => {
    const first = await graph.get(`${tasks}/items/delta`);
    emulator.resetCounters();
    await graph.get(first.body['@odata.deltaLink']);
    assert.equal(emulator.resourceUnits(), 1);
    await graph.get(`${tasks}/items/delta`);
    assert.equal(emulator.resourceUnits(), 3);
  });
});
