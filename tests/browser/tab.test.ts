import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { RAG_VALUES } from '../../core/model';
import { TAB_DIST_DIR } from '../../tab/build';
import { launchChromium } from './chromium';
import { findContrastFailures } from './contrast';
import { ensureTabBuilt } from './ensure-tab-built';
import { assertNoAxeViolations } from './axe';
import { largePlanView } from './fixtures/large-plan';
import { HOSTILE_UPDATE_TEXT, planViewFixture } from './fixtures/plan-view.fixture';
import { startTabTestServer, type PlanAnswer, type TabTestServer } from './tab-server';

/** The fixture has no pending approval, so no "Pending approval" column (tab-narrow.test.ts shows it coming back). */
const COLUMN_HEADERS = ['Ref', 'Task', 'Owner(s)', 'Due', 'RAG', 'Latest update'];
const planOk = (): PlanAnswer => ({ status: 200, body: planViewFixture });

describe('plan view tab in Chromium', function () {
  this.timeout(60_000);

  let browser: Browser;
  let server: TabTestServer;
  let page: Page;
  let pageErrors: string[];
  let externalRequests: string[];

  before(async function () {
    this.timeout(120_000);
    await ensureTabBuilt();
    server = await startTabTestServer(TAB_DIST_DIR, planOk());
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    server.planAnswer = planOk();
    pageErrors = [];
    externalRequests = [];
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Tests never touch the internet: record and refuse anything not served by the test server.
    await page.route(
      (url) => url.origin !== server.url,
      (route) => {
        externalRequests.push(route.request().url());
        return route.abort();
      },
    );
  });

  afterEach(async () => {
    await page.close();
    assert.deepEqual(pageErrors, [], 'the page threw uncaught errors');
  });

  async function openPlan(query = ''): Promise<void> {
    await page.goto(`${server.url}/${query}`);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
  }

  it('shows the plan title, a summary and one section per objective', async () => {
    await openPlan();
    assert.equal(await page.title(), 'EDI action plan – plan view');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Equality, Diversity and Inclusion action plan');
    assert.deepEqual(await page.locator('main section > h2').allTextContents(), [
      'Summary as at 12 Mar 2026',
      'Update round',
      'Statutory dates',
      'Filter and sort',
      'Objective 1: Understanding and working with our communities',
      'Objective 2: Develop and support a diverse and engaged workforce',
    ]);

    const summary = await page.locator('dl > div').evaluateAll((tiles) =>
      tiles.map((tile) => `${tile.querySelector('dt')?.textContent}=${tile.querySelector('dd')?.textContent}`),
    );
    assert.deepEqual(summary, [
      'Tasks=5',
      'Not started=1',
      'Green=1',
      'Amber=1',
      'Red=1',
      'Complete=1',
      'Open=4',
      'Complete=1',
      'Carried forward=0',
      'Withdrawn=0',
      'Overdue=1',
      'Due in 14 days=1',
      'Deadlines to check=1',
    ]);
  });

  it('loads nothing from other origins (outside Teams, not even teams-js\'s list of valid host origins)', async () => {
    await openPlan();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(externalRequests, []);
  });

  it('gives an indicator its sub-heading and skips it when the indicator has no title', async () => {
    await openPlan();
    const objective = (n: number) => page.getByRole('region', { name: new RegExp(`^Objective ${n}:`) });
    assert.deepEqual(await objective(1).locator('h3').allTextContents(), [
      'Indicator 1.1: Collection and sharing of information',
    ]);
    assert.equal(await objective(2).locator('h3').count(), 0);
  });

  it('gives every table a caption and column headers with scope="col"', async () => {
    await openPlan();
    const tables = page.locator('main table');
    assert.equal(await tables.count(), 2);
    assert.deepEqual(await page.locator('main table > caption').allTextContents(), [
      'Tasks for Indicator 1.1: Collection and sharing of information (Objective 1: Understanding and working with our communities)',
      'Tasks for Objective 2: Develop and support a diverse and engaged workforce',
    ]);
    for (const table of await tables.all()) {
      const headers = table.locator('thead th');
      assert.deepEqual(await headers.allTextContents(), COLUMN_HEADERS);
      assert.deepEqual(
        await headers.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('scope'))),
        COLUMN_HEADERS.map(() => 'col'),
      );
    }
    const byName = page.getByRole('table', { name: 'Tasks for Objective 2: Develop and support a diverse and engaged workforce' });
    assert.equal(await byName.getByRole('columnheader').count(), COLUMN_HEADERS.length);
  });

  it("shows each task's ref, title, owners and RAG as text with a distinct icon", async () => {
    await openPlan();
    const tasks = planViewFixture.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));
    const iconShapes = new Set<string>();
    for (const task of tasks) {
      const row = page.locator(`tr[data-task-ref="${task.ref}"]`);
      const cells = row.locator('th, td');
      assert.equal(await cells.nth(0).textContent(), task.ref);
      assert.equal(await cells.nth(0).getAttribute('scope'), 'row');
      assert.equal(await cells.nth(1).textContent(), task.title);
      for (const owner of task.owners) {
        assert.ok((await cells.nth(2).textContent())?.includes(owner.displayName), `${task.ref} owner ${owner.displayName}`);
      }
      const badge = cells.nth(4).locator('[data-rag]');
      assert.equal((await badge.textContent())?.trim(), task.rag);
      iconShapes.add(await badge.locator('svg path').first().getAttribute('d') ?? '');
    }
    assert.deepEqual(new Set(tasks.map((t) => t.rag)), new Set(RAG_VALUES), 'the fixture covers every RAG value');
    assert.equal(iconShapes.size, RAG_VALUES.length, 'each RAG status has its own icon');
  });

  it('formats due dates, keeps the council wording, and marks only the overdue task', async () => {
    await openPlan();
    const due = (ref: string) => page.locator(`tr[data-task-ref="${ref}"] td`).nth(2);
    assert.equal(await due('1.1.2').locator('time').textContent(), '27 Feb 2026');
    assert.equal(await due('1.1.2').locator('time').getAttribute('datetime'), '2026-02-27');
    assert.match((await due('1.1.2').textContent()) ?? '', /By the end of February 2026/);
    assert.equal(await due('1.1.2').getByText('Overdue', { exact: true }).count(), 1);

    assert.equal(await due('2.3').textContent(), '27 Nov 2025', 'wording equal to the date is not repeated');
    assert.equal(await due('2.2').textContent(), 'Ongoing');
    assert.equal(await page.locator('[data-overdue]').count(), 1);
    assert.equal(await due('2.1').getByText('Check deadline: Season read as its last month (31 May 2026)', { exact: true }).count(), 1, 'an assumed deadline is flagged in words');
    assert.equal(await page.locator('[data-deadline-check]').count(), 1);
  });

  it('shows update text literally and runs none of it', async () => {
    await openPlan();
    const update = page.locator('tr[data-task-ref="2.1"] td').nth(4);
    assert.equal(await update.locator('p').textContent(), HOSTILE_UPDATE_TEXT.replace(/\s+/g, ' '));
    assert.match((await update.textContent()) ?? '', /10 Mar 2026, Helen Carter/);
    assert.equal(await page.locator('main script, main img').count(), 0);
    assert.equal(await page.evaluate(() => (window as { __planInjected?: boolean }).__planInjected), undefined);
  });

  it('says "Loading the plan…" in a live region while waiting for the server', async () => {
    let release!: () => void;
    server.planAnswer = { ...planOk(), delay: new Promise<void>((resolve) => (release = resolve)) };
    await page.goto(server.url);
    const status = page.locator('main > div[role="status"]');
    await status.getByText('Loading the plan…').waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    release();
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
    assert.equal(await status.textContent(), '');
  });

  it("shows the server's message with a Retry that recovers once the server does", async () => {
    server.planAnswer = { status: 500, body: { message: 'Store unavailable' } };
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /The plan could not be loaded\..*Store unavailable/);
    assert.equal(await page.getByRole('heading', { level: 2, name: /^Objective/ }).count(), 0);

    server.planAnswer = planOk();
    const requestsBefore = server.planRequests;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { level: 2, name: /^Objective 2:/ }).waitFor();
    assert.equal(server.planRequests, requestsBefore + 1);
    assert.equal(await page.getByRole('alert').count(), 0);
  });

  it('explains a failure without a JSON message by its HTTP status', async () => {
    server.planAnswer = { status: 502, body: undefined };
    await page.goto(server.url);
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /HTTP 502/);
  });

  it('lets the keyboard reach a table only when it has to scroll sideways', async () => {
    await openPlan();
    const scroller = page.getByRole('region', { name: /^Tasks for Objective 2/ });
    assert.equal(await scroller.getAttribute('tabindex'), null);
    // Narrow, the rows stack (tab-narrow.test.ts), so there is still nothing to scroll.
    await page.setViewportSize({ width: 480, height: 900 });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('tbody > tr[data-task-ref]')!).display === 'grid');
    assert.equal(await scroller.getAttribute('tabindex'), null);
    // Content wider than the table's box (here forced) makes it a focusable scrolling region.
    await page.addStyleTag({ content: 'main table { min-width: 1200px !important; }' });
    await page.waitForFunction(() => document.querySelectorAll('[role="region"][tabindex="0"]').length === 2);
    assert.equal(await scroller.getAttribute('tabindex'), '0');
  });

  it('?theme=dark changes the page background', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await openPlan();
    const light = await background();
    await openPlan('?theme=dark');
    const dark = await background();
    assert.notEqual(dark, light);
    const [r = 255, g = 255, b = 255] = (dark.match(/\d+/g) ?? []).map(Number);
    assert.ok(r + g + b < 3 * 64, `dark background expected, got ${dark}`);
  });

  describe('a long plan', () => {
    const rowsInDom = (table: ReturnType<Page['locator']>) => table.locator('tbody > tr[data-task-ref]').count();

    beforeEach(() => {
      server.planAnswer = { status: 200, body: largePlanView(1, 2, 600) };
    });

    it('renders only the rows near the viewport, with spacer rows inside the table body and the full row count', async () => {
      await openPlan();
      const table = page.getByRole('table', { name: /^Tasks for Indicator 1\.1 / });
      const rendered = await rowsInDom(table);
      assert.ok(rendered > 0 && rendered < 60, `expected a window of rows, got ${rendered} of 600`);
      assert.equal(await table.getAttribute('aria-rowcount'), '601');
      assert.equal(await table.locator('tbody > tr[data-spacer][aria-hidden="true"]').count(), 1, 'one spacer row below the rendered rows');
      assert.deepEqual(
        await table.locator('thead th').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('scope'))),
        COLUMN_HEADERS.map(() => 'col'),
      );
      const indexes = await table.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
      assert.deepEqual(indexes, indexes.map((_, i) => i + 2), 'rows carry their position in the whole table');
    });

    it('renders later rows when they scroll into view, keeping the page as tall as the whole list', async () => {
      await openPlan();
      const table = page.getByRole('table', { name: /^Tasks for Indicator 1\.1 / });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height > 600 * 60, `the page is as tall as every row (${height}px)`);
      const lastRow = table.locator('tr[data-task-ref="1.1.600"]');
      assert.equal(await lastRow.count(), 0);
      await table.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY - window.innerHeight));
      await lastRow.waitFor();
      assert.equal(await table.locator('tr[data-task-ref="1.1.1"]').count(), 0, 'rows far above are dropped');
      assert.equal(await table.locator('tbody > tr[data-spacer]').count(), 1, 'a spacer above the rendered rows');
      assert.equal(await lastRow.getAttribute('aria-rowindex'), '601');
    });

    it('keeps the focused row while it scrolls out of view, so keyboard focus is not lost', async () => {
      await openPlan();
      const button = page.locator('tr[data-task-ref="1.1.2"] [data-open-task]');
      await button.focus();
      await page.evaluate(() => window.scrollTo(0, 20_000));
      await page.locator('tr[data-task-ref="1.1.210"]').waitFor();
      assert.equal(await page.locator('tr[data-task-ref="1.1.3"]').count(), 0, 'its neighbours are dropped');
      assert.equal(await button.count(), 1, 'the focused row stays rendered');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-open-task')), 'task-1-1-2');
    });

    it('filters the long plan by text and shows the count', async () => {
      await openPlan('?q=task%201199%3A');
      await page.getByText('Showing 1 of 1200 tasks').waitFor();
      assert.deepEqual(await page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref'))), ['1.2.599']);
    });

    it('has no axe WCAG 2.2 A/AA violations', async () => {
      await openPlan();
      await assertNoAxeViolations(page, 'a long, virtualised plan');
    });
  });

  it('has no axe WCAG 2.2 A/AA violations when the plan cannot be loaded', async () => {
    server.planAnswer = { status: 500, body: { message: 'Store unavailable' } };
    await page.goto(server.url);
    await page.getByRole('alert').waitFor();
    await assertNoAxeViolations(page, 'the load error');
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`meets WCAG AA text contrast in the ${theme} theme`, async () => {
      await openPlan(`?theme=${theme}`);
      assert.deepEqual(await findContrastFailures(page), []);
    });
  }
});
