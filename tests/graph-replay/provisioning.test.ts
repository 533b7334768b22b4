import assert from 'node:assert/strict';
import { resolveSiteId } from '../../bot/cli/provision';
import { LIST_KEYS, LISTS } from '../../core/store/sharepoint/list-schema';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { DOCS_SITE, fixturesWithout } from './fixtures';
import { type ReplayServer, startReplay } from './replay-server';

/**
 * `npm run provision` (bot/cli/provision.ts, core/store/sharepoint/provisioning.ts) against the
 * docs' examples: the site by its URL (site-getbypath), an empty site (list-list: a document
 * library and another list), lists created (list-create answers without columns), columns read
 * back (list-list-columns: Title and Address only), columns added (list-post-columns answers
 * `indexed: false`) and PATCHed (columndefinition-update).
 */

const CREATED = '22e03ef3-6ef4-424d-a1d3-92a337807c30'; // list-create's id
const columnCount = LIST_KEYS.reduce((n, k) => n + LISTS[k].columns.length, 0);

describe('Graph replay: provisioning against the docs\' example responses', () => {
  let replay: ReplayServer;
  afterEach(() => replay.close());

  it('resolves the site URL to the id the docs\' site resource gives', async () => {
    replay = await startReplay();
    assert.equal(await resolveSiteId(replay.api(), 'https://contoso.sharepoint.com/teams/1drvteam'), DOCS_SITE);
    assert.ok(replay.answeredBy('site-getbypath').some((r) => r.path.startsWith('/sites/contoso.sharepoint.com:/teams/1drvteam')));
  });

  it('an empty site: every list created, its columns read back, what is missing added, indexes and uniqueness PATCHed', async () => {
    replay = await startReplay({ fixtures: fixturesWithout('list-list-provisioned', 'list-list-before-plans', 'list-list-columns-provisioned', 'list-list-columns-before-plans') });
    const api = replay.api();
    const plan = await planProvisioning(api, DOCS_SITE);
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.actions.map((a) => a.kind), LIST_KEYS.map(() => 'create-list'));
    const steps: string[] = [];
    const result = await applyProvisioning(api, plan, (done, total, a) => steps.push(`${done}/${total} ${a.kind}`));
    assert.deepEqual(result.problems, []);
    // list-create answers without columns: each list's columns are read back from the list it made.
    assert.equal(replay.answeredBy('list-list-columns').filter((r) => r.path.includes(`/lists/${CREATED}/columns`)).length, LIST_KEYS.length);
    // list-list-columns holds none of ours: every column is added, then fixed where the answer says it did not take.
    assert.equal(replay.answeredBy('list-post-columns').length, columnCount);
    const wantIndex = LIST_KEYS.reduce((n, k) => n + LISTS[k].columns.filter((c) => c.indexed || c.unique).length, 0);
    const wantUnique = LIST_KEYS.reduce((n, k) => n + LISTS[k].columns.filter((c) => c.unique).length, 0);
    const patches = replay.answeredBy('columndefinition-update').map((r) => JSON.stringify(r.body));
    assert.equal(patches.filter((b) => b === '{"indexed":true}').length, wantIndex);
    assert.equal(patches.filter((b) => b === '{"enforceUniqueValues":true}').length, wantUnique);
    assert.equal(steps.length, result.done.length, 'one progress line per action, follow-ups included');
    assert.match(steps.at(-1)!, new RegExp(`^${result.done.length}/${result.done.length} `));
    assert.deepEqual(replay.unmatched, []);
  });

  it('a site from before plans: Ref made to repeat (columndefinition-update, enforceUniqueValues false), PlanId and PlanRef added', async () => {
    replay = await startReplay({ fixtures: fixturesWithout('list-list', 'list-list-provisioned', 'list-list-columns', 'list-list-columns-provisioned') });
    const api = replay.api();
    const plan = await planProvisioning(api, DOCS_SITE);
    assert.deepEqual(plan.problems, []);
    const planned = plan.actions.map((a) => `${a.kind} ${a.list}${'column' in a ? `.${a.column}` : ''}`).sort();
    const scoped = ['approvals', 'changes', 'comments', 'objectives', 'rounds', 'tasks', 'updates'];
    const tasksAdded = ['EflgJson', 'CarriedFromJson', 'CarriedToJson'].map((c) => `add-column tasks.${c}`);
    assert.deepEqual(planned, [...scoped.map((l) => `add-column ${l}.PlanId`), 'add-column objectives.PlanRef', 'add-column tasks.PlanRef', ...tasksAdded, 'allow-duplicates objectives.Ref', 'allow-duplicates tasks.Ref', 'create-list plans'].sort());
    const result = await applyProvisioning(api, plan);
    assert.deepEqual(result.problems, []);
    const patches = replay.answeredBy('columndefinition-update').map((r) => JSON.stringify(r.body));
    assert.equal(patches.filter((b) => b === '{"enforceUniqueValues":false}').length, 2, 'Ref of Plan Objectives and Plan Tasks');
    // A unique column is added without uniqueness, then made unique (the list may hold items): the docs' answer says neither took.
    assert.equal(patches.filter((b) => b === '{"enforceUniqueValues":true}').length, 3, 'PlanRef of Plan Objectives and Plan Tasks, PlanKey of the new Plans list');
    assert.ok(replay.answeredBy('list-post-columns').every((r) => (r.body as { enforceUniqueValues?: unknown }).enforceUniqueValues === undefined));
    assert.deepEqual(replay.unmatched, []);
  });

  it('a provisioned site whose lists hold only the docs\' columns: every column of ours is planned, nothing reported', async () => {
    replay = await startReplay({ fixtures: fixturesWithout('list-list', 'list-list-before-plans', 'list-list-columns-provisioned', 'list-list-columns-before-plans') });
    const plan = await planProvisioning(replay.api(), DOCS_SITE);
    assert.deepEqual(plan.problems, []);
    assert.equal(plan.actions.length, columnCount);
    assert.ok(plan.actions.every((a) => a.kind === 'add-column'));
    assert.deepEqual(replay.unmatched, []);
  });
});
