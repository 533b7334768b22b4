import assert from 'node:assert/strict';
import { type GraphEmulator, seedListItems, startGraphEmulator } from '../support/graph-emulator';
import { type GraphTestClient, graphTestClient, qs } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { provisionProductLists, taskFields } from '../support/graph-emulator/test-fixtures/product-lists';

const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

describe('Graph emulator: item queries and paging', () => {
  let emulator: GraphEmulator;
  let graph: GraphTestClient;
  let tasks: string;
  let tasksId: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    graph = graphTestClient(emulator.baseUrl);
    tasksId = (await provisionProductLists(graph, emulator.siteId)).tasks;
    tasks = `/sites/${emulator.siteId}/lists/${tasksId}`;
  });
  afterEach(() => emulator.close());

  const refsOf = (body: { value: { fields: { Ref: string } }[] }) => body.value.map((i) => i.fields.Ref);

  it('refuses to filter or order on a column that is not indexed, unless Prefer: HonorNonIndexed… is sent', async () => {
    seedListItems(emulator, 'Plan Tasks', [taskFields('A', { Kind: 'Priority' }), taskFields('B', { Kind: 'Ongoing' })]);
    const url = `${tasks}/items${qs({ expand: 'fields(select=Ref)', $filter: "fields/Kind eq 'Priority'" })}`;
    const refused = await graph.get(url);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'invalidRequest');
    assert.match(refused.body.error.message, /^Field 'Kind' cannot be referenced in filter or orderby as it is not indexed/);
    const allowed = await graph.get(url, PREFER);
    assert.equal(allowed.status, 200);
    assert.deepEqual(refsOf(allowed.body), ['A']);
    assert.equal((await graph.get(`${tasks}/items${qs({ $orderby: 'fields/Title' })}`)).status, 400, 'Title is not indexed by default');
    assert.equal((await graph.get(`${tasks}/items${qs({ $filter: 'fields/Nope eq 1' })}`)).status, 400);
  });

  it('filters on indexed columns with and/or/parentheses, numbers, dates and null', async () => {
    seedListItems(emulator, 'Plan Tasks', [
      taskFields('A', { Status: 'Open', DueDate: '2025-01-31' }),
      taskFields('B', { Status: 'Open', DueDate: '2025-03-31' }),
      taskFields('C', { Status: 'Complete', DueDate: '2025-02-28' }),
      taskFields('D', { Status: 'Withdrawn' }),
    ]);
    const query = async (filter: string, orderby = 'fields/Ref') =>
      refsOf((await graph.get(`${tasks}/items${qs({ expand: 'fields(select=Ref)', $filter: filter, $orderby: orderby })}`)).body);
    assert.deepEqual(await query("fields/Status eq 'Open' and fields/DueDate le '2025-02-28'"), ['A']);
    assert.deepEqual(await query("fields/Status eq 'open' and fields/DueDate lt 2025-04-01T00:00:00Z"), ['A', 'B'], 'text compares case-insensitively');
    assert.deepEqual(await query("(fields/Status eq 'Complete' or fields/Status eq 'Withdrawn') and fields/Ref ne 'C'"), ['D']);
    assert.deepEqual(await query('fields/DueDate eq null'), ['D']);
    assert.deepEqual(await query('id ge 2 and id le 3'), ['B', 'C']);
    assert.deepEqual(await query("fields/Status ne 'Open'", 'fields/DueDate desc'), ['C', 'D']);
  });

  it('escapes quotes: O\'\'Brien matches only O\'Brien, and \'O\' does not match it', async () => {
    seedListItems(emulator, 'Plan Tasks', [taskFields("O'Brien"), taskFields('O'), taskFields('OBrien'), taskFields("O'Brien-2")]);
    const find = async (literal: string) => {
      const res = await graph.get(`${tasks}/items${qs({ expand: 'fields(select=Ref)', $filter: `fields/Ref eq ${literal}` })}`);
      return res.status === 200 ? refsOf(res.body) : res.status;
    };
    assert.deepEqual(await find("'O''Brien'"), ["O'Brien"]);
    assert.deepEqual(await find("'O'"), ['O']);
    assert.equal(await find("'O'Brien'"), 400, 'an unescaped quote is a syntax error, not a wider query');
    // What escaping prevents: the value `O' or fields/Ref ne '` pasted in raw widens the query…
    assert.equal((await find("'O' or fields/Ref ne ''") as string[]).length, 4);
    // …and escaped, it is just a value that matches nothing.
    assert.deepEqual(await find("'O'' or fields/Ref ne '''"), []);
  });

  it('pages 6,000 items through @odata.nextLink, each id once', async () => {
    seedListItems(emulator, 'Plan Tasks', Array.from({ length: 6000 }, (_, i) => taskFields(`T${i + 1}`, { DueDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-15` })));
    emulator.resetCounters();
    const seen = new Set<string>();
    let url: string | undefined = `${tasks}/items?expand=fields(select=Ref,DueDate)`;
    let pages = 0;
    while (url) {
      const res = await graph.get(url);
      assert.equal(res.status, 200);
      pages += 1;
      assert.ok(res.body.value.length <= 200);
      for (const item of res.body.value) {
        assert.ok(!seen.has(item.id), `item ${item.id} seen twice`);
        seen.add(item.id);
      }
      url = res.body['@odata.nextLink'];
      if (url) {
        assert.ok(url.startsWith(`${emulator.baseUrl}/sites/`), url);
        assert.match(url, /\$skiptoken=/);
      }
    }
    assert.equal(seen.size, 6000);
    assert.equal(pages, 30);
    assert.equal(emulator.requests.length, 30);
    assert.equal(emulator.resourceUnits(), 60, 'a multi-item query costs 2 per page');
  });

  it('pages with $top and $orderby on an indexed column, and does not repeat items written between pages', async () => {
    seedListItems(emulator, 'Plan Tasks', Array.from({ length: 50 }, (_, i) => taskFields(`R${String(i).padStart(2, '0')}`, { DueDate: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` })));
    const first = await graph.get(`${tasks}/items${qs({ expand: 'fields(select=Ref,DueDate)', $orderby: 'fields/DueDate desc', $top: 20 })}`);
    assert.equal(first.body.value.length, 20);
    const dates = first.body.value.map((i: { fields: { DueDate: string } }) => i.fields.DueDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    // A new item that sorts before the cursor must not shift the next page.
    seedListItems(emulator, 'Plan Tasks', [taskFields('NEW', { DueDate: '2025-12-31' })]);
    const seen = new Set<string>(first.body.value.map((i: { id: string }) => i.id));
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      const page = await graph.get(next);
      for (const item of page.body.value) {
        assert.ok(!seen.has(item.id), `item ${item.id} repeated`);
        seen.add(item.id);
      }
      next = page.body['@odata.nextLink'];
    }
    assert.equal(seen.size, 50);
  });
});
