/**
 * `npm run provision -- --site <site URL or id> [--dry-run]`: creates the plan's SharePoint lists
 * and columns in the council's site, then reads them back and indexes / makes unique whatever did
 * not take. Idempotent: re-running changes nothing; a column of the wrong type is reported, never
 * altered. Needs the `fullcontrol` grant on the site while it runs (infra/sharepoint-access.md).
 */
import { parseArgs } from 'node:util';
import { silentLogger } from '../../core/ports/logger';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { applyProvisioning, describeAction, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { ConfigError, loadConfig } from '../config';
import { createGraphApi } from '../plan-store-factory';

/**
 * "https://contoso.sharepoint.com/sites/edi" -> the site id Graph uses; ids pass through.
 * https://learn.microsoft.com/graph/api/site-getbypath
 */
export async function resolveSiteId(api: GraphApi, site: string): Promise<string> {
  if (!/^https?:\/\//i.test(site)) return site;
  const url = new URL(site);
  const path = url.pathname.replace(/\/+$/, '');
  const { id } = await api.get<{ id: string }>(`/sites/${url.hostname}:${path || '/'}?$select=id`);
  return id;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: npm run provision -- --site https://<tenant>.sharepoint.com/sites/<site> [--dry-run]\nGraph credentials come from GRAPH_* settings, or the bot app registration (see README).');
    return 0;
  }
  const site = values.site ?? process.env.SHAREPOINT_SITE_ID;
  if (!site) {
    console.error('Say which site: --site https://<tenant>.sharepoint.com/sites/<site> (or set SHAREPOINT_SITE_ID).');
    return 2;
  }
  const config = loadConfig({ ...process.env, STORE: 'sharepoint', SHAREPOINT_SITE_ID: site });
  const sp = config.sharepoint!;
  const api = createGraphApi(sp.graphBaseUrl, sp.auth, silentLogger);
  const siteId = await resolveSiteId(api, site);
  const plan = await planProvisioning(api, siteId, sp.listNames);
  console.log(`Site ${siteId}: ${plan.actions.length === 0 ? 'every list and column is in place' : `${plan.actions.length} change(s) needed`}.`);
  for (const action of plan.actions) console.log(`  ${values['dry-run'] ? 'would' : 'will'} ${describeAction(action)}`);
  for (const problem of plan.problems) console.log(`  PROBLEM  ${problem}`);
  if (values['dry-run'] || plan.actions.length === 0) return plan.problems.length > 0 ? 1 : 0;
  // Follow-ups found while reading back what was made (an index or uniqueness that did not take) add to the total.
  const result = await applyProvisioning(api, plan, (done, total, action) => console.log(`  [${done}/${total}] done: ${describeAction(action)}`));
  for (const problem of result.problems) console.log(`  PROBLEM  ${problem}`);
  console.log(result.problems.length > 0 ? 'Provisioning finished with problems (above).' : 'Provisioning finished.');
  return plan.problems.length + result.problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : `Provisioning failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
