/**
 * The EDI leads in effect are decided once (bot/config.ts: EDI_LEAD_IDS, or locally with the demo
 * plan the demo council's lead, Ruth Adeyemi), named once from the directory (app-context.ts), and
 * that one list is what the start-up log, the approvals, the reminders and the CLIs show.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAppContext } from '../../bot/app-context';
import { describeConfig, loadConfig } from '../../bot/config';
import { demoUsers } from '../../bot/demo/demo-users';
import { capturedLogger } from '../ship/support/log-capture';

const ROOT = path.join(__dirname, '..', '..');
const ruth = demoUsers.ruth;
const prod = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tid' };

describe('EDI leads in effect', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-leads-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('config decides them: EDI_LEAD_IDS, else locally with the demo plan Ruth Adeyemi, else none', () => {
    assert.deepEqual(loadConfig({}).reminders.ediLeadIds, [ruth.aadObjectId]);
    assert.deepEqual(describeConfig(loadConfig({})).reminders, loadConfig({}).reminders, 'the start-up print shows the same');
    assert.deepEqual((describeConfig(loadConfig({})).reminders as { ediLeadIds: string[] }).ediLeadIds, [ruth.aadObjectId]);
    assert.deepEqual(loadConfig({ EDI_LEAD_IDS: 'lead-1,lead-2' }).reminders.ediLeadIds, ['lead-1', 'lead-2']);
    assert.deepEqual(loadConfig({ DEMO_DATA: 'false' }).reminders.ediLeadIds, [], 'no demo plan, no demo lead');
    assert.deepEqual(loadConfig({ NODE_ENV: 'test' }).reminders.ediLeadIds, []);
    assert.deepEqual(loadConfig(prod).reminders.ediLeadIds, []);
  });

  it('the app context names them from the directory, and every policy holds that same list', async () => {
    const ctx = await createAppContext(loadConfig({ DATA_DIR: dataDir, PLAYGROUND: 'false' }), { log: capturedLogger().log });
    try {
      assert.deepEqual(ctx.ediLeads, [{ aadObjectId: ruth.aadObjectId, displayName: 'Ruth Adeyemi', email: ruth.email }]);
      assert.equal(ctx.approvalPolicy.ediLeads, ctx.ediLeads, 'the last approvers in line');
      assert.equal(ctx.policy.ediLeads, ctx.ediLeads, 'who reminders escalate to and who hears about unreachable owners');
    } finally {
      await ctx.close();
    }
  });

  it('one the directory does not know is kept, shown by its id, and warned about', async () => {
    const logs = capturedLogger('info');
    const ctx = await createAppContext(loadConfig({ DATA_DIR: dataDir, PLAYGROUND: 'false', EDI_LEAD_IDS: `${ruth.aadObjectId},no-such-person` }), { log: logs.log });
    try {
      assert.deepEqual(ctx.ediLeads.map((p) => p.displayName), ['Ruth Adeyemi', 'EDI lead no-such-person']);
      assert.ok(logs.lines.some((l) => l.msg === 'EDI lead is not in the directory: check EDI_LEAD_IDS' && l.aadObjectId === 'no-such-person'));
    } finally {
      await ctx.close();
    }
  });

  it('`npm run reach` lists them by name with whether the bot can reach them', async function () {
    this.timeout(30_000);
    const env = { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PLAYGROUND: 'false', LOG_LEVEL: 'silent' };
    // Exit code 1: nobody has a chat with the bot in a fresh data directory.
    const run = await promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/reach.ts'], { cwd: ROOT, env }).catch((err: { code: number; stdout: string }) => err);
    assert.match(run.stdout, /EDI leads \(told about owners the bot cannot reach, and overdue tasks\): 1\n {2}NO CHAT {2}Ruth Adeyemi <ruth\.adeyemi@northvale\.example\.gov\.uk> {2}EDI lead/);
  });
});
