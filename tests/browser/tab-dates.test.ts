/**
 * Dates in the tab's dialogs are day first (en-GB) whatever the browser's own locale (issue 19,
 * point 8). The browser here is US English, as a council laptop set up in US English would be,
 * where a native date input shows and reads month first. Against the real server (officer priya);
 * each test has its own store, since it saves.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Task } from '../../core/model';
import { assertNoAxeViolations } from './axe';
import { useRealTabPage } from './real-tab-page';

describe('plan tab: dates in dialogs are en-GB in a US-English browser', function () {
  this.timeout(90_000);

  const tab = useRealTabPage({ appPerTest: true });
  let page: Page;
  let pageErrors: string[];
  beforeEach(async () => {
    pageErrors = [];
    page = await tab.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route((url) => url.origin !== tab.app.url, (route) => route.abort());
    await page.goto(`${tab.app.url}/`);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  });
  afterEach(async () => {
    await page.close();
    assert.deepEqual(pageErrors, []);
  });

  const task = async (ref: string): Promise<Task> => {
    const found = await tab.app.ctx.store.getTaskByRef(ref);
    assert.ok(found, `the demo plan has task ${ref}`);
    return found;
  };

  it("shows a task's due date day first, reads what is typed day first, and refuses a date that does not exist", async () => {
    const before = await task('1.1.1');
    assert.ok(before.dueDate, 'task 1.1.1 has a due date');
    await page.locator(`[data-open-task="${before.id}"]`).click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('button', { name: 'Edit' }).click();
    const due = panel.getByRole('textbox', { name: 'Due date' });
    const [y, m, d] = before.dueDate.split('-');
    assert.equal(await due.inputValue(), `${d}/${m}/${y}`);
    // The format is in the field's description, read with it.
    const described = await due.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    assert.match(described, /Day, month, year: for example 31\/03\/2027/);

    await due.fill('31/02/2027');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Give a real date, for example 31/03/2027.').waitFor();
    assert.equal((await task('1.1.1')).dueDate, before.dueDate, 'nothing saved');
    await assertNoAxeViolations(page, 'the edit form with a date problem');

    await due.fill('1/5/2027');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').getByText(/^Saved: Due date changed\./).waitFor();
    assert.equal((await task('1.1.1')).dueDate, '2027-05-01', '1/5/2027 is the 1st of May, not the 5th of January');
    assert.match((await panel.locator('[data-change-field="dueDate"]').first().textContent()) ?? '', /→ 1 May 2027$/);
  });

  it('opens an update round with its due date read day first', async () => {
    await page.getByRole('region', { name: 'Update round' }).getByRole('button', { name: 'Open an update round' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an update round' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Board report April 2026');
    // Day first this is 2 April 2026, after today (12 March); month first it would be 4 February, before it.
    await dialog.getByRole('textbox', { name: 'Updates due by' }).fill('2/4/2026');
    assert.match((await dialog.textContent()) ?? '', /Day, month, year: for example 31\/03\/2027/);
    await assertNoAxeViolations(page, 'the open round dialog');
    await dialog.getByRole('button', { name: 'Open round' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [round] = await tab.app.ctx.store.listRounds({ state: 'Open' });
    assert.equal(round?.dueDate, '2026-04-02');
  });
});
