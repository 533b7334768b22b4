/**
 * Officers keep the plan in the tab (issue 17), against the real server (tab API, SQLite store,
 * dev identity priya, the EDI officer): editing a task, a conflict with a change made behind the
 * panel's back, a comment, an evidence link, withdrawing a task, adding one, objectives, the lead
 * service filter and the history export. Every flow is keyboard only: Tab, Shift+Tab, Enter,
 * arrows and typing, never a click. axe runs on the open edit panel.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { editTask } from '../../core/use-cases/edit-task';
import { assertNoAxeViolations } from './axe';
import type { RealTabApp } from './real-app';
import { openPlan as openPlanIn, useRealTabPage } from './real-tab-page';
import { describedBy, focused, openTaskByKeyboard, retype, tabToButton, tabToField, typeDate, waitForFocusOn } from './tab-edit-page';

describe('plan tab on the real API: officers edit the plan, by keyboard alone', function () {
  this.timeout(90_000);

  const tab = useRealTabPage();
  let app: RealTabApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = tab);
  });

  const task = async (ref: string): Promise<Task> => {
    const found = await app.ctx.store.getTaskByRef(ref);
    assert.ok(found, `the demo plan has task ${ref}`);
    return found;
  };
  const panel = () => page.getByRole('dialog');
  const inPanel = async () => assert.ok((await focused(page)).inDialog, 'focus stays in the task panel');

  const openPlan = (query = '') => openPlanIn(tab, query);

  /** Opens the task from the plan and its edit form, by keyboard; focus lands on the form's first field. */
  async function openEditForm(ref: string, query = ''): Promise<Task> {
    const before = await task(ref);
    await openPlan(query);
    await openTaskByKeyboard(page, before.id);
    await tabToButton(page, 'Edit');
    await page.keyboard.press('Enter');
    await panel().locator('[data-task-edit]').waitFor();
    await waitForFocusOn(page, 'Ref'); // the form opens at its first field
    return before;
  }

  async function save(): Promise<void> {
    await tabToButton(page, 'Save');
    await page.keyboard.press('Enter');
  }

  /** Picks a person from the directory in the focused people picker: type, wait for the match, arrow to it, Enter. */
  async function pickPerson(search: string, name: string): Promise<void> {
    await page.keyboard.type(search);
    await page.getByRole('option', { name }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await panel().getByRole('listbox', { name: 'Owners chosen' }).getByRole('option', { name }).waitFor();
  }

  it("edits a task's title, due date and owners (picked from the directory): saved, and the history shows it", async () => {
    const before = await openEditForm('1.1.3');
    await assertNoAxeViolations(page, 'the open edit panel');
    const sent: { ifMatch?: string; body: Record<string, unknown> }[] = [];
    page.on('request', (r) => r.method() === 'PATCH' && sent.push({ ifMatch: r.headers()['if-match'], body: r.postDataJSON() as Record<string, unknown> }));

    await tabToField(page, 'Title');
    await retype(page, 'Make every council system ask the standard equality questions');
    await tabToField(page, 'Owners');
    await pickPerson('jord', 'Jordan Lee');
    await tabToField(page, 'Due date');
    await typeDate(page, '2027-04-30');
    await inPanel();
    await save();

    await panel().getByRole('status').getByText('Saved: Title, Owners, Due date changed.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Edit', undefined, { timeout: 5_000 });
    const after = await task('1.1.3');
    assert.equal(after.title, 'Make every council system ask the standard equality questions');
    assert.equal(after.dueDate, '2027-04-30');
    assert.deepEqual(after.owners.map((o) => o.displayName), [...before.owners.map((o) => o.displayName), 'Jordan Lee']);
    assert.equal(sent.length, 1);
    assert.deepEqual(Object.keys(sent[0]!.body), ['title', 'owners', 'dueDate'], 'only the fields changed are sent');
    assert.deepEqual(sent[0]!.body.owners, [...before.owners.map((o) => o.aadObjectId), demoUsers.jordan.aadObjectId], 'people as directory ids');
    assert.ok(sent[0]!.ifMatch, 'with the version the form was filled in from');

    const history = panel().getByRole('region', { name: 'Changes (1)' });
    const change = history.locator('[data-change="edited"]');
    assert.match((await change.textContent()) ?? '', /12 Mar 2026, 10:00, Priya Shah edited/);
    assert.match((await change.locator('[data-change-field="title"]').textContent()) ?? '', /^Title: Make sure council systems.* → Make every council system ask the standard equality questions$/);
    assert.equal(await change.locator('[data-change-field="dueDate"]').textContent(), 'Due date: (empty) → 30 Apr 2027');
    assert.equal(await change.locator('[data-change-field="owners"]').textContent(), 'Owners: Owen Pritchard → Owen Pritchard; Jordan Lee');
    assert.match((await panel().locator('[data-task-detail]').textContent()) ?? '', /Owen Pritchard, Jordan Lee/);

    // The plan reloads behind the panel: the row has the new title and due date.
    const row = page.locator('tr[data-task-ref="1.1.3"]');
    await row.getByText('Make every council system ask the standard equality questions').waitFor();
    assert.match((await row.textContent()) ?? '', /30 Apr 2027/);
  });

  it("keeps what the officer typed when the task was changed behind the panel's back, shows both values, and saving again wins", async () => {
    const before = await openEditForm('1.1.4');
    await tabToField(page, 'Title');
    await retype(page, 'Publish the equality information by 31 January every year');
    // Sam changes the same task (its title and due date) at 09:42 while the form is open.
    await editTask({ ...app.ctx, clock: fixedClock(new Date('2026-03-12T09:42:00Z')) }, { actor: toPerson(demoUsers.sam), taskId: before.id, expectedVersion: before.version, body: { title: 'Publish equality information each January', dueDate: '2026-06-30' } });
    await save();

    const conflict = panel().locator('[data-conflict]');
    await conflict.waitFor();
    assert.equal(await conflict.getAttribute('role'), 'alert');
    assert.match((await conflict.textContent()) ?? '', /Changed by Sam Okafor at 09:42 while you were editing \(changed Title, Due date\)/);
    assert.equal(
      await conflict.locator('[data-conflict-field="title"]').textContent(),
      'Title: Theirs: Publish equality information each January / Yours: Publish the equality information by 31 January every year',
    );
    assert.equal(await conflict.locator('[data-conflict-field="dueDate"]').count(), 0, 'the officer did not change the due date: no conflict there');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-conflict]') !== null), true, 'focus moves to the message');
    assert.equal((await task('1.1.4')).title, 'Publish equality information each January', 'nothing of the officer was saved');
    assert.equal(await panel().getByRole('textbox', { name: 'Title', exact: true }).inputValue(), 'Publish the equality information by 31 January every year', 'what the officer typed is kept');
    assert.equal(await panel().getByLabel('Due date').inputValue(), '30/06/2026', "a field the officer did not touch takes Sam's value (shown en-GB)");
    await assertNoAxeViolations(page, 'the edit panel with a conflict');

    await save();
    await panel().getByRole('status').getByText('Saved: Title changed.').waitFor();
    const after = await task('1.1.4');
    assert.equal(after.title, 'Publish the equality information by 31 January every year', "the officer's value wins over the current version");
    assert.equal(after.dueDate, '2026-06-30', "Sam's due date stands");
    const history = panel().getByRole('region', { name: 'Changes (2)' });
    assert.match((await history.locator('li[data-change]').first().textContent()) ?? '', /Priya Shah edited.*Title: Publish equality information each January → Publish the equality information by 31 January every year/);
    assert.match((await history.locator('li[data-change]').nth(1).textContent()) ?? '', /Sam Okafor edited/);
  });

  it('posts a comment on the thread', async () => {
    const target = await task('1.2.1');
    await openPlan();
    await openTaskByKeyboard(page, target.id);
    await tabToButton(page, 'Post comment');
    await page.keyboard.press('Enter');
    await panel().getByText('Write a comment first.').waitFor();
    const problem = await describedBy(page);
    assert.equal(problem.invalid, 'true', 'the comment box, which has focus, is marked invalid');
    assert.match(problem.description, /^Write a comment first\./, 'and described by the problem');

    await page.keyboard.type('Can we add the ward breakdown before the board meets?');
    await tabToButton(page, 'Post comment');
    await page.keyboard.press('Enter');
    await panel().getByRole('status').getByText('Comment posted.').waitFor();
    const thread = panel().getByRole('region', { name: 'Comments (1)' });
    assert.match((await thread.locator('[data-comment]').textContent()) ?? '', /^Priya Shah, 12 Mar 2026, 10:00Can we add the ward breakdown before the board meets\?$/);
    assert.equal(await panel().getByRole('textbox', { name: 'Your comment' }).inputValue(), '', 'the box is cleared');
    const stored = await app.ctx.store.listComments(target.id);
    assert.deepEqual(stored.map((c) => [c.author.displayName, c.text]), [['Priya Shah', 'Can we add the ward breakdown before the board meets?']]);
  });

  it('adds an evidence link, refusing a link that is not https with the message on its field', async () => {
    await openEditForm('1.2.2');
    await tabToField(page, 'New link address');
    await page.keyboard.type('http://intranet.northvale.example/equality-profile.pdf');
    await tabToField(page, 'New link title');
    await page.keyboard.type('Equality profile 2026');
    await page.keyboard.press('Enter');
    await panel().getByText('Evidence links must start https:// (other kinds of link are refused).').waitFor();
    const f = await focused(page);
    assert.equal(f.label, 'New link address', 'focus goes to the refused address');
    assert.deepEqual(await describedBy(page).then((d) => d.invalid), 'true');
    assert.match((await describedBy(page)).description, /Evidence links must start https:\/\//);
    await assertNoAxeViolations(page, 'the edit panel with a refused link');

    await retype(page, 'https://northvale.sharepoint.example/sites/edi/equality-profile.pdf');
    await page.keyboard.press('Enter');
    await panel().getByRole('list', { name: 'Evidence links on the task' }).getByRole('link', { name: /Equality profile 2026/ }).waitFor();
    await save();
    await panel().getByRole('status').getByText('Saved: Evidence links changed.').waitFor();

    const links = panel().getByRole('region', { name: 'Evidence links (1)' });
    const link = links.getByRole('link', { name: 'Equality profile 2026 (opens in a new window)' });
    assert.equal(await link.getAttribute('href'), 'https://northvale.sharepoint.example/sites/edi/equality-profile.pdf');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    const stored = (await task('1.2.2')).evidenceLinks ?? [];
    assert.deepEqual(stored.map((l) => [l.url, l.title, l.addedBy?.displayName]), [['https://northvale.sharepoint.example/sites/edi/equality-profile.pdf', 'Equality profile 2026', 'Priya Shah']]);
  });

  it('withdraws a task with a reason, and it leaves the plan view', async () => {
    const target = await task('1.3.2');
    await openPlan();
    const total = Number(await page.locator('[data-task-count]').getAttribute('data-task-count'));
    await openTaskByKeyboard(page, target.id);
    await tabToButton(page, 'Withdraw task');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Withdraw task 1.3.2?' });
    await dialog.waitFor();
    await tabToButton(page, 'Withdraw task');
    assert.equal((await focused(page)).inDialog, 'Withdraw task 1.3.2?', 'focus is in the withdraw dialog');
    await page.keyboard.press('Enter');
    await dialog.getByText('Say why the task is withdrawn').waitFor();
    await waitForFocusOn(page, 'Why is the task withdrawn?');
    await page.keyboard.type('Merged into 1.3.1: the same forum does both.');
    await tabToButton(page, 'Withdraw task');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await panel().getByRole('status').getByText('Task 1.3.2 is withdrawn: it leaves the plan view. Its history is kept.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Edit', undefined, { timeout: 5_000 });

    const stored = await task('1.3.2');
    assert.equal(stored.status, 'Withdrawn');
    assert.equal(stored.statusReason, 'Merged into 1.3.1: the same forum does both.');
    assert.match((await panel().locator('[data-change="withdrawn"]').textContent()) ?? '', /Priya Shah withdrew the task.*Status: Open → Withdrawn.*Reason for the status: \(empty\) → Merged into 1\.3\.1/);

    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await page.locator(`[data-task-count="${total - 1}"]`).waitFor();
    assert.equal(await page.locator('tr[data-task-ref="1.3.2"]').count(), 0, 'the withdrawn task left the plan view');
    assert.ok((await focused(page)).openTask, 'focus is not lost with the row: it is on a task of the plan');
    await openPlan('?status=Withdrawn');
    await page.locator('tr[data-task-ref="1.3.2"]').waitFor();
  });

  it('sets the RAG with its reason, and a measure with tolerances typed as percentages', async () => {
    await openEditForm('2.3.2');
    await tabToField(page, 'RAG');
    await page.keyboard.press('ArrowDown');
    assert.equal(await panel().getByRole('combobox', { name: 'RAG' }).inputValue(), 'Amber');
    await tabToField(page, 'This task has a measure with a target');
    await page.keyboard.press('Space');
    await tabToField(page, 'Measure name');
    await page.keyboard.type('Impact assessments published on time');
    await tabToField(page, 'Unit');
    await page.keyboard.type('%');
    await tabToField(page, 'Baseline');
    await page.keyboard.type('38');
    await tabToField(page, 'Target');
    await page.keyboard.type('90');
    await tabToField(page, 'Target date');
    await typeDate(page, '2027-03-31');
    await tabToField(page, 'Amber below');
    await page.keyboard.type('90');
    await tabToField(page, 'Red below');
    await page.keyboard.type('95');
    await save();

    await panel().getByText('Red below must not be above Amber below.').waitFor();
    await panel().getByText(/^Say why the RAG is now Amber/).waitFor();
    await waitForFocusOn(page, 'Why is the RAG changing?'); // focus goes to the first problem: the RAG needs a reason
    await page.keyboard.type('Two assessments were late this quarter.');
    await tabToField(page, 'Red below');
    await retype(page, '75');
    await save();

    await panel().getByRole('status').getByText('Saved: RAG, Measure changed.').waitFor();
    const stored = await task('2.3.2');
    assert.equal(stored.rag, 'Amber');
    assert.deepEqual(stored.measure, { name: 'Impact assessments published on time', unit: '%', baseline: 38, target: 90, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 });
    const change = panel().locator('[data-change="edited"]');
    assert.match((await change.textContent()) ?? '', /RAG: Green → Amber.*Reason: Two assessments were late this quarter\./);
    assert.match((await change.locator('[data-change-field="measure"]').textContent()) ?? '', /Amber below 90%, Red below 75%/);
    await panel().getByRole('heading', { name: 'Measure: Impact assessments published on time' }).waitFor();
  });

  for (const theme of ['dark', 'contrast']) {
    it(`has no axe violations in the edit panel, problems showing, in the ${theme} theme`, async () => {
      const before = await openEditForm('2.1.2', `?theme=${theme}`);
      await tabToField(page, 'Title');
      await retype(page, '');
      await tabToField(page, 'Per cent complete');
      await page.keyboard.type('120');
      await save();
      await panel().getByText('Title cannot be empty.').waitFor();
      await panel().getByText('Per cent complete must be a whole number from 0 to 100.').waitFor();
      await waitForFocusOn(page, 'Title'); // focus goes to the first problem
      assert.match((await describedBy(page)).description, /^Title cannot be empty\./);
      assert.equal((await task('2.1.2')).version, before.version, 'nothing is sent while the form has problems');
      await assertNoAxeViolations(page, `the edit panel with problems (${theme} theme)`);
    });
  }
});
