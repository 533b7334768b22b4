import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { loadConfig } from '../../bot/config';
import { runProbes } from '../../bot/smoke/probe';
import { TeamsProbes } from '../../bot/smoke/teams-probes';
import { silentLogger } from '../../core/ports/logger';
import { startTeamsStandIn, type TeamsStandIn } from '../support/teams-stand-in';

const TENANT = '5b1c2d3e-0000-4000-8000-00000000a11c';

/** smoke:tenant's Teams probes against the independent Teams stand-in (its Bot Connector side). */
describe('smoke:tenant Teams probes against a Teams stand-in', function () {
  this.timeout(60_000);
  let dataDir: string;
  let teams: TeamsStandIn;
  let ctx: AppContext;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-smoke-teams-'));
    teams = await startTeamsStandIn(() => 'http://127.0.0.1:9/api/messages');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, MicrosoftAppTenantId: TENANT, SCHEDULER_ENABLED: 'false', BOT_SERVICE_URL: teams.serviceUrl, BOT_OPEN_CHATS: 'true' });
    ctx = await createAppContext(config, { log: silentLogger });
  });
  after(async () => {
    await ctx?.close();
    await teams?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the chat, reports the 29: Teams id, and sends a card whose refresh names that id', async () => {
    const tester = teams.user('Robin Tester', 'c0ffee00-0000-4000-8000-000000000007', TENANT);
    const rows = await runProbes(new TeamsProbes(ctx, { aadObjectId: tester.aadObjectId, displayName: tester.name, email: '' }).probes());
    const row = (re: RegExp) => rows.find((r) => re.test(r.assumption))!;
    assert.equal(row(/catalog/).result, 'skipped', 'no TEAMS_APP_ID here');
    assert.equal(row(/createConversation/).result, 'pass', row(/createConversation/).observed);
    assert.ok(row(/createConversation/).observed.includes(tester.mri));
    assert.equal(row(/refresh/).result, 'pass', row(/refresh/).observed);
    const card = (teams.inbox(tester).at(-1)?.activity.attachments as { content: { refresh?: { userIds?: string[] } } }[])[0]!.content;
    assert.deepEqual(card.refresh?.userIds, [tester.mri]);
    assert.equal((await ctx.store.getConversation(tester.aadObjectId))?.teamsUserId, tester.mri, 'the chat is kept as a reminder would keep it');
  });

  it('skips what needs a person when no --user is given', async () => {
    const rows = await runProbes(new TeamsProbes(ctx).probes());
    assert.deepEqual(rows.map((r) => r.result), ['skipped', 'skipped', 'skipped', 'skipped']);
  });
});
