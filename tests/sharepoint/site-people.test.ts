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

describe('isOlder (ETag versions)', () => {
  it('compares versions of the same item only', () => {
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},1"', '"{6a1b2c3d-0000-4000-8000-000000000001},2"'), true);
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},3"', '"{6A1B2C3D-0000-4000-8000-000000000001},2"'), false);
    assert.equal(isOlder('"{6A1B2C3D-0000-4000-8000-000000000001},1"', '"{7A1B2C3D-0000-4000-8000-000000000001},2"'), false);
    assert.equal(isOlder('1', '2'), false, 'not SharePoint ETags: no opinion');
  });
});
