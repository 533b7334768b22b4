import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../bot/app-context';
import { startApp } from '../../bot/app-server';
import { ConfigError, loadConfig } from '../../bot/config';
import { silentLogger } from '../../core/ports/logger';

/** Issue 21, point 1: locally nobody signs in, so the server and the playground listen on this machine only. */
const PRELOAD = path.join(__dirname, '..', '..', 'bot', 'demo', 'loopback-listen.cjs');

/** An IPv4 address of this machine other than loopback, when it has one. */
function otherAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('security: listening on loopback outside production', () => {
  it('started with no settings, the server listens on 127.0.0.1 only', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-loopback-'));
    // No HOST, no bot identity, the tab's dev identity on: what `npm start` does on a fresh machine.
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false' });
    assert.equal(config.host, '127.0.0.1');
    const ctx = await createAppContext(config, { log: silentLogger });
    const app = await startApp(ctx);
    try {
      assert.equal(app.server.address, '127.0.0.1');
      assert.equal(await connects('127.0.0.1', app.server.port), true);
      const other = otherAddress();
      if (other) assert.equal(await connects(other, app.server.port), false, `not reachable on ${other}`);
    } finally {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses another address without sign-in unless ALLOW_UNAUTHENTICATED_NETWORK=true, and then warns', () => {
    assert.throws(() => loadConfig({ HOST: '0.0.0.0' }), (err: unknown) => err instanceof ConfigError && /HOST: 0\.0\.0\.0 would let anyone on your network/.test(err.message));
    assert.throws(() => loadConfig({ HOST: '192.168.1.20', TAB_DEV_USER: 'off' }), ConfigError, 'no bot app id: the bot checks no token');
    const allowed = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
    assert.equal(allowed.host, '0.0.0.0');
    assert.match(allowed.networkWarning ?? '', /anyone who can reach this port can read and change the plan/);
    assert.equal(loadConfig({ HOST: '::1' }).networkWarning, undefined);
    assert.equal(loadConfig({}).networkWarning, undefined);
    assert.throws(() => loadConfig({ ALLOW_UNAUTHENTICATED_NETWORK: 'maybe' }), /ALLOW_UNAUTHENTICATED_NETWORK: must be true or false/);
  });

  it('the Agents Playground is started with a preload that keeps every listener without a host on loopback', async () => {
    const script = `
      const http = require('node:http');
      const servers = [http.createServer().listen(0), http.createServer().listen({ port: 0 }), http.createServer().listen(0, () => {}), http.createServer().listen(0, '127.0.0.2')];
      setTimeout(() => { console.log(JSON.stringify(servers.map((s) => s.address().address))); servers.forEach((s) => s.close()); }, 200);`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--require', PRELOAD, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}`))));
    });
    assert.deepEqual(JSON.parse(out), ['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.2'], 'a host given is kept');
    assert.match(fs.readFileSync(path.join(__dirname, '..', '..', 'bot', 'demo', 'playground.ts'), 'utf8'), /loopbackPreload\(\), cli/);
  });

  it('in production it listens on every interface (App Service), with sign-in required', () => {
    const problems = (() => {
      try {
        loadConfig({ NODE_ENV: 'production' });
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    assert.doesNotMatch(problems, /HOST/);
  });
});
