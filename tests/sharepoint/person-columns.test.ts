import assert from 'node:assert/strict';
import { LISTS } from '../../core/store/sharepoint/list-schema';
import { lookupIdOf, SitePeople } from '../../core/store/sharepoint/site-people';
import { alice, bob, carol, taskInput, updateInput } from '../support/builders';
import { type EmulatorVariants, startGraphEmulator } from '../support/graph-emulator';
import { type EmulatedSharePoint, openEmulatedSharePoint } from '../support/sharepoint-over-emulator';
import { apiFor, listIdOf } from './helpers';

/**
 * Meets a real tenant, item 5: person columns are written as `<Column>LookupId` integers, a
 * multi-person column annotated `Collection(Edm.Int32)`; lookup ids are read in either form Graph
 * may give them (an integer, its digits, or a lookup object).
 */

/** A person column's lookup ids from raw fields, whichever form they came in. */
function lookupIdsIn(fields: Record<string, unknown>, column: string): number[] {
  const raw = fields[`${column}LookupId`] ?? fields[column];
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return values.map(lookupIdOf).filter((id): id is number => id !== undefined);
}

describe('lookupIdOf (core/store/sharepoint/site-people.ts)', () => {
  it('reads a lookup id as an integer, its digits, or a lookup object', () => {
    assert.equal(lookupIdOf(13), 13);
    assert.equal(lookupIdOf('13'), 13);
    assert.equal(lookupIdOf({ LookupId: 13, LookupValue: 'Brad Cleaver', Email: 'brad@example.gov.uk' }), 13);
    assert.equal(lookupIdOf({ LookupId: '13', LookupValue: 'Brad Cleaver' }), 13);
    for (const junk of [undefined, null, '', 'x13', 0, -1, 1.5, {}, { LookupValue: 'x' }]) assert.equal(lookupIdOf(junk), undefined, JSON.stringify(junk));
  });
});

describe('SharePoint adapter: person columns', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  async function open(variants: Partial<EmulatorVariants>): Promise<EmulatedSharePoint> {
    const site = await openEmulatedSharePoint({ variants });
    cleanup.push(() => site.emulator.close(), () => site.store.close());
    return site;
  }

  it('writes lookup ids as integers and a multi-person column as Collection(Edm.Int32)', async () => {
    const emulator = await startGraphEmulator();
    cleanup.push(() => emulator.close());
    const people = new SitePeople(apiFor(emulator), emulator.siteId);
    const aliceId = emulator.addSiteUser({ email: alice.email, displayName: alice.displayName, aadObjectId: alice.aadObjectId });
    const bobId = emulator.addSiteUser({ email: bob.email, displayName: bob.displayName, aadObjectId: bob.aadObjectId });
    const fields = await people.lookupFields(LISTS.tasks.columns, { owners: [alice, carol, bob], accountableOfficer: bob }, false);
    assert.deepEqual(fields, { 'OwnerLookupId@odata.type': 'Collection(Edm.Int32)', OwnerLookupId: [aliceId, bobId], AccountableOfficerLookupId: bobId });
    assert.deepEqual(await people.lookupFields(LISTS.tasks.columns, { accountableOfficer: carol }, true), { AccountableOfficerLookupId: null }, 'a patch clears a person not in the site');
  });

  it('is taken by a service that accepts only Int32 lookup ids, and reads back whichever form Graph returns', async () => {
    for (const variants of [{ lookupWrites: 'int32' }, { lookupWrites: 'int32', lookupIds: 'integer', personReadForm: 'object' }, { personReadForm: 'both' }] as const) {
      const { emulator, api, store } = await open(variants);
      const aliceId = emulator.addSiteUser({ email: alice.email, displayName: alice.displayName, aadObjectId: alice.aadObjectId });
      const bobId = emulator.addSiteUser({ email: bob.email, displayName: bob.displayName, aadObjectId: bob.aadObjectId });
      const task = await store.createTask(taskInput({ ref: '3.1', owners: [alice, carol], accountableOfficer: bob }));
      const updated = await store.updateTask(task.id, task.version, { owners: [bob, alice] });
      await store.recordUpdate({ update: updateInput(task.id, { submittedBy: alice }), task: { id: task.id, expectedVersion: updated.version, patch: { latestUpdateBy: alice } } });
      const tasks = await listIdOf(api, emulator.siteId, 'Plan Tasks');
      const raw = await api.get<{ fields: Record<string, unknown> }>(`/sites/${emulator.siteId}/lists/${tasks}/items/${task.id}?expand=fields`);
      assert.deepEqual(lookupIdsIn(raw.fields, 'Owner').sort(), [aliceId, bobId].sort(), JSON.stringify(variants));
      assert.deepEqual(lookupIdsIn(raw.fields, 'AccountableOfficer'), [bobId]);
      assert.deepEqual((await store.getTask(task.id))!.owners, [bob, alice], 'the people as the domain knows them, from OwnersJson');
    }
  });
});
