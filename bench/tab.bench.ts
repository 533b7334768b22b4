/**
 * `npm run bench:tab`: the plan tab at 5,000 tasks, end to end on the real server.
 *  - `/api/plan` latency (full body received) under 50 concurrent clients;
 *  - time to first render of the plan in headless Chromium (navigation start to the first task row
 *    in the page), median of cold loads.
 * The store is a temporary SQLite file seeded like `npm run bench`; the server runs in the local
 * dev-identity mode with the per-user API rate limit off (50 clients here share one dev user; in
 * use they are 50 people). Prints one line per figure and, last, one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createAppContext } from '../bot/app-context';
import { startApp } from '../bot/app-server';
import { loadConfig } from '../bot/config';
import type { Person, TaskInput } from '../core/model';
import { fixedClock } from '../core/ports/clock';
import { silentLogger } from '../core/ports/logger';
import { buildTab } from '../tab/build';
import { launchChromium } from '../tests/browser/chromium';
import { loadPlan, percentile, round1 } from './http-load';

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 5);
const OWNERS = Math.max(1, Math.round(TASKS / 4));
const NOW = new Date('2026-11-22T09:00:00Z');


async function seed(store: Awaited<ReturnType<typeof createAppContext>>['store']): Promise<void> {
  const people: Person[] = Array.from({ length: OWNERS }, (_, i) => ({ aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));
  const rags = ['Green', 'Green', 'Amber', 'Red', 'Not started'] as const;
  for (let o = 1; o <= 5; o++) await store.createObjective({ ref: String(o), title: `Objective ${o}: equality outcome ${o}` });
  for (let i = 0; i < TASKS; i++) {
    const due = new Date(NOW.getTime() + ((i % 120) - 30) * 86_400_000).toISOString().slice(0, 10);
    const task: TaskInput = {
      ref: `${(i % 5) + 1}.${(i % 4) + 1}.${i}`,
      title: `Task ${i}: publish the equality data for service ${i % 40} and act on what it shows`,
      objectiveRef: String((i % 5) + 1),
      indicator: `Indicator ${(i % 5) + 1}.${(i % 4) + 1}`,
      kind: 'Priority',
      owners: [people[i % OWNERS]!],
      accountableOfficer: people[(i + 7) % OWNERS],
      groupsImpacted: ['Age', 'Disability'],
      dueDate: due,
      dueText: `By ${due}`,
      rag: i % 10 === 0 ? 'Complete' : rags[i % rags.length]!,
      status: i % 10 === 0 ? 'Complete' : 'Open',
      latestUpdate: 'Progressing as planned with the working group; the next milestone is the draft report to the board.',
      latestUpdateAt: '2026-10-01T09:00:00.000Z',
      latestUpdateBy: people[i % OWNERS],
    };
    await store.createTask(task);
  }
  // An open round, so the view computes who is awaiting an update.
  await store.createRound({ name: 'Board report December 2026', opensAt: '2026-11-15T09:00:00.000Z', dueDate: '2026-12-04', scope: { kind: 'all-open' }, state: 'Open' });
}

async function firstRenders(url: string, runs: number): Promise<{ times: number[]; rowsRendered: number }> {
  const browser = await launchChromium();
  const times: number[] = [];
  let rowsRendered = 0;
  try {
    for (let run = 0; run < runs; run++) {
      // A new context each time: a cold cache, as a person opening the tab.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route((u) => u.origin !== url, (route) => route.abort());
      // Record when the first task row enters the page, in the page's own clock (ms since navigation start).
      // A string, not a function: tsx's keepNames helper (`__name`) does not exist in the page.
      await page.addInitScript(`
        new MutationObserver((_, observer) => {
          if (window.__firstRowAt === undefined && document.querySelector('tr[data-task-ref]')) {
            window.__firstRowAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, undefined, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
      rowsRendered = await page.locator('tr[data-task-ref]').count();
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { times, rowsRendered };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-tab-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: 'priya', API_RATE_LIMIT_PER_USER: '0', API_RATE_LIMIT_PER_ADDRESS: '0' });
  const ctx = await createAppContext(config, { clock: fixedClock(NOW), log: silentLogger });
  const seedStart = performance.now();
  await seed(ctx.store);
  const seedMs = performance.now() - seedStart;
  const build = await buildTab();
  const app = await startApp(ctx);
  const url = app.server.url.replace('localhost', '127.0.0.1');
  try {
    // Warm-up: the first view is built from the store; later ones come from the server's cache until the plan changes.
    const coldStart = performance.now();
    const cold = await fetch(`${url}/api/plan`);
    const planBody = Buffer.from(await cold.arrayBuffer());
    const coldPlanMs = performance.now() - coldStart;
    // What the same body weighs gzipped (the server sends it so to clients that accept gzip).
    const planGzipBytes = gzipSync(planBody).byteLength;
    await loadPlan(url, 5, 20);

    const load = await loadPlan(url, CLIENTS, REQUESTS);
    const render = await firstRenders(url, RENDER_RUNS);
    const sortedRenders = [...render.times].sort((a, b) => a - b);

    const figures = {
      tasks: TASKS,
      clients: CLIENTS,
      requests: load.latencies.length,
      failures: load.failures,
      planBytes: planBody.byteLength,
      planGzipBytes,
      planBytesSent: load.bytes,
      coldPlanMs: round1(coldPlanMs),
      planP50Ms: round1(percentile(load.latencies, 50)),
      planP95Ms: round1(percentile(load.latencies, 95)),
      planP99Ms: round1(percentile(load.latencies, 99)),
      planMaxMs: round1(load.latencies.at(-1) ?? NaN),
      requestsPerSecond: Math.round((load.latencies.length / load.wallMs) * 1000),
      firstRenderMs: round1(percentile(sortedRenders, 50)),
      firstRenderRunsMs: render.times.map(round1),
      rowsRenderedAtFirst: render.rowsRendered,
      bundleKiB: Math.round(build.bytes / 1024),
      seedMs: Math.round(seedMs),
      targets: { planP95Ms: 50, firstRenderMs: 1500 },
    };
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(20)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    console.log(JSON.stringify(figures));
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
