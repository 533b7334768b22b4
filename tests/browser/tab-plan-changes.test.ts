/**
 * Officers change the plan itself from the tab, against the real server (SQLite store, dev
 * identity priya): adding a task (the server's refusal of a ref already used shown on its field),
 * the objectives (retiring one with open tasks refused in the server's words; adding, retiring and
 * restoring one), the lead service filter, and the history export. Keyboard only, axe on each form.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import type { PlanView } from '../../core/plan-view';
import { editTask } from '../../core/use-cases/edit-task';
import { assertNoAxeViolations } from './axe';
import type { RealTabApp } from './real-app';
import { openPlan as openPlanIn, useRealTabPage } from './real-tab-page';
import { describedBy, focused, retype, tabTo, tabToButton, tabToField, waitForFocusOn } from './tab-edit-page';

describe('plan tab on the real API: officers add tasks and objectives, filter by service, export the history', function () {
  this.timeout(90_000);

  const tab = useRealTabPage();
  let app: RealTabApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = tab);
  });

  const openPlan = (query = '') => openPlanIn(tab, query);

  it('adds a task: the required fields asked for, a ref already used refused on its field, then the new task shown and in the plan', async () => {
    await openPlan();
    await tabToButton(page, 'Add task');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Add a task' });
    await panel.locator('[data-task-edit="new"]').waitFor();
    await waitForFocusOn(page, 'Ref');
    await assertNoAxeViolations(page, 'the new task form');

    await tabToButton(page, 'Add task');
    await page.keyboard.press('Enter');
    await panel.getByText('Give the task a ref, for example 2.4.').waitFor();
    await panel.getByText('Give the task a title.').waitFor();
    await panel.getByText('Pick the objective the task belongs to.').waitFor();
    await waitForFocusOn(page, 'Ref'); // focus goes to the first problem

    await page.keyboard.type('1.1.1');
    await tabToField(page, 'Title');
    await page.keyboard.type('Publish a British Sign Language version of the equality profile');
    await tabToField(page, 'Objective');
    await page.keyboard.press('ArrowDown');
    await tabToField(page, 'Lead service');
    await page.keyboard.type('Customer Services');
    await tabToButton(page, 'Add task');
    await page.keyboard.press('Enter');
    await panel.getByText('Ref 1.1.1 is already used by another task: refs are unique in the plan.').waitFor();
    await waitForFocusOn(page, 'Ref'); // focus goes to the server's problem
    assert.equal((await describedBy(page)).invalid, 'true');
    assert.equal(await panel.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), 'Publish a British Sign Language version of the equality profile', 'nothing typed is lost');

    await retype(page, '1.1.5');
    await tabToButton(page, 'Add task');
    await page.keyboard.press('Enter');
    const shown = page.getByRole('dialog', { name: /^1\.1\.5 Publish a British Sign Language/ });
    await shown.getByRole('status').getByText('Task 1.1.5 is added to the plan.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Edit');
    assert.match((await shown.locator('[data-change="created"]').textContent()) ?? '', /Priya Shah added the task/);
    const stored = await app.ctx.store.getTaskByRef('1.1.5');
    assert.deepEqual([stored?.title, stored?.objectiveRef, stored?.leadService, stored?.status, stored?.rag], ['Publish a British Sign Language version of the equality profile', '1', 'Customer Services', 'Open', 'Not started']);
    await page.locator('tr[data-task-ref="1.1.5"]').waitFor();
  });

  it('manages the objectives: retiring one with open tasks is refused in the server\'s words; one is added, retired and restored', async () => {
    await openPlan();
    await tabToButton(page, 'Objectives');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Objectives' });
    await dialog.locator('[data-objective="1"]').waitFor();

    await tabToButton(page, 'Retire objective 1');
    await page.keyboard.press('Enter');
    const refusal = dialog.locator('[data-objective="1"]').getByRole('alert');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /^Objective 1 still has \d+ open tasks \(1\.1\.2, .*\): withdraw them or move them to another objective first\.$/);
    assert.match((await describedBy(page)).description, /^Objective 1 still has/, 'the button that was refused is described by why');
    assert.equal((await app.ctx.store.listObjectives()).find((o) => o.ref === '1')?.retired, undefined, 'nothing changed');
    await assertNoAxeViolations(page, 'the objectives dialog with a refusal');

    await tabToField(page, 'Objective ref');
    await page.keyboard.type('5');
    await tabToField(page, 'Objective title');
    await page.keyboard.type('Close the digital divide for residents');
    await tabToButton(page, 'Add objective');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Objective 5 is added to the plan.').waitFor();

    await tabToButton(page, 'Retire objective 5', true);
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Objective 5 is retired: it leaves the plan view.').waitFor();
    assert.equal((await app.ctx.store.listObjectives()).find((o) => o.ref === '5')?.retired, true);
    await tabToButton(page, 'Restore objective 5');
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').getByText('Objective 5 is restored to the plan.').waitFor();
    assert.equal((await app.ctx.store.listObjectives()).find((o) => o.ref === '5')?.retired, undefined);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await focused(page)).text, 'Objectives', 'focus returns to the Objectives button');
  });

  it('filters by lead service, and downloads the history of changes as CSV', async () => {
    const task = (await app.ctx.store.getTaskByRef('2.2.1'))!;
    await editTask(app.ctx, { actor: toPerson(demoUsers.sam), taskId: task.id, expectedVersion: task.version, body: { rag: 'Amber', reason: 'The partnership board has not met since December.' } });
    const plan = (await (await fetch(`${app.url}/api/plan`)).json()) as PlanView;
    const communities = plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).filter((t) => t.leadService === 'Communities' && t.status !== 'Withdrawn').map((t) => t.ref);
    assert.ok(communities.length >= 2);

    await openPlan();
    await tabTo(page, (f) => f.label === 'Lead service', 'the lead service filter');
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Communities' }).waitFor();
    // Typing in the open list moves to the service that starts so.
    await page.keyboard.type('Comm');
    await page.keyboard.press('Enter');
    await page.getByText(`Showing ${communities.length} of`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('service'), 'Communities');
    assert.deepEqual(await page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref'))), communities);

    await tabToButton(page, 'History (CSV)', true);
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(file.suggestedFilename(), /^edi-action-plan-history-2026-03-12\.csv$/);
    const rows = parseCsv(await readFile((await file.path())!), { bom: true, columns: true }) as Record<string, string>[];
    const rag = rows.find((r) => r.Ref === '2.2.1' && r.Field === 'RAG');
    assert.deepEqual(rag && [rag.By, rag.From, rag.To, rag.Reason], ['Sam Okafor', 'Green', 'Amber', 'The partnership board has not met since December.']);
  });
});
