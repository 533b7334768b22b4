import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../core/ports/logger';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'import', 'files', 'riverside-register.xlsx');

/** The documented upload, through the real server: the file as the raw application/octet-stream body. */
describe('POST /api/import over HTTP (real server)', () => {
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;
  const importUrl = (query: string) => `${app.server.url.replace('localhost', '127.0.0.1')}/api/import?${query}`;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-upload-'));
    ctx = await createAppContext(loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { log: silentLogger });
    app = await startApp(ctx);
  });
  after(async () => {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads an application/octet-stream body and answers the dry run without writing', async () => {
    const res = await fetch(importUrl('fileName=riverside-register.xlsx&dryRun=true'), { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: fs.readFileSync(FIXTURE) });
    assert.equal(res.status, 200, await res.clone().text());
    const report = (await res.json()) as { format: string; dryRun: boolean; tasks: unknown[] };
    assert.equal(report.format, 'xlsx');
    assert.equal(report.dryRun, true);
    assert.ok(report.tasks.length > 0);
    assert.equal((await ctx.store.listTasks()).length, 0);
  });

  it('refuses a body over the limit with 413 and a message', async () => {
    const res = await fetch(importUrl('fileName=big.xlsx&dryRun=true'), { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(16 * 1024 * 1024, 1) });
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { message: string }).message, /larger than/);
    assert.equal((await ctx.store.listTasks()).length, 0);
  });
});
