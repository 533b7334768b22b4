import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { EflgAssessment } from '../../core/eflg/self-assessment';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiResponse, ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { callRoute, jsonBody } from './support/call-route';
import { NOW, seedPlan, type SeededPlan } from './support/seed-plan';
import { as, testAuthorize } from './support/test-callers';

const officer = { aadObjectId: 'oid-olu', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };
const priya = toPerson(demoUsers.priya);

type Detail = { etag: string; eflg?: unknown; changes: { changes: { field: string; label: string; from?: string; to?: string }[] }[] };

describe('tab API: the Equality Framework view, its evidence pack and tagging tasks', () => {
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let seeded: SeededPlan;

  const get = (url: string, caller = 'officer') => callRoute(routes, 'GET', url, { headers: as(caller) });
  const etagOf = async (id: string) => jsonBody<Detail>(await get(`/api/tasks/${id}`)).etag;
  const patch = async (id: string, body: unknown) => callRoute(routes, 'PATCH', `/api/tasks/${id}`, { headers: as('officer', { 'If-Match': await etagOf(id) }), body });
  const assessment = async (caller = 'viewer') => jsonBody<EflgAssessment>(await get('/api/eflg', caller));
  const criterion = (a: EflgAssessment, id: string) => a.modules.flatMap((m) => m.criteria).find((c) => c.id === id)!;

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    seeded = await seedPlan(store);
    routes = tabRoutes({
      store,
      clock: fixedClock(NOW),
      directory: demoDirectory(),
      plan: { council: 'Northvale District Council', title: 'EDI action plan 2025–28' },
      authorize: testAuthorize({ officer: { person: officer, officer: true }, viewer: { person: priya } }),
    });
  });
  afterEach(() => store.close());

  it('GET /api/eflg gives every module and criterion, with nothing tagged yet, to any signed-in viewer', async () => {
    const res = await get('/api/eflg', 'viewer');
    assert.equal(res.status, 200);
    const a = jsonBody<EflgAssessment>(res);
    assert.equal(a.asOf, '2026-11-22');
    assert.deepEqual(a.modules.map((m) => [m.number, m.criteria.length]), [[1, 5], [2, 4], [3, 3], [4, 5]]);
    assert.equal(a.taggedTasks, 0);
    assert.equal(a.untaggedOpenTasks, 2, 'two of the seeded tasks are open');
    assert.deepEqual(criterion(a, '1.1').next?.missing, ['No task is tagged at Developing or above yet: tag a task whose work would show it.']);
    assert.equal((await get('/api/eflg', 'nobody')).status, 401);
  });

  it('an officer tags a task through PATCH: the history says so in words and the view shows it, with its RAG and level', async () => {
    const id = seeded.tasks.done.id;
    const res = await patch(id, { eflg: [{ module: 4, criterion: '4.4', level: 'Achieving' }, { module: 2, level: 'Developing' }] });
    assert.equal(res.status, 200, JSON.stringify(jsonBody(res)));
    assert.deepEqual((await store.getTask(id))?.eflg, [{ module: 4, criterion: '4.4', level: 'Achieving' }, { module: 2, level: 'Developing' }]);
    const [change] = jsonBody<Detail>(res).changes;
    assert.deepEqual(change?.changes, [{ field: 'eflg', label: 'Equality Framework', to: '4.4 Learning, development and progression (Achieving); Module 2: Leadership, partnership and organisational commitment (Developing)' }]);

    const a = await assessment();
    assert.deepEqual(criterion(a, '4.4').tasks.map((t) => [t.ref, t.rag, t.status, t.level]), [['2.1', 'Complete', 'Complete', 'Achieving']]);
    assert.equal(criterion(a, '4.4').reached, undefined, 'Complete, but no evidence sent yet');
    assert.match(criterion(a, '4.4').next!.missing.join(' '), /No evidence sent yet for 2\.1/);
    assert.equal(a.modules[1]!.general?.tasks[0]?.ref, '2.1');
    assert.equal(a.taggedTasks, 1);

    // Cleared with an empty list: the task leaves the view and the history says what it was.
    const cleared = await patch(id, { eflg: [] });
    assert.equal(cleared.status, 200);
    assert.equal((await store.getTask(id))?.eflg, undefined);
    assert.equal(jsonBody<Detail>(cleared).changes[0]?.changes[0]?.from?.startsWith('4.4 Learning'), true);
    assert.equal((await assessment()).taggedTasks, 0);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['a module outside 1 to 4', [{ module: 5, level: 'Developing' }], /module is a number from 1 to 4/],
    ['a criterion of another module', [{ module: 1, criterion: '2.3', level: 'Achieving' }], /Criterion 2\.3 belongs to module 2, not module 1\./],
    ['a criterion the framework does not have', [{ module: 3, criterion: '3.7', level: 'Achieving' }], /no criterion 3\.7/],
    ['a level that is not one of the three', [{ module: 1, criterion: '1.1', level: 'Great' }], /level is one of Developing, Achieving, Excellent/],
    ['a missing level', [{ module: 1, criterion: '1.1' }], /level is one of/],
    ['the same criterion twice', [{ module: 1, criterion: '1.1', level: 'Achieving' }, { module: 1, criterion: '1.1', level: 'Excellent' }], /tagged twice/],
    ['a field a tag does not have', [{ module: 1, level: 'Achieving', score: 3 }], /fields it does not know: score/],
    ['not a list', 'Module 1', /list/],
  ];
  for (const [what, eflg, message] of BAD) {
    it(`PATCH with ${what} is 400 naming the Equality Framework field, and writes nothing`, async () => {
      const id = seeded.tasks.green.id;
      const before = await store.getTask(id);
      const changesBefore = (await store.listChanges({ subject: 'task', subjectId: id })).length;
      const res = await patch(id, { title: 'A new title that must not be saved', eflg });
      assert.equal(res.status, 400);
      const body = jsonBody<{ message: string; errors: Record<string, string> }>(res);
      assert.match(body.errors.eflg ?? '', message, JSON.stringify(body));
      const after = await store.getTask(id);
      assert.equal(after?.version, before?.version);
      assert.equal(after?.title, before?.title);
      assert.equal((await store.listChanges({ subject: 'task', subjectId: id })).length, changesBefore);
    });
  }

  it('GET /api/export/eflg-pack.docx: 403 for a viewer; for an officer a Word file with the council, the plan and heading styles', async () => {
    const viewer: ApiResponse = await get('/api/export/eflg-pack.docx', 'viewer');
    assert.equal(viewer.status, 403);
    assert.match(jsonBody<{ message: string }>(viewer).message, /Only EDI officers/);

    await patch(seeded.tasks.green.id, { eflg: [{ module: 1, criterion: '1.1', level: 'Developing' }] });
    const res = await get('/api/export/eflg-pack.docx');
    assert.equal(res.status, 200);
    assert.ok('file' in res);
    assert.equal(res.file.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(res.file.fileName, 'equality-framework-evidence-2026-11-22.docx');
    const xml = await (await JSZip.loadAsync(res.file.bytes)).file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pStyle w:val="Title"\/>.*EDI action plan 2025–28: Equality Framework self-assessment/);
    assert.match(xml, /Northvale District Council/);
    assert.match(xml, /Olu Officer/, 'prepared by the officer who asked');
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Module 1: Understanding and working with communities/);
    assert.match(xml, /<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*1\.1 Collecting and sharing information/);
    assert.match(xml, /Publish the equality data report/);
  });
});
