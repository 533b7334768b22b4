import assert from 'node:assert/strict';
import { taskInput, updateInput } from '../support/builders';
import { type GraphEmulator, seedListItems } from '../support/graph-emulator';
import { emulatedSites, taskRow } from './helpers';

/**
 * Meets a real tenant, item 4: Graph answers that leave out what the adapter used to rely on. A
 * PATCH …/fields answer without @odata.etag (the listitem-update example), a create answer without
 * fields, delta links that drop the expand, and delta items without fields or with only the
 * columns that changed: the adapter reads what it is missing instead of failing or dropping items.
 */

/** Batched sub-requests grouped by the $batch envelope that carried them (the envelope is logged after them). */
function batches(emulator: GraphEmulator, from: number): { method: string; path: string }[][] {
  const groups: { method: string; path: string }[][] = [];
  let current: { method: string; path: string }[] = [];
  for (const r of emulator.requests.slice(from)) {
    if (r.batched) current.push(r);
    else if (r.path === '/$batch') {
      groups.push(current);
      current = [];
    }
  }
  return groups;
}

describe('SharePoint adapter: Graph answers without fields or versions', () => {
  const { open, another } = emulatedSites();

  it('an update whose PATCH answer has no @odata.etag (the docs example) succeeds, with the version read back', async () => {
    const { emulator, store } = await open();
    assert.equal(emulator.variants.patchEtag, 'none', 'the default follows listitem-update');
    const task = await store.createTask(taskInput({ ref: '1.1' }));
    const updated = await store.updateTask(task.id, task.version, { rag: 'Amber' });
    assert.equal(updated.rag, 'Amber');
    assert.match(updated.version, /,2"$/, 'the version after the write');
    assert.deepEqual(await store.getTask(task.id), updated);
    const { task: recorded } = await store.recordUpdate({ update: updateInput(task.id), task: { id: task.id, expectedVersion: updated.version, patch: { latestUpdate: 'Halfway' } } });
    assert.match(recorded.version, /,3"$/, 'recordUpdate reads the task back in its $batch');
    assert.equal(recorded.latestUpdate, 'Halfway');
    await store.updateTask(task.id, recorded.version, { risks: 'none' });
  });

  it('a create whose answer has no fields (the listitem-create example) reads the item back', async () => {
    const { store } = await open({ createAnswer: 'without-fields' });
    const task = await store.createTask(taskInput({ ref: '1.2', risks: 'Data gaps' }));
    assert.equal(task.ref, '1.2');
    assert.equal(task.risks, 'Data gaps');
    assert.deepEqual(await store.getTask(task.id), task);
  });

  it('reads every item when delta nextLinks and deltaLinks drop the expand, fetching at most 20 to a $batch', async () => {
    const { emulator, store: a } = await open({ deltaLinksKeepExpand: false }, 30, (e) => {
      seedListItems(e, 'Plan Tasks', Array.from({ length: 75 }, (_, i) => taskRow(`S${i + 1}`)));
    });
    const tasks = await a.listTasks();
    assert.equal(tasks.length, 75, 'pages after the first came without fields and were read by id');
    assert.deepEqual(tasks.map((t) => t.ref), Array.from({ length: 75 }, (_, i) => `S${i + 1}`));

    const b = await another(emulator);
    const seen = await b.listTasks();
    for (const t of seen.slice(0, 25)) await b.updateTask(t.id, t.version, { rag: 'Red' });
    const writes = emulator.requests.length;
    await a.refresh();
    assert.equal((await a.listTasks()).filter((t) => t.rag === 'Red').length, 25, 'the deltaLink page, without fields, was read too');
    const groups = batches(emulator, writes).filter((g) => g.some((r) => /\/items\/\d+\?/.test(r.path)));
    assert.ok(groups.length >= 2, `the 25 items took more than one $batch, got ${groups.length}`);
    assert.ok(groups.every((g) => g.length <= 20), `at most 20 per $batch: ${groups.map((g) => g.length).join(', ')}`);
  });

  for (const deltaItemFields of ['none', 'some', 'changed'] as const) {
    it(`keeps another instance's changes when delta items carry ${deltaItemFields === 'changed' ? 'only the changed columns' : `${deltaItemFields} of their fields`}`, async () => {
      const { emulator, store: a } = await open({ deltaItemFields });
      const b = await another(emulator);
      const made = [];
      for (let i = 1; i <= 4; i++) made.push(await a.createTask(taskInput({ ref: `2.${i}`, risks: 'old risk', latestUpdate: 'old update' })));
      // Both past the creates, so the next delta holds only B's changes.
      await Promise.all([a.refresh(), b.refresh()]);
      const changed = [];
      for (const t of made) changed.push(await b.updateTask(t.id, t.version, { rag: 'Amber', risks: undefined }));
      await a.refresh();
      for (const want of changed) assert.deepEqual(await a.getTask(want.id), want, `task ${want.ref} as B left it: Amber, risk cleared, the rest kept`);
    });
  }

  it('does not read back its own writes when a delta item without fields has the version it holds', async () => {
    const { emulator, store } = await open({ deltaItemFields: 'none' });
    const task = await store.createTask(taskInput({ ref: '3.1' }));
    await store.updateTask(task.id, task.version, { rag: 'Red' });
    const from = emulator.requests.length;
    await store.refresh();
    const reads = emulator.requests.slice(from).filter((r) => /\/items\/\d+\?/.test(r.path));
    assert.deepEqual(reads, [], 'the mirror already holds that version');
  });
});
