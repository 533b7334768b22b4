/**
 * The plan tab at 400 px, the width of Teams on a phone (issue 19, point 7), against the real
 * server and the demo plan. Each task is a block: RAG first, then ref and title, then labelled
 * owner, due date, latest update (and pending approval). Nothing scrolls sideways; it is still
 * the same table to a screen reader; the keyboard opens a task as before; the filters work; axe
 * finds nothing. A full-page screenshot is saved to tests/browser/screenshots/ (not in git) for
 * people to look at.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { PlanView } from '../../core/plan-view';
import { assertNoAxeViolations } from './axe';
import { openPlan, useRealTabPage } from './real-tab-page';
import { focused, openTaskByKeyboard } from './tab-edit-page';

const WIDTH = 400;
const SCREENSHOTS_DIR = path.join(__dirname, 'screenshots');

interface Box {
  left: number;
  right: number;
  top: number;
  width: number;
}

interface RowLayout {
  ref: string;
  display: string;
  rag: Box;
  refCell: Box;
  update: Box;
  updateClipped: boolean;
  ragText: string;
}

/** Where each task row's parts are drawn (page coordinates, so rows below the fold count too). */
async function rowLayouts(page: Page): Promise<RowLayout[]> {
  // tsx compiles with esbuild's keepNames, whose `__name` helper the page lacks.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) =>
    rows.map((row) => {
      const box = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return { left: r?.left ?? -1, right: r?.right ?? -1, top: (r?.top ?? -1) + window.scrollY, width: r?.width ?? 0 };
      };
      const update = row.querySelector('td[data-label="Latest update"]');
      return {
        ref: row.getAttribute('data-task-ref') ?? '',
        display: getComputedStyle(row).display,
        rag: box(row.querySelector('[data-rag]')),
        refCell: box(row.querySelector('th')),
        update: box(update),
        updateClipped: update ? update.scrollWidth > update.clientWidth + 1 : true,
        ragText: row.querySelector('[data-rag]')?.textContent?.trim() ?? '',
      };
    }),
  );
}

/** Once the task panel has slid in (its animations done), it lies inside the narrow tab. */
async function panelSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const r = document.querySelector('[role="dialog"]')?.getBoundingClientRect();
    const still = document.getAnimations().every((a) => a.playState !== 'running');
    return still && r !== undefined && r.left >= 0 && r.right <= window.innerWidth + 0.5;
  }, undefined, { timeout: 5_000 });
}

describe('plan tab at 400 px (Teams mobile)', function () {
  this.timeout(90_000);

  const tab = useRealTabPage();
  let page: Page;
  let plan: PlanView;
  before(async () => {
    plan = (await (await fetch(`${tab.app.url}/api/plan`)).json()) as PlanView;
  });
  beforeEach(async () => {
    page = tab.page;
    await page.setViewportSize({ width: WIDTH, height: 900 });
  });

  const allTasks = () => plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));

  it('stacks every task, RAG first, with its RAG and latest update on screen and nothing to scroll sideways', async () => {
    await openPlan(tab);
    assert.ok(await page.evaluate(() => document.scrollingElement!.scrollWidth) <= WIDTH, 'the page does not scroll sideways');
    const rows = await rowLayouts(page);
    assert.equal(rows.length, allTasks().length, 'every task of the plan is shown');
    for (const row of rows) {
      const task = allTasks().find((t) => t.ref === row.ref);
      assert.equal(row.display, 'grid', `${row.ref} is a stacked block`);
      assert.equal(row.ragText, task?.rag, `${row.ref} shows its RAG word`);
      for (const [part, box] of [['RAG', row.rag], ['latest update', row.update]] as const) {
        assert.ok(box.width > 0 && box.left >= 0 && box.right <= WIDTH, `${row.ref}: the ${part} is inside the 400 px viewport (${box.left}–${box.right})`);
      }
      assert.equal(row.updateClipped, false, `${row.ref}: the latest update is not cut off at the side`);
      assert.ok(row.rag.top < row.refCell.top, `${row.ref}: RAG comes first, above the ref and title`);
    }
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `tab-${WIDTH}.png`), fullPage: true });
  });

  it('is still the same table to a screen reader: the accessibility tree at 400 px is the one at 1280 px', async () => {
    await openPlan(tab);
    const tree = async () => Promise.all((await page.locator('main table').all()).map((table) => table.ariaSnapshot()));
    const narrow = await tree();
    assert.match(narrow[0] ?? '', /- columnheader "RAG"/);
    assert.match(narrow[0] ?? '', /- rowheader "1\.1\.1"/);
    // The labels drawn beside each value when stacked are not read out a second time.
    assert.doesNotMatch(narrow.join('\n'), /cell "(Owner\(s\)|Due|Latest update|Pending approval) /);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('tbody > tr[data-task-ref]')!).display === 'table-row');
    assert.deepEqual(narrow, await tree());
  });

  it('has no axe WCAG 2.2 A/AA violations at 400 px, on the plan and with a task open', async () => {
    await openPlan(tab);
    await assertNoAxeViolations(page, 'the plan at 400 px');
    await openTaskByKeyboard(page, allTasks()[1]!.id);
    await panelSettled(page);
    await assertNoAxeViolations(page, 'a task panel at 400 px');
  });

  it('opens a task from the stacked layout by keyboard, in the order the blocks are shown, and gives focus back', async () => {
    await openPlan(tab);
    // Tab through the whole page: the task titles are reached top to bottom, as drawn.
    const reached: string[] = [];
    for (let i = 0; i < 250 && reached.length < allTasks().length; i++) {
      await page.keyboard.press('Tab');
      const { openTask } = await focused(page);
      if (openTask && !reached.includes(openTask)) reached.push(openTask);
    }
    const drawn = await page.locator('[data-open-task]').evaluateAll((buttons) =>
      buttons.map((b) => ({ id: b.getAttribute('data-open-task') ?? '', top: b.getBoundingClientRect().top + window.scrollY })).sort((a, b) => a.top - b.top).map((b) => b.id),
    );
    assert.deepEqual(reached, drawn);

    const task = allTasks().find((t) => t.ref === '1.1.2')!;
    await openTaskByKeyboard(page, task.id);
    const panel = page.getByRole('dialog');
    assert.ok((await panel.textContent())?.includes(task.title), 'the panel shows the task opened');
    await panelSettled(page); // fails if the panel sticks out of the tab
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-open-task') === id, task.id);
  });

  it('keeps the filters usable at 400 px: every control on screen, chevrons inside their borders, the owner filter by keyboard', async () => {
    await openPlan(tab);
    const form = page.getByRole('search', { name: 'Filter and sort the plan' });
    const controls = await form.locator('input, button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? el.tagName, left: r.left, right: r.right };
      }),
    );
    for (const c of controls) assert.ok(c.left >= 0 && c.right <= WIDTH, `${c.name} is inside the viewport (${c.left}–${c.right})`);
    const chevrons = await form.locator('.fui-Combobox, .fui-Dropdown').evaluateAll((roots) =>
      roots.map((root) => ({ root: root.getBoundingClientRect().right, icon: root.querySelector('[class*="expandIcon"]')?.getBoundingClientRect().right ?? Infinity })),
    );
    assert.ok(chevrons.length >= 7);
    for (const c of chevrons) assert.ok(c.icon <= c.root, `the chevron (right edge ${c.icon}) is inside its control (${c.root})`);

    const owner = allTasks()[0]!.owners[0]!;
    await page.getByRole('combobox', { name: 'Owner' }).focus();
    await page.keyboard.type(owner.displayName.slice(0, 4));
    await page.getByRole('option', { name: owner.displayName }).waitFor();
    const active = () => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
    for (let i = 0; i < 5 && (await active()) !== owner.displayName; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await active(), owner.displayName, 'the arrow keys reach the owner in the list');
    await page.keyboard.press('Enter');
    const theirs = allTasks().filter((t) => t.owners.some((o) => o.aadObjectId === owner.aadObjectId));
    await page.getByText(`Showing ${theirs.length} of ${allTasks().length} tasks`).waitFor();
    assert.deepEqual(await page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref'))), theirs.map((t) => t.ref));
    assert.ok(await page.evaluate(() => document.scrollingElement!.scrollWidth) <= WIDTH);
  });
});
