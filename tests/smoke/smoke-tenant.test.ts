import assert from 'node:assert/strict';
import { silentLogger } from '../../core/ports/logger';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { loadConfig } from '../../bot/config';
import { runSmoke } from '../../bot/smoke/run-smoke';
import type { ProbeRow } from '../../bot/smoke/probe';
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../support/graph-emulator';
import { emulatorApi } from '../support/sharepoint-over-emulator';

/** smoke:tenant's probes run against the Graph emulator: what they observe and whether they pass. */
describe('smoke:tenant against the Graph emulator', function () {
  this.timeout(60_000);
  let graph: GraphEmulator;

  async function smoke(options: GraphEmulatorOptions = {}, provisioning = false): Promise<{ rows: ProbeRow[]; printed: string[] }> {
    graph = await startGraphEmulator(options);
    const api = emulatorApi(graph);
    await applyProvisioning(api, await planProvisioning(api, graph.siteId));
    graph.addSiteUser({ email: 'sam.okafor@northvale.gov.uk', displayName: 'Sam Okafor', aadObjectId: '3f2b0c1e-0000-4000-8000-000000000001' });
    const config = loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: graph.siteId, GRAPH_AUTH: 'none', GRAPH_BASE_URL: graph.baseUrl, SCHEDULER_ENABLED: 'false' });
    const printed: string[] = [];
    const rows = await runSmoke(config, { provisioning, print: (l) => printed.push(l), log: silentLogger });
    return { rows, printed };
  }

  afterEach(async () => graph?.close());

  it('prints a table of assumption, observed and result, and every Graph assumption holds on the emulator', async () => {
    const { rows, printed } = await smoke();
    const table = printed.join('\n');
    assert.match(table, /Assumption\s+\| Observed\s+\| Result/);
    const byName = (s: RegExp) => rows.find((r) => s.test(r.assumption))!;
    assert.equal(byName(/unique key/).result, 'pass', byName(/unique key/).observed);
    assert.match(byName(/unique key/).observed, /^\d{3} \w+/);
    assert.equal(byName(/PATCH/).result, 'pass');
    assert.match(byName(/PATCH/).observed, /@odata\.etag in the answer: (yes|no)/);
    assert.equal(byName(/Delta/).result, 'pass', byName(/Delta/).observed);
    assert.match(byName(/Delta/).observed, /mirror read 2 of 2/);
    assert.equal(byName(/Person/).result, 'pass', byName(/Person/).observed);
    assert.equal(byName(/provisioning grant/).result, 'skipped');
    assert.equal(byName(/store/).result, 'pass', byName(/store/).observed);
  });

  // Each undocumented variant the emulator can play: the probes must still pass, and say what they saw.
  const variants: [GraphEmulatorOptions['variants'], RegExp, RegExp][] = [
    [{ uniqueViolation: '400-invalidRequest' }, /unique key/, /^400 invalidRequest/],
    [{ uniqueViolation: '500-generalException' }, /unique key/, /^500 generalException/],
    [{ uniqueViolation: '400-localized' }, /unique key/, /^400 /],
    [{ patchEtag: 'in-body' }, /PATCH/, /@odata\.etag in the answer: yes/],
    [{ patchEtag: 'none' }, /PATCH/, /@odata\.etag in the answer: no/],
    [{ deltaLinksKeepExpand: false }, /Delta/, /nextLink keeps expand: no.*mirror read 2 of 2/],
    [{ deltaItemFields: 'none' }, /Delta/, /items without fields: [1-9].*mirror read 2 of 2/],
    [{ personReadForm: 'object', lookupIds: 'integer' }, /Person/, /the column as object/],
    [{ createAnswer: 'without-fields' }, /store/, /left as Withdrawn/],
  ];
  for (const [variant, row, observed] of variants) {
    it(`copes with ${JSON.stringify(variant)}`, async () => {
      const { rows } = await smoke({ variants: variant });
      const failed = rows.filter((r) => r.result === 'FAIL');
      assert.deepEqual(failed, []);
      assert.match(rows.find((r) => row.test(r.assumption))!.observed, observed);
    });
  }

  it('deletes its scratch items afterwards', async () => {
    await smoke();
    const api = emulatorApi(graph);
    const { value: lists } = await api.get<{ value: { id: string; displayName: string }[] }>(`/sites/${graph.siteId}/lists`);
    const reminders = lists.find((l) => l.displayName === 'Reminder Log')!;
    const { value } = await api.get<{ value: { fields: { Key: string } }[] }>(`/sites/${graph.siteId}/lists/${reminders.id}/items?expand=fields(select=Key)`);
    assert.deepEqual(value.filter((i) => i.fields.Key.startsWith('SMOKE-')), []);
  });

  it('with --provisioning, creates a scratch list and reports whether its unique column took', async () => {
    const { rows } = await smoke({}, true);
    const row = rows.find((r) => /provisioning grant/.test(r.assumption))!;
    assert.equal(row.result, 'pass', row.observed);
    assert.match(row.observed, /indexed: yes, unique: yes/);
  });
});
