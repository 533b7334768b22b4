/**
 * `npm run smoke:tenant [-- --provisioning] [-- --user <id>]`: checks the product's assumptions about Microsoft Graph
 * and Teams against a real tenant (duplicate keys, PATCH answers, delta paging, person columns,
 * the store round trip, ...) and prints a table: assumption, observed, result. Needs STORE=sharepoint,
 * SHAREPOINT_SITE_ID and Graph credentials; says plainly when it did not run. See ADMIN.md.
 */
import { parseArgs } from 'node:util';
import { silentLogger } from '../../core/ports/logger';
import { ConfigError, loadConfig } from '../config';
import { runSmoke } from '../smoke/run-smoke';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { provisioning: { type: 'boolean' }, user: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: npm run smoke:tenant [-- --provisioning] [-- --user <Entra object id>]\n  --provisioning  also create (and delete) a scratch list: run while the fullcontrol grant is in place.\n  --user          install the app for this person, open their chat and send them a test card.');
    return 0;
  }
  if (process.env.STORE !== 'sharepoint' || !process.env.SHAREPOINT_SITE_ID) {
    console.log('smoke:tenant DID NOT RUN: set STORE=sharepoint, SHAREPOINT_SITE_ID and Graph credentials (see ADMIN.md, "Check a tenant").');
    return 0;
  }
  const config = loadConfig();
  console.log(`smoke:tenant against site ${config.sharepoint?.siteId}:`);
  const rows = await runSmoke(config, { provisioning: values.provisioning, user: values.user ? { aadObjectId: values.user, displayName: 'smoke:tenant user', email: '' } : undefined, print: (l) => console.log(l), log: silentLogger });
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  console.log(failed ? `smoke:tenant FAILED: ${failed} assumption(s) do not hold.` : 'smoke:tenant PASSED.');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`smoke:tenant FAILED: ${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
