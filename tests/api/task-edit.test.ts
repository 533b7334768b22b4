import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { PlanView } from '../../core/plan-view';
import { applyPlanFilter } from '../../core/plan/plan-filter';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiResponse, ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { alice, bob } from '../support/builders';
import { callRoute, jsonBody } from './support/call-route';
import { NOW, seedPlan, type SeededPlan } from './support/seed-plan';
import { as, testAuthorize } from './support/test-callers';

const sam = toPerson(demoUsers.sam);
const priya = toPerson(demoUsers.priya);
const officer = { aadObjectId: 'oid-olu', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };

type Detail = Record<string, unknown> & { etag: string; version?: string; title: string; changes: { action: string; changedBy: { displayName: string }; changes: { field: string; from?: string; to?: string }[]; reason?: string }[] };

const headerOf = (res: ApiResponse, name: string) => ('headers' in res ? res.headers?.[name] : undefined);
const errorsOf = (res: ApiResponse) => jsonBody<{ message: string; errors: Record<string, string> }>(res);

describe('tab API: officers edit tasks (If-Match, history, 412, 400, 403)', () => {
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let seeded: SeededPlan;

  const get = (id: string, caller = 'officer') => callRoute(routes, 'GET', `/api/tasks/${id}`, { headers: as(caller) });
  const patch = (id: string, etag: string | undefined, body: unknown, caller = 'officer') => callRoute(routes, 'PATCH', `/api/tasks/${id}`, { headers: as(caller, etag === undefined ? {} : { 'If-Match': etag }), body });
  const etagOf = async (id: string) => jsonBody<Detail>(await get(id)).etag;

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    seeded = await seedPlan(store);
    routes = tabRoutes({
      store,
      clock: fixedClock(NOW),
      directory: demoDirectory(),
      authorize: testAuthorize({ officer: { person: officer, officer: true }, sam: { person: sam, officer: true }, viewer: { person: priya }, alice: { person: alice } }),
    });
  });
  afterEach(() => store.close());

  it('GET sends the version as an ETag header, and the body says the same', async () => {
    const res = await get(seeded.tasks.green.id);
    assert.equal(res.status, 200);
    const etag = headerOf(res, 'ETag');
    assert.match(etag ?? '', /^"[A-Za-z0-9_-]+"$/);
    assert.equal(jsonBody<Detail>(res).etag, etag);
    assert.equal(jsonBody<Detail>(res).canEdit, true);
    assert.equal(jsonBody<Detail>(await get(seeded.tasks.green.id, 'viewer')).canEdit, false);
  });

  it('PATCH with the ETag changes the task, returns a new ETag and records who changed what from what to what', async () => {
    const id = seeded.tasks.green.id;
    const before = await etagOf(id);
    const res = await patch(id, before, { title: 'Publish the equality data report 2026', dueDate: '2027-01-29', owners: [alice.aadObjectId, sam.aadObjectId] });
    assert.equal(res.status, 200, JSON.stringify(jsonBody(res)));
    const after = headerOf(res, 'ETag');
    assert.ok(after && after !== before);
    const task = await store.getTask(id);
    assert.equal(task?.title, 'Publish the equality data report 2026');
    assert.equal(task?.dueDate, '2027-01-29');
    assert.deepEqual(task?.owners.map((o) => o.displayName), ['Alice Owner', 'Sam Okafor']);
    const [change] = jsonBody<Detail>(res).changes;
    assert.equal(change?.changedBy.displayName, 'Olu Officer');
    assert.deepEqual(
      change?.changes.map((c) => [c.field, c.from, c.to]),
      [
        ['title', 'Publish the equality data report', 'Publish the equality data report 2026'],
        ['owners', 'Alice Owner', 'Alice Owner; Sam Okafor'],
        ['dueDate', '1 Dec 2026', '29 Jan 2027'],
      ],
    );
  });

  it('the same PATCH with the old ETag gets 412 with the current values and who changed it, and changes nothing', async () => {
    const id = seeded.tasks.green.id;
    const old = await etagOf(id);
    assert.equal((await patch(id, old, { dueDate: '2027-02-26' }, 'sam')).status, 200);
    const stored = await store.getTask(id);
    const res = await patch(id, old, { dueDate: '2027-03-31' });
    assert.equal(res.status, 412);
    const body = jsonBody<{ message: string; current: Detail; changedBy: { displayName: string } }>(res);
    assert.match(body.message, /^Changed by Sam Okafor at 10:00 while you were editing/);
    assert.equal(body.changedBy.displayName, 'Sam Okafor');
    assert.equal(body.current.dueDate, '2027-02-26');
    assert.equal(headerOf(res, 'ETag'), body.current.etag);
    assert.deepEqual(await store.getTask(id), stored, 'nothing written');
    assert.equal((await store.listChanges({ subjectId: id })).length, 1);
  });

  it('a PATCH without If-Match is 428 and one with a tag not ours is 412', async () => {
    const id = seeded.tasks.green.id;
    assert.equal((await patch(id, undefined, { title: 'x' })).status, 428);
    assert.equal((await patch(id, 'W/"nonsense"', { title: 'x' })).status, 412);
    assert.equal((await store.getTask(id))?.title, 'Publish the equality data report');
  });

  it('a non-officer gets 403 and nothing is stored', async () => {
    const id = seeded.tasks.green.id;
    const etag = await etagOf(id);
    const res = await patch(id, etag, { title: 'Hijacked' }, 'alice');
    assert.equal(res.status, 403);
    assert.equal((await store.getTask(id))?.title, 'Publish the equality data report');
    assert.equal((await store.listChanges()).length, 0);
  });

  const BAD: [string, Record<string, unknown>, string, RegExp][] = [
    ['unknown owner', { owners: ['no-such-person'] }, 'owners', /directory/],
    ['empty title', { title: '   ' }, 'title', /cannot be empty/],
    ['due date not a date', { dueDate: '2026-02-30' }, 'dueDate', /real date/],
    ['due date in words', { dueDate: 'next March' }, 'dueDate', /real date/],
    ['ref taken', { ref: '1.1.2' }, 'ref', /already used/],
    ['oversize text', { description: 'x'.repeat(10_001) }, 'description', /at most 10,000/],
    ['unknown field', { version: '7' }, 'version', /not a task field/],
    ['a javascript: evidence link', { evidenceLinks: [{ url: 'javascript:alert(1)', title: 'x' }] }, 'evidenceLinks', /https/],
    ['an http evidence link', { evidenceLinks: [{ url: 'http://council.example/doc', title: 'Doc' }] }, 'evidenceLinks', /https/],
    ['RAG without a reason', { rag: 'Red' }, 'reason', /why/i],
    ['withdrawn without a reason', { status: 'Withdrawn' }, 'statusReason', /why/i],
    ['unknown objective', { objectiveRef: '9' }, 'objectiveRef', /no objective 9/],
    ['a measure with red above amber', { measure: { target: 50, amberBelow: 0.7, redBelow: 0.9 } }, 'measure', /Red below/],
    ['a body that is not an object', ['title'] as unknown as Record<string, unknown>, 'body', /JSON object/],
  ];
  for (const [name, body, field, message] of BAD) {
    it(`400 naming the field for ${name}, and nothing stored`, async () => {
      const id = seeded.tasks.green.id;
      const stored = await store.getTask(id);
      const res = await patch(id, await etagOf(id), body);
      assert.equal(res.status, 400);
      const { errors } = errorsOf(res);
      assert.match(errors[field] ?? '', message, JSON.stringify(errors));
      assert.deepEqual(await store.getTask(id), stored);
      assert.equal((await store.listChanges()).length, 0);
    });
  }

  it('an officer setting RAG with a reason applies it, records the reason and supersedes the owner’s pending proposal', async () => {
    const id = seeded.tasks.green.id;
    const res = await patch(id, await etagOf(id), { rag: 'Red', reason: 'Supplier has withdrawn' });
    assert.equal(res.status, 200);
    const task = await store.getTask(id);
    assert.equal(task?.rag, 'Red');
    assert.equal(task?.pendingApprovalId, undefined);
    assert.equal((await store.findApprovalByKey('approval-1'))?.state, 'Superseded');
    assert.equal(jsonBody<Detail>(res).changes[0]?.reason, 'Supplier has withdrawn');
  });

  it('a withdrawn task leaves the plan view but stays in exports that ask for it and in the history exports', async () => {
    const id = seeded.tasks.overdue.id;
    assert.equal((await patch(id, await etagOf(id), { status: 'Withdrawn', statusReason: 'Replaced by the new customer insight programme' })).status, 200);
    const plan = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', { headers: as('officer') }));
    // The tab's view of it: the filter every view and export shares (core/plan/plan-filter.ts).
    const refs = (filter: Parameters<typeof applyPlanFilter>[1]) => applyPlanFilter(plan, filter).objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks.map((t) => t.ref)));
    assert.deepEqual(refs({}), ['1.1.1', '2.1']);
    assert.deepEqual(refs({ status: ['Withdrawn'] }), ['1.1.2']);
    assert.equal(plan.summary.byStatus.Withdrawn, 1);
    const csv = async (url: string) => {
      const res = await callRoute(routes, 'GET', url, { headers: as('officer') });
      assert.ok('file' in res);
      return Buffer.from(res.file.bytes).toString('utf8');
    };
    assert.doesNotMatch(await csv('/api/export/plan.csv'), /1\.1\.2/);
    assert.match(await csv('/api/export/plan.csv?status=Withdrawn'), /1\.1\.2/);
    const history = await csv('/api/export/history.csv');
    assert.match(history, /1\.1\.2,withdrawn,Olu Officer,Status,Open,Withdrawn/);
    const xlsx = await callRoute(routes, 'GET', '/api/export/plan.xlsx', { headers: as('officer') });
    assert.ok('file' in xlsx);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.file.bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Change history');
    assert.ok(sheet);
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(2, 9), ['Task', '1.1.2', 'withdrawn', 'Olu Officer', 'Status', 'Open', 'Withdrawn']);
  });

  it('POST /api/tasks adds a task with a unique ref; a taken ref or a missing objective is 400', async () => {
    const body = { ref: '2.2', title: 'Review the staff networks’ terms of reference', objectiveRef: '2', owners: [sam.aadObjectId], dueDate: '2027-03-31' };
    const res = await callRoute(routes, 'POST', '/api/tasks', { headers: as('officer'), body });
    assert.equal(res.status, 201, JSON.stringify(jsonBody(res)));
    const created = jsonBody<Detail>(res);
    assert.equal(created.status, 'Open');
    assert.equal(created.changes[0]?.action, 'created');
    assert.equal(errorsOf(await callRoute(routes, 'POST', '/api/tasks', { headers: as('officer'), body })).errors.ref?.includes('already used'), true);
    const noObjective = await callRoute(routes, 'POST', '/api/tasks', { headers: as('officer'), body: { ...body, ref: '2.3', objectiveRef: undefined } });
    assert.equal(noObjective.status, 400);
    assert.match(errorsOf(noObjective).errors.objectiveRef ?? '', /objective/);
    assert.equal((await store.listTasks()).length, 4);
  });

  it('comments: officers and owners post, others are refused, empty ones are 400', async () => {
    const id = seeded.tasks.green.id;
    const post = (caller: string, text: unknown) => callRoute(routes, 'POST', `/api/tasks/${id}/comments`, { headers: as(caller), body: { text, author: 'Someone Else' } });
    assert.equal((await post('officer', 'Can you add the ward breakdown?')).status, 201);
    const answer = await post('alice', 'Yes, by Friday.');
    assert.equal(answer.status, 201);
    const { comments } = jsonBody<{ comments: { author: { displayName: string }; text: string }[] }>(answer);
    assert.deepEqual(comments.map((c) => [c.author.displayName, c.text]), [['Olu Officer', 'Can you add the ward breakdown?'], ['Alice Owner', 'Yes, by Friday.']]);
    assert.equal((await post('viewer', 'Hello')).status, 403);
    assert.equal((await post('officer', '  ')).status, 400);
    assert.equal((await store.listComments(id)).length, 2);
    assert.equal((jsonBody<{ comments: unknown[] }>(await get(id)).comments).length, 2);
  });

  it('objectives: add, refuse a taken ref, refuse retiring one with open tasks, retire it once they are withdrawn', async () => {
    const add = await callRoute(routes, 'POST', '/api/objectives', { headers: as('officer'), body: { ref: '3', title: 'Accessible services' } });
    assert.equal(add.status, 201);
    assert.equal((await callRoute(routes, 'POST', '/api/objectives', { headers: as('officer'), body: { ref: '3', title: 'Again' } })).status, 400);
    const one = jsonBody<{ objectives: { id: string; ref: string; etag: string }[] }>(await callRoute(routes, 'GET', '/api/objectives', { headers: as('viewer') })).objectives.find((o) => o.ref === '1')!;
    const retire = await callRoute(routes, 'PATCH', `/api/objectives/${one.id}`, { headers: as('officer', { 'If-Match': one.etag }), body: { retired: true } });
    assert.equal(retire.status, 400);
    assert.match(errorsOf(retire).errors.retired ?? '', /2 open tasks/);
    for (const t of [seeded.tasks.green, seeded.tasks.overdue]) assert.equal((await patch(t.id, await etagOf(t.id), { status: 'Withdrawn', statusReason: 'Objective merged into 3' })).status, 200);
    const retired = await callRoute(routes, 'PATCH', `/api/objectives/${one.id}`, { headers: as('officer', { 'If-Match': one.etag }), body: { retired: true } });
    assert.equal(retired.status, 200);
    assert.equal((await callRoute(routes, 'PATCH', `/api/objectives/${one.id}`, { headers: as('officer', { 'If-Match': one.etag }), body: { title: 'Stale' } })).status, 412);
    const plan = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', { headers: as('viewer') }));
    assert.deepEqual(applyPlanFilter(plan, {}).objectives.map((o) => o.ref), ['2']);
    assert.equal(plan.objectives.find((o) => o.ref === '1')?.retired, true);
    const moved = await patch(seeded.tasks.done.id, await etagOf(seeded.tasks.done.id), { objectiveRef: '1' });
    assert.match(errorsOf(moved).errors.objectiveRef ?? '', /retired/);
  });

  it('people are found in the directory by name for the pickers', async () => {
    const res = await callRoute(routes, 'GET', '/api/people?q=sam', { headers: as('officer') });
    assert.deepEqual(jsonBody<{ people: { displayName: string }[] }>(res).people.map((p) => p.displayName), ['Sam Okafor']);
    assert.equal((await callRoute(routes, 'GET', '/api/people?q=sam', { headers: as('alice') })).status, 403);
  });

  it('the owner filter and the lead service filter', async () => {
    const id = seeded.tasks.green.id;
    await patch(id, await etagOf(id), { leadService: 'Policy and Insight' });
    const plan = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan', { headers: as('viewer') }));
    assert.equal(plan.objectives[0]?.indicators[0]?.tasks.find((t) => t.id === id)?.leadService, 'Policy and Insight');
    const res = await callRoute(routes, 'GET', '/api/export/plan.csv?service=policy%20and%20insight', { headers: as('officer') });
    assert.ok('file' in res);
    const rows = Buffer.from(res.file.bytes).toString('utf8').trim().split('\r\n');
    assert.equal(rows.length, 2, rows.join('\n'));
    assert.match(rows[1]!, /1\.1\.1/);
    void bob;
  });
});
