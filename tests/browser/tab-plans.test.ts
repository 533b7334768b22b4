/**
 * Several plans in the tab (issue 20, points 1 and 2), against the real server and the demo's two
 * plans (the district EDI plan and the workforce plan): the picker under the title switches plans
 * by address, a URL naming a plan opens it, an unknown one says so and lists the plans; officers
 * start a plan, carry tasks into it (the answer in words, a re-run making no copies), make a
 * plan active or close it; a carried task links both ways. Keyboard paths and axe 0 throughout.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_WORKFORCE_KEY } from '../../bot/demo/seed-workforce';
import type { PlanView } from '../../core/plan-view';
import type { PlanSummary } from '../../core/use-cases/list-plans';
import { taskInput } from '../support/builders';
import { assertNoAxeViolations } from './axe';
import type { RealTabApp } from './real-app';
import { openPlan, useRealTabPage } from './real-tab-page';

const NEW_PLAN = 'Northvale EDI Action Plan 2028–2032';

async function api<T>(app: RealTabApp, path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(`${app.url}${path}`, init && { method: init.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(init.body) });
  assert.ok(res.ok, `${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
const plansOf = async (app: RealTabApp) => (await api<{ plans: PlanSummary[] }>(app, '/api/plans')).plans;
const refsOf = async (app: RealTabApp, plan: string) => (await api<PlanView>(app, `/api/plan?plan=${plan}`)).objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks.map((t) => t.ref)));
const shownRefs = (page: Page) => page.locator('tbody > tr[data-task-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-ref') ?? ''));
const search = (page: Page) => new URL(page.url()).search;
const picker = (page: Page) => page.getByRole('combobox', { name: 'Plan', exact: true });
/** "Apr 2025 – Mar 2028": the demo plans run three council years from the one holding 12 March 2026. */
const label = (p: PlanSummary) => `${p.name}, Apr 2025 – Mar 2028${p.state === 'Active' ? '' : ` (${p.state})`}`;

describe('plan tab: several plans', function () {
  this.timeout(120_000);

  describe('the picker (a viewer)', () => {
    const tab = useRealTabPage({ app: { devUser: 'alex' } });
    let district: PlanSummary;
    let workforce: PlanSummary;
    before(async () => {
      [district, workforce] = (await plansOf(tab.app)) as [PlanSummary, PlanSummary];
      assert.deepEqual([district.isDefault, workforce.key, district.periodStart, district.periodEnd], [true, DEMO_WORKFORCE_KEY, '2025-04-01', '2028-03-31']);
    });

    it('lists both plans and, chosen by keyboard, opens the workforce plan: its address, its rows, the filters left behind (axe 0)', async () => {
      const { page } = tab;
      await openPlan(tab, '?rag=Amber&sort=due');
      assert.equal(await page.locator('[data-current-plan]').textContent(), `${district.name}Apr 2025 – Mar 2028`);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Equality, Diversity and Inclusion action plan', 'the title stays');
      assert.equal(await page.getByRole('button', { name: 'Plans', exact: true }).count(), 0, 'no Plans dialog for a viewer');
      await assertNoAxeViolations(page, 'the plan page with the plan picker');

      await picker(page).focus();
      await page.keyboard.press('Enter');
      const options = page.getByRole('listbox').getByRole('option');
      await options.first().waitFor();
      assert.deepEqual(await options.allTextContents(), [label(district), label(workforce)]);
      await assertNoAxeViolations(page, 'the plan picker open');
      await page.keyboard.press('ArrowDown');
      await Promise.all([page.waitForURL(/plan=/), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { level: 2, name: /^Objective 1: Recruit fairly/ }).waitFor();
      assert.equal(search(page), `?plan=${DEMO_WORKFORCE_KEY}`);
      assert.deepEqual(await shownRefs(page), await refsOf(tab.app, DEMO_WORKFORCE_KEY));
      assert.equal(await page.locator('[data-current-plan]').getAttribute('data-current-plan'), DEMO_WORKFORCE_KEY);
      assert.equal(await picker(page).textContent(), label(workforce));
    });

    it('keeps the view when switching: the trends of one plan open the trends of the other', async () => {
      const { page, app } = tab;
      await page.goto(`${app.url}/?plan=${DEMO_WORKFORCE_KEY}&view=trends&task=x`);
      await page.locator('main[data-view="trends"]').waitFor();
      await picker(page).click();
      await Promise.all([page.waitForURL((url) => url.searchParams.get('plan') === district.key), page.getByRole('option', { name: label(district), exact: true }).click()]);
      assert.equal(search(page), `?plan=${district.key}&view=trends`);
      await page.locator('main[data-view="trends"]').waitFor();
    });

    it('opens the plan a URL names (by id too), and every plan call the page makes names it', async () => {
      const { page, app } = tab;
      const calls: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/api/') && url.pathname !== '/api/plans' && url.pathname !== '/api/calendar') calls.push(`${url.pathname}${url.search}`);
      });
      await page.goto(`${app.url}/?plan=${workforce.id}`);
      await page.getByRole('heading', { level: 2, name: /^Objective 1: Recruit fairly/ }).waitFor();
      assert.deepEqual(await shownRefs(page), await refsOf(app, DEMO_WORKFORCE_KEY));
      assert.equal(await page.locator('[data-current-plan]').getAttribute('data-current-plan'), DEMO_WORKFORCE_KEY);
      assert.match((await page.locator('[data-task-count]').textContent()) ?? '', new RegExp(`all ${workforce.tasks} tasks`));
      assert.ok(calls.length >= 3, calls.join(', '));
      assert.deepEqual(calls.filter((c) => !c.includes(`plan=${workforce.id}`)), [], 'the page, me and rounds calls all name the plan');
    });

    it('says plainly when the URL names no plan there is, and offers the plans (axe 0)', async () => {
      const { page, app } = tab;
      await page.goto(`${app.url}/?plan=no-such-plan`);
      const alert = page.getByRole('alert');
      await alert.getByRole('link').first().waitFor();
      assert.match((await alert.textContent()) ?? '', /The plan could not be loaded\..*There is no plan "no-such-plan": it may have been removed\. Pick a plan from the list\./);
      assert.deepEqual(await alert.getByRole('link').allTextContents(), [label(district), label(workforce)]);
      assert.equal(await picker(page).textContent(), 'Choose a plan');
      await assertNoAxeViolations(page, 'the page for an unknown plan');
      await Promise.all([page.waitForURL(/plan=workforce/), alert.getByRole('link', { name: label(workforce) }).click()]);
      await page.getByRole('heading', { level: 2, name: /^Objective 1: Recruit fairly/ }).waitFor();
      assert.equal(search(page), `?plan=${DEMO_WORKFORCE_KEY}`);
    });
  });

  describe('one plan only', () => {
    const tab = useRealTabPage({
      app: {
        seed: async ({ store }) => {
          await store.createObjective({ ref: '1', title: 'Know our communities' });
          await store.createTask(taskInput());
        },
      },
    });

    it("shows the plan's name and period as text, with no list to choose from", async () => {
      await openPlan(tab);
      const [only] = await plansOf(tab.app);
      assert.match((await tab.page.locator('[data-current-plan]').textContent()) ?? '', new RegExp(`^${only!.name}[A-Z][a-z]{2} \\d{4} – Mar \\d{4}$`));
      assert.equal(await picker(tab.page).count(), 0);
    });
  });

  describe('officers: starting a plan and carrying tasks into it', () => {
    const tab = useRealTabPage({ appPerTest: true });
    const dialog = () => tab.page.getByRole('dialog', { name: 'Plans' });
    const openDialog = async () => {
      await tab.page.getByRole('button', { name: 'Plans', exact: true }).click();
      await dialog().getByRole('heading', { name: 'All plans' }).waitFor();
    };

    it('starts a plan (field errors beside the fields), carries tasks into it with the answer in words, and a re-run makes no copies (axe 0)', async () => {
      const { page, app } = tab;
      const [district] = (await plansOf(app)) as [PlanSummary];
      await openPlan(tab);
      await openDialog();
      assert.deepEqual(await dialog().locator('[data-plan]').evaluateAll((li) => li.map((l) => l.getAttribute('data-plan-state'))), ['Active', 'Active']);
      await assertNoAxeViolations(page, 'the plans dialog');

      const form = dialog().getByRole('form', { name: 'Start a new plan' });
      await form.getByRole('button', { name: 'Start the plan' }).click();
      await form.getByText('Give the plan a name, for example').waitFor();
      assert.equal(await form.getByRole('textbox', { name: 'Name' }).evaluate((el) => el === document.activeElement), true, 'focus on the first field with a problem');
      await form.getByRole('textbox', { name: 'Name' }).fill(NEW_PLAN);
      await form.getByRole('textbox', { name: 'Start date' }).fill('01/04/2028');
      await form.getByRole('textbox', { name: 'End date' }).fill('31/03/2027');
      await form.getByRole('combobox', { name: 'Follows' }).selectOption({ label: label(district) });
      await form.getByRole('button', { name: 'Start the plan' }).click();
      // The server's 400 answer, beside its field.
      await form.getByText('End date must be after the start date.').waitFor();
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), '31/03/2027');
      await assertNoAxeViolations(page, 'the new plan form with a problem');
      await form.getByRole('textbox', { name: 'End date' }).fill('31/03/2032');
      await form.getByRole('button', { name: 'Start the plan' }).click();
      await dialog().getByText(`"${NEW_PLAN}" is started (Draft).`).waitFor();
      await dialog().locator('[data-plan]').nth(2).waitFor();
      const created = (await plansOf(app)).find((p) => p.name === NEW_PLAN)!;
      assert.deepEqual([created.state, created.predecessorId, created.periodStart, created.periodEnd], ['Draft', '1', '2028-04-01', '2032-03-31']);

      // A different task already holds ref 1.1.4 in the new plan: that one is not carried.
      const target = app.ctx.store.plans.forPlan(created.id);
      await target.createObjective({ ref: '1', title: 'Know our communities' });
      await target.createTask(taskInput({ ref: '1.1.4', title: 'A task of the new plan' }));

      const panel = dialog().locator('[data-carry-forward]');
      assert.equal(await panel.getByRole('combobox', { name: 'From' }).inputValue(), '1', 'from the plan the new one follows');
      // Into the new plan, once the plan list has it.
      await page.waitForFunction((id) => document.querySelectorAll<HTMLSelectElement>('[data-carry-forward] select')[1]?.value === id, created.id);
      const count = panel.getByText(/ticked$/);
      await panel.getByRole('checkbox', { name: `Select all (${district.openTasks})` }).check();
      assert.equal(await count.textContent(), `${district.openTasks} of ${district.openTasks} open tasks ticked`);
      await panel.getByRole('checkbox', { name: /^Select all/ }).uncheck();
      for (const ref of ['1.1.2', '1.1.3', '1.1.4']) await panel.locator(`[data-carry-task="${ref}"]`).getByRole('checkbox').check();
      assert.equal(await count.textContent(), `3 of ${district.openTasks} open tasks ticked`);
      assert.equal(await panel.getByRole('checkbox', { name: /^Select all/ }).evaluate((el) => (el as HTMLInputElement).indeterminate), true, 'Select all is mixed');

      // Held back until the progress is seen.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/plans/1/carry-forward**', async (route) => {
        await held;
        await route.continue();
      }, { times: 1 });
      await panel.getByRole('button', { name: 'Carry forward' }).click();
      await panel.getByText('Carrying 3 tasks forward…').waitFor();
      release();
      const result = panel.locator('[data-carry-result]');
      await result.waitFor();
      assert.match((await result.textContent()) ?? '', new RegExp(`^Carried 2 tasks into ${NEW_PLAN}; 1 not carried:Task 1\\.1\\.4: "${NEW_PLAN}" already has a task 1\\.1\\.4: change one of the refs first\\.Open ${NEW_PLAN}$`));
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-carry-result')), true, 'focus on the answer');
      await panel.locator('[data-carry-task="1.1.2"]').waitFor({ state: 'detached' });
      assert.equal(await panel.locator('[data-carry-task="1.1.4"]').getByRole('checkbox').isChecked(), true, 'the one not carried stays ticked');
      await assertNoAxeViolations(page, 'the carry-forward answer');

      // The answer to the next press is lost on the way back: the ticks stay; pressing again makes no copies.
      await panel.locator('[data-carry-task="1.1.4"]').getByRole('checkbox').uncheck();
      for (const ref of ['1.2.1', '1.2.2']) await panel.locator(`[data-carry-task="${ref}"]`).getByRole('checkbox').check();
      await page.route('**/api/plans/1/carry-forward**', async (route) => {
        await route.fetch();
        await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ message: 'The service is busy.' }) });
      }, { times: 1 });
      await panel.getByRole('button', { name: 'Carry forward' }).click();
      await panel.getByRole('alert').getByText('The service is busy. Your ticks are kept: try again.').waitFor();
      assert.equal(await count.textContent(), `2 of ${district.openTasks - 2} open tasks ticked`);
      await panel.getByRole('button', { name: 'Carry forward' }).click();
      await page.waitForFunction(() => /Nothing new/.test(document.querySelector('[data-carry-result]')?.textContent ?? ''));
      assert.match((await result.textContent()) ?? '', new RegExp(`^Nothing new carried into ${NEW_PLAN}; 2 tasks carried already, no copies made \\(1\\.2\\.1, 1\\.2\\.2\\)\\.`));
      assert.deepEqual(await refsOf(app, created.key), ['1.1.2', '1.1.3', '1.1.4', '1.2.1', '1.2.2'], 'each carried once, the new plan\'s own 1.1.4 kept');

      await dialog().getByRole('button', { name: 'Close', exact: true }).click();
      await dialog().waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Plans', 'focus back on the Plans button');
      // The page loads afresh: the old tasks are "Carried forward".
      for (const ref of ['1.1.2', '1.1.3', '1.2.1', '1.2.2']) await page.locator(`tr[data-task-ref="${ref}"]`).getByText('Carried forward', { exact: true }).waitFor();
      assert.equal(await page.locator('tr[data-task-ref="1.1.4"]').getByText('Carried forward', { exact: true }).count(), 0);
    });

    it('links a carried task both ways: "Carried forward to" on the old one, "from" and its earlier history on the new (axe 0)', async () => {
      const { page, app } = tab;
      const [district] = (await plansOf(app)) as [PlanSummary];
      const { plan } = await api<{ plan: { id: string; key: string } }>(app, '/api/plans', { method: 'POST', body: { name: NEW_PLAN, kind: 'EDI plan', periodStart: '2028-04-01', periodEnd: '2032-03-31', state: 'Active', predecessorId: '1' } });
      const old = (await app.ctx.store.getTaskByRef('1.1.2'))!;
      const { carried } = await api<{ carried: { toTaskId: string }[] }>(app, '/api/plans/1/carry-forward', { method: 'POST', body: { toPlanId: plan.id, taskIds: [old.id] } });
      const oldUpdates = (await app.ctx.store.listUpdates(old.id)).length;
      assert.ok(oldUpdates >= 2);

      await page.goto(`${app.url}/?task=${old.id}`);
      const panel = page.getByRole('dialog');
      const to = panel.locator('[data-carried-to]');
      await to.getByRole('link', { name: `${NEW_PLAN}, task 1.1.2` }).waitFor();
      assert.equal(await to.textContent(), `Carried forward to ${NEW_PLAN}, task 1.1.2`);
      assert.equal(await to.getByRole('link').getAttribute('href'), `/?plan=${plan.id}&task=${carried[0]!.toTaskId}`);
      assert.match((await panel.locator('[data-task-detail]').textContent()) ?? '', /StatusCarried forward/);
      await assertNoAxeViolations(page, 'the old task, carried forward');

      await Promise.all([page.waitForURL(new RegExp(`task=${carried[0]!.toTaskId}`)), to.getByRole('link').click()]);
      const from = page.getByRole('dialog').locator('[data-carried-from]');
      await from.waitFor();
      assert.equal(await from.textContent(), `Carried forward from ${district.name}, task 1.1.2`);
      assert.equal(await from.getByRole('link').getAttribute('href'), `/?plan=1&task=${old.id}`);
      const earlier = page.getByRole('dialog').getByRole('region', { name: `Earlier history (${district.name})` });
      assert.equal(await earlier.locator('[data-update]').count(), oldUpdates);
      assert.equal(await page.locator('[data-current-plan]').getAttribute('data-current-plan'), plan.key);
      await assertNoAxeViolations(page, 'the carried task with its earlier history');
    });

    it('makes a Draft plan active, and closes a plan after a confirm step, by keyboard; focus returns each time', async () => {
      const { page, app } = tab;
      await api(app, '/api/plans', { method: 'POST', body: { name: NEW_PLAN, kind: 'EDI plan', periodStart: '2028-04-01', periodEnd: '2032-03-31' } });
      await openPlan(tab);
      await openDialog();
      const row = dialog().locator('[data-plan][data-plan-state]').nth(2);
      assert.equal(await row.getAttribute('data-plan-state'), 'Draft');
      await row.getByRole('button', { name: `Make active ${NEW_PLAN}` }).focus();
      await page.keyboard.press('Enter');
      await dialog().getByText(`"${NEW_PLAN}" is active.`).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-plan-state="Active"]').length === 3);

      const close = row.getByRole('button', { name: `Close plan ${NEW_PLAN}` });
      await close.focus();
      await page.keyboard.press('Enter');
      const yes = row.getByRole('button', { name: 'Yes, close the plan' });
      await yes.waitFor();
      assert.equal(await yes.evaluate((b) => b === document.activeElement), true, 'focus on the confirm button');
      await assertNoAxeViolations(page, 'the close-plan confirm step');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // Keep it open
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Close plan '));
      assert.equal(await row.getAttribute('data-plan-state'), 'Active');

      await page.keyboard.press('Enter');
      await yes.waitFor();
      await page.keyboard.press('Enter');
      await dialog().getByText(`"${NEW_PLAN}" is closed. Its tasks stay as they are, to read.`).waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status', undefined, { timeout: 5000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-plan-state="Closed"]').length === 1);
      assert.equal(await row.getAttribute('data-plan-state'), 'Closed');
      assert.equal(await row.getByRole('button').count(), 0, 'a closed plan has nothing to press');
      assert.equal((await plansOf(app)).find((p) => p.name === NEW_PLAN)?.state, 'Closed');

      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Plans');
      await picker(page).click();
      await page.getByRole('option', { name: `${NEW_PLAN}, Apr 2028 – Mar 2032 (Closed)`, exact: true }).waitFor();
    });
  });
});
