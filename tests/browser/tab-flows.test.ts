/**
 * The plan tab against the real server (tab API, dev identity as priya, the EDI officer) and the
 * demo council's plan: filtering with the filter in the address, task detail, exports parsed
 * back, keyboard-only paths and axe on each view.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { demoUsers } from '../../bot/demo/demo-users';
import { RAG_VALUES } from '../../core/model';
import { RAG_FILL } from '../../core/export/rag-colours';
import type { PlanView } from '../../core/plan-view';
import { assertNoAxeViolations } from './axe';
import type { RealTabApp } from './real-app';
import { openPlan as openPlanIn, useRealTabPage } from './real-tab-page';

describe('plan tab on the real API: filters, detail, exports, keyboard, axe', function () {
  this.timeout(60_000);

  const tab = useRealTabPage();
  let app: RealTabApp;
  let page: Page;
  let plan: PlanView;
  before(async () => {
    plan = (await (await fetch(`${tab.app.url}/api/plan`)).json()) as PlanView;
  });
  beforeEach(() => {
    ({ app, page } = tab);
  });

  const allTasks = () => plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));

  const openPlan = (query = '') => openPlanIn(tab, query);

  const shownRefs = () => page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref') ?? ''));
  const countText = () => page.locator('[data-task-count]').textContent();
  const query = () => new URL(page.url()).searchParams;

  /** Fluent's multi-select list is a menu of checkbox items; single-select lists have options. */
  async function pick(field: string, option: string, multiselect = false): Promise<void> {
    await page.getByRole('combobox', { name: field, exact: true }).click();
    await page.getByRole(multiselect ? 'menuitemcheckbox' : 'option', { name: option, exact: true }).click();
  }

  async function download(buttonName: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('shows the summary from the API, including awaiting update, pending approvals and unreachable owners', async () => {
    await openPlan();
    const tiles = await page.locator('dl > div').evaluateAll((divs) => divs.map((d) => `${d.querySelector('dt')?.textContent}=${d.querySelector('dd')?.textContent}`));
    const s = plan.summary;
    for (const expected of [`Tasks=${s.total}`, ...RAG_VALUES.map((r) => `${r}=${s.byRag[r]}`), `Overdue=${s.overdue}`, `Awaiting update=0`, `Pending approvals=1`, `Deadlines to check=${s.deadlinesToCheck}`]) {
      assert.ok(tiles.includes(expected), `summary shows ${expected}: ${tiles.join(', ')}`);
    }
    assert.ok((s.unreachableOwners ?? 0) > 0, 'the demo has owners without a chat');
    // Unreachable owners are one line under the tiles, not a tile.
    assert.match((await page.locator('[data-unreachable-owners]').textContent()) ?? '', new RegExp(`^${s.unreachableOwners} owners cannot be reached yet:`));
    assert.equal(await countText(), `Showing all ${allTasks().length} tasks`);
    assert.match((await page.locator('[data-signed-in]').textContent()) ?? '', /^Priya Shah, EDI officer$/);
  });

  it('filters by RAG and by overdue, keeps the filter in the address, and clears it', async () => {
    await openPlan();
    await pick('RAG', 'Amber', true);
    await page.keyboard.press('Escape');
    const amber = allTasks().filter((t) => t.rag === 'Amber').map((t) => t.ref);
    await page.getByText(`Showing ${amber.length} of ${allTasks().length} tasks`).waitFor();
    assert.deepEqual(await shownRefs(), amber);
    assert.deepEqual(await page.locator('tbody [data-rag]').allTextContents(), amber.map(() => 'Amber'));
    assert.equal(query().get('rag'), 'Amber');

    await page.getByRole('checkbox', { name: 'Overdue' }).check();
    const amberOverdue = allTasks().filter((t) => t.rag === 'Amber' && t.overdue).map((t) => t.ref);
    await page.getByText(`Showing ${amberOverdue.length} of`).waitFor();
    assert.deepEqual(await shownRefs(), amberOverdue);
    assert.equal(query().get('overdue'), '1');

    // The address reopens the same view (a shared link).
    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await page.getByText(`Showing ${amberOverdue.length} of`).waitFor();
    assert.deepEqual(await shownRefs(), amberOverdue);
    assert.equal(await page.getByRole('checkbox', { name: 'Overdue' }).isChecked(), true);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText(`Showing all ${allTasks().length} tasks`).waitFor();
    assert.equal(query().get('rag'), null);
  });

  it('filters by owner, objective, status, free text and pending approval, and sorts by due date', async () => {
    const alex = demoUsers.alex.aadObjectId;
    await openPlan(`?owner=${alex}&objective=1&sort=due`);
    const expected = allTasks()
      .filter((t) => t.ref.startsWith('1.') && t.owners.some((o) => o.aadObjectId === alex))
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }));
    await page.getByText(`Showing ${expected.length} of`).waitFor();
    assert.ok(expected.length >= 2, 'alex owns several tasks under objective 1');
    assert.deepEqual(await shownRefs(), expected.map((t) => t.ref));
    assert.equal(await page.getByRole('combobox', { name: 'Owner' }).inputValue(), 'Alex Morgan');
    assert.equal(await page.getByRole('region', { name: /^Objective 2:/ }).count(), 0, 'objectives with no match are dropped');

    await pick('Sort by', 'RAG');
    assert.equal(query().get('sort'), 'rag');

    await openPlan('?q=DASHBOARD%20ward');
    await page.getByText('Showing 1 of').waitFor();
    assert.deepEqual(await shownRefs(), ['1.1.2']);

    await openPlan('?pending=1');
    await page.getByText('Showing 1 of').waitFor();
    const approval = page.locator('tr[data-task-ref="1.1.2"] [data-pending-approval]');
    assert.match((await approval.textContent()) ?? '', /Complete proposed.*Awaiting Sam Okafor since 10 Mar 2026/);

    await openPlan('?status=Complete');
    assert.deepEqual(await shownRefs(), allTasks().filter((t) => t.status === 'Complete').map((t) => t.ref));
  });

  it("opens a task's detail with every field, its update history, approvals and reminders; Escape closes it and focus returns", async () => {
    await openPlan();
    const trigger = page.locator('tr[data-task-ref="1.1.2"] [data-open-task]');
    await trigger.click();
    const panel = page.getByRole('dialog');
    await panel.locator('[data-task-detail]').waitFor();
    assert.match(page.url(), /[?&]task=/, 'the open task is in the address');
    const text = (await panel.textContent()) ?? '';
    for (const words of ['Accountable officer', 'Sam Okafor', 'Groups impacted', 'Desired outcome', 'Success measure', 'RAG awaiting approval', 'Handed over by', 'Jordan Lee']) assert.ok(text.includes(words), `detail shows ${words}`);
    const detail = (await (await fetch(`${app.url}/api/tasks/${await trigger.getAttribute('data-open-task')}`)).json()) as { updates: { progress: string }[] };
    assert.equal(await panel.locator('[data-update]').count(), detail.updates.length);
    assert.ok(detail.updates.length >= 2);
    assert.ok(text.includes(detail.updates[0]!.progress), 'newest update first');
    const approvals = panel.getByRole('table', { name: 'RAG approvals' });
    assert.match((await approvals.locator('tbody tr').first().textContent()) ?? '', /10 Mar 2026.*Alex Morgan.*Green to Complete.*Sam Okafor.*Pending/);
    const reminders = panel.getByRole('table', { name: 'Reminders sent' });
    assert.match((await reminders.locator('tbody tr').first().textContent()) ?? '', /5 Mar 2026.*Alex Morgan.*7 days before the due date.*Sent/);
    assert.equal(await panel.getByRole('link', { name: /Open in SharePoint/ }).count(), 0, 'no SharePoint link with the SQLite store');
    await assertNoAxeViolations(page, 'the task detail panel');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-open-task'));
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-task-ref')), '1.1.2');
    assert.doesNotMatch(page.url(), /[?&]task=/);
  });

  it('reopens the task named in the address, and says so plainly for an unknown task', async () => {
    await page.goto(`${app.url}/?task=no-such-task`);
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /The task could not be loaded\..*no such task/);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const id = await page.locator('tr[data-task-ref="2.1.1"] [data-open-task]').getAttribute('data-open-task');
    await page.goto(`${app.url}/?task=${id}`);
    await page.getByRole('dialog').locator('[data-task-detail]').waitFor();
    assert.match((await page.getByRole('dialog').getByRole('heading', { level: 2 }).textContent()) ?? '', /^2\.1\.1 /);
  });

  it('exports the filtered view as CSV and Excel, and the files hold exactly the shown tasks', async () => {
    await openPlan('?rag=Red,Amber&sort=due');
    const shown = await shownRefs();
    assert.ok(shown.length > 0);

    const csv = await download('Export CSV');
    assert.match(csv.name, /\.csv$/);
    const rows = parseCsv(csv.bytes, { bom: true, columns: true }) as Record<string, string>[];
    // The tab groups by objective; the file is one list sorted the same way across the plan.
    assert.deepEqual(rows.map((r) => r.Ref).sort(), [...shown].sort(), 'the CSV has exactly the shown tasks');
    const dues = rows.map((r) => r['Due date'] || '9999');
    assert.deepEqual(dues, [...dues].sort(), 'sorted by due date as the view asked');
    assert.ok(rows.every((r) => r.RAG === 'Red' || r.RAG === 'Amber'));
    await page.getByText(`Downloaded ${csv.name}.`).waitFor();

    const xlsx = await download('Export Excel');
    assert.match(xlsx.name, /\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const refColumn = header.indexOf('Ref') + 1;
    assert.ok(refColumn > 0, 'the sheet has a Ref column');
    const refs: string[] = [];
    sheet.eachRow((row, n) => n > 1 && refs.push(String(row.getCell(refColumn).value)));
    assert.deepEqual(refs.sort(), [...shown].sort());
    // RAG is its word in a cell tinted for it (tests/unit/export-xlsx-rag.test.ts checks every value and the contrast).
    const ragColumn = header.indexOf('RAG') + 1;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(ragColumn);
      assert.ok(cell.value === 'Red' || cell.value === 'Amber', `row ${n} keeps the RAG word`);
      assert.equal(cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined, `FF${RAG_FILL[cell.value as 'Red' | 'Amber']}`);
    });
  });

  it('does the whole flow by keyboard: search, open a task, close it, export', async () => {
    await openPlan();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', type: el?.getAttribute('type') ?? '', text: el?.textContent?.trim() ?? '', task: el?.getAttribute('data-open-task') ?? '' };
    });
    async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab'): Promise<void> {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press(key);
        if (match(await focused())) return;
      }
      throw new Error(`keyboard focus never reached the target (${key})`);
    }

    await tabTo((f) => f.tag === 'INPUT' && f.type === 'search');
    await page.keyboard.type('dashboard');
    await page.getByText('Showing 1 of').waitFor();
    await tabTo((f) => f.task !== '');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').locator('[data-task-detail]').waitFor();
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]'))), true, 'focus moves into the panel');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-open-task'));

    await tabTo((f) => f.text === 'Export CSV', 'Shift+Tab');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const rows = parseCsv(await readFile((await file.path())!), { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => r.Ref), ['1.1.2'], 'the export follows the search typed');
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`has no axe WCAG 2.2 A/AA violations on the plan in the ${theme} theme`, async () => {
      await openPlan(`?theme=${theme}`);
      await page.getByRole('button', { name: /owners the bot cannot reach/ }).click();
      await page.getByRole('table', { name: 'Owners the bot cannot reach' }).waitFor();
      await assertNoAxeViolations(page, `the plan (${theme} theme)`);
    });
  }

  it('has no axe violations with filters chosen and a dropdown open', async () => {
    await openPlan('?rag=Green,Amber&q=data');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Open' }).waitFor();
    await assertNoAxeViolations(page, 'the filtered plan with the status list open');
  });
});
