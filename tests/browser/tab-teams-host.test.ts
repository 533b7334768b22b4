/**
 * The tab inside a stand-in Teams host. Teams mobile talks to a tab through
 * `window.nativeInterface` (teams-js's frameless channel); an init script plays that host here:
 * it answers `initialize`, `getContext` (theme) and `authentication.getAuthToken`, and sends a
 * theme change. So the tab's real teams-js code path runs: theme from the host, the SSO token on
 * every API call.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { TAB_DIST_DIR } from '../../tab/build';
import { launchChromium } from './chromium';
import { ensureTabBuilt } from './ensure-tab-built';
import { planViewFixture } from './fixtures/plan-view.fixture';
import { startTabTestServer, type TabTestServer } from './tab-server';

const TOKEN = 'test-sso-token-for-the-tab';

/** The host's side of teams-js's frameless protocol: replies by message id. */
const FAKE_TEAMS_HOST = `
  window.__hostCalls = [];
  window.nativeInterface = {
    framelessPostMessage(json) {
      const msg = JSON.parse(json);
      window.__hostCalls.push(msg.func);
      const reply = (args) => setTimeout(() => window.onNativeMessage({ data: { id: msg.id, uuidAsString: msg.uuidAsString, args } }), 0);
      if (msg.func === 'initialize') reply(['content', 'web', undefined, '2.0.0']);
      else if (msg.func === 'getContext') reply([{ theme: 'dark', locale: 'en-gb', entityId: 'plan', userObjectId: 'u-1', tid: 't-1', hostClientType: 'web', frameContext: 'content' }]);
      else if (msg.func === 'authentication.getAuthToken') reply([${JSON.stringify(true)}, ${JSON.stringify(TOKEN)}]);
    },
  };
`;

describe('plan tab inside a Teams host', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: TabTestServer;
  let page: Page;

  before(async function () {
    this.timeout(120_000);
    await ensureTabBuilt();
    server = await startTabTestServer(TAB_DIST_DIR, { status: 200, body: planViewFixture });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route((url) => url.origin !== server.url, (route) => route.abort());
    await page.addInitScript(FAKE_TEAMS_HOST);
  });
  afterEach(async () => page.close());

  const theme = () => page.locator('[data-theme]').first().getAttribute('data-theme');

  it("takes the host's theme and follows its changes", async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r + g + b < 3 * 64, `dark background expected, got ${background}`);

    await page.evaluate(() => (window as unknown as { onNativeMessage(m: unknown): void }).onNativeMessage({ data: { func: 'themeChange', args: ['contrast'] } }));
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'contrast');
    assert.equal(await theme(), 'contrast');
    const calls = await page.evaluate(() => (window as unknown as { __hostCalls: string[] }).__hostCalls);
    assert.ok(calls.includes('initialize') && calls.includes('getContext'), calls.join(', '));
  });

  it('sends the Teams SSO token as a bearer token on every API call', async () => {
    const before = server.apiRequests.length;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
    await page.getByRole('region', { name: 'Update round' }).getByText('No update round is open.').waitFor();
    await page.getByRole('region', { name: 'Statutory dates' }).getByText('No statutory dates are coming up.').waitFor();
    const seen = server.apiRequests.slice(before);
    assert.deepEqual([...new Set(seen.map((r) => r.path))].sort(), ['/api/calendar', '/api/me', '/api/plan', '/api/plans', '/api/rounds']);
    assert.deepEqual(seen.filter((r) => r.authorization !== `Bearer ${TOKEN}`), [], 'every call carries the token');
  });

  it('sends no token from a plain browser (the local dev identity applies)', async () => {
    const plain = await browser.newPage();
    await plain.route((url) => url.origin !== server.url, (route) => route.abort());
    const before = server.apiRequests.length;
    await plain.goto(server.url);
    await plain.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
    const seen = server.apiRequests.slice(before);
    assert.ok(seen.length >= 2);
    assert.deepEqual(seen.filter((r) => r.authorization !== undefined), []);
    await plain.close();
  });
});
