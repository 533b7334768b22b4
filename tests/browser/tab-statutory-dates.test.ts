/**
 * The statutory dates panel on the plan page, against the real server (England by default, the
 * headcount not set, today 12 March 2026): the next dates as a list, "check this date" where the
 * law fixes no date, axe 0, and for officers "Open a round for this" opening the round form filled
 * from the suggested round, which then opens the round. A viewer sees the dates, no buttons.
 */
import assert from 'node:assert/strict';
import { assertNoAxeViolations } from './axe';
import { openPlan, useRealTabPage } from './real-tab-page';

describe('plan tab: statutory dates', function () {
  this.timeout(90_000);

  describe('as the EDI officer', () => {
    const tab = useRealTabPage({ appPerTest: true });
    const panel = () => tab.page.getByRole('region', { name: 'Statutory dates' });

    it('lists the next dates, soonest first, with "check this date" where the date is not certain (axe 0)', async () => {
      await openPlan(tab);
      const items = panel().getByRole('list').getByRole('listitem');
      await items.first().waitFor();
      assert.equal(await items.count(), 5);
      const lines = await items.locator('p[id]').allTextContents();
      assert.deepEqual(lines, [
        'Gender pay gap report — due 30 Mar 2026, in 18 days',
        'Equality information — due 31 Jan 2027, in 325 days',
        'Gender pay gap report — due 30 Mar 2027, in 383 days',
        'Equality information — due 31 Jan 2028, in 690 days',
        'Gender pay gap report — due 30 Mar 2028, in 749 days',
      ]);
      // The headcount is not set (so the pay gap duty needs checking) and 31 January is a default.
      assert.equal(await panel().getByText('check this date', { exact: true }).count(), 5);
      await panel().getByText(/Equality Act 2010 \(Specific Duties and Public Authorities\) Regulations 2017/).first().waitFor();
      await panel().getByText('Equality reporting duties for a council in England.').waitFor();
      assert.equal(await panel().getByRole('button', { name: 'Open a round for this' }).count(), 5);
      const described = await panel().getByRole('button', { name: 'Open a round for this' }).nth(1).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
      assert.equal(described, 'Equality information — due 31 Jan 2027, in 325 days', 'each button says which date it is for');
      await assertNoAxeViolations(tab.page, 'the plan page with the statutory dates');
    });

    it('"Open a round for this" opens the round form with the suggested name and date, and opens the round', async () => {
      await openPlan(tab);
      await panel().getByRole('button', { name: 'Open a round for this' }).nth(1).click();
      const dialog = tab.page.getByRole('dialog', { name: 'Open an update round' });
      await dialog.waitFor();
      // Four weeks before 31 January 2027 is Sunday 3 January: back past New Year's Day to Thursday 31 December.
      assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), 'Equality information 2027');
      assert.equal(await dialog.getByLabel('Updates due by').inputValue(), '31/12/2026');
      assert.equal(await dialog.getByRole('radio', { name: 'All open tasks' }).isChecked(), true);
      await assertNoAxeViolations(tab.page, 'the round form filled from a statutory date');

      // Cancelled and opened for another date: that date's values, not the first's.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      await panel().getByRole('button', { name: 'Open a round for this' }).nth(2).click();
      await dialog.waitFor();
      assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), 'Gender pay gap report 2027');
      // 30 March 2027 less four weeks: Tuesday 2 March.
      assert.equal(await dialog.getByLabel('Updates due by').inputValue(), '02/03/2027');

      await dialog.getByRole('button', { name: 'Open round' }).click();
      await dialog.waitFor({ state: 'detached' });
      const [round] = await tab.app.ctx.store.listRounds({ state: 'Open' });
      assert.deepEqual([round?.name, round?.dueDate, round?.scope.kind], ['Gender pay gap report 2027', '2027-03-02', 'all-open']);
      await panel().getByRole('status').getByText(/The round "Gender pay gap report 2027" is open: \d+ tasks in scope\./).waitFor();
      // The round panel shows it (it loads afresh).
      const roundPanel = tab.page.getByRole('region', { name: 'Update round' });
      assert.match((await roundPanel.locator('[data-round-state="open"]').textContent({ timeout: 10_000 })) ?? '', /Gender pay gap report 2027 is open, updates due by 2 Mar 2027/);
      await assertNoAxeViolations(tab.page, 'a round opened from a statutory date');
    });

    it('the plain round button still opens an empty form', async () => {
      await openPlan(tab);
      await panel().getByRole('listitem').first().waitFor();
      await tab.page.getByRole('region', { name: 'Update round' }).getByRole('button', { name: 'Open an update round' }).click();
      const dialog = tab.page.getByRole('dialog', { name: 'Open an update round' });
      assert.equal(await dialog.getByRole('textbox', { name: 'Name' }).inputValue(), '');
      assert.equal(await dialog.getByLabel('Updates due by').inputValue(), '');
    });
  });

  describe('as a viewer', () => {
    const tab = useRealTabPage({ app: { devUser: 'alex' } });

    it('sees the dates and no round buttons (axe 0)', async () => {
      await openPlan(tab);
      const panel = tab.page.getByRole('region', { name: 'Statutory dates' });
      await panel.getByRole('listitem').first().waitFor();
      assert.equal(await panel.getByRole('listitem').count(), 5);
      assert.equal(await panel.getByRole('button').count(), 0);
      await assertNoAxeViolations(tab.page, 'the statutory dates for a viewer');
    });
  });
});
