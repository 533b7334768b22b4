import assert from 'node:assert/strict';
import { isOlder } from '../../core/store/sharepoint/list-mirror';
import { SitePeople } from '../../core/store/sharepoint/site-people';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator';
import { apiFor } from './helpers';

describe('SitePeople (person column lookups)', () => {
  let emulator: GraphEmulator;
  beforeEach(async () => {
    emulator = await startGraphEmulator();
  });
  afterEach(() => emulator.close());

  const lookups = () => emulator.requests.filter((r) => r.path.includes('User Information List') || r.path.includes('User%20Information%20List')).length;

  it('asks Graph once per person, and again for someone missing only after the recheck interval', async () => {
    let now = 1_000;
    const people = new SitePeople(apiFor(emulator), emulator.siteId, 60_000, () => now);
    const alexId = emulator.addSiteUser({ email: 'alex@example.gov.uk', displayName: 'Alex', aadObjectId: 'a' });
    assert.equal(await people.lookupId('Alex@Example.gov.uk'), alexId);
    assert.equal(await people.lookupId('alex@example.gov.uk'), alexId);
    assert.equal(lookups(), 1, 'a found person is cached, case-insensitively');

    assert.equal(await people.lookupId('bob@example.gov.uk'), undefined);
    assert.equal(await people.lookupId('bob@example.gov.uk'), undefined);
    assert.equal(lookups(), 2, 'a miss is remembered within the interval');

    const bobId = emulator.addSiteUser({ email: 'bob@example.gov.uk', displayName: 'Bob', aadObjectId: 'b' });
    now += 60_000;
    assert.equal(await people.lookupId('bob@example.gov.uk'), bobId);
    assert.equal(lookups(), 3);
    assert.deepEqual(await people.lookupIds([{ aadObjectId: 'b', displayName: 'Bob', email: 'bob@example.gov.uk' }, { aadObjectId: 'c', displayName: 'C', email: '' }]), [bobId]);
  });
});

describe('SitePeople past the list view threshold (EMail not indexed)', () => {
  let emulator: GraphEmulator;
  afterEach(() => emulator.close());

  for (const listViewThresholdError of ['500-generalException', '400-invalidRequest'] as const) {
    it(`reads the whole User Information List once the filter by e-mail is refused (${listViewThresholdError})`, async () => {
      // A threshold of 5 stands in for SharePoint's 5,000: the site has more people than that.
      emulator = await startGraphEmulator({ pageSize: 3, variants: { listViewThreshold: 5, listViewThresholdError, userListEmailIndexed: false } });
      const ids = Array.from({ length: 8 }, (_, i) => emulator.addSiteUser({ email: `person${i}@example.gov.uk`, displayName: `Person ${i}`, aadObjectId: `p${i}` }));
      const people = new SitePeople(apiFor(emulator), emulator.siteId);
      assert.equal(await people.lookupId('Person6@example.gov.uk'), ids[6]);
      assert.equal(await people.lookupId('person2@example.gov.uk'), ids[2]);
      assert.equal(await people.lookupId('nobody@example.gov.uk'), undefined);
      const filtered = emulator.requests.filter((r) => r.path.includes('$filter') && /User(%20| )Information/.test(r.path));
      assert.equal(filtered.length, 1, 'the refused filter is not tried again');
      assert.ok(filtered[0]!.status >= 400);
    });
  }
});

describe('isOlder (ETag versions)', () => {
  it('compares versions of the same item only', () => {
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},1"', '"{6a1b2c3d-0000-4000-8000-000000000001},2"'), true);
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},3"', '"{6A1B2C3D-0000-4000-8000-000000000001},2"'), false);
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},1"', '"{7A1B2C3D-0000-4000-8000-000000000001},2"'), false);
    assert.equal(isOlder('1', '2'), false, 'not SharePoint ETags: no opinion');
  });
});
