import assert from 'node:assert/strict';
import { LISTS } from '../../core/store/sharepoint/list-schema';
import { type EmulatorVariants, type GraphEmulator, startGraphEmulator } from '../support/graph-emulator';
import { type GraphTestClient, graphTestClient, qs } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { listBody, provisionProductLists } from '../support/graph-emulator/test-fixtures/product-lists';

/**
 * Sites, lists and columns as provisioning creates them; and the variants (variants.ts) for what
 * list-create, list-post-columns, columndefinition-update and listitem-list leave open.
 */
describe('Graph emulator: sites, lists and columns', () => {
  let emulator: GraphEmulator;
  let graph: GraphTestClient;
  let site: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    graph = graphTestClient(emulator.baseUrl);
    site = `/sites/${emulator.siteId}`;
  });
  afterEach(() => emulator.close());

  it('resolves the site URL to the site resource and its id', async () => {
    const byPath = await graph.get('/sites/contoso.sharepoint.com:/sites/edi');
    assert.equal(byPath.status, 200);
    assert.equal(byPath.body.id, emulator.siteId);
    assert.equal(byPath.body.webUrl, emulator.siteUrl);
    assert.match(emulator.siteId, /^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    assert.equal((await graph.get(site)).body.id, emulator.siteId);
    const lists = await graph.get('/sites/contoso.sharepoint.com:/sites/edi:/lists');
    assert.deepEqual(lists.body.value, []);
    const missing = await graph.get('/sites/contoso.sharepoint.com:/sites/other');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'itemNotFound');
  });

  it('creates the product lists with their columns through POST, like provisioning', async () => {
    const ids = await provisionProductLists(graph, emulator.siteId);
    const tasks = await graph.get(`${site}/lists/${ids.tasks}?expand=columns`);
    assert.equal(tasks.status, 200);
    assert.equal(tasks.body.displayName, 'Plan Tasks');
    assert.deepEqual(tasks.body.list, { contentTypesEnabled: false, hidden: false, template: 'genericList' });
    const byName = new Map<string, Record<string, unknown>>(tasks.body.columns.map((c: { name: string }) => [c.name, c]));
    for (const builtIn of ['Title', 'ID', 'Created', 'Modified']) assert.ok(byName.has(builtIn), builtIn);
    assert.deepEqual(
      { indexed: byName.get('PlanRef')!.indexed, enforceUniqueValues: byName.get('PlanRef')!.enforceUniqueValues, required: byName.get('PlanRef')!.required },
      { indexed: true, enforceUniqueValues: true, required: false },
    );
    assert.deepEqual(byName.get('DueDate')!.dateTime, { displayAs: 'default', format: 'dateOnly' });
    assert.equal((byName.get('Owner')!.personOrGroup as { allowMultipleSelection: boolean }).allowMultipleSelection, true);
    assert.deepEqual((byName.get('Rag')!.choice as { choices: string[] }).choices, ['Not started', 'Green', 'Amber', 'Red', 'Complete']);
    assert.equal((byName.get('Description')!.text as { allowMultipleLines: boolean }).allowMultipleLines, true);
    const columns = await graph.get(`${site}/lists/${ids.tasks}/columns`);
    assert.equal(columns.body.value.length, tasks.body.columns.length);
    assert.equal(columns.body.value.length, LISTS.tasks.columns.length + 6);
  });

  it('finds lists by id, by display name and with $filter on displayName', async () => {
    const ids = await provisionProductLists(graph, emulator.siteId);
    assert.equal((await graph.get(`${site}/lists/${encodeURIComponent('Plan Updates')}`)).body.id, ids.updates);
    const filtered = await graph.get(`${site}/lists${qs({ $filter: "displayName eq 'Reminder Log'" })}`);
    assert.deepEqual(filtered.body.value.map((l: { id: string }) => l.id), [ids.reminders]);
    const all = await graph.get(`${site}/lists${qs({ $select: 'id,displayName' })}`);
    assert.deepEqual(all.body.value.map((l: { displayName: string }) => l.displayName).sort(), Object.values(LISTS).map((l) => l.displayName).sort());
    assert.deepEqual(Object.keys(all.body.value[0]).sort(), ['@odata.etag', 'displayName', 'id']);
    const missing = await graph.get(`${site}/lists/Nope`);
    assert.equal(missing.status, 404);
  });

  it('refuses a second list with the same title', async () => {
    assert.equal((await graph.post(`${site}/lists`, listBody(LISTS.objectives))).status, 201);
    const again = await graph.post(`${site}/lists`, listBody(LISTS.objectives));
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'nameAlreadyExists');
  });

  it('adds and indexes columns; refuses invalid definitions', async () => {
    const created = await graph.post(`${site}/lists`, { displayName: 'Scratch', list: { template: 'genericList' } });
    const list = `${site}/lists/${created.body.id}`;
    const col = await graph.post(`${list}/columns`, { name: 'Round', text: {} });
    assert.equal(col.status, 201);
    assert.equal(col.body.indexed, false);
    const patched = await graph.patch(`${list}/columns/${col.body.id}`, { indexed: true });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.indexed, true);
    assert.equal((await graph.post(`${list}/columns`, { name: 'Round', number: {} })).status, 409);
    assert.equal((await graph.post(`${list}/columns`, { name: 'Notes', text: { allowMultipleLines: true }, indexed: true })).status, 400);
    assert.equal((await graph.post(`${list}/columns`, { name: 'Both', text: {}, number: {} })).status, 400);
    assert.equal((await graph.post(`${list}/columns`, { name: 'Pick', choice: { choices: [] } })).status, 400);
    const typeChange = await graph.patch(`${list}/columns/${col.body.id}`, { number: {} });
    assert.equal(typeChange.status, 400);
    assert.equal(typeChange.body.error.code, 'invalidRequest');
  });

  it('keeps the User Information List hidden from /lists but readable by title', async () => {
    const uil = await graph.get(`${site}/lists('User Information List')`);
    assert.equal(uil.status, 200);
    assert.equal(uil.body.list.hidden, true);
    assert.deepEqual((await graph.get(`${site}/lists`)).body.value, []);
  });
});

describe('Graph emulator: what the column and query pages leave open (variants)', () => {
  let emulator: GraphEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function start(variants: Partial<EmulatorVariants>) {
    emulator = await startGraphEmulator({ variants });
    return { graph: graphTestClient(emulator.baseUrl), site: `/sites/${emulator.siteId}` };
  }

  const keyColumn = { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true };
  const flags = (c: { indexed: boolean; enforceUniqueValues: boolean }) => [c.indexed, c.enforceUniqueValues];

  for (const [ignores, expected] of [
    ['none', [true, true]],
    ['indexed', [true, true]], // uniqueness needs an index, so a unique column is still indexed
    ['unique', [true, false]],
    ['both', [false, false]],
  ] as const) {
    it(`createListIgnores ${ignores}: the created list's column reads back ${expected.join('/')} (indexed/unique)`, async () => {
      const { graph, site } = await start({ createListIgnores: ignores });
      const list = await graph.post(`${site}/lists`, { displayName: 'Scratch', columns: [keyColumn, { name: 'Other', text: {}, indexed: true }] });
      const columns = (await graph.get(`${site}/lists/${list.body.id}/columns`)).body.value;
      assert.deepEqual(flags(columns.find((c: { name: string }) => c.name === 'Key')), expected);
      assert.equal(columns.find((c: { name: string }) => c.name === 'Other').indexed, ignores === 'none' || ignores === 'unique');
    });

    it(`createColumnIgnores ${ignores}: the column POST answers ${expected.join('/')} (indexed/unique)`, async () => {
      const { graph, site } = await start({ createColumnIgnores: ignores });
      const list = await graph.post(`${site}/lists`, { displayName: 'Scratch', columns: [] });
      const column = await graph.post(`${site}/lists/${list.body.id}/columns`, keyColumn);
      assert.equal(column.status, 201);
      assert.deepEqual(flags(column.body), expected);
    });
  }

  for (const [rule, together, alone] of [
    ['implied', 200, 200],
    ['same-request', 200, 400],
    ['indexed-first', 400, 400],
  ] as const) {
    it(`uniqueNeedsIndex ${rule}: uniqueness on an unindexed column with the index in the same PATCH ${together}, alone ${alone}; after indexing 200`, async () => {
      const { graph, site } = await start({ uniqueNeedsIndex: rule });
      const list = await graph.post(`${site}/lists`, { displayName: 'Scratch', columns: [{ name: 'A', text: {} }, { name: 'B', text: {} }] });
      const columns = `${site}/lists/${list.body.id}/columns`;
      assert.equal((await graph.patch(`${columns}/A`, { indexed: true, enforceUniqueValues: true })).status, together);
      const refused = await graph.patch(`${columns}/B`, { enforceUniqueValues: true });
      assert.equal(refused.status, alone);
      if (alone === 400) assert.match(refused.body.error.message, /must first be indexed/);
      assert.equal((await graph.patch(`${columns}/B`, { indexed: true })).status, 200);
      assert.deepEqual(flags((await graph.patch(`${columns}/B`, { enforceUniqueValues: true })).body), [true, true]);
    });
  }

  it('listViewThreshold: past the threshold a non-indexed filter fails despite the Prefer header (500, or 400 as configured); at it, or on an indexed column, it works', async () => {
    for (const error of ['500-generalException', '400-invalidRequest'] as const) {
      const { graph, site } = await start({ listViewThreshold: 3, listViewThresholdError: error });
      const list = await graph.post(`${site}/lists`, { displayName: 'Big', columns: [{ name: 'Plain', text: {} }, { name: 'Key', text: {}, indexed: true }] });
      const items = `${site}/lists/${list.body.id}/items`;
      const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
      const plain = `${items}${qs({ $filter: "fields/Plain eq 'x'" })}`;
      for (let i = 0; i < 3; i++) assert.equal((await graph.post(items, { fields: { Title: `t${i}`, Plain: 'x', Key: `k${i}` } })).status, 201);
      assert.equal((await graph.get(plain, prefer)).status, 200, 'at the threshold');
      await graph.post(items, { fields: { Title: 't3', Plain: 'x', Key: 'k3' } });
      const over = await graph.get(plain, prefer);
      assert.equal(over.status, error === '500-generalException' ? 500 : 400);
      assert.match(over.body.error.message, /exceeds the list view threshold/);
      assert.equal((await graph.get(`${items}${qs({ $filter: "fields/Key eq 'k2'", $orderby: 'fields/Key' })}`)).status, 200, 'indexed columns still work');
      assert.equal((await graph.get(`${items}${qs({ $orderby: 'fields/Plain' })}`, prefer)).status, over.status, '$orderby too');
      await emulator!.close();
      emulator = undefined;
    }
  });
});
