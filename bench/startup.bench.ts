/**
 * `npm run bench:startup`: how long the server takes from process start to a 200 on `/healthz`, and
 * its resident memory once it is up, run through `tsx` (what `npm start` does) and as the built
 * bundle (`node dist/start.js`, what App Service runs). Each variant runs BENCH_RUNS times (default
 * 5) on a data directory seeded with the demo plan by a warm-up run, so seeding is not timed. RSS
 * is summed over the process tree (`tsx` relays to a child `node`). Needs `npm run build` first.
 * Prints one line per variant and, last, one JSON object with the medians.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Variant {
  name: string;
  command: string;
  args: string[];
}

const variants: Variant[] = [
  { name: 'tsx bot/start.ts', command: path.join(ROOT, 'node_modules', '.bin', 'tsx'), args: ['bot/start.ts'] },
  { name: 'node dist/start.js', command: process.execPath, args: ['--enable-source-maps', 'dist/start.js'] },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Linux only: the pids of `root` and all its descendants, from /proc/<pid>/stat's ppid field. */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we listed /proc.
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return out;
}

function rssMb(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // Gone already.
    }
  }
  return Math.round((kb / 1024) * 10) / 10;
}

async function waitHealthy(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = performance.now() + deadlineMs;
  while (performance.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${deadlineMs} ms`);
}

async function runOnce(v: Variant, dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(v.command, v.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'development', DEMO_DATA: 'true', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, 60_000);
    const ms = Math.round(performance.now() - start);
    // Let start-up work that follows readiness (timers, lazy imports) settle before sampling.
    await new Promise((r) => setTimeout(r, 1000));
    return { ms, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'start.js'))) {
    console.error('dist/start.js is missing: run "npm run build" first.');
    process.exit(1);
  }
  const results: Record<string, { startMs: number; rssMb: number }> = {};
  for (const v of variants) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-startup-'));
    try {
      await runOnce(v, dataDir); // warm-up: seeds the demo plan and warms the file cache
      const runs: { ms: number; rssMb: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(v, dataDir));
      const ms = runs.map((r) => r.ms);
      const rss = runs.map((r) => r.rssMb);
      results[v.name] = { startMs: median(ms), rssMb: median(rss) };
      console.log(`${v.name.padEnd(20)} start to /healthz: median ${median(ms)} ms (min ${Math.min(...ms)}, max ${Math.max(...ms)}); RSS after start: median ${median(rss)} MB (min ${Math.min(...rss)}, max ${Math.max(...rss)}); ${RUNS} runs, Node ${process.version}`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify({ runs: RUNS, node: process.version, ...results }));
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
