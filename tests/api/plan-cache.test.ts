import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import type { PlanView } from '../../core/plan-view';
import type { TrendsView } from '../../core/trends/plan-trends';
import { silentLogger } from '../../core/ports/logger';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { taskInput } from '../support/builders';

/** A raw GET (no automatic unzip), so the test sees what the server sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('GET /api/plan caching (real server)', () => {
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;
  const plan = () => `${app.server.url.replace('localhost', '127.0.0.1')}/api/plan`;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-plan-cache-'));
    ctx = await createAppContext(loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { log: silentLogger });
    await ctx.store.createTask(taskInput({ ref: '1.1', latestUpdate: 'First' }));
    app = await startApp(ctx);
  });
  after(async () => {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends gzip when asked, an ETag, and 304 for a plan the client already has', async () => {
    const zipped = await get(plan(), { 'accept-encoding': 'gzip' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    const view = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as PlanView;
    assert.equal(view.summary.total, 1);
    const plain = await get(plan());
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(plain.body.toString('utf8')), view);
    assert.equal(plain.headers.etag, zipped.headers.etag);
    const again = await get(plan(), { 'if-none-match': String(plain.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('is rebuilt as soon as the plan changes, whichever process changed it', async () => {
    const before = await get(plan());
    // Another process (the CLI, a second instance) writes to the same file.
    const other = SqlitePlanStore.open(dataDir);
    const task = (await other.listTasks())[0]!;
    await other.updateTask(task.id, task.version, { latestUpdate: 'Second', latestUpdateAt: '2026-11-20T10:00:00.000Z' });
    await other.close();
    const after = await get(plan(), { 'if-none-match': String(before.headers.etag) });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.etag, before.headers.etag);
    const view = JSON.parse(after.body.toString('utf8')) as PlanView;
    assert.equal(view.objectives[0]?.indicators[0]?.tasks[0]?.latestUpdate?.text, 'Second');
  });

  it('GET /api/trends is the plan over time, rebuilt when a round closes', async () => {
    const url = plan().replace('/api/plan', '/api/trends');
    const first = JSON.parse((await get(url)).body.toString('utf8')) as TrendsView;
    assert.deepEqual(first.ragByRound.map((p) => p.label), ['Today']);
    assert.equal(first.ragByRound[0]?.total, 1);
    const task = (await ctx.store.listTasks())[0]!;
    await ctx.store.createRound({ name: 'Board report June 2026', opensAt: '2026-06-01T08:00:00.000Z', dueDate: '2026-06-20', scope: { kind: 'all-open' }, state: 'Closed', closedAt: '2026-06-30T16:00:00.000Z', snapshot: [{ taskId: task.id, taskRef: task.ref, rag: 'Red' }] });
    const second = JSON.parse((await get(url)).body.toString('utf8')) as TrendsView;
    assert.deepEqual(second.ragByRound.map((p) => [p.label, p.byRag.Red]), [['Board report June 2026', 1], ['Today', 0]]);
    assert.equal(second.movers.since?.name, 'Board report June 2026');
    assert.deepEqual(second.movers.up.map((m) => m.ref), ['1.1']);
  });
});
