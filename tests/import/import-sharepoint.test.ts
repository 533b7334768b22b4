import assert from 'node:assert/strict';
import type { PlanStore } from '../../core/ports/plan-store';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';
import { register } from '../fixtures/import/plan-layouts';
import { fixtureBytes, runImport } from './import-support';

/** The same import on the production store (SharePoint lists, over the local Graph emulator). */
describe('importing into SharePoint lists (Graph emulator)', () => {
  let store: PlanStore;
  beforeEach(async () => {
    store = await sharePointStoreForContract();
  });
  afterEach(() => store.close());

  it('writes tasks, history and closed rounds, and a re-import changes nothing', async () => {
    const first = await runImport(store, fixtureBytes(register, 'xlsx'), 'riverside-register.xlsx');
    assert.deepEqual(first.summary.tasks, { create: 6, update: 0, unchanged: 0 });
    const r13 = await store.getTaskByRef('R1.3');
    assert.deepEqual(r13?.unassignedOwners, ['Head of Housing']);
    assert.equal(r13?.ownerText, 'Head of Housing');
    assert.equal(r13?.accountableOfficerText, 'Chris Taylor');
    assert.equal(r13?.leadService, 'Housing');
    const r11 = await store.getTaskByRef('R1.1');
    assert.deepEqual((await store.listUpdates(r11!.id)).map((u) => u.round), ['October 2024 Update', 'March 2025 Update']);
    assert.deepEqual((await store.listRounds()).map((r) => [r.name, r.state, r.snapshot?.length]), [['October 2024 Update', 'Closed', 3], ['March 2025 Update', 'Closed', 3]]);

    const versions = (await store.listTasks()).map((t) => t.version);
    const again = await runImport(store, fixtureBytes(register, 'xlsx'), 'riverside-register.xlsx');
    assert.deepEqual(again.summary.tasks, { create: 0, update: 0, unchanged: 6 });
    assert.deepEqual((await store.listTasks()).map((t) => t.version), versions);
  });
});
