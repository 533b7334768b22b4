import assert from 'node:assert/strict';
import { GraphProbes } from '../../bot/smoke/graph-probes';
import { ListItems } from '../../core/store/sharepoint/list-items';
import { ListMirror } from '../../core/store/sharepoint/list-mirror';
import { LIST_KEYS, LISTS, type ListKey } from '../../core/store/sharepoint/list-schema';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { SitePeople } from '../../core/store/sharepoint/site-people';
import { DOCS_SITE, fixturesWithout, loadFixtures } from './fixtures';
import { type ReplayServer, startReplay } from './replay-server';

/**
 * The SharePoint store, its lookups and the tenant smoke probes against nothing but the example
 * responses of Microsoft's Graph pages (tests/fixtures/graph-docs/): a site already provisioned
 * (list-list-provisioned), the listItem examples (read as Plan Objectives items: see each fixture's
 * `adapted`), the delta pages, a create answered 201 without fields, a PATCH answered with the
 * fields alone. The examples are truncated; what they show is the contract.
 */

const OBJECTIVES_LIST = '22e03ef3-6ef4-424d-a1d3-92a337807c30';
const GET_ETAG = loadFixtures().find((f) => f.name === 'listitem-get')!.response.body as { eTag: string };

const gets = (replay: ReplayServer, re: RegExp) => replay.requests.filter((r) => r.method === 'GET' && re.test(r.path));

describe('Graph replay: the SharePoint store against the docs\' example responses', () => {
  let replay: ReplayServer;
  let store: SharePointPlanStore | undefined;
  beforeEach(async () => {
    replay = await startReplay({ fixtures: fixturesWithout('list-list', 'list-list-before-plans', 'list-list-columns', 'list-list-columns-before-plans') });
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await replay.close();
  });

  const connect = async () => (store = await SharePointPlanStore.connect(replay.api(), { siteId: DOCS_SITE }));

  it('connects: delta pages whose items have no fields are read item by item, the nextLink is followed, the deleted item dropped', async () => {
    const s = await connect();
    const objectives = await s.listObjectives();
    assert.deepEqual(objectives.map((o) => o.id), ['1', '2'], 'items 1 and 2 kept; 3 deleted on the last page');
    assert.deepEqual(objectives.map((o) => [o.ref, o.title]), [['Blue', 'Widget'], ['Blue', 'Widget']]);
    assert.equal(objectives[0]!.version, GET_ETAG.eTag, 'the version is the eTag Graph gave');
    // The Plans list's page is its own recording (listitem-delta-plans: the site's first plan, read with its fields).
    assert.equal(replay.answeredBy('listitem-delta-plans').length, 1, 'the Plans list read once');
    assert.equal(replay.answeredBy('listitem-delta-first').length, LIST_KEYS.length - 1, 'one first page per other list');
    assert.equal(replay.answeredBy('listitem-delta-last').length, LIST_KEYS.length - 1, 'every other list followed its own nextLink');
    assert.deepEqual((await s.plans.listPlans()).map((p) => [p.id, p.key, p.periodStart, p.state]), [['1', 'edi-action-plan-2026-30', '2026-04-01', 'Active']]);
    assert.equal(s.planId, '1', 'scoped to that plan; the items without a PlanId are its own');
    assert.equal(replay.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/$batch')).length, 0, 'a site with a plan: nothing written at connect');
    assert.ok(replay.answeredBy('listitem-delta-last').every((r) => r.path.includes('/lists/22e03ef3-')));
    assert.ok(gets(replay, /\/items\/1\?/).length >= 1, 'an item without fields was read by id');
    assert.deepEqual(replay.unmatched, []);
  });

  it('creates: a 201 with the docs\' listItem (an id, no fields, no eTag) is read back, not refused', async () => {
    const s = await connect();
    const before = replay.requests.length;
    const created = await s.createObjective({ ref: 'O-20', title: 'Objective 20' });
    assert.equal(created.id, '20');
    assert.equal(created.version, GET_ETAG.eTag, 'the version comes from reading item 20');
    assert.ok(replay.requests.slice(before).some((r) => r.method === 'GET' && /\/items\/20(\?|$)/.test(r.path)), 'item 20 was read after the create');
    assert.deepEqual(replay.unmatched, []);
  });

  it('updates: a PATCH answered with the fields alone (no @odata.etag) is followed by a read of the item for its version', async () => {
    const s = await connect();
    const [first] = await s.listObjectives();
    const before = replay.requests.length;
    const updated = await s.updateObjective(first!.id, first!.version, { title: 'Renamed' });
    const after = replay.requests.slice(before);
    const patch = after.find((r) => r.method === 'PATCH');
    assert.ok(patch && patch.path.endsWith(`/items/${first!.id}/fields`), 'PATCH …/fields');
    assert.equal(patch.headers['if-match'], first!.version, 'If-Match carries the version read');
    assert.ok(after.some((r) => r.method === 'GET' && new RegExp(`/items/${first!.id}(\\?|$)`).test(r.path)), 'the item was read for its new version');
    assert.equal(updated.id, first!.id);
    assert.equal(typeof updated.version, 'string');
    assert.deepEqual(replay.unmatched, []);
  });

  it('looks a key up in Graph when the mirror lacks it: the docs\' item listing answers (ListItems.find)', async () => {
    const api = replay.api();
    const paths = Object.fromEntries(LIST_KEYS.map((k, i) => [k, `/sites/${DOCS_SITE}/lists/22e03ef3-6ef4-424d-a1d3-92a337807c3${i}`])) as Record<ListKey, string>;
    const mirrors = Object.fromEntries(LIST_KEYS.map((k) => [k, new ListMirror(api, `${paths[k]}/items`, LISTS[k].selected)])) as Record<ListKey, ListMirror>;
    const found = await new ListItems(api, paths, mirrors).find('objectives', 'ref', 'Red');
    assert.deepEqual(found && { id: found.id, ref: found.ref, title: found.title }, { id: '2', ref: 'Red', title: 'Gadget' });
    const query = replay.answeredBy('listitem-list')[0];
    assert.ok(query && query.path.includes(`/lists/${OBJECTIVES_LIST}/items`) && query.path.includes("$filter=fields/Ref eq 'Red'"), query?.path);
    assert.deepEqual(replay.unmatched, []);
  });

  it('SitePeople: the User Information List lookup takes the first item\'s id and asks leave for a non-indexed filter', async () => {
    const id = await new SitePeople(replay.api(), DOCS_SITE).lookupId('AdeleV@contoso.com');
    assert.equal(String(id), '2', 'the first item of the docs\' listing');
    const [request] = replay.answeredBy('user-information-list-items');
    assert.ok(request, 'the User Information List was queried');
    assert.match(request.headers.prefer ?? '', /HonorNonIndexedQueriesWarningMayFailRandomly/);
    assert.match(request.path, /\$filter=fields\/EMail eq 'AdeleV@contoso\.com'/i);
    assert.deepEqual(replay.unmatched, []);
  });

  it('npm run smoke:tenant: every probe runs to an outcome on the docs\' shapes, and cleans up', async () => {
    const probes = new GraphProbes({ api: replay.api(), siteId: DOCS_SITE, stamp: 'replay', provisioning: true, classify: () => 'other' });
    const outcomes: Record<string, unknown> = {};
    for (const probe of probes.probes()) outcomes[probe.assumption] = await probe.run();
    assert.deepEqual(await probes.cleanup(), [], 'every scratch item deleted (204)');
    assert.match(String((outcomes['PATCH …/fields succeeds (the answer may lack @odata.etag)'] as { observed?: string })?.observed), /@odata\.etag in the answer: no/);
    assert.ok(replay.answeredBy('listitem-delete').length >= 1);
    assert.ok(replay.answeredBy('list-delete').length === 1, 'the scratch list deleted');
    assert.deepEqual(replay.unmatched, []);
  });
});
