/**
 * The tab's Equality Framework view (`?view=eflg`) against the real server and the demo plan
 * (priya, the EDI officer): it opens from the address and from the view tabs (by keyboard), shows
 * every module and criterion with the tagged tasks, their RAG, the level reached and what is
 * missing, with no axe violations in any theme; a tag an officer adds in the task's edit form
 * shows up in the view; the evidence pack downloads as Word with heading styles.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { buildDemoPlan } from '../../bot/demo/demo-plan';
import { EFLG_FRAMEWORK, eflgTagTitle } from '../../core/eflg/framework';
import { assertNoAxeViolations } from './axe';
import { TEST_NOW, type RealTabApp } from './real-app';
import { openPlan, useRealTabPage } from './real-tab-page';
import { focused, openTaskByKeyboard, tabTo, tabToButton, waitForFocusOn } from './tab-edit-page';

const MODULE_HEADINGS = EFLG_FRAMEWORK.map((m) => `Module ${m.number}: ${m.title}`);
const demoTasks = buildDemoPlan(TEST_NOW.toISOString().slice(0, 10)).tasks;

describe('Equality Framework view in Chromium, on the real API', function () {
  this.timeout(90_000);

  const tab = useRealTabPage({ appPerTest: true });
  let app: RealTabApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = tab);
  });

  async function openEflg(query = ''): Promise<void> {
    await page.goto(`${app.url}/?view=eflg${query}`);
    await page.getByRole('heading', { level: 2, name: MODULE_HEADINGS[3] }).waitFor();
  }
  const criterion = (id: string) => page.locator(`section[data-eflg-criterion="${id}"]`);

  it('opens from ?view=eflg: a heading per module and criterion, the demo’s tagged tasks with RAG and level, the gaps, and no axe violations', async () => {
    await openEflg();
    assert.equal(await page.getByRole('tab', { name: 'Equality Framework' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(await page.locator('main h2').allTextContents(), MODULE_HEADINGS);
    const criteria = EFLG_FRAMEWORK.flatMap((m) => m.criteria.map((c) => `${c.id} ${c.title}`));
    const h3 = await page.locator('main h3').allTextContents();
    assert.deepEqual(h3.filter((t) => !/as a whole$/.test(t)), criteria);
    for (const m of EFLG_FRAMEWORK) assert.equal(await page.getByRole('region', { name: `Module ${m.number}: ${m.title}` }).count(), 1, 'each module is a named region');

    // Every demo tag is listed under its criterion, at its level, with the task's RAG.
    const tagged = demoTasks.flatMap((t) => (t.eflg ?? []).map((tag) => ({ t, tag })));
    assert.ok(new Set(tagged.map((x) => x.tag.module)).size === 4 && tagged.length >= 12, 'the demo tags a dozen tasks across all four modules');
    for (const { t, tag } of tagged) {
      const section = tag.criterion ? criterion(tag.criterion) : page.locator(`section[data-eflg-module="${tag.module}"] section[data-eflg-criterion="${tag.module}"]`);
      const item = section.locator(`li[data-task-ref="${t.ref}"]`);
      assert.equal(await item.getAttribute('data-level'), tag.level, `${t.ref} under ${tag.criterion ?? tag.module}`);
      assert.equal(await item.locator('[data-rag]').getAttribute('data-rag'), t.rag, `${t.ref} RAG`);
      assert.match((await item.textContent()) ?? '', new RegExp(`Level claimed: ${tag.level}`));
    }

    // 1.4.2 is Complete with evidence at Excellent; 1.5 has nothing tagged; 2.3.1 is Green without evidence.
    assert.equal(await criterion('1.4').getAttribute('data-reached'), 'Excellent');
    assert.match((await criterion('1.4').textContent()) ?? '', /Excellent is reached/);
    assert.match((await criterion('1.4').getByRole('list', { name: /^Evidence for/ }).textContent()) ?? '', /^1\.4\.2: /);
    assert.equal(await criterion('1.5').getAttribute('data-reached'), '');
    assert.match((await criterion('1.5').textContent()) ?? '', /No task is tagged to this criterion yet\..*To reach Developing: .*No task is tagged at Developing or above yet/);
    assert.match((await criterion('2.3').getByRole('list', { name: 'Missing for Developing' }).textContent()) ?? '', /No evidence sent yet for 2\.3\.1/);

    await assertNoAxeViolations(page, 'the Equality Framework view');
    for (const theme of ['dark', 'contrast']) {
      await openEflg(`&theme=${theme}`);
      await assertNoAxeViolations(page, `the Equality Framework view (${theme} theme)`);
    }
  });

  it('opens from the view tabs by keyboard, keeps the view in the address, and a task in it opens in the plan’s task panel', async () => {
    await openPlan(tab);
    // Fluent's tab prints its name twice (once hidden, to reserve the bold width).
    const onTab = async (name: string) => (await page.evaluate(() => document.activeElement?.getAttribute('role'))) === 'tab' && (await focused(page)).text.startsWith(name);
    for (let i = 0; i < 60 && !(await onTab('Plan')); i++) await page.keyboard.press('Tab');
    assert.ok(await onTab('Plan'), 'keyboard focus reaches the Plan tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.ok(await onTab('Equality Framework'), 'the arrow keys move to the Equality Framework tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: MODULE_HEADINGS[0] }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('view'), 'eflg');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: MODULE_HEADINGS[0] }).waitFor();

    const task = (await app.ctx.store.getTaskByRef('2.1.1'))!;
    await tabTo(page, (f) => f.openTask === task.id, 'task 2.1.1 in the view');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog').locator('[data-task-detail]');
    await detail.waitFor();
    // The panel lists the task's tags, read-only, with the level each evidences.
    assert.ok(task.eflg?.length, 'the demo tags 2.1.1');
    for (const tag of task.eflg) await detail.getByRole('listitem').filter({ hasText: `${eflgTagTitle(tag)} (${tag.level})` }).waitFor();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('view'), null, 'back in the plan view');
    assert.equal(url.searchParams.get('task'), task.id);
  });

  it('a tag an officer adds in the task’s edit form is saved and shows up in the view', async () => {
    const task = (await app.ctx.store.getTaskByRef('1.5.1'))!;
    assert.equal(task.eflg, undefined, 'the demo leaves 1.5.1 untagged');
    await openPlan(tab);
    await openTaskByKeyboard(page, task.id);
    await tabToButton(page, 'Edit');
    await page.keyboard.press('Enter');
    await waitForFocusOn(page, 'Ref');

    const panel = page.getByRole('dialog');
    const group = panel.getByRole('group', { name: 'Equality Framework' });
    await group.getByText('Not tagged to the LGA Equality Framework yet.').waitFor();
    await group.getByLabel('Module').selectOption('1');
    await group.getByLabel('Criterion').selectOption('1.5');
    await group.getByLabel('Level the task evidences').selectOption('Achieving');
    await group.getByLabel('Module').focus();
    await tabToButton(page, 'Add tag');
    await page.keyboard.press('Enter');
    await group.getByRole('list', { name: 'Equality Framework tags on the task' }).getByText('1.5 Participation in public life').waitFor();
    await assertNoAxeViolations(page, 'the edit form with a tag');
    await tabToButton(page, 'Save');
    await page.keyboard.press('Enter');
    await panel.getByRole('status').getByText('Saved: Equality Framework changed.').waitFor();
    assert.deepEqual((await app.ctx.store.getTaskByRef('1.5.1'))?.eflg, [{ module: 1, criterion: '1.5', level: 'Achieving' }]);

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Equality Framework' }).click();
    const item = criterion('1.5').locator('li[data-task-ref="1.5.1"]');
    await item.waitFor();
    assert.equal(await item.getAttribute('data-level'), 'Achieving');
    assert.match((await criterion('1.5').getByRole('list', { name: 'Missing for Developing' }).textContent()) ?? '', /No evidence sent yet for 1\.5\.1/);
    await assertNoAxeViolations(page, 'the Equality Framework view after tagging');
  });

  it('the officer downloads the evidence pack: a Word file whose modules and criteria use Heading 1 and Heading 2', async () => {
    await openEflg();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Evidence pack (Word)' }).click()]);
    assert.equal(file.suggestedFilename(), 'equality-framework-evidence-2026-03-12.docx');
    await page.getByRole('status').getByText('Downloaded equality-framework-evidence-2026-03-12.docx.').waitFor();
    const zip = await JSZip.loadAsync(await readFile((await file.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styled = (style: string) => [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="${style}"/>(?:(?!</w:p>).)*?</w:p>`, 'g'))].map((m) => m[0].replace(/<[^>]+>/g, ''));
    assert.deepEqual(styled('Heading1').filter((h) => h.startsWith('Module')), MODULE_HEADINGS);
    assert.ok(styled('Heading2').includes('1.1 Collecting and sharing information'));
    assert.match(await zip.file('word/styles.xml')!.async('string'), /w:styleId="Heading2"/);
  });
});
