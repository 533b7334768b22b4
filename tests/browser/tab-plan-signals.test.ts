/**
 * What the plan view shows beside the RAG, kept quiet so Red stands out (issue 19, point 8),
 * on the stand-in server with scripted plans: the pending approval column only while something
 * is pending; owners the bot cannot reach as one line in the summary and a plain note on the
 * task, never red bold; the owner filter's chevron inside its border at every width.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PlanView, TaskView } from '../../core/plan-view';
import { TAB_DIST_DIR } from '../../tab/build';
import { assertNoAxeViolations } from './axe';
import { launchChromium } from './chromium';
import { ensureTabBuilt } from './ensure-tab-built';
import { planViewFixture } from './fixtures/plan-view.fixture';
import { startTabTestServer, type TabTestServer } from './tab-server';

/** The fixture with some tasks changed (by ref) and the summary's unreachable count set. */
function planWith(changes: Record<string, Partial<TaskView>>, unreachableOwners?: number): PlanView {
  const plan = structuredClone(planViewFixture);
  for (const objective of plan.objectives) for (const indicator of objective.indicators) for (const task of indicator.tasks) Object.assign(task, changes[task.ref] ?? {});
  if (unreachableOwners !== undefined) plan.summary.unreachableOwners = unreachableOwners;
  return plan;
}

describe('plan tab: pending approvals and unreachable owners, kept quiet', function () {
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
  });
  afterEach(async () => page.close());

  async function show(plan: PlanView): Promise<void> {
    server.planAnswer = { status: 200, body: plan };
    await page.goto(server.url);
    await page.getByRole('heading', { level: 2, name: /^Objective 2:/ }).waitFor();
  }
  const headers = () => page.locator('main table').evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent)));

  it('has no "Pending approval" column while nothing is pending, and shows it in every table once something is', async () => {
    await show(planViewFixture);
    for (const row of await headers()) assert.deepEqual(row, ['Ref', 'Task', 'Owner(s)', 'Due', 'RAG', 'Latest update']);
    assert.equal(await page.locator('[data-label="Pending approval"]').count(), 0);

    await show(planWith({ '2.1': { pendingApproval: { proposedRag: 'Amber', approverName: 'Sam Okafor', requestedAt: '2026-03-10T09:30:00Z' } } }));
    const all = await headers();
    assert.equal(all.length, 2);
    for (const row of all) assert.deepEqual(row, ['Ref', 'Task', 'Owner(s)', 'Due', 'RAG', 'Latest update', 'Pending approval'], 'the same columns in every table');
    assert.match((await page.locator('tr[data-task-ref="2.1"] [data-pending-approval]').textContent()) ?? '', /^Amber proposedAwaiting Sam Okafor since 10 Mar 2026$/);
    assert.equal(await page.locator('tr[data-task-ref="1.1.1"] td').last().textContent(), 'None');
  });

  it('says how many owners the bot cannot reach in one line of the summary, and only when there are some', async () => {
    await show(planWith({ '1.1.2': { ownerUnreachable: true }, '2.2': { ownerUnreachable: true } }, 3));
    const summary = page.getByRole('region', { name: /^Summary/ });
    const line = summary.locator('[data-unreachable-owners]');
    assert.equal(await line.count(), 1);
    assert.match((await line.textContent()) ?? '', /^3 owners cannot be reached yet: /);
    assert.equal(await summary.locator('dt').filter({ hasText: /unreachable/i }).count(), 0, 'not a tile among the RAG counts');
    await assertNoAxeViolations(page, 'the plan with unreachable owners');

    await show(planWith({ '1.1.2': { ownerUnreachable: true } }, 1));
    assert.match((await line.textContent()) ?? '', /^1 owner cannot be reached yet: /);
    await show(planWith({}, 0));
    assert.equal(await line.count(), 0);
  });

  it('marks a task whose owner cannot be reached in plain secondary text, not the red bold of Red and overdue', async () => {
    await show(planWith({ '1.1.2': { ownerUnreachable: true } }, 1));
    const note = page.locator('tr[data-task-ref="1.1.2"] [data-owner-unreachable]');
    assert.equal(await page.locator('[data-owner-unreachable]').count(), 1);
    assert.equal(await note.textContent(), 'The bot cannot message an owner yet');
    const look = (selector: string) => page.locator(selector).first().evaluate((el) => ({ color: getComputedStyle(el).color, weight: Number(getComputedStyle(el).fontWeight) }));
    const noteLook = await look('[data-owner-unreachable]');
    const overdue = await look('[data-overdue]'); // the plan's red alarm (1.1.2 is overdue)
    const owner = await look('tr[data-task-ref="1.1.2"] li');
    assert.ok(noteLook.weight < 600, `regular weight, not bold (${noteLook.weight})`);
    assert.notEqual(noteLook.color, overdue.color, 'not the red of overdue');
    const [r, g, b] = (noteLook.color.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    assert.ok(Math.max(r, g, b) - Math.min(r, g, b) < 16, `a neutral grey (${noteLook.color}), beside the owner's ${owner.color}`);
  });

  for (const width of [1280, 1024, 900, 700, 560, 400, 320]) {
    it(`keeps every filter's chevron inside its border at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await show(planViewFixture);
      const controls = await page.getByRole('search').locator('.fui-Combobox, .fui-Dropdown').evaluateAll((roots) =>
        roots.map((root) => {
          const box = root.getBoundingClientRect();
          const icon = root.querySelector('[class*="expandIcon"]')?.getBoundingClientRect();
          const input = root.querySelector('input')?.getBoundingClientRect();
          return { label: root.querySelector('input, button')?.getAttribute('aria-labelledby') ?? '', left: box.left, right: box.right, iconLeft: icon?.left ?? NaN, iconRight: icon?.right ?? NaN, inputRight: input?.right };
        }),
      );
      assert.equal(controls.length, 7, 'RAG, status, owner, objective, lead service, sort, order');
      for (const c of controls) {
        assert.ok(c.iconRight <= c.right && c.iconLeft >= c.left, `chevron ${c.iconLeft}–${c.iconRight} inside the control ${c.left}–${c.right}`);
        if (c.inputRight !== undefined) assert.ok(c.inputRight <= c.iconLeft, `the owner text box (to ${c.inputRight}) stops before the chevron (${c.iconLeft})`);
      }
    });
  }
});
