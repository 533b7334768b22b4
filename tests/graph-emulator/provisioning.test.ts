import assert from 'node:assert/strict';
import { LISTS } from '../../core/store/sharepoint/list-schema';
import { type GraphEmulator, startGraphEmulator } from '../support/graph-emulator';
import { type GraphTestClient, graphTestClient, qs } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { listBody, provisionProductLists } from '../support/graph-emulator/test-fixtures/product-lists';

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
      { indexed: byName.get('Ref')!.indexed, enforceUniqueValues: byName.get('Ref')!.enforceUniqueValues, required: byName.get('Ref')!.required },
      { indexed: true, enforceUniqueValues: true, required: true },
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
