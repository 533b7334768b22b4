/**
 * The set-up every Agents Playground test shares, as mocha hooks registered in the calling
 * `describe`: a temporary data folder, the product as `npm start` runs it on free ports, Chromium
 * with the chat open, the product's last output printed when a test fails, and nothing left behind
 * when the run is interrupted (Ctrl+C) and `after` never runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { openChat } from './chat';
import { freePorts, startProduct, tail, type RunningProduct } from './product-process';

export interface PlaygroundSession {
  readonly dataDir: string;
  readonly product: RunningProduct;
  readonly browser: Browser;
  readonly page: Page;
}

export interface PlaygroundSessionOptions {
  /** Names the temporary data folder. */
  name: string;
  /** Settings for the product, e.g. PLAYGROUND_USER. */
  env?: Record<string, string>;
  /** How long the product may take to be ready. */
  startTimeoutMs?: number;
  /** Runs on the data folder before the product starts (e.g. to seed it). */
  prepare?: (dataDir: string) => Promise<void>;
}

/** Registers the hooks; read what it returns inside hooks and tests. */
export function usePlaygroundSession(options: PlaygroundSessionOptions): PlaygroundSession {
  const session = {} as { dataDir: string; product: RunningProduct; browser: Browser; page: Page };
  const cleanUpOnExit = () => {
    session.product?.killNow();
    if (session.dataDir) rmSync(session.dataDir, { recursive: true, force: true });
  };

  before(async function () {
    const startTimeoutMs = options.startTimeoutMs ?? 45_000;
    this.timeout(startTimeoutMs + 60_000);
    session.dataDir = mkdtempSync(path.join(os.tmpdir(), `edi-playground-${options.name}-`));
    process.once('exit', cleanUpOnExit);
    await options.prepare?.(session.dataDir);
    const [port, playgroundPort] = await freePorts(2);
    if (port === undefined || playgroundPort === undefined) throw new Error('no free ports for the product and the playground');
    session.product = await startProduct({ dataDir: session.dataDir, port, playgroundPort, timeoutMs: startTimeoutMs, ...(options.env && { env: options.env }) });
    session.browser = await launchChromium(); // fails, never skips, when the browser is missing
    session.page = await openChat(session.browser, session.product.playgroundUrl);
  });

  after(async function () {
    this.timeout(20_000);
    await session.browser?.close().catch(() => undefined);
    await session.product?.stop();
    if (session.dataDir) rmSync(session.dataDir, { recursive: true, force: true });
    process.removeListener('exit', cleanUpOnExit);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && session.product) console.error(`--- product output (last lines) ---\n${tail(session.product.output())}`);
  });

  return session;
}
