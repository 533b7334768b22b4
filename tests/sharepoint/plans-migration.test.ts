import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DuplicateError } from '../../core/errors';
import type { PlanStore } from '../../core/ports/plan-store';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { LISTS } from '../../core/store/sharepoint/list-schema';
import { applyProvisioning, planProvisioning, type ProvisioningAction } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { dumpEmulatedSite, type EmulatorVariants, type GraphEmulator, loadEmulatedSite, type SiteDump, startGraphEmulator } from '../support/graph-emulator';
import { taskInput } from '../support/builders';
import { emulatorApi } from '../support/sharepoint-over-emulator';

/**
 * A site the previous release wrote (tests/fixtures/stores/release-0.1-demo.sharepoint.json.gz:
 * commit 4d7cc73's code provisioned an emulated site and seeded the demo plan, an open round, a
 * pending approval, a conversation and a reminder; the emulator's dump of it, and what that
 * release's store read from it) is upgraded by `npm run provision`, then opens as one plan with
 * everything kept, written by nothing but the plan itself; a second connect writes nothing. Run
 * where empty values never collide in a unique column (the documented-so-far default) and where
 * they do (variants.ts `uniqueBlankValues`).
 */

interface OldRelease {
  release: string;
  site: SiteDump;
  /** What the old store read: listObjectives, listTasks, listRecentUpdates, listRounds, … */
  reads: Record<'objectives' | 'tasks' | 'updates' | 'rounds' | 'approvals' | 'comments' | 'changes' | 'reminders' | 'conversations', Record<string, unknown>[]>;
}

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'stores', 'release-0.1-demo.sharepoint.json.gz');
const old = JSON.parse(zlib.gunzipSync(fs.readFileSync(FIXTURE)).toString('utf8')) as OldRelease;
const NOW = new Date('2026-12-07T10:00:00Z');

/** Item writes (creates, patches, deletes; batched ones one by one), not reads nor $batch envelopes. */
const writes = (emulator: GraphEmulator) => emulator.requests.filter((r) => r.method !== 'GET' && !(r.path === '/$batch' && !r.batched));

/** The old lists' items as the emulator holds them: id, version and values. */
function oldItems(dump: SiteDump, without: string[] = []): Record<string, unknown[]> {
  const oldLists = new Set(old.site.lists.map((l) => l.id));
  return Object.fromEntries(
    dump.lists.filter((l) => oldLists.has(l.id)).map((l) => [l.displayName, l.items.map((i) => ({ id: i.id, version: i.version, values: Object.fromEntries(Object.entries(i.values).filter(([k]) => !without.includes(k))) }))]),
  );
}

/** Everything a plan's store reads, as the old release's reads were taken. */
async function reads(store: PlanStore): Promise<OldRelease['reads']> {
  return JSON.parse(
    JSON.stringify({
      objectives: await store.listObjectives(),
      tasks: await store.listTasks(),
      updates: await store.listRecentUpdates(100_000),
      rounds: await store.listRounds(),
      approvals: await store.listApprovals(),
      comments: await store.listComments(),
      changes: await store.listChanges(),
      reminders: await store.listReminders(),
      conversations: await store.listConversations(),
    }),
  ) as OldRelease['reads'];
}

/**
 * The old reads, objectives, tasks and rounds now saying which plan they are in; objectives and
 * tasks one version on when provisioning had to fill in their PlanRef (`refsFilled`).
 */
function oldReadsIn(planId: string, refsFilled: boolean): OldRelease['reads'] {
  const nextVersion = (v: unknown) => String(v).replace(/,(\d+)"$/, (_, n: string) => `,${Number(n) + 1}"`);
  const withPlan = (records: Record<string, unknown>[], filled = false) => records.map((r) => ({ ...r, planId, ...(filled && { version: nextVersion(r.version) }) }));
  return { ...old.reads, objectives: withPlan(old.reads.objectives, refsFilled), tasks: withPlan(old.reads.tasks, refsFilled), rounds: withPlan(old.reads.rounds) };
}

const summary = (a: ProvisioningAction) => `${a.kind} ${LISTS[a.list].displayName}${'column' in a ? `.${a.column}` : ''}`;

const VARIANTS: [string, Partial<EmulatorVariants>][] = [
  ['empty values never collide in a unique column', {}],
  ['a unique column holds at most one empty value', { uniqueBlankValues: 'one' }],
];

for (const [label, variants] of VARIANTS) {
  const blanksCollide = variants.uniqueBlankValues === 'one';

  describe(`SharePoint: a site from before plans (release ${old.release}; ${label})`, () => {
    let emulator: GraphEmulator;
    let api: GraphApi;
    const stores: PlanStore[] = [];
    const connect = async () => {
      const store = await SharePointPlanStore.connect(emulatorApi(emulator), { siteId: emulator.siteId, now: NOW });
      stores.push(store);
      return store;
    };
    beforeEach(async () => {
      emulator = await startGraphEmulator({ variants });
      loadEmulatedSite(emulator, old.site);
      api = emulatorApi(emulator);
    });
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close();
      await emulator.close();
    });

    it('the store refuses it until provisioning ran, naming the Plans list', async () => {
      assert.ok(old.reads.tasks.length > 30, 'the fixture holds the demo plan');
      await assert.rejects(connect(), /has no list named "Plans"\. Run "npm run provision/);
      assert.deepEqual(writes(emulator), []);
    });

    it('provisioning adds the Plans list and the plan columns, lets Ref repeat, and keeps every item; a re-run plans nothing', async () => {
      const plan = await planProvisioning(api, emulator.siteId);
      assert.deepEqual(plan.problems, []);
      const planned = plan.actions.map(summary);
      for (const list of ['Plan Objectives', 'Plan Tasks']) {
        assert.ok(planned.includes(`allow-duplicates ${list}.Ref`), `${list}.Ref may repeat (one per plan)`);
        assert.ok(planned.includes(`add-column ${list}.PlanRef`), planned.join('\n'));
      }
      for (const list of ['objectives', 'tasks', 'updates', 'rounds', 'approvals', 'changes', 'comments'] as const) assert.ok(planned.includes(`add-column ${LISTS[list].displayName}.PlanId`), list);
      assert.ok(planned.includes('create-list Plans'));
      assert.ok(!planned.some((p) => /Reminder Log|Bot Conversations/.test(p)), 'the reminder log and conversations stay shared');
      const before = oldItems(dumpEmulatedSite(emulator));
      const result = await applyProvisioning(api, plan);
      assert.deepEqual(result.problems, []);
      const fills = result.done.filter((a) => a.kind === 'fill-plan-refs').map(summary);
      if (blanksCollide) {
        // PlanRef could not be unique while items had none: they were given their first plan's, then it was.
        assert.deepEqual(fills.sort(), ['fill-plan-refs Plan Objectives.PlanRef', 'fill-plan-refs Plan Tasks.PlanRef']);
        const tasks = dumpEmulatedSite(emulator).lists.find((l) => l.displayName === 'Plan Tasks')!;
        assert.ok(tasks.items.every((i) => i.values.PlanRef === `1:${String(i.values.Ref)}`), 'every task has its PlanRef in plan 1');
      } else {
        assert.deepEqual(fills, [], 'nothing filled in');
        assert.deepEqual(oldItems(dumpEmulatedSite(emulator)), before, 'no item written');
      }
      const again = await planProvisioning(api, emulator.siteId);
      assert.deepEqual([again.actions, again.problems], [[], []]);
    });

    describe('once provisioned', () => {
      beforeEach(async () => {
        const result = await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
        assert.deepEqual(result.problems, []);
        emulator.resetCounters();
      });

      it('opens as one Active plan holding every record as the old release read it, ids and versions kept', async () => {
        const before = oldItems(dumpEmulatedSite(emulator));
        const store = await connect();
        const plans = await store.plans.listPlans();
        assert.deepEqual(plans.map((p) => [p.id, p.state, p.kind, p.periodStart, p.periodEnd]), [['1', 'Active', 'EDI plan', '2026-04-01', '2030-03-31']]);
        assert.equal(store.planId, '1');
        const made = writes(emulator).map((r) => `${r.method} ${r.path.split('?')[0]}`);
        // The first plan is the only write (where provisioning had to make it, none at all).
        const plansList = dumpEmulatedSite(emulator).lists.find((l) => l.displayName === 'Plans')!;
        assert.deepEqual(made, blanksCollide ? [] : [`POST /sites/${emulator.siteId}/lists/${plansList.id}/items`]);
        assert.deepEqual(oldItems(dumpEmulatedSite(emulator)), before, 'no other item written');
        assert.deepEqual(await reads(store), oldReadsIn('1', blanksCollide));
      });

      it('the old open round is still the plan\'s one open round; a duplicate ref is still refused', async () => {
        const store = await connect();
        const open = await store.listRounds({ state: 'Open' });
        assert.deepEqual(open.map((r) => r.name), ['Board report January 2027']);
        await assert.rejects(store.createRound({ name: 'Second', opensAt: '2026-12-07T10:00:00Z', dueDate: '2027-01-10', scope: { kind: 'all-open' }, state: 'Open' }), DuplicateError);
        const [first, second] = await store.listTasks();
        await assert.rejects(store.createTask(taskInput({ ref: first!.ref })), DuplicateError, 'a ref an item from before plans holds');
        await assert.rejects(store.createTask(taskInput({ ref: first!.ref.toUpperCase() === first!.ref ? first!.ref.toLowerCase() : first!.ref.toUpperCase() })), DuplicateError, 'compared as SharePoint compares unique text');
        const change = { key: 'rename', subject: 'task' as const, subjectId: second!.id, subjectRef: second!.ref, action: 'edited' as const, changedBy: first!.owners[0]!, changedAt: NOW.toISOString(), changes: [] };
        await assert.rejects(store.editTask({ task: { id: second!.id, expectedVersion: second!.version, patch: { ref: first!.ref } }, change }), DuplicateError);
        const objective = (await store.listObjectives())[0]!;
        await assert.rejects(store.createObjective({ ref: objective.ref, title: 'Again' }), DuplicateError);
        // A legacy task renamed gets its PlanRef, and its old ref is free again.
        const renamed = await store.editTask({ task: { id: second!.id, expectedVersion: second!.version, patch: { ref: `${second!.ref}-renamed` } }, change });
        assert.equal(renamed.task.planId, '1');
        assert.equal((await store.createTask(taskInput({ ref: second!.ref }))).planId, '1');
      });

      it('connecting again (another instance, later) writes nothing and reads the same', async () => {
        const first = await reads(await connect());
        emulator.resetCounters();
        const later = await SharePointPlanStore.connect(emulatorApi(emulator), { siteId: emulator.siteId, now: new Date('2027-06-01T10:00:00Z') });
        stores.push(later);
        assert.deepEqual(writes(emulator), []);
        assert.deepEqual((await later.plans.listPlans()).length, 1);
        assert.deepEqual(await reads(later), first);
      });

      it('a second plan added afterwards reuses refs and has its own open round; the first plan is unchanged', async () => {
        const store = await connect();
        const before = await reads(store);
        const other = store.plans.forPlan((await store.plans.createPlan({ key: 'workforce-2026-30', name: 'Workforce plan', kind: 'Workforce plan', periodStart: '2026-04-01', periodEnd: '2030-03-31', state: 'Active' })).id);
        const legacy = before.tasks[0] as { id: string; ref: string };
        const objective = await other.createObjective({ ref: String(before.objectives[0]!.ref), title: 'A workforce that reflects the borough' });
        const task = await other.createTask(taskInput({ ref: legacy.ref, objectiveRef: objective.ref }));
        assert.equal(task.planId, other.planId);
        await assert.rejects(other.createTask(taskInput({ ref: legacy.ref })), DuplicateError, 'once per plan');
        const round = await other.createRound({ name: 'Workforce board', opensAt: '2026-12-07T10:00:00Z', dueDate: '2027-01-10', scope: { kind: 'all-open' }, state: 'Open' });
        assert.equal(round.planId, other.planId);
        assert.equal((await other.getTaskByRef(legacy.ref))?.id, task.id);
        assert.equal((await store.getTaskByRef(legacy.ref))?.id, legacy.id);
        assert.deepEqual(await reads(store), before, 'the first plan reads as it did');
        // And a fresh instance sees both plans apart.
        const fresh = await SharePointPlanStore.connect(emulatorApi(emulator), { siteId: emulator.siteId });
        stores.push(fresh);
        assert.equal(fresh.planId, store.planId, 'the default plan is still the first');
        assert.deepEqual((await fresh.plans.forPlan(other.planId).listTasks()).map((t) => t.id), [task.id]);
        assert.deepEqual(await reads(fresh), before);
      });

      it('two instances connecting at once make one first plan between them', async () => {
        const [a, b] = await Promise.all([connect(), connect()]);
        const plansList = dumpEmulatedSite(emulator).lists.find((l) => l.displayName === 'Plans')!;
        const creates = writes(emulator).filter((r) => r.method === 'POST' && r.path.includes(`/lists/${plansList.id}/items`));
        // Both found no plan and tried; PlanKey let one win (where provisioning made the plan, neither needed to).
        assert.deepEqual(creates.map((r) => r.status).sort(), blanksCollide ? [] : [201, 409]);
        assert.equal((await a.plans.listPlans()).length, 1);
        assert.equal(a.planId, b.planId);
        assert.deepEqual((await b.plans.listPlans()).map((p) => p.id), [a.planId]);
      });
    });
  });
}

describe('SharePoint: a site provisioned for plans but with Ref still unique', () => {
  let emulator: GraphEmulator | undefined;
  afterEach(async () => emulator?.close());

  it('the store refuses to start, naming the column, until provisioning lets it repeat', async () => {
    emulator = await startGraphEmulator();
    loadEmulatedSite(emulator, old.site);
    const api = emulatorApi(emulator);
    const plan = await planProvisioning(api, emulator.siteId);
    await applyProvisioning(api, { ...plan, actions: plan.actions.filter((a) => !(a.kind === 'allow-duplicates' && a.list === 'tasks')) });
    await assert.rejects(SharePointPlanStore.connect(api, { siteId: emulator.siteId }), /still enforcing unique values that this release repeats across plans \("Plan Tasks": Ref\)\. Run "npm run provision/);
    await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
    const store = await SharePointPlanStore.connect(api, { siteId: emulator.siteId });
    assert.equal((await store.listTasks()).length, old.reads.tasks.length);
    await store.close();
  });
});

describe('the emulator hooks these tests rest on', () => {
  let emulator: GraphEmulator | undefined;
  afterEach(async () => emulator?.close());

  it('a loaded dump dumps back the same: the old site is what the old release wrote', async () => {
    emulator = await startGraphEmulator();
    loadEmulatedSite(emulator, old.site);
    assert.deepEqual(dumpEmulatedSite(emulator), old.site);
  });

  it("uniqueBlankValues 'one': a second item leaving a unique column empty is a duplicate, and uniqueness is refused while two have none", async () => {
    emulator = await startGraphEmulator({ variants: { uniqueBlankValues: 'one' } });
    const api = emulatorApi(emulator);
    const site = `/sites/${emulator.siteId}`;
    const list = await api.post<{ id: string }>(`${site}/lists`, { displayName: 'Scratch', columns: [{ name: 'Code', text: {}, enforceUniqueValues: true }, { name: 'Other', text: {} }] });
    await api.post(`${site}/lists/${list.id}/items`, { fields: { Title: 'a' } });
    await assert.rejects(api.post(`${site}/lists/${list.id}/items`, { fields: { Title: 'b' } }), /duplicate values were found/);
    await api.post(`${site}/lists/${list.id}/items`, { fields: { Title: 'c', Code: 'x' } });
    const { value } = await api.get<{ value: { id: string; name: string }[] }>(`${site}/lists/${list.id}/columns`);
    await assert.rejects(api.patch(`${site}/lists/${list.id}/columns/${value.find((c) => c.name === 'Other')!.id}`, { enforceUniqueValues: true }), /contains duplicate values/);
  });
});
