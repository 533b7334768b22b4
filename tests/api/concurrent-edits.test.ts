import assert from 'node:assert/strict';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { Person } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiResponse } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { taskInput } from '../support/builders';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';
import { callRoute, jsonBody } from './support/call-route';
import { NOW } from './support/seed-plan';
import { as, testAuthorize } from './support/test-callers';

const OFFICERS = 50;

interface Current {
  etag: string;
  description?: string;
}

/**
 * Fifty officers save an edit of one task at the same moment, each from the version they read.
 * Per version exactly one wins; each loser gets 412 with the task as it now is, folds their line
 * into it (as the edit panel lets them) and saves again, until every line is in: nothing is lost.
 */
for (const [name, open] of [
  ['SQLite', async () => SqlitePlanStore.open(':memory:')],
  ['SharePoint (Graph emulator)', async () => sharePointStoreForContract()],
] as [string, () => Promise<PlanStore>][]) {
  describe(`tab API: ${OFFICERS} concurrent edits of one task (${name})`, () => {
    let store: PlanStore;
    afterEach(() => store.close());

    it('one winner per version, every loser told with the current values, 0 edits lost', async () => {
      store = await open();
      await store.createObjective({ ref: '1', title: 'Understanding our communities' });
      const task = await store.createTask(taskInput({ description: 'Agreed actions:' }));
      const officers: Person[] = Array.from({ length: OFFICERS }, (_, i) => ({ aadObjectId: `oid-officer-${i}`, displayName: `Officer ${i}`, email: `officer${i}@example.gov.uk` }));
      const routes = tabRoutes({ store, clock: fixedClock(NOW), directory: demoDirectory(), authorize: testAuthorize(Object.fromEntries(officers.map((p) => [p.aadObjectId, { person: p, officer: true }]))) });
      const first = jsonBody<Current>(await callRoute(routes, 'GET', `/api/tasks/${task.id}`, { headers: as(officers[0]!.aadObjectId) }));

      const winsPerVersion = new Map<string, number>();
      let firstRound: ApiResponse[] = [];
      let conflicts = 0;
      const save = async (officer: Person, seen: Current, attempt: number): Promise<void> => {
        const line = `- ${officer.displayName}'s action`;
        const res = await callRoute(routes, 'PATCH', `/api/tasks/${task.id}`, { headers: as(officer.aadObjectId, { 'If-Match': seen.etag }), body: { description: `${seen.description}\n${line}` } });
        if (attempt === 0) firstRound.push(res);
        if (res.status === 200) {
          winsPerVersion.set(seen.etag, (winsPerVersion.get(seen.etag) ?? 0) + 1);
          return;
        }
        assert.equal(res.status, 412, JSON.stringify(jsonBody(res)));
        conflicts += 1;
        const { current } = jsonBody<{ current: Current }>(res);
        assert.ok(current.description?.startsWith('Agreed actions:'), 'the 412 carries the current values');
        await save(officer, current, attempt + 1);
      };
      await Promise.all(officers.map((o) => save(o, first, 0)));

      const won = firstRound.filter((r) => r.status === 200).length;
      const description = (await store.getTask(task.id))?.description ?? '';
      const lost = officers.filter((o) => !description.includes(`- ${o.displayName}'s action`)).length;
      console.log(`      ${name}: first round ${won} of ${OFFICERS} won, ${firstRound.length - won} got 412; ${conflicts} conflicts in all; ${lost} edits lost`);
      assert.equal(won, 1, 'exactly one of the first saves wins');
      assert.ok([...winsPerVersion.values()].every((n) => n === 1), 'never two winners from one version');
      assert.equal(winsPerVersion.size, OFFICERS);
      assert.equal(lost, 0);
      assert.equal(description.split('\n').length, OFFICERS + 1);
      assert.equal((await store.listChanges({ subject: 'task', subjectId: task.id })).length, OFFICERS, 'one history item per saved edit');
    });
  });
}
