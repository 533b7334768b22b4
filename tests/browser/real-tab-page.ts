/**
 * The set-up every browser test of the real tab shares, as mocha hooks registered in the calling
 * `describe`: the tab built, the real server (real-app.ts) and Chromium started, a fresh page per
 * test that may reach nothing but the app, and a test that fails when the page threw.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { ensureTabBuilt } from './ensure-tab-built';
import { startRealTabApp, type RealTabApp, type RealTabAppOptions } from './real-app';

export interface RealTabPage {
  readonly browser: Browser;
  readonly app: RealTabApp;
  readonly page: Page;
}

export interface RealTabPageOptions {
  /** A new server (and store) for every test, for tests that change the plan in ways later tests must not see. */
  appPerTest?: boolean;
  app?: RealTabAppOptions;
}

/** Registers the hooks; read `app` and `page` from what it returns inside hooks and tests. */
export function useRealTabPage(options: RealTabPageOptions = {}): RealTabPage {
  const session = {} as { browser: Browser; app: RealTabApp; page: Page };
  let pageErrors: string[] = [];

  before(async function () {
    this.timeout(180_000);
    await ensureTabBuilt();
    if (!options.appPerTest) session.app = await startRealTabApp(options.app);
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    if (!options.appPerTest) await session.app?.stop();
  });

  beforeEach(async () => {
    if (options.appPerTest) session.app = await startRealTabApp(options.app);
    pageErrors = [];
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route((url) => url.origin !== session.app.url, (route) => route.abort());
    session.page = page;
  });
  afterEach(async () => {
    await session.page?.close();
    if (options.appPerTest) await session.app?.stop();
    assert.deepEqual(pageErrors, [], 'the page threw uncaught errors');
  });

  return session;
}

/** Opens the plan (with a query such as `?status=Complete`) and waits for its first objective; focus starts at the page. */
export async function openPlan({ app, page }: RealTabPage, query = ''): Promise<void> {
  await page.goto(`${app.url}/${query}`);
  await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
  await page.locator('body').focus();
}
