import assert from 'node:assert/strict';
import type { ListKey } from '../../core/store/sharepoint/list-schema';
import { type GraphEmulator, startGraphEmulator } from '../support/graph-emulator';
import { type GraphTestClient, graphTestClient, qs } from '../support/graph-emulator/test-fixtures/graph-test-client';
import { provisionProductLists, taskFields } from '../support/graph-emulator/test-fixtures/product-lists';

const ETAG = /^"\{[0-9A-F-]{36}\},(\d+)"$/;

describe('Graph emulator: list items', () => {
  let emulator: GraphEmulator;
  let graph: GraphTestClient;
  let ids: Record<ListKey, string>;
  let tasks: string;

  beforeEach(async () => {
    emulator = await startGraphEmulator();
    graph = graphTestClient(emulator.baseUrl);
    ids = await provisionProductLists(graph, emulator.siteId);
    tasks = `/sites/${emulator.siteId}/lists/${ids.tasks}`;
  });
  afterEach(() => emulator.close());

  const create = (fields: Record<string, unknown>) => graph.post(`${tasks}/items`, { fields });

  it('creates an item: 201 with Graph\'s listItem shape and its fields', async () => {
    const res = await create(taskFields('1.1.2', { DueDate: '2025-02-28', PercentComplete: 40, DueText: 'By the end of February 2025' }));
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'application/json');
    const item = res.body;
    assert.equal(item.id, '1');
    assert.match(item.eTag, ETAG);
    assert.equal(ETAG.exec(item.eTag)![1], '1');
    assert.equal(item['@odata.etag'], item.eTag);
    assert.match(item.createdDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(item.lastModifiedDateTime, item.createdDateTime);
    assert.equal(item.fields['@odata.etag'], item.eTag);
    assert.equal(item.fields.id, '1');
    assert.equal(item.fields.Title, 'Task 1.1.2');
    assert.equal(item.fields.Ref, '1.1.2');
    assert.equal(item.fields.DueDate, '2025-02-28T00:00:00Z');
    assert.equal(item.fields.PercentComplete, 40);
    assert.ok(!('Evidence' in item.fields), 'empty columns are omitted');
  });

  it('reads one item with and without fields, and with fields(select=…)', async () => {
    await create(taskFields('A', { Kind: 'Priority' }));
    const bare = await graph.get(`${tasks}/items/1`);
    assert.equal(bare.status, 200);
    assert.ok(!('fields' in bare.body));
    const selected = await graph.get(`${tasks}/items/1?expand=fields(select=Ref,Kind)`);
    assert.deepEqual(Object.keys(selected.body.fields).sort(), ['@odata.etag', 'Kind', 'Ref']);
    const dollar = await graph.get(`${tasks}/items/1${qs({ $expand: 'fields($select=Ref)' })}`);
    assert.deepEqual(dollar.body.fields, { '@odata.etag': bare.body.eTag, Ref: 'A' });
    const unknownSelect = await graph.get(`${tasks}/items/1?expand=fields(select=Nope)`);
    assert.equal(unknownSelect.status, 400);
    const missing = await graph.get(`${tasks}/items/99`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'itemNotFound');
  });

  it('updates fields: 200 with the fieldValueSet and no @odata.etag (the docs example), version +1 per write', async () => {
    const created = (await create(taskFields('A'))).body;
    const res = await graph.patch(`${tasks}/items/${created.id}/fields`, { Rag: 'Amber', LatestUpdate: 'Waiting on HR data' });
    assert.equal(res.status, 200);
    assert.equal(res.body.Rag, 'Amber');
    assert.equal(res.body.LatestUpdate, 'Waiting on HR data');
    assert.ok(!('@odata.etag' in res.body), 'listitem-update shows the field values only');
    assert.equal(res.body._UIVersionString, '2.0');
    const cleared = await graph.patch(`${tasks}/items/${created.id}/fields`, { LatestUpdate: null });
    assert.ok(!('LatestUpdate' in cleared.body));
    assert.equal(ETAG.exec((await graph.get(`${tasks}/items/${created.id}`)).body.eTag)![1], '3');
  });

  it('variant patchEtag in-body: the PATCH answer carries the new @odata.etag', async () => {
    const other = await startGraphEmulator({ variants: { patchEtag: 'in-body' } });
    try {
      const client = graphTestClient(other.baseUrl);
      const list = `/sites/${other.siteId}/lists/${(await provisionProductLists(client, other.siteId)).tasks}`;
      const created = (await client.post(`${list}/items`, { fields: taskFields('A') })).body;
      const res = await client.patch(`${list}/items/${created.id}/fields`, { Rag: 'Amber' });
      assert.equal(ETAG.exec(res.body['@odata.etag'])![1], '2');
    } finally {
      await other.close();
    }
  });

  it('If-Match: a stale ETag is 412 and writes nothing; the current one and * succeed', async () => {
    const created = (await create(taskFields('A'))).body;
    const v1 = created.eTag as string;
    assert.equal((await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Amber' }, { 'If-Match': v1 })).status, 200);
    const v2 = (await graph.get(`${tasks}/items/1`)).body.eTag as string;
    const stale = await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red' }, { 'If-Match': v1 });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.error.code, 'preconditionFailed');
    assert.equal((await graph.get(`${tasks}/items/1?expand=fields`)).body.fields.Rag, 'Amber', 'the stale write changed nothing');
    assert.equal((await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Red' }, { 'If-Match': v2 })).status, 200);
    assert.equal((await graph.patch(`${tasks}/items/1/fields`, { Rag: 'Green' }, { 'If-Match': '*' })).status, 200);
    assert.equal((await graph.delete(`${tasks}/items/1`, { 'If-Match': v2 })).status, 412);
    const current = (await graph.get(`${tasks}/items/1`)).body.eTag as string;
    assert.equal((await graph.delete(`${tasks}/items/1`, { 'If-Match': current })).status, 204);
    assert.equal((await graph.get(`${tasks}/items/1`)).status, 404);
  });

  it('unique columns: a duplicate (any case) is 409 on create and update; a deleted value is free again', async () => {
    await create(taskFields('1.1'));
    const dup = await create(taskFields('1.1'));
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'nameAlreadyExists');
    assert.match(dup.body.error.message, /duplicate values were found in the following field\(s\) in the list: \[PlanRef\]/);
    assert.equal((await create(taskFields('1.2'))).status, 201);
    assert.equal((await graph.patch(`${tasks}/items/2/fields`, { PlanRef: '1:1.1' })).status, 409);
    const reminders = `/sites/${emulator.siteId}/lists/${ids.reminders}`;
    const log = (key: string) => graph.post(`${reminders}/items`, { fields: { Key: key, TaskId: '1', RecipientJson: '{}', SentAt: '2025-03-01T09:00:00Z', Outcome: 'pending' } });
    assert.equal((await log('task-1|due-7|2025-03-01')).status, 201);
    assert.equal((await log('TASK-1|DUE-7|2025-03-01')).status, 409, 'SharePoint compares unique text case-insensitively');
    assert.equal((await graph.delete(`${reminders}/items/1`)).status, 204);
    assert.equal((await log('task-1|due-7|2025-03-01')).status, 201);
  });

  it('unique columns hold under concurrent writes: exactly one of five racing creates wins', async () => {
    emulator.setLatency(30);
    const reminders = `/sites/${emulator.siteId}/lists/${ids.reminders}/items`;
    const fields = { Key: 'task-7|round-open|2025-04', TaskId: '7', RecipientJson: '{}', SentAt: '2025-04-01T09:00:00Z', Outcome: 'pending' };
    const results = await Promise.all(Array.from({ length: 5 }, () => graph.post(reminders, { fields })));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409]);
  });

  it('validates writes: required, unknown fields, choices, types, lengths, read-only fields', async () => {
    const expect400 = async (fields: Record<string, unknown>, message: RegExp) => {
      const res = await create(fields);
      assert.equal(res.status, 400, JSON.stringify(fields));
      assert.equal(res.body.error.code, 'invalidRequest');
      assert.match(res.body.error.message, message);
      assert.match(res.body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
    };
    const { ObjectiveRef: _omitted, ...withoutObjective } = taskFields('A');
    await expect400(withoutObjective, /ObjectiveRef/);
    await expect400(taskFields('A', { Nope: 1 }), /^Field 'Nope' is not recognized$/);
    await expect400(taskFields('A', { Rag: 'Purple' }), /Purple/);
    await expect400(taskFields('A', { PercentComplete: 'fifty' }), /PercentComplete/);
    await expect400(taskFields('A', { DueDate: 'next Tuesday' }), /DueDate/);
    await expect400(taskFields('A', { Strategy: 'x'.repeat(256) }), /Strategy/);
    await expect400(taskFields('A', { id: '5' }), /read-only/);
    assert.equal((await create(taskFields('A', { LatestUpdate: 'y'.repeat(5000) }))).status, 201, 'multiple lines of text are not capped at 255');
    const clearRequired = await graph.patch(`${tasks}/items/1/fields`, { Status: null });
    assert.equal(clearRequired.status, 400);
    assert.equal((await graph.post(`${tasks}/items`, { Ref: 'no fields wrapper' })).status, 400);
  });

  it('boolean columns (Plan Objectives Retired): JSON booleans in and out, anything else refused, null clears', async () => {
    const objectives = `/sites/${emulator.siteId}/lists/${ids.objectives}`;
    const columns = await graph.get(`${objectives}/columns`);
    assert.deepEqual(columns.body.value.find((c: { name: string }) => c.name === 'Retired')?.boolean, {}, 'a booleanColumn facet');
    const created = await graph.post(`${objectives}/items`, { fields: { Title: 'Understand our communities', Ref: '1', Retired: true } });
    assert.equal(created.status, 201);
    assert.equal(created.body.fields.Retired, true);
    for (const wrong of ['true', 'Yes', 1]) {
      const res = await graph.patch(`${objectives}/items/1/fields`, { Retired: wrong });
      assert.equal(res.status, 400, JSON.stringify(wrong));
      assert.match(res.body.error.message, /Retired.*Edm\.Boolean/);
    }
    assert.equal((await graph.patch(`${objectives}/items/1/fields`, { Retired: false })).body.Retired, false);
    assert.equal((await graph.get(`${objectives}/items/1?expand=fields`)).body.fields.Retired, false, 'No is kept, not dropped');
    await graph.patch(`${objectives}/items/1/fields`, { Retired: null });
    assert.equal('Retired' in (await graph.get(`${objectives}/items/1?expand=fields`)).body.fields, false, 'a cleared column is omitted');
  });

  it('person columns: written and read as <Name>LookupId, checked against the User Information List', async () => {
    const alex = emulator.addSiteUser({ email: 'alex@council.gov.uk', displayName: 'Alex Example', aadObjectId: 'aad-alex' });
    const sam = emulator.addSiteUser({ email: 'sam@council.gov.uk', displayName: 'Sam Example', aadObjectId: 'aad-sam' });
    assert.notEqual(alex, sam);
    assert.equal(emulator.addSiteUser({ email: 'ALEX@council.gov.uk', displayName: 'Alex', aadObjectId: 'aad-alex' }), alex, 'one row per person');
    const res = await create(
      taskFields('P', { 'OwnerLookupId@odata.type': 'Collection(Edm.String)', OwnerLookupId: [String(alex), String(sam)], AccountableOfficerLookupId: String(sam) }),
    );
    assert.equal(res.status, 201);
    const read = await graph.get(`${tasks}/items/${res.body.id}?expand=fields(select=OwnerLookupId,AccountableOfficerLookupId)`);
    assert.deepEqual(read.body.fields.OwnerLookupId, [String(alex), String(sam)]);
    assert.equal(read.body.fields.AccountableOfficerLookupId, String(sam));
    const updated = await graph.patch(`${tasks}/items/${res.body.id}/fields`, { AccountableOfficerLookupId: alex });
    assert.equal(updated.body.AccountableOfficerLookupId, String(alex));

    const unknown = await create(taskFields('Q', { AccountableOfficerLookupId: '999' }));
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /look-up/);
    const unknownInMulti = await create(taskFields('Q', { 'OwnerLookupId@odata.type': 'Collection(Edm.String)', OwnerLookupId: [String(alex), '999'] }));
    assert.equal(unknownInMulti.status, 400);
    assert.equal((await create(taskFields('Q', { OwnerLookupId: [String(alex)] }))).status, 400, 'a collection needs its @odata.type');
    assert.equal((await create(taskFields('Q', { Owner: [String(alex)] }))).status, 400, 'people are written by lookup id');
  });

  it('looks people up in the User Information List by e-mail, with a quote-safe filter', async () => {
    const id = emulator.addSiteUser({ email: "o'brien@council.gov.uk", displayName: "Pat O'Brien", aadObjectId: 'aad-pat' });
    const uil = `/sites/${emulator.siteId}/lists('User Information List')/items`;
    const res = await graph.get(`${uil}${qs({ expand: 'fields(select=EMail,Title)', $filter: "fields/EMail eq 'O''Brien@council.gov.uk'" })}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.value.length, 1);
    assert.equal(res.body.value[0].id, String(id));
    assert.deepEqual(res.body.value[0].fields, { '@odata.etag': res.body.value[0].eTag, EMail: "o'brien@council.gov.uk", Title: "Pat O'Brien" });
    const write = await graph.post(uil, { fields: { Title: 'Someone' } });
    assert.equal(write.status, 403);
  });
});
