import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** `npm run start:prod`'s command: plain `node` on the built server (dist/, built by `npm run build`). */
function startProdArgs(): string[] {
  const command = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:prod']!;
  const [node, ...args] = command.split(' ');
  assert.equal(node, 'node', 'plain node, no tsx');
  const entry = args.find((a) => a.endsWith('.js'));
  assert.ok(entry && fs.existsSync(path.join(ROOT, entry)), `${entry} is missing: run "npm run build" first (npm test's pretest does)`);
  return args;
}

/** Resolves with the server's base URL once it prints it; rejects if it exits first. */
function serverUrl(out: () => string, exited: Promise<unknown>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Plan view \(tab\):\s+(http:\/\/localhost:\d+)\//.exec(out());
      if (m) {
        clearInterval(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`the server exited early:\n${out()}`));
    });
  });
}

/** The built server as `npm run start:prod` runs it, with its output collected. */
function startBuilt(env: NodeJS.ProcessEnv): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, startProdArgs(), { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, out: () => out, exited };
}

/**
 * What the web app runs (package.json "start:prod", the ARM template's startup command): the
 * bundle in dist/, whose settings all come from the environment. In production mode: the server
 * alone, ready, refusing unsigned tab API calls, and stopping cleanly on SIGTERM. (SQLite here, so
 * it needs no tenant; production in Azure uses SharePoint.) The same bundle in development mode
 * serves the demo plan, so nothing about the environment is baked in at build time.
 */
describe('npm run start:prod (the built server, the web app\'s start command)', function () {
  this.timeout(30_000);

  it('in production mode: starts the server alone, is ready, and stops gracefully on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-start-'));
    const { child, out: output, exited } = startBuilt({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
      TAB_SSO_APP_ID_URI: 'api://edi.example.gov.uk/botid-11111111-2222-3333-4444-555555555555',
      SCHEDULER_ENABLED: 'false',
    });
    try {
      const url = await serverUrl(output, exited);
      assert.ok(!/Agents Playground/.test(output()), 'no playground in production');
      assert.ok(!/demo plan seeded|npm run remind/.test(output()), 'no demo data in production');
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      const plan = await fetch(`${url}/api/plan`);
      assert.equal(plan.status, 401, 'the tab API needs a Teams sign-in in production');
      assert.ok(!/not-a-real-secret/.test(output()), 'the secret is never logged');

      child.kill('SIGTERM');
      assert.equal(await exited, 0, output());
      const lines = output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; reqId?: string });
      assert.deepEqual(lines.filter((l) => l.msg === 'stopping' || l.msg === 'stopped').map((l) => l.msg), ['stopping', 'stopped']);
      assert.ok(lines.some((l) => l.msg === 'request' && typeof l.reqId === 'string'), 'requests are logged with their ids');
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('in development mode with DEMO_DATA=true: the same bundle seeds and serves the demo plan, the tab and the channel tab page', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-start-dev-'));
    const { child, out: output, exited } = startBuilt({ NODE_ENV: 'development', DEMO_DATA: 'true', PLAYGROUND: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER_ENABLED: 'false' });
    try {
      const url = await serverUrl(output, exited);
      assert.match(output(), /demo plan seeded/);
      const plan = await fetch(`${url}/api/plan`);
      assert.equal(plan.status, 200, await plan.clone().text());
      const body = (await plan.json()) as { summary: { total: number }; objectives: unknown[] };
      assert.ok(body.summary.total > 0 && body.objectives.length > 0, 'the demo plan has objectives and tasks');
      const page = await fetch(`${url}/`);
      assert.equal(page.status, 200);
      const html = await page.text();
      const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
      assert.ok(script, 'the tab page loads its bundle');
      assert.equal((await fetch(new URL(script, `${url}/`))).status, 200, 'the tab bundle is served from dist/');
      assert.equal((await fetch(`${url}/configure`)).status, 200, 'the channel tab configuration page is served from dist/');
      child.kill('SIGTERM');
      assert.equal(await exited, 0, output());
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
