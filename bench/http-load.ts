/** The benches' HTTP load client (bench/tab.bench.ts, bench/plans.bench.ts). */
import { Worker } from 'node:worker_threads';

/** Stop the load early rather than run past this, whatever the figures. */
const LOAD_TIME_LIMIT_MS = 120_000;

export const round1 = (ms: number) => Math.round(ms * 10) / 10;
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The load runs in a worker thread, so the clients' own work does not run on the server's event
 * loop and count against it. Clients ask for gzip as browsers do and time the whole (compressed)
 * body arriving; they do not unzip or parse it, which in use each person's browser does.
 */
const LOAD_WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { performance } = require('node:perf_hooks');
  const http = require('node:http');
  const { url, clients, total, limitMs, path } = workerData;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const get = () => new Promise((resolve, reject) => {
    const req = http.get(url + path, { agent, headers: { Accept: 'application/json', 'Accept-Encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => resolve({ ok: res.statusCode === 200, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  (async () => {
    const latencies = [];
    let next = 0, bytes = 0, failures = 0;
    const deadline = performance.now() + limitMs;
    const started = performance.now();
    const worker = async () => {
      while (next < total && performance.now() < deadline) {
        next += 1;
        const t0 = performance.now();
        const response = await get();
        latencies.push(performance.now() - t0);
        if (!response.ok) failures += 1;
        bytes = response.bytes;
      }
    };
    await Promise.all(Array.from({ length: clients }, worker));
    agent.destroy();
    parentPort.postMessage({ latencies, bytes, wallMs: performance.now() - started, failures });
  })();
`;

/** `clients` concurrent clients GET `path` (default the plan) `total` times; latencies sorted. */
export function loadPlan(url: string, clients: number, total: number, path = '/api/plan'): Promise<{ latencies: number[]; bytes: number; wallMs: number; failures: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { url, clients, total, limitMs: LOAD_TIME_LIMIT_MS, path } });
    worker.once('message', (result: { latencies: number[]; bytes: number; wallMs: number; failures: number }) => {
      resolve({ ...result, latencies: [...result.latencies].sort((a, b) => a - b) });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

