import assert from 'node:assert/strict';
import { parseMapping } from '../../core/import/columns/mapping-file';
import type { ImportReport } from '../../core/import/import-report';
import type { PlanStore } from '../../core/ports/plan-store';
import { importPlan } from '../../core/use-cases/import-plan';
import type { ApiRequest, ApiResponse, ApiRoute, Authorize, Caller } from '../../tab/api/api-route';
import { importRoutes } from '../../tab/api/import-routes';
import { ImportUploads } from '../../tab/api/import-uploads';
import { mappingFileText, withColumnChoice, withRowMark, type MappingFile } from '../../tab/app/import-mapping';
import { clock, directory, openStore, person } from './import-support';

/** A plan whose owner and deadline columns have headers the import does not know. */
const UNKNOWN_HEADERS_CSV = [
  'Objective,Ref,Task,Champion,Finish by,RAG',
  '1. Know our communities,1.1,Publish a community profile,Alex Morgan,31/03/2027,Green',
  ',1.2,Train every manager in inclusive recruitment,Sam Okafor,By March 2027,Amber',
  ',1.3,Review this plan every year,Priya Shah,Ongoing,Green',
  '',
].join('\r\n');

const priya: Caller = { aadObjectId: 'aad-priya', tenantId: 't', displayName: 'Priya Shah', email: 'priya@example.gov.uk', roles: ['officer'] };
const jordan: Caller = { ...priya, aadObjectId: 'aad-jordan', displayName: 'Jordan Lee', email: 'jordan@example.gov.uk' };

/** The caller is whoever the request's (test-only) header names: identity from authentication, never from the body. */
const authorize: Authorize = async (request) => ({ ok: true, caller: request.headers['x-test-caller'] === 'jordan' ? jordan : priya });

type Body = Record<string, unknown>;

describe('tab import preview API: upload once, preview with a mapping, confirm', () => {
  let store: PlanStore;
  let routes: ApiRoute[];
  let uploads: ImportUploads;
  beforeEach(() => {
    store = openStore();
    uploads = new ImportUploads();
    routes = importRoutes({ store, clock, directory, authorize, importUploads: uploads });
  });
  afterEach(() => store.close());

  async function call(path: string, body: unknown, options: { as?: 'jordan'; query?: Record<string, string> } = {}): Promise<{ status: number; body: Body }> {
    const [, id, step] = /^\/api\/import\/uploads(?:\/([^/]+)\/(\w+))?$/.exec(path) ?? [];
    const route = routes.find((r) => r.method === 'POST' && r.path === (step ? `/api/import/uploads/:id/${step}` : path));
    assert.ok(route, `POST ${path} exists`);
    const request: ApiRequest = { params: id ? { id } : {}, query: options.query ?? {}, headers: { 'x-test-caller': options.as }, body };
    const res: ApiResponse = await route.handle(request);
    return { status: res.status, body: (res as { body: Body }).body };
  }

  const upload = async (csv = UNKNOWN_HEADERS_CSV, as?: 'jordan') => call('/api/import/uploads', Buffer.from(csv), { query: { fileName: 'plan.csv' }, ...(as && { as }) });
  const report = (r: { body: Body }) => r.body as unknown as ImportReport;
  const corrected: MappingFile = { columns: { Champion: 'owner', 'Finish by': 'deadline' } };

  it('answers the upload with a dry run and an upload id; a preview applies the mapping; nothing is written until confirm', async () => {
    const first = await upload();
    assert.equal(first.status, 200);
    const uploadId = first.body.uploadId as string;
    const dry = first.body.report as ImportReport;
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.tables[0]?.ignoredColumns, ['Champion', 'Finish by']);
    assert.ok(dry.tasks.every((t) => t.owners.length === 0 && !t.dueDate));

    const preview = await call(`/api/import/uploads/${uploadId}/preview`, { mapping: corrected });
    assert.equal(preview.status, 200);
    assert.deepEqual(report(preview).tasks.map((t) => [t.ref, t.owners.map((o) => o.displayName), t.dueDate ?? null, t.dueText]), [
      ['1.1', [person('alex')], '2027-03-31', '31/03/2027'],
      ['1.2', [person('sam')], '2027-03-31', 'By March 2027'],
      ['1.3', [person('priya')], null, 'Ongoing'],
    ]);
    assert.equal(report(preview).dryRun, true);
    assert.deepEqual(await store.listTasks(), [], 'previews write nothing');

    const done = await call(`/api/import/uploads/${uploadId}/confirm`, { mapping: corrected });
    assert.equal(done.status, 200);
    assert.equal(report(done).dryRun, false);
    const stored = await store.getTaskByRef('1.2');
    assert.deepEqual(stored?.owners.map((o) => o.displayName), [person('sam')]);
    assert.equal(stored?.dueDate, '2027-03-31');
    assert.equal((await call(`/api/import/uploads/${uploadId}/preview`, {})).status, 404, 'the upload is dropped after its import');
  });

  it("answers 404 for another officer's upload, whatever id they send", async () => {
    const { body } = await upload();
    const id = body.uploadId as string;
    for (const step of ['preview', 'confirm', 'cancel'] as const) {
      const res = await call(`/api/import/uploads/${id}/${step}`, { mapping: corrected }, { as: 'jordan' });
      assert.equal(res.status, step === 'cancel' ? 200 : 404, step);
      if (step === 'cancel') assert.equal(res.body.dropped, false);
      else assert.match(res.body.message as string, /no longer here/);
    }
    assert.equal((await call(`/api/import/uploads/${id}/preview`, {})).status, 200, "still there for its own officer");
    assert.deepEqual(await store.listTasks(), []);
    assert.equal((await call('/api/import/uploads/no-such-id/preview', {})).status, 404);
  });

  it('refuses a bad mapping with the mapping parser’s own message (400), and keeps the upload', async () => {
    const id = (await upload()).body.uploadId as string;
    const bad = await call(`/api/import/uploads/${id}/preview`, { mapping: { columns: { Champion: 'boss' } } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message as string, /^The mapping is not a valid mapping \(columns\.Champion: .*\)\. Fields are: objective, /);
    assert.equal(bad.body.problem, 'bad-mapping');
    assert.equal((await call(`/api/import/uploads/${id}/preview`, { mapping: 'owner' })).status, 400);
    assert.equal((await call(`/api/import/uploads/${id}/preview`, { mapping: { rows: { x: 'maybe' } } })).status, 400);
    assert.equal((await call(`/api/import/uploads/${id}/confirm`, { mapping: { extra: true } })).status, 400);
    assert.deepEqual(await store.listTasks(), []);
    assert.equal((await call(`/api/import/uploads/${id}/preview`, { mapping: corrected })).status, 200);
  });

  it('keeps a file whose columns are not recognised (422 with its id), so a mapping can name them', async () => {
    const csv = ['What we will deliver,Who,When', 'Publish a community profile,Alex Morgan,March 2027', ''].join('\r\n').replace('What we will deliver', 'Our promise');
    const first = await upload(csv);
    assert.equal(first.status, 422);
    assert.match(first.body.message as string, /^Nothing was imported\. plan\.csv has no table with columns we recognise/);
    const id = first.body.uploadId as string;
    assert.ok(id);
    const named = await call(`/api/import/uploads/${id}/preview`, { mapping: { columns: { 'Our promise': 'title' } } });
    assert.equal(named.status, 200);
    assert.deepEqual(report(named).tasks.map((t) => t.title), ['Publish a community profile']);
    const unnamed = await call(`/api/import/uploads/${id}/preview`, { mapping: { columns: { 'Our promise': 'ignore' } } });
    assert.equal(unnamed.status, 422, 'still nothing to import: said so, upload kept');
  });

  it('refuses files that no mapping can cure as /api/import does, keeping nothing', async () => {
    const res = await call('/api/import/uploads', Buffer.from('just some words'), { query: { fileName: 'plan.xlsx' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.uploadId, undefined);
    assert.equal(uploads.size.uploads, 0);
    assert.equal((await call('/api/import/uploads', Buffer.from('x'), {})).status, 400, 'no file name');
    assert.equal((await call('/api/import/uploads', { some: 'json' }, { query: { fileName: 'p.csv' } })).status, 415);
  });

  it('a confirm that cannot import keeps the upload; cancel drops it', async () => {
    const id = (await upload()).body.uploadId as string;
    const refused = await call(`/api/import/uploads/${id}/confirm`, { mapping: { columns: { Task: 'ignore' } } });
    assert.equal(refused.status, 422);
    assert.deepEqual(await store.listTasks(), []);
    assert.deepEqual(await call(`/api/import/uploads/${id}/cancel`, {}), { status: 200, body: { dropped: true } });
    assert.equal((await call(`/api/import/uploads/${id}/confirm`, { mapping: corrected })).status, 404);
    assert.deepEqual(await store.listTasks(), []);
  });

  it('a mapping file saved from the preview gives the CLI the same dry run (parseMapping + importPlan)', async () => {
    const id = (await upload()).body.uploadId as string;
    let mapping: MappingFile = {};
    mapping = withColumnChoice(mapping, 'Champion', { field: 'owner' }, { field: 'ignore' });
    mapping = withColumnChoice(mapping, 'Finish by', { field: 'deadline' }, { field: 'ignore' });
    mapping = withRowMark(mapping, 'plan.csv, row 4', 'not-a-task');
    const saved = mappingFileText(mapping);
    assert.deepEqual(JSON.parse(saved), { columns: { Champion: 'owner', 'Finish by': 'deadline' }, rows: { 'plan.csv, row 4': 'not-a-task' } });

    const preview = report(await call(`/api/import/uploads/${id}/preview`, { mapping }));
    const cli = await importPlan({ store, clock, directory }, { bytes: Buffer.from(UNKNOWN_HEADERS_CSV), fileName: 'plan.csv', dryRun: true, mapping: parseMapping(saved) });
    assert.deepEqual({ ...cli, at: undefined }, { ...preview, at: undefined });
    assert.deepEqual(preview.tasks.map((t) => t.ref), ['1.1', '1.2'], 'the row marked "not a task" is left out');
  });
});

describe('the preview’s upload store: per officer, bounded, forgotten after 30 minutes', () => {
  const limits = { ttlMs: 30 * 60_000, perOfficer: 2, total: 3, totalBytes: 100 };
  let now = 0;
  const store = () => new ImportUploads(limits, () => now);
  const bytes = (n: number) => new Uint8Array(n);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('gives an upload only to its own officer', () => {
    const uploads = store();
    const a = uploads.add('priya', 'a.csv', bytes(1));
    assert.equal(uploads.get('priya', a.id)?.fileName, 'a.csv');
    assert.equal(uploads.get('jordan', a.id), undefined);
    assert.equal(uploads.drop('jordan', a.id), false);
    assert.equal(uploads.drop('priya', a.id), true);
    assert.equal(uploads.get('priya', a.id), undefined);
  });

  it('drops an upload 30 minutes after its last use, not before', () => {
    const uploads = store();
    const a = uploads.add('priya', 'a.csv', bytes(1));
    now += 29 * 60_000;
    assert.ok(uploads.get('priya', a.id), 'used at 29 minutes: kept, and its clock starts again');
    now += 29 * 60_000;
    assert.ok(uploads.get('priya', a.id));
    now += 30 * 60_000 + 1;
    assert.equal(uploads.get('priya', a.id), undefined);
    assert.deepEqual(uploads.size, { uploads: 0, bytes: 0 });
  });

  it('keeps at most N per officer, N in all and so many bytes, dropping the oldest', () => {
    const uploads = store();
    const p1 = uploads.add('priya', '1.csv', bytes(10));
    now += 1;
    const p2 = uploads.add('priya', '2.csv', bytes(10));
    now += 1;
    const p3 = uploads.add('priya', '3.csv', bytes(10));
    assert.equal(uploads.get('priya', p1.id), undefined, "priya's oldest went for her third");
    assert.ok(uploads.get('priya', p2.id) && uploads.get('priya', p3.id));
    now += 1;
    const j1 = uploads.add('jordan', 'j1.csv', bytes(10));
    now += 1;
    uploads.add('sam', 's1.csv', bytes(10));
    assert.equal(uploads.size.uploads, 3, 'three in all');
    assert.equal(uploads.get('priya', p2.id), undefined, 'the oldest of all went');
    now += 1;
    uploads.add('alex', 'big.csv', bytes(90));
    assert.ok(uploads.size.bytes <= 100, `bytes bounded: ${uploads.size.bytes}`);
    assert.equal(uploads.get('jordan', j1.id), undefined);
  });
});
