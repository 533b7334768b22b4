/**
 * What `npm start` prints (bot/start.ts as a process): in development readable log lines, with the
 * banner after every start-up line and naming the EDI leads in effect; in production JSON lines.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoUsers } from '../../bot/demo/demo-users';
import { freePorts } from '../browser/playground/product-process';

const ROOT = path.join(__dirname, '..', '..');
const READABLE = /^\d\d:\d\d:\d\d\.\d{3} (DEBUG|INFO |WARN |ERROR) \S/;

/** Starts bot/start.ts (in its own process group: the playground it starts stops with it), waits for the banner's last line, runs `probe` against it, stops it; everything it printed. */
async function startAndStop(env: Record<string, string>, probe: (url: string) => Promise<void>): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-start-logs-'));
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/start.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /Plan view \(tab\):\s+(http:\/\/localhost:\d+)\/[\s\S]*Stop with Ctrl\+C\./.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]!.replace('localhost', '127.0.0.1'));
        }
      }, 50);
      void exited.then(() => {
        clearInterval(timer);
        reject(new Error(`it exited early:\n${out}`));
      });
    });
    await probe(url);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the request's log line
    process.kill(-child.pid!, 'SIGTERM');
    assert.equal(await exited, 0, out);
    return out;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has gone already
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('npm start: log lines and banner', function () {
  this.timeout(60_000);

  it('development: readable lines, the banner last after the start-up lines (the playground\'s too), naming the EDI lead', async () => {
    const [playgroundPort] = await freePorts(1);
    const env = { NODE_ENV: 'development', LOG_LEVEL: 'info', PLAYGROUND: 'true', PLAYGROUND_PORT: String(playgroundPort) };
    const out = await startAndStop(env, async (url) => {
      assert.equal((await fetch(`${url}/api/plan`)).status, 200);
    });
    const lines = out.split('\n');
    const bannerAt = lines.indexOf('EDI Action Plan for Teams is running.');
    assert.ok(bannerAt > 0, out);
    const before = lines.slice(0, bannerAt).filter(Boolean);
    assert.ok(before.length >= 3, 'start-up lines come before the banner');
    for (const l of before) assert.match(l, READABLE, `a readable line, not JSON: ${l}`);
    assert.match(before.find((l) => / starting /.test(l)) ?? '', new RegExp(`env=development store=sqlite .*ediLeadIds=\\["${demoUsers.ruth.aadObjectId}"\\]`));
    assert.ok(before.some((l) => /INFO  server listening {2}port=\d+/.test(l)));
    assert.ok(before.some((l) => /INFO  agents playground started {2}url=http:\/\/localhost:\d+ user=alex/.test(l)), 'the playground has started before the banner shows its address');
    assert.match(out, /^ {2}EDI leads: +Ruth Adeyemi \(the demo council's/m);
    const after = lines.slice(lines.findIndex((l) => l.includes('Stop with Ctrl+C.')) + 1).filter(Boolean);
    assert.ok(after.some((l) => /INFO  request {2}method=GET route=\/api\/plan status=200 ms=\d+ reqId=\S+$/.test(l)), `the request, readable:\n${after.join('\n')}`);
    for (const l of after) assert.match(l, READABLE);
    assert.doesNotMatch(out, /^\{/m, 'no JSON line anywhere');
  });

  it('production: JSON lines, the configuration whole, no demo EDI lead', async () => {
    const out = await startAndStop(
      {
        NODE_ENV: 'production',
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
        TAB_SSO_APP_ID_URI: 'api://edi.example.gov.uk/botid-11111111-2222-3333-4444-555555555555',
      },
      async (url) => void (await fetch(`${url}/healthz`)),
    );
    const records = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; config?: { reminders: { ediLeadIds: string[] }; log: unknown } });
    const starting = records.find((r) => r.msg === 'starting');
    assert.deepEqual(starting?.config?.reminders.ediLeadIds, [], 'no demo lead in production');
    assert.deepEqual(starting?.config?.log, { level: 'info', format: 'json' });
    assert.ok(records.some((r) => r.msg === 'server listening'));
    assert.doesNotMatch(out, new RegExp(READABLE.source, 'm'), 'no text log lines');
    assert.match(out, /^ {2}EDI leads: +\(none: set EDI_LEAD_IDS\)/m);
  });
});
