/**
 * `npm run remind` as its own process: what it says, and its exit code, when an owner cannot be
 * reached (the Agents Playground signed in as someone else answers "not found" for their chat) and
 * when the sweep itself fails (Teams failing, the store unreachable, a bad setting).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../bot/app-context';
import { loadConfig } from '../../bot/config';
import { DEMO_TENANT_ID, demoUsers } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { silentLogger } from '../../core/ports/logger';
import { rememberConversation } from '../../core/use-cases/remember-conversation';

const ROOT = path.join(__dirname, '..', '..');
const alex = demoUsers.alex;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Local settings (no bot registration: the Agents Playground's world), one attempt per send. */
function remind(env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts', ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development', DEMO_DATA: 'true', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'silent', REMINDER_SEND_ATTEMPTS: '1', MicrosoftAppId: '', MicrosoftAppPassword: '', ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** A connector (the activity's serviceUrl) answering every send with `status`, as the playground does for a chat not its own (404). */
async function connectorAnswering(status: () => number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status(), { 'content-type': 'application/json' });
      res.end(JSON.stringify(status() === 200 ? { id: 'sent-1' } : { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('npm run remind: undelivered owners are an outcome, exit 1 is a failure', function () {
  this.timeout(60_000);
  let dataDir: string;
  let answer = 404;
  let connector: Awaited<ReturnType<typeof connectorAnswering>>;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-remind-cli-'));
    connector = await connectorAnswering(() => answer);
    const ctx = await createAppContext(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, DEMO_DATA: 'true', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false' }), { log: silentLogger });
    try {
      await seedDemoPlan(ctx);
      // Alex's chat as an earlier playground run stored it.
      await rememberConversation(ctx, {
        aadObjectId: alex.aadObjectId,
        tenantId: DEMO_TENANT_ID,
        displayName: alex.displayName,
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'a:alex-personal', conversationType: 'personal', tenantId: DEMO_TENANT_ID }, bot: { id: '28:bot' }, user: { id: '29:alex', aadObjectId: alex.aadObjectId } },
      });
    } finally {
      await ctx.close();
    }
  });
  after(async () => {
    await connector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an owner whose chat the playground does not have: explained (what happened, what to do), exit 0', async () => {
    answer = 404;
    const run = await remind({ DATA_DIR: dataDir });
    const out = run.stdout + run.stderr;
    assert.equal(run.code, 0, out);
    assert.match(run.stdout, /Reminder sweep as of .*, [1-9]\d* not delivered, 0 failed/);
    assert.match(run.stdout, /not delivered +1\.1\.2 -> Alex Morgan <alex\.morgan@northvale\.example\.gov\.uk>: Teams found no chat with them \(not-found\)/);
    assert.match(run.stdout, /the Agents Playground delivers only to\s+the one person it is signed in as/);
    assert.match(run.stdout, /PLAYGROUND_USER=alex npm start/);
    // Owners with no chat at all (never signed in to the playground): said too, with what to do.
    assert.match(run.stdout, /No chat: these people have not been signed in to the Agents Playground yet.*PLAYGROUND_USER=\w+ npm start/);
    assert.doesNotMatch(out, /FAILED/);
    // Escalations name whom they go to (the demo council's EDI lead among them), never "EDI lead <>".
    assert.match(run.stdout, / -> Ruth Adeyemi <ruth\.adeyemi@northvale\.example\.gov\.uk>/);
    assert.doesNotMatch(run.stdout, /EDI lead <>/);
  });

  it('Teams not taking messages (500 after every attempt): FAILED, exit 1', async () => {
    answer = 500;
    // A later day's sweep: the 404'd reminders are not retried, the next stage (7 days before) is new.
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const run = await remind({ DATA_DIR: dataDir }, ['--at', later]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /FAILED +\S+ -> Alex Morgan <[^>]+>: transient/);
    assert.match(run.stdout, /Teams did not take these messages even after retrying/);
  });

  it('a store it cannot reach: exit 1 with the reason', async () => {
    const closed = await connectorAnswering(() => 503);
    const url = closed.url;
    await closed.close(); // nothing listens there now
    const run = await remind({ DATA_DIR: dataDir, STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'contoso.sharepoint.com,1,2', GRAPH_BASE_URL: `${url}/v1.0`, GRAPH_AUTH: 'none', DIRECTORY: 'demo' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /Reminder sweep failed: /);
  });

  it('a setting that is not valid: exit 1 naming it', async () => {
    const run = await remind({ DATA_DIR: dataDir, REMINDER_DAYS_BEFORE: 'soon' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /REMINDER_DAYS_BEFORE: must be a comma-separated list/);
  });
});
