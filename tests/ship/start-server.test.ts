import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * What the web app runs (package.json "start:server", the ARM template's startup command), in
 * production mode: the server alone, ready, refusing unsigned tab API calls, and stopping cleanly
 * on SIGTERM. (SQLite here, so it needs no tenant; production in Azure uses SharePoint.)
 */
describe('npm run start:server (the web app\'s start command) in production mode', function () {
  this.timeout(30_000);

  it('starts the server alone, is ready, and stops gracefully on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-start-'));
    const command = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start:server']!;
    const [node, ...args] = command.split(' ');
    assert.equal(node, 'node');
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
        TAB_SSO_APP_ID_URI: 'api://edi.example.gov.uk/botid-11111111-2222-3333-4444-555555555555',
        SCHEDULER_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /Plan view \(tab\):\s+(http:\/\/localhost:\d+)\//.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[1]!.replace('localhost', '127.0.0.1'));
          }
        }, 50);
        void exited.then(() => reject(new Error(`the server exited early:\n${out}`)));
      });
      assert.ok(!/Agents Playground/.test(out), 'no playground in production');
      assert.ok(!/demo plan seeded|npm run remind/.test(out), 'no demo data in production');
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      const plan = await fetch(`${url}/api/plan`);
      assert.equal(plan.status, 401, 'the tab API needs a Teams sign-in in production');
      assert.ok(!/not-a-real-secret/.test(out), 'the secret is never logged');

      child.kill('SIGTERM');
      assert.equal(await exited, 0, out);
      const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; reqId?: string });
      assert.deepEqual(lines.filter((l) => l.msg === 'stopping' || l.msg === 'stopped').map((l) => l.msg), ['stopping', 'stopped']);
      assert.ok(lines.some((l) => l.msg === 'request' && typeof l.reqId === 'string'), 'requests are logged with their ids');
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
