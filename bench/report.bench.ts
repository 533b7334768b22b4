/**
 * `npm run bench:report`: the board paper and the trends view at 5,000 tasks × 10 closed rounds.
 *  - The board report end to end: `getBoardReport` on the store, then `boardReportDocx`, for the
 *    default paper (the plan as of today) and for one closed round (`?round=<id>`). Each kind runs
 *    in its own child process on the same SQLite file, so its peak memory is its own: wall time per
 *    build (median and max of BENCH_REPORT_RUNS), the child's peak RSS (its VmHWM, whole
 *    process: Node and tsx included), its RSS before the first build, and the peak V8 heap sampled.
 *  - `GET /api/trends` on the real server (dev identity, rate limit off), one request at a time:
 *    cold (the store changed just before each request, so the view is rebuilt from the store) and
 *    warm (served from the cache kept against the store's change stamp). p50 / p95 / max.
 * Targets (issue 16): report ≤ 5 s and ≤ 500 MB, trends p95 ≤ 100 ms (the cold p95 is the one
 * compared: it is what the first officer after each change waits for). Prints a table and, last,
 * one JSON object.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext } from '../bot/app-context';
import { startApp } from '../bot/app-server';
import { loadConfig } from '../bot/config';
import { boardReportDocx } from '../core/export/board-report-docx';
import type { Measure, Person, Rag, RoundSnapshotLine, TaskInput, Update, UpdateRoundInput } from '../core/model';
import { fixedClock } from '../core/ports/clock';
import { silentLogger } from '../core/ports/logger';
import type { PlanStore } from '../core/ports/plan-store';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import { getBoardReport } from '../core/use-cases/get-board-report';

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const OBJECTIVES = 12;
const OWNERS = Math.max(1, Math.round(TASKS / 8));
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const WARM_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const COLD_REQUESTS = Number(process.env.BENCH_COLD_REQUESTS ?? 200);
/** Stop a series of requests early rather than run past this, whatever the figures. */
const SERIES_TIME_LIMIT_MS = 180_000;
const NOW = new Date('2026-11-22T09:00:00Z');
const DAY_MS = 86_400_000;
const TARGETS = { reportMs: 5000, reportRssMb: 500, trendsP95Ms: 100 };

const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

// ---------------------------------------------------------------------------------------------
// The plan: deterministic, with council-like words of realistic length

/** mulberry32: a small seeded generator, so every run seeds the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The working group met twice this quarter and agreed the next steps with the service leads.',
  'Monitoring data for the last six months has been analysed by protected characteristic.',
  'Two focus groups were held with residents, one of them online in the evening.',
  'The draft has been shared with the staff networks and their comments are being worked in.',
  'Budget for the next phase is still to be confirmed at the budget setting meeting.',
  'An equality impact assessment was completed and published alongside the decision report.',
  'Training for front-line staff has been booked and managers have been asked to release them.',
  'The supplier has confirmed the changes will be in the next release of the system.',
  'Take-up is lower than planned in the rural wards, so outreach there is being stepped up.',
  'The accessibility audit found a handful of issues, all of which have owners and dates.',
  'Progress was reported to the departmental management team, who asked for a fuller plan.',
  'Recruitment to the vacant post has been delayed, which has slowed the work this quarter.',
  'A partner organisation has agreed to co-design the next stage with the people it supports.',
  'Feedback from the consultation has been summarised and will go to the portfolio holder.',
  'The guidance has been rewritten in plain English and an easy read version commissioned.',
  'Data quality has improved since the new form went live, though gaps remain for some groups.',
];

function words(next: () => number, min: number, max: number): string {
  const target = min + Math.floor(next() * (max - min));
  let text = '';
  while (text.length < target) text += (text ? ' ' : '') + SENTENCES[Math.floor(next() * SENTENCES.length)];
  return text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}.` : text;
}

const RAGS: Rag[] = ['Green', 'Green', 'Green', 'Amber', 'Amber', 'Red', 'Not started'];
const iso = (ms: number) => new Date(ms).toISOString();

/** Round k (0 = oldest) closes about a quarter after round k-1; the last closed three weeks ago. */
function roundWindow(k: number): { opensAt: number; closesAt: number } {
  const closesAt = NOW.getTime() - (21 + (ROUNDS - 1 - k) * 91) * DAY_MS;
  return { opensAt: closesAt - 30 * DAY_MS, closesAt };
}

function measureFor(i: number): Measure | undefined {
  if (i % 10 !== 0) return undefined;
  const baselineDate = iso(roundWindow(0).opensAt - 30 * DAY_MS).slice(0, 10);
  const targetDate = iso(NOW.getTime() + 365 * DAY_MS).slice(0, 10);
  return i % 20 === 0
    ? { name: `Measure ${i}`, unit: '%', baseline: 40, baselineDate, target: 70, targetDate, amberBelow: 0.9, redBelow: 0.75 }
    : { name: `Gap ${i}`, unit: '%', baseline: 12, baselineDate, target: 6, targetDate, amberBelow: 0.9, redBelow: 0.75 };
}

interface PlannedUpdate {
  /** The round it answered (0 = the oldest); undefined for an update since the last round closed. */
  round?: number;
  at: number;
  progress: string;
  rag: Rag;
  risks?: string;
  supportNeeded?: string;
  measureValue?: number;
}

/**
 * One task's updates: most rounds answered (about 85%), each with a RAG, risks when Amber or Red;
 * a fifth of the open tasks updated again since the last round closed (the trends' movers).
 */
function plannedUpdates(i: number, next: () => number, measure: Measure | undefined): PlannedUpdate[] {
  const out: PlannedUpdate[] = [];
  const completesAt = i % 9 === 0 ? 4 + (i % 6) : Infinity;
  for (let k = 0; k < ROUNDS && k <= completesAt; k++) {
    if (next() > 0.85 && k !== completesAt) continue;
    const { opensAt } = roundWindow(k);
    const rag: Rag = k === completesAt ? 'Complete' : RAGS[Math.floor(next() * RAGS.length)]!;
    const atRisk = rag === 'Amber' || rag === 'Red';
    const value = measure && measure.baseline !== undefined ? measure.baseline + (measure.target - measure.baseline) * (k / (ROUNDS + 4)) * (0.6 + next() * 0.6) : undefined;
    out.push({
      round: k,
      at: opensAt + Math.floor((2 + next() * 25) * DAY_MS),
      progress: words(next, 300, 600),
      rag,
      ...(atRisk && { risks: words(next, 80, 200) }),
      ...(rag === 'Red' && { supportNeeded: words(next, 60, 160) }),
      ...(value !== undefined && { measureValue: Math.round(value * 10) / 10 }),
    });
  }
  if (i % 5 === 0 && out.at(-1)?.rag !== 'Complete') out.push({ at: NOW.getTime() - Math.floor((2 + next() * 15) * DAY_MS), progress: words(next, 300, 600), rag: RAGS[Math.floor(next() * RAGS.length)]!, risks: words(next, 80, 200) });
  return out;
}

interface SeededTask {
  id: string;
  ref: string;
  status: TaskInput['status'];
  updates: (Update & { plannedRag: Rag })[];
}

async function seedTask(store: PlanStore, i: number, people: Person[], next: () => number): Promise<SeededTask> {
  const objective = (i % OBJECTIVES) + 1;
  const measure = measureFor(i);
  const plan = plannedUpdates(i, next, measure);
  const latest = plan.at(-1);
  const measured = plan.findLast((u) => u.measureValue !== undefined);
  const due = iso(NOW.getTime() + ((i % 400) - 60) * DAY_MS).slice(0, 10);
  const owner = people[i % people.length]!;
  const task: TaskInput = {
    ref: `${objective}.${(i % 5) + 1}.${i + 1}`,
    title: `Task ${i + 1}: ${words(next, 60, 160)}`,
    objectiveRef: String(objective),
    indicator: `${objective}.${(i % 5) + 1} Indicator ${(i % 5) + 1}`,
    kind: i % 7 === 0 ? 'Ongoing' : 'Priority',
    owners: [owner],
    accountableOfficer: people[(i + 3) % people.length],
    groupsImpacted: ['Age', 'Disability', 'Race'],
    dueDate: due,
    dueText: `By ${due}`,
    rag: latest?.rag ?? 'Not started',
    status: latest?.rag === 'Complete' ? 'Complete' : 'Open',
    ...(latest && { latestUpdate: latest.progress, latestUpdateAt: iso(latest.at), latestUpdateBy: owner, risks: latest.risks, supportNeeded: latest.supportNeeded }),
    ...(measure && { measure, startingPosition: `${measure.baseline}% at the start of the plan` }),
    ...(measured && { measureValue: measured.measureValue, measureValueAt: iso(measured.at) }),
  };
  let stored = await store.createTask(task);
  const updates: SeededTask['updates'] = [];
  for (const [n, u] of plan.entries()) {
    const recorded = await store.recordUpdate({
      update: { taskId: stored.id, taskRef: stored.ref, ...(u.round !== undefined && { round: `Round ${u.round + 1}` }), submittedBy: owner, submittedAt: iso(u.at), progress: u.progress, ragProposed: u.rag, risks: u.risks, supportNeeded: u.supportNeeded, measureValue: u.measureValue, idempotencyKey: `bench:${i}:${n}` },
      task: { id: stored.id, expectedVersion: stored.version, patch: {} },
    });
    stored = recorded.task;
    updates.push({ ...recorded.update, plannedRag: u.rag });
  }
  return { id: stored.id, ref: stored.ref, status: stored.status, updates };
}

/** Round k's snapshot: each task open then (or answered in it), with its latest update by the close. */
function snapshotOf(k: number, tasks: SeededTask[]): RoundSnapshotLine[] {
  const { opensAt, closesAt } = roundWindow(k);
  const lines: RoundSnapshotLine[] = [];
  for (const t of tasks) {
    const before = t.updates.filter((u) => Date.parse(u.submittedAt) <= closesAt);
    const latest = before.at(-1);
    const rag = latest?.plannedRag ?? 'Not started';
    if (rag === 'Complete' && Date.parse(latest!.submittedAt) < opensAt) continue;
    const measured = before.findLast((u) => u.measureValue !== undefined);
    lines.push({
      taskId: t.id,
      taskRef: t.ref,
      ...(latest && { update: latest.progress, updateAt: latest.submittedAt, updateBy: latest.submittedBy, updateId: latest.id, risks: latest.risks, supportNeeded: latest.supportNeeded }),
      rag,
      status: rag === 'Complete' ? 'Complete' : 'Open',
      ...(measured && { measureValue: measured.measureValue }),
    });
  }
  return lines;
}

async function seed(store: PlanStore): Promise<{ updates: number; snapshotLines: number; snapshotMb: number }> {
  const next = random(16);
  const people: Person[] = Array.from({ length: OWNERS }, (_, i) => ({ aadObjectId: `owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));
  for (let o = 1; o <= OBJECTIVES; o++) await store.createObjective({ ref: String(o), title: `Objective ${o}: ${words(next, 40, 90)}` });
  const tasks: SeededTask[] = [];
  for (let i = 0; i < TASKS; i++) tasks.push(await seedTask(store, i, people, next));
  let snapshotLines = 0;
  let snapshotBytes = 0;
  for (let k = 0; k < ROUNDS; k++) {
    const { opensAt, closesAt } = roundWindow(k);
    const snapshot = snapshotOf(k, tasks);
    const round: UpdateRoundInput = { name: `Round ${k + 1}`, opensAt: iso(opensAt), dueDate: iso(closesAt - 3 * DAY_MS).slice(0, 10), scope: { kind: 'all-open' }, state: 'Closed', closedAt: iso(closesAt), snapshot };
    await store.createRound(round);
    snapshotLines += snapshot.length;
    snapshotBytes += JSON.stringify(snapshot).length;
  }
  return { updates: tasks.reduce((n, t) => n + t.updates.length, 0), snapshotLines, snapshotMb: mb(snapshotBytes) };
}

// ---------------------------------------------------------------------------------------------
// The board report, in a child process per kind

interface ReportFigures {
  runsMs: number[];
  /** Of each run: getBoardReport alone (the rest is boardReportDocx). */
  buildMs: number[];
  bytes: number;
  reportJsonKiB: number;
  rssBeforeMb: number;
  /** maxRSS right after the first build: one paper's peak, before repeated builds leave garbage behind. */
  firstPeakRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** In the child: open the store, build the report REPORT_RUNS times, print the figures as JSON. */
/**
 * This process's own peak RSS in KiB: VmHWM from /proc (Linux). getrusage's maxRSS in a spawned
 * child starts from the parent's RSS at the fork, so it overstated the paper's memory; elsewhere it
 * is the fallback.
 */
function peakRssKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

async function reportChild(dataDir: string, roundId: string | undefined): Promise<void> {
  const store = SqlitePlanStore.open(dataDir);
  const clock = fixedClock(NOW);
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const sampler = setInterval(sample, 2);
  const rssBefore = process.memoryUsage().rss;
  const runsMs: number[] = [];
  const buildMs: number[] = [];
  let bytes = 0;
  let reportJsonKiB = 0;
  let firstPeakRssMb = 0;
  try {
    for (let run = 0; run < REPORT_RUNS; run++) {
      const start = performance.now();
      const report = await getBoardReport({ store, clock }, roundId !== undefined ? { roundId } : {});
      buildMs.push(performance.now() - start);
      sample();
      const docx = await boardReportDocx(report);
      sample();
      runsMs.push(performance.now() - start);
      bytes = docx.byteLength;
      if (run === 0) firstPeakRssMb = Math.round(peakRssKiB() / 1024);
      reportJsonKiB = Math.round(JSON.stringify(report).length / 1024);
    }
  } finally {
    clearInterval(sampler);
    await store.close();
  }
  const figures: ReportFigures = { runsMs, buildMs, bytes, reportJsonKiB, rssBeforeMb: mb(rssBefore), firstPeakRssMb, peakRssMb: Math.round(peakRssKiB() / 1024), peakHeapMb: mb(peakHeap) };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runReportChild(dataDir: string, roundId?: string): Promise<ReportFigures> {
  return new Promise((resolve, reject) => {
    const args = ['--require', 'tsx/cjs', __filename, '--report-child', dataDir, ...(roundId !== undefined ? [roundId] : [])];
    const child = spawn(process.execPath, args, { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ReportFigures);
      else reject(new Error(`the report child exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Trends over HTTP

function getTrends(agent: http.Agent, url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/trends`, { agent, headers: { Accept: 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - start, bytes, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Series {
  sorted: number[];
  failures: number;
  bytes: number;
}

/** `count` requests one after another; `before` runs before each, untimed (a store change for the cold series). */
async function series(url: string, count: number, before?: (n: number) => Promise<void>): Promise<Series> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  const deadline = performance.now() + SERIES_TIME_LIMIT_MS;
  for (let n = 0; n < count && performance.now() < deadline; n++) {
    await before?.(n);
    const r = await getTrends(agent, url);
    latencies.push(r.ms);
    if (r.status !== 200) failures += 1;
    bytes = r.bytes;
  }
  agent.destroy();
  return { sorted: latencies.sort((a, b) => a - b), failures, bytes };
}

const seriesFigures = (s: Series) => ({ requests: s.sorted.length, failures: s.failures, p50Ms: round1(percentile(s.sorted, 50)), p95Ms: round1(percentile(s.sorted, 95)), maxMs: round1(s.sorted.at(-1) ?? NaN) });

async function trendsFigures(ctx: Awaited<ReturnType<typeof createAppContext>>, url: string) {
  const probe = (await ctx.store.listTasks()).find((t) => t.status === 'Open')!;
  let version = probe.version;
  // A change the trends view does not show (the task's percentage) still changes the store's stamp: each cold request rebuilds.
  const change = async (n: number) => {
    version = (await ctx.store.updateTask(probe.id, version, { percentComplete: n % 100 })).version;
  };
  await series(url, 3, change); // warm-up: JIT and the first build
  const cold = await series(url, COLD_REQUESTS, change);
  await series(url, 1);
  const warm = await series(url, WARM_REQUESTS);
  return { cold: seriesFigures(cold), warm: seriesFigures(warm), bytes: warm.bytes };
}

// ---------------------------------------------------------------------------------------------

const ms = (n: number) => `${n} ms`;

/** The table rows of one report kind: time (median, first build, max) and memory against the targets. */
function reportRows(label: string, r: { medianMs: number; maxMs: number; runsMs: number[]; firstPeakRssMb: number; peakRssMb: number; rssDeltaMb: number; peakHeapMb: number }): [string, string, string, boolean | undefined][] {
  return [
    [`report (${label}): median build of ${r.runsMs.length}`, ms(r.medianMs), `≤ ${TARGETS.reportMs} ms`, r.medianMs <= TARGETS.reportMs],
    [`report (${label}): first (cold) / max build`, `${ms(r.runsMs[0]!)} / ${ms(r.maxMs)}`, `≤ ${TARGETS.reportMs} ms`, r.maxMs <= TARGETS.reportMs],
    [`report (${label}): peak RSS, first build / all`, `${r.firstPeakRssMb} / ${r.peakRssMb} MB`, `≤ ${TARGETS.reportRssMb} MB`, r.peakRssMb <= TARGETS.reportRssMb],
    [`report (${label}): RSS growth / peak heap`, `${r.rssDeltaMb} / ${r.peakHeapMb} MB`, '', undefined],
  ];
}

function printTable(rows: [string, string, string, boolean | undefined][]): void {
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), Math.max(...rows.map((r) => r[2].length))];
  console.log(`${'figure'.padEnd(w[0]!)}  ${'measured'.padStart(w[1]!)}  ${'target'.padEnd(w[2]!)}  result`);
  for (const [name, value, target, pass] of rows) console.log(`${name.padEnd(w[0]!)}  ${value.padStart(w[1]!)}  ${target.padEnd(w[2]!)}  ${pass === undefined ? '' : pass ? 'PASS' : 'FAIL'}`);
}

async function main(): Promise<void> {
  // BENCH_DATA_DIR keeps the seeded plan between runs (seeding takes a while); else a fresh temporary folder.
  const kept = process.env.BENCH_DATA_DIR;
  const reuse = kept !== undefined && fs.existsSync(path.join(kept, 'edi-plan.sqlite'));
  const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-report-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: 'priya', API_RATE_LIMIT_PER_USER: '0', API_RATE_LIMIT_PER_ADDRESS: '0' });
  const ctx = await createAppContext(config, { clock: fixedClock(NOW), log: silentLogger });
  try {
    const seedStart = performance.now();
    const seeded = reuse ? { updates: NaN, snapshotLines: NaN, snapshotMb: NaN } : await seed(ctx.store);
    const seedMs = performance.now() - seedStart;
    const rounds = await ctx.store.listRounds();
    const closedRound = rounds.at(-2)!; // a closed round with one before it: the paper compares the two
    const today = await runReportChild(dataDir);
    const ofRound = await runReportChild(dataDir, closedRound.id);

    const app = await startApp(ctx);
    let trends;
    try {
      trends = await trendsFigures(ctx, app.server.url.replace('localhost', '127.0.0.1'));
    } finally {
      await app.stop();
    }

    const report = (r: ReportFigures) => ({ medianMs: Math.round(median(r.runsMs)), maxMs: Math.round(Math.max(...r.runsMs)), runsMs: r.runsMs.map(Math.round), getBoardReportMs: r.buildMs.map(Math.round), docxKiB: Math.round(r.bytes / 1024), reportJsonKiB: r.reportJsonKiB, rssBeforeMb: r.rssBeforeMb, firstPeakRssMb: r.firstPeakRssMb, peakRssMb: r.peakRssMb, rssDeltaMb: r.peakRssMb - r.rssBeforeMb, peakHeapMb: r.peakHeapMb });
    const figures = {
      tasks: TASKS,
      rounds: rounds.length,
      updates: seeded.updates,
      snapshotLines: seeded.snapshotLines,
      snapshotJsonMb: seeded.snapshotMb,
      seedMs: Math.round(seedMs),
      reportToday: report(today),
      reportRound: { roundId: closedRound.id, name: closedRound.name, ...report(ofRound) },
      trendsCold: trends.cold,
      trendsWarm: trends.warm,
      trendsKiB: Math.round(trends.bytes / 1024),
      targets: TARGETS,
    };
    printTable([
      ['plan', `${TASKS} tasks, ${rounds.length} rounds, ${seeded.updates} updates`, '', undefined],
      ...reportRows('today', figures.reportToday),
      ...reportRows(closedRound.name, figures.reportRound),
      ['trends cold (rebuilt): p50 / max', `${ms(trends.cold.p50Ms)} / ${ms(trends.cold.maxMs)}`, '', undefined],
      [`trends cold (rebuilt): p95 of ${trends.cold.requests}`, ms(trends.cold.p95Ms), `≤ ${TARGETS.trendsP95Ms} ms`, trends.cold.p95Ms <= TARGETS.trendsP95Ms && trends.cold.failures === 0],
      [`trends warm (cached): p50 / p95 / max of ${trends.warm.requests}`, `${ms(trends.warm.p50Ms)} / ${ms(trends.warm.p95Ms)} / ${ms(trends.warm.maxMs)}`, `≤ ${TARGETS.trendsP95Ms} ms`, trends.warm.p95Ms <= TARGETS.trendsP95Ms && trends.warm.failures === 0],
    ]);
    console.log(JSON.stringify(figures));
  } finally {
    await ctx.close();
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--report-child');
(childAt >= 0 ? reportChild(process.argv[childAt + 1]!, process.argv[childAt + 2]) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
