/**
 * `npm run bench:plans`: ten plans of 2,000 tasks each in one SQLite store (issue 20).
 *  - `/api/plan?plan=<id>` for one plan under 50 concurrent clients, on the real server (target:
 *    p95 within today's 50 ms);
 *  - "my tasks" (core/use-cases/list-my-tasks.ts, the bot's "my tasks" and the cards) for owners
 *    with tasks in every plan, cold and warm (target ≤ 200 ms).
 * Prints one line per figure and, last, one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../bot/app-context';
import { startApp } from '../bot/app-server';
import { loadConfig } from '../bot/config';
import type { Person, TaskInput } from '../core/model';
import { fixedClock } from '../core/ports/clock';
import { silentLogger } from '../core/ports/logger';
import type { PlanStore } from '../core/ports/plan-store';
import { listMyTasks } from '../core/use-cases/list-my-tasks';
import { loadPlan, percentile, round1 } from './http-load';

const PLANS = Number(process.env.BENCH_PLANS ?? 10);
const TASKS_PER_PLAN = Number(process.env.BENCH_TASKS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const OWNERS = 500;
const NOW = new Date('2026-11-22T09:00:00Z');

const people: Person[] = Array.from({ length: OWNERS }, (_, i) => ({ aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));

function task(i: number): TaskInput {
  const due = new Date(NOW.getTime() + ((i % 120) - 30) * 86_400_000).toISOString().slice(0, 10);
  return {
    ref: `${(i % 5) + 1}.${(i % 4) + 1}.${i}`,
    title: `Task ${i}: publish the equality data for service ${i % 40} and act on what it shows`,
    objectiveRef: String((i % 5) + 1),
    kind: 'Priority',
    owners: [people[i % OWNERS]!],
    groupsImpacted: ['Age', 'Disability'],
    dueDate: due,
    dueText: `By ${due}`,
    rag: 'Green',
    status: i % 10 === 0 ? 'Complete' : 'Open',
    latestUpdate: 'Progressing as planned with the working group; the next milestone is the draft report to the board.',
    latestUpdateAt: '2026-10-01T09:00:00.000Z',
  };
}

async function seed(store: PlanStore): Promise<string[]> {
  const ids = [store.planId];
  for (let p = 1; p < PLANS; p++) {
    const plan = await store.plans.createPlan({ key: `plan-${p}`, name: `Plan ${p}`, kind: 'Other', periodStart: '2025-04-01', periodEnd: '2029-03-31', state: 'Active' });
    ids.push(plan.id);
  }
  for (const id of ids) {
    const planStore = store.plans.forPlan(id);
    for (let o = 1; o <= 5; o++) await planStore.createObjective({ ref: String(o), title: `Objective ${o}` });
    for (let i = 0; i < TASKS_PER_PLAN; i++) await planStore.createTask(task(i));
  }
  return ids;
}

async function timeMyTasks(store: PlanStore, runs: number): Promise<{ sorted: number[]; tasks: number }> {
  const times: number[] = [];
  let tasks = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    tasks = (await listMyTasks(store, people[r % OWNERS]!.aadObjectId)).length;
    times.push(performance.now() - t0);
  }
  return { sorted: times.sort((a, b) => a - b), tasks };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-plans-'));
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: 'priya', API_RATE_LIMIT_PER_USER: '0', API_RATE_LIMIT_PER_ADDRESS: '0' });
  const ctx = await createAppContext(config, { clock: fixedClock(NOW), log: silentLogger });
  const seedStart = performance.now();
  const ids = await seed(ctx.store);
  const seedMs = performance.now() - seedStart;
  const app = await startApp(ctx);
  const url = app.server.url.replace('localhost', '127.0.0.1');
  try {
    const planPath = `/api/plan?plan=${ids[PLANS - 1]}`;
    const coldStart = performance.now();
    await (await fetch(`${url}${planPath}`)).arrayBuffer();
    const coldPlanMs = performance.now() - coldStart;
    await loadPlan(url, 5, 20, planPath);
    const load = await loadPlan(url, CLIENTS, REQUESTS, planPath);
    const coldMine = await timeMyTasks(ctx.store, 1);
    const mine = await timeMyTasks(ctx.store, 200);
    const figures = {
      plans: PLANS,
      tasksPerPlan: TASKS_PER_PLAN,
      clients: CLIENTS,
      requests: load.latencies.length,
      failures: load.failures,
      coldPlanMs: round1(coldPlanMs),
      planP50Ms: round1(percentile(load.latencies, 50)),
      planP95Ms: round1(percentile(load.latencies, 95)),
      myTasksColdMs: round1(coldMine.sorted[0]!),
      myTasksP50Ms: round1(percentile(mine.sorted, 50)),
      myTasksP95Ms: round1(percentile(mine.sorted, 95)),
      myTasksPerOwner: mine.tasks,
      seedMs: Math.round(seedMs),
      heapMiB: Math.round(process.memoryUsage().heapUsed / 1048576),
      targets: { planP95Ms: 50, myTasksMs: 200 },
    };
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(18)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
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
