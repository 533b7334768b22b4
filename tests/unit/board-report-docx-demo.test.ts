import assert from 'node:assert/strict';
import { DEMO_TENANT_ID, demoUsers, toPerson } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { fixedClock } from '../../core/ports/clock';
import type { PlanView } from '../../core/plan-view';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiRoute } from '../../tab/api/api-route';
import { createTabAuthorize } from '../../tab/api/auth/tab-authorize';
import { tabRoutes } from '../../tab/api/tab-routes';
import { callRoute, jsonBody } from '../api/support/call-route';
import { decodePng, firstColumn, isHeading, parseDocx, records, section, tablesOf, type ParsedDocx } from './board-report-docx-support';

/**
 * Issue 16's acceptance on the demo plan as `npm start` seeds it (closed rounds, none open): the
 * board report downloads without opening a round, holds every task ref of /api/plan, names every
 * Red and Amber task with its risks under "Asked of the board", and has a chart with alt text,
 * Heading 1/2 styles and a page-number field in its footer.
 */
describe('Board report DOCX on the demo plan, through the tab API', () => {
  const NOW = new Date('2026-12-07T10:00:00Z');
  let store: SqlitePlanStore;
  let routes: ApiRoute[];
  let doc: ParsedDocx;
  let plan: PlanView;
  let fileName: string;

  before(async () => {
    store = SqlitePlanStore.open(':memory:');
    await seedDemoPlan({ store, clock: fixedClock(NOW) });
    const authorize = createTabAuthorize({ devUser: toPerson(demoUsers.priya), devTenantId: DEMO_TENANT_ID, tenantId: '', clientId: '', authority: 'https://login.microsoftonline.com', jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', officerIds: [demoUsers.priya.aadObjectId] });
    routes = tabRoutes({ store, clock: fixedClock(NOW), directory: demoDirectory(), authorize });
    assert.deepEqual(await store.listRounds({ state: 'Open' }), [], 'no round is open');
    const res = await callRoute(routes, 'GET', '/api/export/board-report.docx');
    assert.equal(res.status, 200);
    assert.ok('file' in res);
    fileName = res.file.fileName;
    doc = await parseDocx(res.file.bytes);
    plan = jsonBody<PlanView>(await callRoute(routes, 'GET', '/api/plan'));
  });
  after(() => store.close());

  const planTasks = () => plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));

  it('downloads without opening a round, named for the day, prepared by the signed-in officer', () => {
    assert.equal(fileName, 'board-report-2026-12-07.docx');
    const cover = Object.fromEntries(records(tablesOf(doc.blocks)[0]!).map((r) => [r.Item, r.Detail]));
    assert.equal(cover['Prepared by'], demoUsers.priya.displayName);
  });

  it('holds every task ref of /api/plan in the per-objective sections', () => {
    const refs = planTasks().map((t) => t.ref);
    assert.ok(refs.length > 20, `${refs.length} tasks`);
    const objectives = plan.objectives.flatMap((o) => section(doc.blocks, `Objective ${o.ref}: ${o.title}`));
    assert.deepEqual([...firstColumn(objectives)].sort(), [...refs].sort());
  });

  it('"Asked of the board" names every Red and Amber task with its risks', async () => {
    const redAmber = planTasks().filter((t) => (t.rag === 'Red' || t.rag === 'Amber') && t.status !== 'Complete' && t.status !== 'Withdrawn');
    assert.ok(redAmber.length > 0);
    const rows = tablesOf(section(doc.blocks, 'Asked of the board')).flatMap(records);
    assert.deepEqual(rows.map((r) => r.Ref).sort(), redAmber.map((t) => t.ref).sort());
    const stored = new Map((await store.listTasks()).map((t) => [t.ref, t]));
    for (const row of rows) assert.equal(row.Risks, stored.get(row.Ref!)!.risks?.trim() || 'None given', row.Ref);
    assert.ok(rows.some((r) => r.Risks !== 'None given'), 'the demo owners gave risks');
  });

  it('has chart images with alt text, Heading 1 and 2 styles, and PAGE / NUMPAGES fields in the footer', () => {
    const images = doc.blocks.flatMap((b) => (b.kind === 'p' ? b.images : []));
    assert.ok(images.length >= 2);
    for (const image of images) {
      assert.ok(image.descr, `${image.name} has alt text`);
      assert.ok(decodePng(doc.media.get(`word/${image.target}`)!).width > 0);
    }
    assert.ok(doc.blocks.some((b) => isHeading(b, 1)) && doc.blocks.some((b) => isHeading(b, 2)));
    assert.match(doc.footerXml, /PAGE/);
    assert.match(doc.footerXml, /NUMPAGES/);
  });
});
