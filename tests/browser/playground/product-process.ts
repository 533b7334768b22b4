/**
 * Runs the product the way `npm start` does (server + SQLite store + demo plan + Agents Playground)
 * as a child process group on free ports with its own DATA_DIR, and the reminder CLI against it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');

/** Ports nobody is listening on right now (all held at once, so they are distinct). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('could not find a free port');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/** Environment for the product: local development mode, nothing inherited that changes its shape. */
function productEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    STORE: 'sqlite',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    DEMO_DATA: 'true',
    PLAYGROUND_USER: 'alex',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface RunningProduct {
  /** http://127.0.0.1:<port> */
  serverUrl: string;
  /** As printed on the "Agents Playground:" line. */
  playgroundUrl: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL to the whole group at once, for a process 'exit' handler (which cannot wait). */
  killNow(): void;
}

/** Starts `bot/start.ts` in its own process group and waits for its "Agents Playground:" line. */
export async function startProduct(options: { dataDir: string; port: number; playgroundPort: number; timeoutMs: number; env?: Record<string, string> }): Promise<RunningProduct> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/start.ts'], {
    cwd: REPO_ROOT,
    detached: true, // its own process group: the playground it spawns is stopped with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: productEnv(options.dataDir, {
      HOST: '127.0.0.1',
      PORT: String(options.port),
      PLAYGROUND: 'true',
      PLAYGROUND_PORT: String(options.playgroundPort),
      SCHEDULER_ENABLED: 'false',
      ...options.env,
    }),
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopGroup(child);
  };

  try {
    const playgroundUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the product did not print its "Agents Playground:" line within ${options.timeoutMs / 1000} s`)),
        options.timeoutMs,
      );
      const check = () => {
        const notStarted = /Agents Playground:\s+not started: (.*)/.exec(output);
        if (notStarted) {
          clearTimeout(timer);
          reject(new Error(`the Agents Playground did not start: ${notStarted[1]}`));
          return;
        }
        const started = /Agents Playground:\s+(http:\/\/\S+)/.exec(output);
        if (started?.[1]) {
          clearTimeout(timer);
          resolve(started[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the product exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
    return { serverUrl: `http://127.0.0.1:${options.port}`, playgroundUrl, output: () => output, stop, killNow: killOnExit };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- product output ---\n${tail(output)}`);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run remind` against DATA_DIR: sends through the conversation references the bot stored. */
export async function runRemindCli(options: { dataDir: string; timeoutMs: number }): Promise<CliResult> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: productEnv(options.dataDir, { PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false' }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child, 'SIGKILL');
  }, options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // anything it left behind
  if (timedOut) throw new Error(`the reminder CLI did not finish within ${options.timeoutMs / 1000} s\n${tail(stdout + stderr)}`);
  return { code, stdout, stderr };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group has gone already.
  }
}

/** SIGTERM to the whole group (server and playground), SIGKILL for whatever is left after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))]);
  clearTimeout(timer);
  killGroup(child, 'SIGKILL');
}

export function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
