/**
 * The tab's trends view (`?view=trends`) and the plan's clickable summary tiles, in Chromium
 * against the test tab server. Expected numbers are worked out here from the fixtures, never
 * copied from the page: each chart's table alternative and its drawn segments must both hold them.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { RAG_VALUES, type Rag } from '../../core/model';
import { TAB_DIST_DIR } from '../../tab/build';
import { assertNoAxeViolations } from './axe';
import { launchChromium } from './chromium';
import { ensureTabBuilt } from './ensure-tab-built';
import { planViewFixture } from './fixtures/plan-view.fixture';
import { emptyTrendsFixture, trendsFixture } from './fixtures/trends.fixture';
import { chartContrastFailures, chartSegments, chartTable, numberIn } from './trends-page';
import { startTabTestServer, type TabTestServer } from './tab-server';

const THEMES = ['default', 'dark', 'contrast'] as const;
const SECTION_HEADINGS = ['RAG status at each update round', 'Progress by objective', 'Movers since January 2026 update', 'Measures against target'];
const planTasks = planViewFixture.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));

describe('trends view and summary filters in Chromium', function () {
  this.timeout(60_000);

  let browser: Browser;
  let server: TabTestServer;
  let page: Page;
  let pageErrors: string[];

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
    server.planAnswer = { status: 200, body: planViewFixture };
    server.trendsAnswer = { status: 200, body: trendsFixture };
    pageErrors = [];
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route((url) => url.origin !== server.url, (route) => route.abort());
  });
  afterEach(async () => {
    await page.close();
    assert.deepEqual(pageErrors, [], 'the page threw uncaught errors');
  });

  async function openTrends(query = ''): Promise<void> {
    await page.goto(`${server.url}/?view=trends${query}`);
    await page.getByRole('heading', { level: 2, name: 'Measures against target' }).waitFor();
  }
  async function openPlan(query = ''): Promise<void> {
    await page.goto(`${server.url}/${query}`);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
  }
  const search = () => new URL(page.url()).searchParams;
  const shownRefs = () => page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref')));

  describe('the trends view', () => {
    it('opens from /?view=trends with a section per trend, its charts named by their headings, and no plan request', async () => {
      const planRequests = server.planRequests;
      await openTrends();
      assert.deepEqual(await page.locator('main section > h2').allTextContents(), SECTION_HEADINGS);
      assert.equal(await page.getByRole('tab', { name: 'Trends' }).getAttribute('aria-selected'), 'true');
      for (const name of ['RAG status at each update round', 'Progress by objective', 'Measures against target']) {
        const chart = page.getByRole('img', { name, exact: true });
        assert.equal(await chart.count(), 1, name);
        assert.ok(((await chart.getAttribute('aria-describedby')) ?? '') !== '', `${name} has a description`);
      }
      assert.equal(await page.locator('main figure table').count(), 3, 'each chart has its table');
      assert.equal(server.planRequests, planRequests, 'the trends view does not load the plan');
    });

    it('RAG at each round: the table and the drawn segments hold the rounds’ numbers, with response rates', async () => {
      await openTrends();
      const table = await chartTable(page, 'rag-by-round');
      assert.equal(table.caption, 'RAG status at each update round');
      assert.deepEqual(table.rows.map((r) => r[0]), trendsFixture.ragByRound.map((p) => p.label));
      trendsFixture.ragByRound.forEach((point, i) => {
        const cell = (header: string) => table.rows[i]![table.headers.indexOf(header)]!;
        for (const rag of RAG_VALUES) assert.equal(Number(cell(rag)), point.byRag[rag], `${point.label} ${rag}`);
        assert.equal(Number(cell('Total')), point.total);
        assert.equal(cell('Response rate'), point.responseRate === undefined ? 'No round open' : `${Math.round(point.responseRate * 100)}%`);
      });
      const expected = trendsFixture.ragByRound.flatMap((p) => RAG_VALUES.filter((rag) => p.byRag[rag] > 0).map((rag) => `${p.label}|${rag}|${p.byRag[rag]}`));
      await assertSegments('rag-by-round', expected);
    });

    it('progress by objective: % complete and RAG mix in the list, table and segments', async () => {
      await openTrends();
      const table = await chartTable(page, 'rag-by-objective');
      trendsFixture.objectives.forEach((o, i) => {
        const row = table.rows[i]!;
        assert.equal(row[0], `${o.ref}. ${o.title}`);
        for (const rag of RAG_VALUES) assert.equal(Number(row[table.headers.indexOf(rag)]), o.byRag[rag], `${o.ref} ${rag}`);
        assert.equal(Number(row[table.headers.indexOf('Total')]), o.total);
        assert.equal(numberIn(row[table.headers.indexOf('Complete (%)')]!), Math.round((o.complete / o.total) * 100));
      });
      for (const o of trendsFixture.objectives) {
        const item = (await page.locator(`li[data-objective="${o.ref}"]`).textContent()) ?? '';
        assert.match(item, new RegExp(`^${o.percentComplete}% complete: ${o.ref}\\. .*\\(${o.complete} of ${o.total} tasks\\)$`));
      }
      const expected = trendsFixture.objectives.flatMap((o) => RAG_VALUES.filter((rag) => o.byRag[rag] > 0).map((rag) => `${o.ref}. ${o.title}|${rag}|${o.byRag[rag]}`));
      await assertSegments('rag-by-objective', expected);
    });

    it('measures against target: baseline, latest and target in the table, and bars as long as the progress', async () => {
      await openTrends();
      const table = await chartTable(page, 'measures');
      assert.deepEqual(table.headers, ['Measure', 'Baseline', 'Latest', 'Target', 'Status']);
      const bars = await page.locator('figure[data-chart="measures"] g[data-row]').evaluateAll((rows) =>
        rows.map((g) => {
          const [track, fill] = [...g.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
          const bold = [...g.querySelectorAll('text')].find((t) => getComputedStyle(t).fontWeight === '700');
          return { label: g.getAttribute('data-row'), share: fill === undefined ? undefined : fill / track!, latest: bold?.textContent };
        }),
      );
      trendsFixture.measures.forEach((m, i) => {
        const [label, baseline, latest, target, status] = table.rows[i]!;
        assert.equal(label, `${m.ref} ${m.name}`);
        assert.equal(numberIn(baseline!), m.baseline ?? null, `${m.ref} baseline`);
        assert.equal(numberIn(latest!), m.latest?.value ?? null, `${m.ref} latest`);
        assert.equal(numberIn(target!), m.target, `${m.ref} target`);
        if (m.suggested) assert.match(status!, new RegExp(`^${m.suggested}: should be`));
        else assert.equal(status, m.latest ? `Should be ${m.expectedNow} now` : 'No value given yet');
        const bar = bars[i]!;
        assert.equal(bar.label, label);
        assert.equal(bar.latest, latest, 'the value beside the bar is the table’s');
        if (m.progress === undefined) assert.equal(bar.share, undefined, `${m.ref} has no bar`);
        else assert.ok(Math.abs(bar.share! - Math.min(1, m.progress)) < 0.01, `${m.ref} bar ${bar.share} vs ${m.progress}`);
      });
    });

    it('lists the movers since the last round, and a mover opens in the plan’s task panel', async () => {
      await openTrends();
      for (const direction of ['up', 'down'] as const) {
        const group = page.locator(`[data-movers="${direction}"]`);
        const expected = trendsFixture.movers[direction];
        assert.equal(await group.locator('h3').textContent(), `${direction === 'up' ? 'Went up' : 'Went down'} (${expected.length} tasks)`);
        const items = await group.locator('li').evaluateAll((lis) => lis.map((li) => ({ ref: li.getAttribute('data-task-ref'), text: li.textContent })));
        assert.deepEqual(items.map((i) => i.ref), expected.map((m) => m.ref));
        expected.forEach((m, i) => assert.equal(items[i]!.text, `${m.ref} ${m.title}${m.from}→ to ${m.to}`));
      }
      const mover = trendsFixture.movers.down[1]!;
      await page.getByRole('button', { name: `${mover.ref} ${mover.title}` }).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(`^${mover.ref.replace('.', '\\.')} `) });
      await dialog.waitFor();
      assert.equal(search().get('task'), mover.taskId);
      assert.equal(search().get('view'), null, 'the plan view is shown under the panel');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected'), 'true');
      assert.equal(search().get('task'), null);
    });

    for (const theme of THEMES) {
      it(`has no axe WCAG 2.2 A/AA violations and keeps chart contrast in the ${theme} theme`, async () => {
        await openTrends(`&theme=${theme}`);
        await assertNoAxeViolations(page, `the trends view (${theme})`);
        await page.locator('main details > summary').evaluateAll((summaries) => summaries.forEach((s) => (s as HTMLElement).click()));
        await page.locator('main figure table').first().waitFor();
        await assertNoAxeViolations(page, `the trends view with its tables open (${theme})`);
        assert.deepEqual(await chartContrastFailures(page), []);
      });
    }

    it('says in words when there is nothing to chart', async () => {
      server.trendsAnswer = { status: 200, body: emptyTrendsFixture };
      await openTrends();
      for (const words of [
        'The plan has no tasks yet, so there is nothing to chart.',
        'No objective has any tasks yet.',
        'No round has closed yet, so there is nothing to compare with.',
        'No task has a measure with a target yet.',
      ]) {
        assert.equal(await page.getByText(words, { exact: true }).count(), 1, words);
      }
      assert.equal(await page.locator('main svg[role="img"]').count(), 0, 'no empty charts');
      await assertNoAxeViolations(page, 'the empty trends view');
    });

    it('shows the error with a Retry that loads the trends once the server answers', async () => {
      server.trendsAnswer = { status: 500, body: { message: 'Store unavailable' } };
      await page.goto(`${server.url}/?view=trends`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /The trends could not be loaded\..*Store unavailable/);
      await assertNoAxeViolations(page, 'the trends load error');

      server.trendsAnswer = { status: 200, body: trendsFixture };
      const requests = server.trendsRequests;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('img', { name: 'RAG status at each update round' }).waitFor();
      assert.equal(server.trendsRequests, requests + 1);
      assert.equal(await page.getByRole('alert').count(), 0);
    });
  });

  describe('the view switch', () => {
    it('switches views with the tabs, by mouse and keyboard, keeping the other parameters', async () => {
      const trendsRequests = server.trendsRequests;
      await openPlan('?theme=dark&q=ward');
      await page.waitForLoadState('networkidle');
      assert.equal(server.trendsRequests, trendsRequests, 'the plan view does not load the trends');
      await page.getByRole('tab', { name: 'Trends' }).click();
      await page.getByRole('img', { name: 'RAG status at each update round' }).waitFor();
      assert.equal(search().get('view'), 'trends');
      assert.equal(search().get('theme'), 'dark');
      assert.equal(search().get('q'), 'ward');

      await page.getByRole('tab', { name: 'Trends' }).focus();
      await page.keyboard.press('ArrowLeft');
      assert.ok(await page.getByRole('tab', { name: 'Plan' }).evaluate((tab) => tab === document.activeElement), 'the arrow key moves to the Plan tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
      assert.equal(search().get('view'), null);
      assert.equal(search().get('q'), 'ward');
      assert.deepEqual(await shownRefs(), ['1.1.2'], 'the plan keeps its filter');
    });
  });

  describe('summary tiles', () => {
    const tile = (group: string, name: string) => page.locator('dl').nth(['By RAG', 'By status', 'Needs attention'].indexOf(group)).getByRole('button', { name, exact: true });

    it('filter the plan on click, show it pressed, and clear it on a second click', async () => {
      await openPlan();
      const amber = tile('By RAG', 'Amber');
      assert.equal(await amber.getAttribute('aria-pressed'), 'false');
      await amber.click();
      assert.equal(await amber.getAttribute('aria-pressed'), 'true');
      assert.equal(search().get('rag'), 'Amber');
      await page.getByText(/^Showing \d+ of 5 tasks$/).waitFor();
      assert.deepEqual(await shownRefs(), planTasks.filter((t) => t.rag === 'Amber').map((t) => t.ref));

      await amber.click();
      assert.equal(await amber.getAttribute('aria-pressed'), 'false');
      assert.equal(search().get('rag'), null);
      await page.getByText('Showing all 5 tasks').waitFor();
      assert.deepEqual(await shownRefs(), planTasks.map((t) => t.ref));
    });

    it('toggle status and attention filters, adding to RAG ones, and the whole tile is the target', async () => {
      await openPlan();
      const red = tile('By RAG', 'Red');
      const box = await red.locator('xpath=ancestor::div[1]').locator('dd').boundingBox();
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
      assert.equal(await red.getAttribute('aria-pressed'), 'true', 'a click on the number presses the tile');
      await tile('By RAG', 'Amber').click();
      assert.equal(search().get('rag'), 'Amber,Red');
      await tile('Needs attention', 'Overdue').click();
      assert.equal(search().get('overdue'), '1');
      const expected = planTasks.filter((t) => t.overdue && (['Amber', 'Red'] as Rag[]).includes(t.rag)).map((t) => t.ref);
      await page.getByText(`Showing ${expected.length} of 5 tasks`).waitFor();
      assert.deepEqual(await shownRefs(), expected);

      await page.goto(`${server.url}/`);
      await tile('By status', 'Complete').click();
      const complete = planTasks.filter((t) => t.status === 'Complete').map((t) => t.ref);
      await page.getByText(`Showing ${complete.length} of 5 tasks`).waitFor();
      assert.deepEqual(await shownRefs(), complete);
      assert.equal(await tile('By RAG', 'Complete').getAttribute('aria-pressed'), 'false', 'the RAG tile of the same name is separate');
      assert.equal(await page.locator('dl > div', { hasText: 'Due in 14 days' }).getByRole('button').count(), 0, 'a total with no filter stays plain');
      await assertNoAxeViolations(page, 'the plan with a pressed summary tile');
    });
  });

  async function assertSegments(chartId: string, expected: string[]): Promise<void> {
    const segments = await chartSegments(page, chartId);
    assert.deepEqual(segments.map((s) => `${s.category}|${s.series}|${s.value}`).sort(), [...expected].sort());
    for (const s of segments) {
      assert.equal(s.title, `${s.category}: ${s.series} ${s.value}`);
      if (s.label !== null) assert.equal(s.label, String(s.value), `the label drawn on ${s.category} ${s.series}`);
    }
    assert.ok(segments.filter((s) => s.label !== null).length >= expected.length / 2, 'most segments carry their number');
  }
});
