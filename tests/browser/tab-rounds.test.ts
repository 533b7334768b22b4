/**
 * Officer and viewer paths of the plan tab against the real server: opening an update round
 * (with the server's field errors), its response rate and who has not answered, closing it, the
 * DOCX board report, importing a plan, and what a plain viewer sees. axe runs on each view.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { openRound } from '../../core/use-cases/open-round';
import { closeRound } from '../../core/use-cases/close-round';
import { assertNoAxeViolations } from './axe';
import { launchChromium } from './chromium';
import { ensureTabBuilt } from './ensure-tab-built';
import { startRealTabApp, TEST_NOW, type RealTabApp } from './real-app';

describe('plan tab on the real API: update rounds, board report, import, viewer', function () {
  this.timeout(60_000);

  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async function () {
    this.timeout(120_000);
    await ensureTabBuilt();
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  async function newPage(app: RealTabApp): Promise<void> {
    pageErrors = [];
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route((url) => url.origin !== app.url, (route) => route.abort());
  }

  async function openPlan(app: RealTabApp, query = ''): Promise<void> {
    await page.goto(`${app.url}/${query}`);
    await page.getByRole('heading', { level: 2, name: /^Objective 1:/ }).waitFor();
  }

  const roundPanel = () => page.getByRole('region', { name: 'Update round' });

  describe('as the EDI officer', () => {
    let app: RealTabApp;
    before(async () => {
      app = await startRealTabApp();
    });
    after(async () => app?.stop());
    beforeEach(async () => newPage(app));
    afterEach(async () => {
      await page.close();
      assert.deepEqual(pageErrors, [], 'the page threw uncaught errors');
    });

    it('opens a round: problems shown against their fields, then the response rate and who has not answered', async () => {
      await openPlan(app);
      await roundPanel().getByText('No update round is open.').waitFor();
      await roundPanel().getByRole('button', { name: 'Open an update round' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open an update round' });
      await dialog.getByRole('button', { name: 'Open round' }).click();
      await dialog.getByText('Give the round a name').waitFor();
      await assertNoAxeViolations(page, 'the open-round form with its errors');

      // The server's own rules: the due date must be after today (12 Mar 2026 in this test).
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Board report April 2026');
      await dialog.getByLabel('Updates due by').fill('2026-03-01');
      await dialog.getByRole('button', { name: 'Open round' }).click();
      await dialog.getByText(/The due date must be after today/).waitFor();
      assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), 'Board report April 2026', 'nothing typed is lost');

      await dialog.getByLabel('Updates due by').fill('2026-04-17');
      await dialog.getByRole('radio', { name: 'The open tasks of some objectives' }).check();
      await dialog.getByRole('textbox', { name: 'Objective refs' }).fill('9');
      await dialog.getByRole('button', { name: 'Open round' }).click();
      await dialog.getByText(/9/).filter({ hasText: /objective/i }).first().waitFor();
      assert.equal(await app.ctx.store.listRounds({ state: 'Open' }).then((r) => r.length), 0, 'nothing stored while there are problems (the demo seeds closed rounds only)');

      await dialog.getByRole('textbox', { name: 'Objective refs' }).fill('1, 2');
      await dialog.getByRole('button', { name: 'Open round' }).click();
      await dialog.waitFor({ state: 'detached' });
      const [round] = await app.ctx.store.listRounds({ state: 'Open' });
      assert.ok(round, 'the round is stored');
      assert.deepEqual(round.scope, { kind: 'objectives', refs: ['1', '2'] });

      const status = (await (await fetch(`${app.url}/api/rounds`)).json()) as { current: { inScope: number; notAnswered: { owner: { displayName: string }; taskRefs: string[] }[] } };
      const inScope = status.current.inScope;
      await roundPanel().getByText(`The round "Board report April 2026" is open: ${inScope} tasks in scope.`, { exact: false }).waitFor();
      await roundPanel().getByText(`Response rate: 0 of ${inScope} tasks answered (0%)`).waitFor();
      assert.match((await roundPanel().locator('[data-round-state]').textContent()) ?? '', /Board report April 2026 is open, updates due by 17 Apr 2026/);

      await roundPanel().getByRole('button', { name: /Show who has not answered/ }).click();
      const missing = roundPanel().getByRole('table', { name: 'Owners who have not answered this round' });
      const rows = await missing.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent).join(': ')));
      assert.deepEqual(rows, status.current.notAnswered.map((line) => `${line.owner.displayName}: ${line.taskRefs.join(', ')}`));

      // The plan reloads: every task in scope awaits its update, and the filter finds them.
      await page.locator('dl > div', { hasText: 'Awaiting update' }).getByText(String(inScope), { exact: true }).waitFor();
      await page.getByRole('checkbox', { name: 'Awaiting update' }).check();
      await page.getByText(`Showing ${inScope} of`).waitFor();
      assert.equal(await page.locator('[data-awaiting-update]').count(), inScope);
      await assertNoAxeViolations(page, 'an open round with who has not answered');
    });

    it('shows answers coming in as the response rate rises', async () => {
      const task = (await app.ctx.store.getTaskByRef('1.1.2'))!;
      await app.ctx.store.recordUpdate({
        update: { taskId: task.id, taskRef: task.ref, submittedBy: toPerson(demoUsers.alex), submittedAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(), progress: 'Dashboard launched to all services.', idempotencyKey: 'tab-test-answer' },
        task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'Dashboard launched to all services.', latestUpdateAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(), latestUpdateBy: toPerson(demoUsers.alex) } },
      });
      await openPlan(app);
      await roundPanel().getByText(/Response rate: 1 of \d+ tasks answered/).waitFor();
      assert.equal(await page.locator('tr[data-task-ref="1.1.2"] [data-awaiting-update]').count(), 0);
    });

    it('closes the round after asking, and keeps it in the board report (DOCX parsed back)', async () => {
      await openPlan(app);
      await roundPanel().getByRole('button', { name: 'Close round' }).click();
      const confirm = page.getByRole('dialog', { name: /Close the round "Board report April 2026"\?/ });
      await confirm.waitFor();
      await assertNoAxeViolations(page, 'the close-round confirmation');
      await confirm.getByRole('button', { name: 'Close round' }).click();
      await confirm.waitFor({ state: 'detached' });
      await roundPanel().getByText(/The round "Board report April 2026" is closed: 1 of \d+ tasks answered/).waitFor();
      await roundPanel().getByText('No update round is open.').waitFor();
      await roundPanel().getByText(/The last round, Board report April 2026, closed 12 Mar 2026 with 1 of \d+ tasks answered/).waitFor();
      assert.equal((await app.ctx.store.listRounds({ state: 'Closed' })).filter((r) => r.name === 'Board report April 2026').length, 1);

      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Board report (Word)' }).click()]);
      assert.equal(file.suggestedFilename(), `board-report-${TEST_NOW.toISOString().slice(0, 10)}.docx`, 'the plan as of today');
      const zip = await JSZip.loadAsync(await readFile((await file.path())!));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const text = xml.replace(/<[^>]+>/g, ' ');
      assert.match(text, /Updates new since Board report April 2026 are marked New/, 'the closed round is the one compared with');
      assert.match(text, /Asked of the board/);
      assert.match(text, /Dashboard launched to all services\./, "the round's update is in the report");
      assert.match(text, /1\.1\.2/);
    });

    it('reports a round opened by someone else while the form was open (409), keeping the form', async () => {
      await openPlan(app);
      await roundPanel().getByRole('button', { name: 'Open an update round' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open an update round' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Board report May 2026');
      await dialog.getByLabel('Updates due by').fill('2026-05-15');
      await openRound(app.ctx, { name: 'Opened elsewhere', dueDate: '2026-05-01', scope: { kind: 'all-open' } });
      await dialog.getByRole('button', { name: 'Open round' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /The update round "Opened elsewhere" is still open/);
      assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), 'Board report May 2026');
      await closeRound(app.ctx, {});
    });

    it('opens and closes a round by keyboard alone', async () => {
      await openPlan(app);
      const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      async function tabTo(text: string): Promise<void> {
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          if ((await focusedText()) === text) return;
        }
        throw new Error(`keyboard focus never reached "${text}"`);
      }
      await tabTo('Open an update round');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Open an update round' });
      await dialog.waitFor();
      // Focus moves into the form, on its first field.
      await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') !== null);
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), 'text');
      await page.keyboard.type('Board report June 2026');
      await page.keyboard.press('Tab');
      await page.keyboard.type('06062026'); // the same in dd/mm/yyyy and mm/dd/yyyy
      await tabTo('Open round');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await roundPanel().getByText(/The round "Board report June 2026" is open/).waitFor();
      assert.equal((await app.ctx.store.listRounds({ state: 'Open' }))[0]?.dueDate, '2026-06-06');

      await tabTo('Close round');
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: /Close the round/ });
      await confirm.waitFor();
      await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') !== null);
      await tabTo('Close round');
      await page.keyboard.press('Enter');
      await roundPanel().getByText('No update round is open.').waitFor();
    });

    it('imports a plan: a dry run with warnings first, then the import, and the plan shows the new task', async () => {
      await openPlan(app);
      await page.getByRole('button', { name: 'Import a plan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a plan' });
      const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the blank template' }).click()]);
      assert.equal(template.suggestedFilename(), 'edi-action-plan-template.xlsx');

      const csv = ['Objective,Ref,Task,Lead officer,Date for completion,RAG', '5. Accessible services,5.1.1,Publish an easy-read guide to council tax support,Alex Morgan,When the budget allows,Green', ''].join('\r\n');
      await dialog.getByLabel('Plan file').setInputFiles({ name: 'accessible-services.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await dialog.getByRole('button', { name: 'Check the file' }).click();
      await dialog.getByText('Checked: nothing has been saved yet.').waitFor();
      assert.match((await dialog.getByRole('status').textContent()) ?? '', /Tasks: 1 to create/);
      const warnings = await dialog.locator('[data-import-warnings] li').allTextContents();
      assert.ok(warnings.some((w) => /When the budget allows/.test(w)), `the unreadable deadline is a warning: ${warnings.join(' | ')}`);
      assert.equal(await app.ctx.store.getTaskByRef('5.1.1'), undefined, 'a dry run stores nothing');
      await assertNoAxeViolations(page, 'the import dry-run report');

      await dialog.getByRole('button', { name: 'Import 1 task' }).click();
      await dialog.getByText('Imported.').waitFor();
      assert.ok(await app.ctx.store.getTaskByRef('5.1.1'));
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.locator('tr[data-task-ref="5.1.1"]').waitFor();
    });
  });

  describe('as a plain viewer', () => {
    let app: RealTabApp;
    before(async () => {
      app = await startRealTabApp({ devUser: 'alex' });
    });
    after(async () => app?.stop());
    beforeEach(async () => newPage(app));
    afterEach(async () => {
      await page.close();
      assert.deepEqual(pageErrors, []);
    });

    it('sees the plan and rounds but no officer controls, and the server refuses officer requests', async () => {
      await openPlan(app);
      await page.locator('[data-signed-in]').getByText('Alex Morgan', { exact: true }).waitFor();
      await roundPanel().getByText('No update round is open.').waitFor();
      for (const name of ['Export CSV', 'Export Excel', 'Board report (Word)', 'Import a plan', 'Open an update round']) {
        assert.equal(await page.getByRole('button', { name }).count(), 0, `${name} is hidden from viewers`);
      }
      assert.equal(await page.getByRole('button', { name: /owners the bot cannot reach/ }).count(), 0);
      const statuses = await page.evaluate(async () => {
        const csv = await fetch('/api/export/plan.csv');
        const round = await fetch('/api/rounds', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x', dueDate: '2026-04-01', scope: { kind: 'all-open' } }) });
        return [csv.status, round.status];
      });
      assert.deepEqual(statuses, [403, 403]);
      await assertNoAxeViolations(page, "a viewer's plan");
    });
  });
});
