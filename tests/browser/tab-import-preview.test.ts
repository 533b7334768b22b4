/**
 * The import preview in the real tab (issue 18): upload a plan whose owner and deadline columns
 * have headers the import does not know, correct them in the preview by keyboard, mark a row "Not
 * a task", save the mapping file (parsed back), import, and find the corrected tasks in the plan.
 * Every step after choosing the file is keys only; axe runs on the preview.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { demoUsers } from '../../bot/demo/demo-users';
import { assertNoAxeViolations } from './axe';
import type { RealTabApp } from './real-app';
import { openPlan, useRealTabPage } from './real-tab-page';
import { describedBy, focused, tabTo, tabToButton, tabToField } from './tab-edit-page';

const FILE_NAME = 'accessible-services.csv';
const PLAN_CSV = [
  'Objective,Ref,Task,Champion,Finish by,RAG',
  '8. Accessible services,8.1,Publish an easy-read guide to council tax support,Alex Morgan,31/03/2027,Green',
  ',8.2,Caption every council meeting broadcast,Sam Okafor,By the end of June 2026,Amber',
  ',8.3,Signed off by the Equality Board in January,Jordan Lee,January 2026,Green',
  '',
].join('\r\n');
const MARKED_ROW = `${FILE_NAME}, row 4`;

describe('import preview in the tab: correct a column, mark a row, save the mapping, import (keyboard, axe)', function () {
  this.timeout(90_000);

  const tab = useRealTabPage({ appPerTest: true });
  let app: RealTabApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = tab);
    return openPlan(tab);
  });

  const dialog = () => page.getByRole('dialog', { name: 'Import a plan' });
  const status = () => dialog().getByRole('status');
  const cells = (attribute: string) => dialog().locator(`tr[data-import-task] [${attribute}]`).allTextContents();
  const shownRefs = () => dialog().locator('tr[data-import-task]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-import-task')));

  /** Opens the dialog and checks the file by keyboard; only the file itself is handed over (no key opens an OS file picker in a test). */
  async function uploadByKeyboard(): Promise<void> {
    await page.locator('body').focus();
    await tabToButton(page, 'Import a plan');
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await dialog().getByLabel('Plan file').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(PLAN_CSV) });
    await tabToButton(page, 'Check the file');
    await page.keyboard.press('Enter');
    await status().getByText('Checked: nothing has been saved yet.').waitFor();
  }

  /** Chooses a column's meaning as a keyboard user does in a list: focus it, type the start of the choice. */
  async function chooseMeaning(header: string, typed: string, expected: string): Promise<void> {
    await tabToField(page, header, true);
    await page.keyboard.type(typed);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value), expected, `${header} now means ${expected}`);
  }

  async function previewUpdated(tasks: number): Promise<void> {
    await status().getByText(new RegExp(`^Preview updated: ${tasks} tasks?, `)).waitFor();
  }

  it('corrects the unrecognised columns and a row, saves the mapping file, and imports only what the preview showed', async () => {
    await uploadByKeyboard();
    assert.deepEqual(await shownRefs(), ['8.1', '8.2', '8.3']);
    assert.deepEqual(await cells('data-import-owners'), ['None given', 'None given', 'None given'], 'Champion was not recognised');
    assert.equal(await dialog().getByRole('combobox', { name: 'Champion' }).inputValue(), 'ignore');
    assert.match((await dialog().getByRole('combobox', { name: 'Champion' }).getAttribute('aria-describedby')) ?? '', /\S/, 'the "not recognised" hint is tied to the list');
    await assertNoAxeViolations(page, 'the import preview as first checked');

    await chooseMeaning('Champion', 'Lead officer', 'owner');
    await previewUpdated(3);
    assert.deepEqual(await cells('data-import-owners'), [demoUsers.alex.displayName, demoUsers.sam.displayName, demoUsers.jordan.displayName]);
    await chooseMeaning('Finish by', 'Deadline', 'deadline');
    await previewUpdated(3);
    assert.deepEqual(await cells('data-import-due'), ['31 Mar 2027 (“31/03/2027”)', '30 Jun 2026 (“By the end of June 2026”)', '31 Jan 2026 (“January 2026”)']);

    // Row 4 is a note about the plan, not a task: mark it, and focus lands on its Undo.
    await tabTo(page, (f) => f.label === `Not a task: ${MARKED_ROW}`, 'the "Not a task" button of row 4');
    await page.keyboard.press('Enter');
    await page.waitForFunction((where) => document.activeElement?.getAttribute('data-undo-row') === where, MARKED_ROW);
    await previewUpdated(2);
    assert.deepEqual(await shownRefs(), ['8.1', '8.2']);
    assert.match((await dialog().locator('[data-import-marked]').textContent()) ?? '', /row 4 \(8\.3 Signed off by the Equality Board in January\): not a task/);
    await assertNoAxeViolations(page, 'the corrected import preview');

    await tabToButton(page, 'Save mapping file', true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'accessible-services-import-mapping.json');
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(saved, { columns: { Champion: 'owner', 'Finish by': 'deadline' }, rows: { [MARKED_ROW]: 'not-a-task' } });
    await status().getByText(/Downloaded accessible-services-import-mapping\.json/).waitFor();
    assert.equal(await app.ctx.store.getTaskByRef('8.1'), undefined, 'nothing written before the import');

    await tabToButton(page, 'Import 2 tasks');
    await page.keyboard.press('Enter');
    await status().getByText('Imported.').waitFor();
    const first = await app.ctx.store.getTaskByRef('8.1');
    const second = await app.ctx.store.getTaskByRef('8.2');
    assert.deepEqual(first?.owners.map((o) => o.displayName), [demoUsers.alex.displayName]);
    assert.equal(first?.dueDate, '2027-03-31');
    assert.deepEqual(second?.owners.map((o) => o.displayName), [demoUsers.sam.displayName]);
    assert.equal(second?.dueDate, '2026-06-30');
    assert.equal(await app.ctx.store.getTaskByRef('8.3'), undefined, 'the row marked "Not a task" was not imported');

    await tabToButton(page, 'Done');
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    await page.locator('tr[data-task-ref="8.1"]').waitFor();
  });

  it('reuses a saved mapping file, and says plainly (tied to the field) when a file is not one', async () => {
    await uploadByKeyboard();
    const chooser = dialog().getByLabel('Use a saved mapping file');
    await chooser.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"columns":{"Champion":"boss"}}') });
    await dialog().getByText(/The mapping is not a valid mapping \(columns\.Champion/).waitFor();
    await chooser.focus();
    const tied = await describedBy(page);
    assert.match(tied.description, /not a valid mapping/, 'the problem is read out with the field');
    assert.equal(await dialog().getByRole('combobox', { name: 'Champion' }).inputValue(), 'ignore', 'a refused file changes nothing');

    const mapping = { columns: { champion: 'owner', 'Finish by': { field: 'deadline' } }, rows: { [MARKED_ROW]: 'not-a-task' } };
    await chooser.setInputFiles({ name: 'plan-mapping.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mapping)) });
    await previewUpdated(2);
    assert.deepEqual(await cells('data-import-owners'), [demoUsers.alex.displayName, demoUsers.sam.displayName]);
    assert.equal(await dialog().getByRole('combobox', { name: 'Champion' }).inputValue(), 'owner');
    assert.equal(await dialog().getByRole('combobox', { name: 'Finish by' }).inputValue(), 'deadline');
    assert.equal((await focused(page)).label, 'Use a saved mapping file');

    // Undo the row mark by keyboard: the row comes back.
    await tabTo(page, (f) => f.label === `Undo: ${MARKED_ROW}`, 'the Undo of row 4');
    await page.keyboard.press('Enter');
    await previewUpdated(3);
    await tabToButton(page, 'Cancel');
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    assert.equal(await app.ctx.store.getTaskByRef('8.1'), undefined, 'cancelled: nothing written');
  });

  it('keeps a plan of 300 tasks usable: 25 rows per objective at a time, "Show more" by keyboard, quick updates', async () => {
    const rows = ['Objective,Ref,Task,Champion,Finish by'];
    for (let o = 1; o <= 3; o++) {
      for (let t = 1; t <= 100; t++) rows.push(`${t === 1 ? `${o + 5}. Theme ${o}` : ''},${o + 5}.${t},Action ${t} of theme ${o},Alex Morgan,31/03/2027`);
    }
    await page.locator('body').focus();
    await tabToButton(page, 'Import a plan');
    await page.keyboard.press('Enter');
    await dialog().getByLabel('Plan file').setInputFiles({ name: 'big-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\r\n')}\r\n`) });
    await tabToButton(page, 'Check the file');
    await page.keyboard.press('Enter');
    await status().getByText('Checked: nothing has been saved yet.').waitFor();
    assert.equal(await dialog().locator('tr[data-import-task]').count(), 75, '25 rows under each of the 3 objectives');
    await dialog().getByRole('heading', { name: 'Tasks found (300)' }).waitFor();

    await tabToField(page, 'Champion', true);
    const started = Date.now();
    await chooseMeaning('Champion', 'Lead officer', 'owner');
    await previewUpdated(300);
    const ms = Date.now() - started;
    assert.ok(ms < 5_000, `the preview of 300 tasks updated in ${ms} ms`);
    assert.equal((await cells('data-import-owners'))[0], demoUsers.alex.displayName);

    await tabToButton(page, 'Show 25 more (75 tasks not shown)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-import-task') === '6.26');
    const firstObjective = dialog().locator('table[data-import-objective^="Objective 6"] tr[data-import-task]');
    assert.equal(await firstObjective.count(), 50);
    await assertNoAxeViolations(page, 'the preview of a 300-task plan');
  });
});
