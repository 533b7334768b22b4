import assert from 'node:assert/strict';
import type { ImportReport } from '../../core/import/import-report';
import type { PlanStore } from '../../core/ports/plan-store';
import type { AccessNeed, ApiRequest, ApiRoute, Authorize } from '../../tab/api/api-route';
import { isFileResponse } from '../../tab/api/api-route';
import { importRoutes } from '../../tab/api/import-routes';
import { register } from '../fixtures/import/plan-layouts';
import { clock, directory, fixtureBytes, openStore } from './import-support';

const officer = { aadObjectId: 'aad-officer', tenantId: 't', displayName: 'Priya Shah', email: 'priya@example.gov.uk', roles: ['officer'] as const };

/** Officers pass; anyone else is refused as the real tab auth would (403 for the officer routes). */
function fakeAuthorize(isOfficer: boolean): { authorize: Authorize; needs: AccessNeed[] } {
  const needs: AccessNeed[] = [];
  const authorize: Authorize = async (_request, need) => {
    needs.push(need);
    if (need === 'officer' && !isOfficer) return { ok: false, response: { status: 403, body: { message: 'Only EDI officers can do that.' } } };
    return { ok: true, caller: { ...officer, roles: isOfficer ? officer.roles : [] } };
  };
  return { authorize, needs };
}

const request = (query: Record<string, string>, body: unknown): ApiRequest => ({ params: {}, query, headers: { 'content-type': 'application/octet-stream' }, body });

function route(routes: ApiRoute[], method: ApiRoute['method'], path: string): ApiRoute {
  const found = routes.find((r) => r.method === method && r.path === path);
  assert.ok(found, `${method} ${path} exists`);
  return found;
}

describe('tab import routes', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = openStore();
  });
  afterEach(() => store.close());

  it('POST /api/import: officers only, a dry run by default, the same report as the CLI', async () => {
    const { authorize, needs } = fakeAuthorize(true);
    const upload = route(importRoutes({ store, clock, directory, authorize }), 'POST', '/api/import');
    assert.ok(upload.maxBodyBytes! >= 15 * 1024 * 1024);
    const dry = await upload.handle(request({ fileName: 'riverside-register.xlsx' }, fixtureBytes(register, 'xlsx')));
    assert.equal(dry.status, 200);
    const report = (dry as { body: ImportReport }).body;
    assert.equal(report.dryRun, true);
    assert.equal(report.summary.tasks.create, 6);
    assert.deepEqual(await store.listTasks(), []);
    assert.deepEqual(needs, ['officer']);

    const real = await upload.handle(request({ fileName: 'riverside-register.xlsx', dryRun: 'false' }, fixtureBytes(register, 'xlsx')));
    assert.equal((real as { body: ImportReport }).body.dryRun, false);
    assert.equal((await store.listTasks()).length, 6);
  });

  it('refuses people who are not EDI officers before reading the file', async () => {
    const { authorize } = fakeAuthorize(false);
    const upload = route(importRoutes({ store, clock, directory, authorize }), 'POST', '/api/import');
    const res = await upload.handle(request({ fileName: 'plan.xlsx', dryRun: 'false' }, fixtureBytes(register, 'xlsx')));
    assert.equal(res.status, 403);
    assert.deepEqual(await store.listTasks(), []);
  });

  it('answers a bad upload with a plain message and writes nothing', async () => {
    const { authorize } = fakeAuthorize(true);
    const upload = route(importRoutes({ store, clock, directory, authorize }), 'POST', '/api/import');
    const bad = await upload.handle(request({ fileName: 'plan.xlsx', dryRun: 'false' }, Buffer.from('just some words')));
    assert.equal(bad.status, 400);
    assert.deepEqual((bad as { body: unknown }).body, { message: 'Nothing was imported. plan.xlsx is named .xlsx but is plain text, not a workbook. Save it from Excel or Word as .xlsx, .docx or .csv and try again.', problem: 'unsupported' });
    assert.equal((await upload.handle(request({}, Buffer.from('x')))).status, 400, 'no file name');
    assert.equal((await upload.handle(request({ fileName: 'p.csv', dryRun: 'maybe' }, Buffer.from('x')))).status, 400, 'dryRun not true/false');
    assert.equal((await upload.handle(request({ fileName: 'p.csv' }, { some: 'json' }))).status, 415, 'not a file body');
    assert.deepEqual(await store.listTasks(), []);
  });

  it('GET /api/import/template.xlsx: the blank template for anyone signed in', async () => {
    const { authorize, needs } = fakeAuthorize(false);
    const template = route(importRoutes({ store, clock, directory, authorize }), 'GET', '/api/import/template.xlsx');
    const res = await template.handle(request({}, undefined));
    assert.equal(res.status, 200);
    assert.ok(isFileResponse(res));
    assert.equal(res.file.fileName, 'edi-action-plan-template.xlsx');
    assert.equal(res.file.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual([...res.file.bytes.subarray(0, 2)], [0x50, 0x4b]);
    assert.deepEqual(needs, ['viewer']);
  });
});
