import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/ports/logger';
import type { DemoUserKey } from './demo-users';
import { PLAYGROUND_DEFAULT_USER } from './demo-users';
import { personalChatId, playgroundConfigYaml } from './playground-config';

export interface RunningPlayground {
  url?: string;
  /** Why it did not start, in words for the console. */
  problem?: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.join(__dirname, '..', '..');
const noop = async () => {};

/**
 * Starts the Microsoft 365 Agents Playground (a dev dependency; works offline) as the local Teams
 * client, pointed at the bot, then installs the app for the signed-in demo user so the bot holds
 * their conversation reference at once (proactive cards wait in the playground until its page opens).
 */
export async function startPlayground(options: {
  botUrl: string;
  port: number;
  user: DemoUserKey;
  dataDir: string;
  log: Logger;
}): Promise<RunningPlayground> {
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    return { problem: '@microsoft/m365agentsplayground is not installed (run "npm install" with dev dependencies).', stop: noop };
  }
  const configPath = writeConfig(options.user, options.dataDir);
  const child = spawn(process.execPath, [cli, '-e', options.botUrl, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'], {
    cwd: path.dirname(configPath),
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(options.dataDir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => stopChild(child);
  try {
    const port = await listeningPort(child, 60_000);
    const url = `http://localhost:${port}`;
    await install(url, personalChatId(options.user));
    options.log.info({ url, user: options.user }, 'agents playground started');
    return { url, stop };
  } catch (err) {
    await stop();
    return { problem: `${(err as Error).message} (see ${path.join(options.dataDir, 'playground.log')})`, stop: noop };
  }
}

/** The committed config for the default user; a generated one under DATA_DIR for anyone else. */
function writeConfig(user: DemoUserKey, dataDir: string): string {
  if (user === PLAYGROUND_DEFAULT_USER) return path.join(REPO_ROOT, '.m365agentsplayground.yml');
  const dir = path.join(dataDir, 'playground', user);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.m365agentsplayground.yml');
  fs.writeFileSync(file, playgroundConfigYaml(user));
  return file;
}

/** The playground prints "Listening on <port>" (it picks another port when the one asked for is taken). */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the Agents Playground did not start within 60 s')), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited (code ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

/** What the playground's page does when a chat is first opened: send installationUpdate to the bot. */
async function install(url: string, chatId: string): Promise<void> {
  const res = await fetch(`${url}/_debug/conversation/${encodeURIComponent(chatId)}/installation`, { method: 'POST' });
  if (!res.ok) throw new Error(`the Agents Playground did not install the app (HTTP ${res.status})`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
