import assert from 'node:assert/strict';
import { DEFAULT_VARIANTS, type EmulatorVariants, type GraphEmulator, seedListItems, startGraphEmulator } from '../support/graph-emulator';
import { type GraphBody, type GraphTestClient, graphTestClient } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { provisionProductLists, taskFields } from '../support/graph-emulator/test-fixtures/product-lists';

/** Each variant switch (tests/support/graph-emulator/variants.ts) at the HTTP level. */
describe('Graph emulator: variants for what the docs leave open', () => {
  let emulator: GraphEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  async function site(variants: Partial<EmulatorVariants> = {}): Promise<{ graph: GraphTestClient; tasks: string; em: GraphEmulator }> {
    emulator = await startGraphEmulator({ variants, pageSize: 2 });
    const graph = graphTestClient(emulator.baseUrl);
    const tasks = `/sites/${emulator.siteId}/lists/${(await provisionProductLists(graph, emulator.siteId)).tasks}`;
    return { graph, tasks, em: emulator };
  }

  async function drain(graph: GraphTestClient, url: string): Promise<{ pages: GraphBody[]; deltaLink: string }> {
    const pages: GraphBody[] = [];
    for (let next = url; ; ) {
      const res = await graph.get(next);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages.push(res.body);
      if (res.body['@odata.deltaLink']) return { pages, deltaLink: res.body['@odata.deltaLink'] };
      next = res.body['@odata.nextLink'] as string;
      assert.ok(next, 'each page has a nextLink or a deltaLink');
    }
  }

  it('defaults to what the documentation shows', async () => {
    const { em } = await site();
    assert.deepEqual(em.variants, DEFAULT_VARIANTS);
    assert.equal(DEFAULT_VARIANTS.patchEtag, 'none');
    assert.equal(DEFAULT_VARIANTS.lookupIds, 'string');
  });

  it('createAnswer without-fields: the listItem alone', async () => {
    const { graph, tasks } = await site({ createAnswer: 'without-fields' });
    const res = await graph.post(`${tasks}/items`, { fields: taskFields('A') });
    assert.equal(res.status, 201);
    assert.ok(!('fields' in res.body));
    assert.match(res.body.eTag, /,1"$/);
  });

  it('deltaLinksKeepExpand false: links carry only the token, so later pages have no fields', async () => {
    const { graph, tasks, em } = await site({ deltaLinksKeepExpand: false });
    seedListItems(em, 'Plan Tasks', ['A', 'B', 'C'].map((r) => taskFields(r)));
    const { pages, deltaLink } = await drain(graph, `${tasks}/items/delta?expand=fields(select=Ref)`);
    assert.equal(pages.length, 2);
    assert.deepEqual(pages[0].value.map((i: GraphBody) => i.fields?.Ref), ['A', 'B'], 'the first request asked for fields');
    assert.ok(!decodeURIComponent(pages[0]['@odata.nextLink']).includes('expand'));
    assert.ok(!('fields' in pages[1].value[0]), 'the nextLink page comes without them');
    assert.ok(!decodeURIComponent(deltaLink).includes('expand'));
  });

  it('deltaItemFields none / some / changed', async () => {
    for (const mode of ['none', 'some'] as const) {
      const { graph, tasks, em } = await site({ deltaItemFields: mode });
      seedListItems(em, 'Plan Tasks', ['A', 'B'].map((r) => taskFields(r)));
      const { pages } = await drain(graph, `${tasks}/items/delta?expand=fields(select=Ref)`);
      assert.deepEqual(pages.flatMap((p) => p.value.map((i: GraphBody) => 'fields' in i)), mode === 'none' ? [false, false] : [true, false], mode);
      await em.close();
    }
    const { graph, tasks, em } = await site({ deltaItemFields: 'changed' });
    seedListItems(em, 'Plan Tasks', [taskFields('A', { Risks: 'old', Evidence: 'kept' })]);
    const { pages, deltaLink } = await drain(graph, `${tasks}/items/delta?expand=fields(select=Ref,Risks,Evidence,Rag)`);
    assert.deepEqual(Object.keys(pages[0].value[0].fields).sort(), ['@odata.etag', 'Evidence', 'Rag', 'Ref', 'Risks'], 'a first enumeration is whole');
    assert.equal((await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red', Risks: null })).status, 200);
    const changes = await drain(graph, deltaLink);
    const { '@odata.etag': etag, ...fields } = changes.pages[0].value[0].fields;
    assert.match(etag, /,2"$/);
    assert.deepEqual(fields, { Rag: 'Red', Risks: null }, 'only what changed, the cleared column as null');
  });

  it('lookupIds and personReadForm: integer ids, lookup objects, or both', async () => {
    const read = async (variants: Partial<EmulatorVariants>) => {
      const { graph, tasks, em } = await site(variants);
      const alex = em.addSiteUser({ email: 'alex@council.gov.uk', displayName: 'Alex', aadObjectId: 'a' });
      const res = await graph.post(`${tasks}/items`, { fields: taskFields('P', { 'OwnerLookupId@odata.type': 'Collection(Edm.Int32)', OwnerLookupId: [alex], AccountableOfficerLookupId: alex }) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const { fields } = (await graph.get(`${tasks}/items/${res.body.id}?expand=fields`)).body;
      await em.close();
      return { alex, owner: fields.Owner, ownerIds: fields.OwnerLookupId, officer: fields.AccountableOfficer, officerId: fields.AccountableOfficerLookupId };
    };
    const plain = await read({});
    assert.deepEqual([plain.ownerIds, plain.officerId, plain.owner], [[String(plain.alex)], String(plain.alex), undefined]);
    const objects = await read({ lookupIds: 'integer', personReadForm: 'object' });
    assert.deepEqual(objects.owner, [{ LookupId: objects.alex, LookupValue: 'Alex', Email: 'alex@council.gov.uk' }]);
    assert.deepEqual(objects.officer, { LookupId: objects.alex, LookupValue: 'Alex', Email: 'alex@council.gov.uk' });
    assert.equal(objects.ownerIds, undefined);
    const both = await read({ personReadForm: 'both', lookupIds: 'integer' });
    assert.deepEqual([both.ownerIds, both.officerId, both.owner[0].LookupId], [[both.alex], both.alex, both.alex]);
  });

  it('lookupWrites int32: numbers and Collection(Edm.Int32) only; any: both forms, values of the annotated type', async () => {
    const { graph, tasks, em } = await site({ lookupWrites: 'int32' });
    const alex = em.addSiteUser({ email: 'alex@council.gov.uk', displayName: 'Alex', aadObjectId: 'a' });
    const create = (ref: string, extra: Record<string, unknown>) => graph.post(`${tasks}/items`, { fields: taskFields(ref, extra) });
    assert.equal((await create('1', { 'OwnerLookupId@odata.type': 'Collection(Edm.String)', OwnerLookupId: [String(alex)] })).status, 400);
    assert.equal((await create('2', { AccountableOfficerLookupId: String(alex) })).status, 400);
    assert.equal((await create('3', { 'OwnerLookupId@odata.type': 'Collection(Edm.Int32)', OwnerLookupId: [alex], AccountableOfficerLookupId: alex })).status, 201);
    await em.close();
    const any = await site();
    const sam = any.em.addSiteUser({ email: 'sam@council.gov.uk', displayName: 'Sam', aadObjectId: 's' });
    const post = (ref: string, extra: Record<string, unknown>) => any.graph.post(`${any.tasks}/items`, { fields: taskFields(ref, extra) });
    assert.equal((await post('1', { 'OwnerLookupId@odata.type': 'Collection(Edm.String)', OwnerLookupId: [String(sam)] })).status, 201);
    assert.equal((await post('2', { 'OwnerLookupId@odata.type': 'Collection(Edm.Int32)', OwnerLookupId: [sam] })).status, 201);
    assert.equal((await post('3', { 'OwnerLookupId@odata.type': 'Collection(Edm.Int32)', OwnerLookupId: [String(sam)] })).status, 400, 'strings in an Int32 collection');
  });

  it('uniqueViolation: each reported form, with SharePoint\'s words or a French site\'s', async () => {
    const cases = [
      ['409-nameAlreadyExists', 409, 'nameAlreadyExists', /duplicate values were found/],
      ['400-invalidRequest', 400, 'invalidRequest', /duplicate values were found/],
      ['500-generalException', 500, 'generalException', /duplicate values were found/],
      ['400-localized', 400, 'invalidRequest', /valeurs en double/],
    ] as const;
    for (const [uniqueViolation, status, code, words] of cases) {
      const { graph, tasks, em } = await site({ uniqueViolation });
      await graph.post(`${tasks}/items`, { fields: taskFields('1.1') });
      const dup = await graph.post(`${tasks}/items`, { fields: taskFields('1.1') });
      assert.deepEqual([dup.status, dup.body.error.code], [status, code], uniqueViolation);
      assert.match(dup.body.error.message, words);
      await em.close();
    }
  });

  it('staleEtag 409-resourceModified: a stale If-Match is 409 resourceModified and writes nothing', async () => {
    const { graph, tasks } = await site({ staleEtag: '409-resourceModified' });
    const v1 = (await graph.post(`${tasks}/items`, { fields: taskFields('A') })).body.eTag as string;
    await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Amber' }, { 'If-Match': v1 });
    const stale = await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red' }, { 'If-Match': v1 });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'resourceModified']);
    assert.equal((await graph.get(`${tasks}/items/1?expand=fields`)).body.fields.Rag, 'Amber');
  });

  it('gateway timeouts after a write: applied, then 504, for creates, updates (batched too) and whole batches', async () => {
    const { graph, tasks, em } = await site({ gatewayTimeoutAfterWrite: 1, gatewayTimeoutAfterUpdate: 1 });
    const created = await graph.post(`${tasks}/items`, { fields: taskFields('A') });
    assert.equal(created.status, 504);
    assert.equal((await graph.get(`${tasks}/items/1`)).status, 200, 'the item was written');
    assert.equal((await graph.post(`${tasks}/items`, { fields: taskFields('A') })).status, 409, 'a retry meets it');
    assert.equal((await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red' })).status, 504);
    assert.equal((await graph.get(`${tasks}/items/1?expand=fields`)).body.fields.Rag, 'Red');
    em.timeOutAfterWrite(1, 'create');
    const batched = await graph.batch([{ id: 'a', method: 'POST', url: `${tasks}/items`, body: { fields: taskFields('B') } }]);
    assert.equal(batched.body.responses[0].status, 504);
    em.timeOutAfterWrite(1, 'batch');
    const whole = await graph.batch([{ id: 'a', method: 'POST', url: `${tasks}/items`, body: { fields: taskFields('C') } }]);
    assert.equal(whole.status, 504);
    const { value } = (await graph.get(`${tasks}/items?expand=fields(select=Ref)&$top=10`)).body;
    assert.deepEqual(value.map((i: GraphBody) => i.fields.Ref), ['A', 'B', 'C'], 'every timed-out write was applied');
  });
});
