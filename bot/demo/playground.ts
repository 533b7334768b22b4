import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../core/ports/logger';
import type { ConversationSeen } from '../../core/use-cases/remember-conversation';
import { DEMO_TENANT_ID, demoUsers, type DemoUserKey } from './demo-users';
import { personalChatId, PLAYGROUND_BOT_ID, playgroundConfigYaml, playgroundUserId } from './playground-config';

export interface RunningPlayground {
  url?: string;
  /** Why it did not start, in words for the console. */
  problem?: string;
  stop(): Promise<void>;
}

const noop = async () => {};

/**
 * Starts the Microsoft 365 Agents Playground (a dev dependency; works offline) as the local Teams
 * client, pointed at the bot, and registers the signed-in demo user's personal chat so the bot can
 * reach them at once.
 */
export async function startPlayground(options: {
  botUrl: string;
  port: number;
  user: DemoUserKey;
  dataDir: string;
  log: Logger;
  /** Stores the signed-in user's conversation reference (the app counts as installed for them). */
  register: (seen: ConversationSeen) => Promise<unknown>;
}): Promise<RunningPlayground> {
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch {
    return { problem: '@microsoft/m365agentsplayground is not installed (run "npm install" with dev dependencies).', stop: noop };
  }
  const configPath = writeConfig(options.user, options.dataDir);
  // On this machine only, as the server is (bot/config-network.ts): loopback-listen.cjs sees to it.
  const child = spawn(process.execPath, [...loopbackPreload(), cli, '-e', options.botUrl, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'], {
    cwd: path.dirname(configPath),
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(options.dataDir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    return stopChild(child);
  };
  try {
    const port = await listeningPort(child, 60_000);
    const url = `http://localhost:${port}`;
    await options.register(playgroundReference(url, options.user));
    options.log.info({ url, user: options.user }, 'agents playground started');
    child.once('exit', (code, signal) => {
      if (!stopping) console.error(`The Agents Playground stopped unexpectedly (code ${code ?? signal}); the bot and tab keep running. See ${path.join(options.dataDir, 'playground.log')}.`);
    });
    return { url, stop };
  } catch (err) {
    await stop();
    return { problem: `${(err as Error).message} (see ${path.join(options.dataDir, 'playground.log')})`, stop: noop };
  }
}

function loopbackPreload(): string[] {
  const file = path.join(__dirname, 'loopback-listen.cjs');
  return fs.existsSync(file) ? ['--require', file] : [];
}

/**
 * Generated under DATA_DIR, for the default user too (the built server in dist/ has no checkout
 * around it); the committed .m365agentsplayground.yml holds the same for running the playground by hand.
 */
function writeConfig(user: DemoUserKey, dataDir: string): string {
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

/**
 * The conversation reference the playground's personal chat has (as observed from its
 * installationUpdate: serviceUrl `<url>/_connector`, the configured chat and bot ids), so reminders
 * reach the demo user before the page is first opened; the playground holds them until it is.
 */
function playgroundReference(url: string, user: DemoUserKey): ConversationSeen {
  const person = demoUsers[user];
  return {
    aadObjectId: person.aadObjectId,
    tenantId: DEMO_TENANT_ID,
    displayName: person.displayName,
    teamsUserId: playgroundUserId(user),
    reference: {
      channelId: 'msteams',
      serviceUrl: `${url}/_connector`,
      conversation: { id: personalChatId(user), conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      bot: { id: PLAYGROUND_BOT_ID, name: 'EDI Action Plan' },
      user: { id: playgroundUserId(user), aadObjectId: person.aadObjectId },
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
