/**
 * The local demo end to end, as a user sees it: the product as `npm start` runs it (server, SQLite
 * store seeded with the demo plan, Microsoft 365 Agents Playground signed in as Alex Morgan) in
 * Chromium; "help" and "my tasks" in the chat; `npm run remind` delivering update forms; the form's
 * required check; a submitted form replaced by its receipt; the update in `/api/plan`.
 *
 * The steps share one chat and run in order.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { PlanView, TaskView } from '../../core/plan-view';
import { cards, cardsWithText, districtUpdateButton, escapeRegExp, indexOfCard, say, waitUntil } from './playground/chat';
import { usePlaygroundSession } from './playground/playground-session';
import { runRemindCli, type RunningProduct } from './playground/product-process';

const DEMO_USER = 'Alex Morgan';
const PROGRESS_LABEL = /^Progress since the last update/;
const CLIENT_REQUIRED_MESSAGE = 'Progress since the last update is required.';
/** How a reminder form starts (bot/cards/reminder-card.ts); other forms start with "Progress update:". */
const REMINDER_INTRO = /^(Reminder: this task is due|This task is overdue)/;
/** An update form's title for exactly this ref (not 1.1.20 for 1.1.2). */
const formTitle = (ref: string) => new RegExp(`Progress update: ${escapeRegExp(ref)}(?![\\d.])`);
/** RAG as the cards show it: a symbol and the word, never colour alone (bot/cards/card-text.ts). */
const RAG_LABELS = '(○ Not started|● ✓ Green|▲ ! Amber|■ ✕ Red|★ ✓ Complete)';
const RAG_LABEL = new RegExp(`^${RAG_LABELS}$`);

describe('local demo in the Agents Playground (Chromium)', function () {
  this.timeout(30_000);

  const chat = usePlaygroundSession({ name: 'test' });
  let product: RunningProduct;
  let page: Page;
  beforeEach(() => {
    ({ product, page } = chat);
  });
  /** The task whose reminder form the steps below answer. */
  let reminderRef: string;
  let reminderCardIndex: number;
  const progressText = `Playground check ${randomUUID()}: survey breakdown drafted.`;

  async function plan(): Promise<PlanView> {
    const res = await fetch(`${product!.serverUrl}/api/plan`);
    assert.equal(res.status, 200, 'GET /api/plan');
    return (await res.json()) as PlanView;
  }

  async function taskByRef(ref: string): Promise<TaskView> {
    const task = (await plan()).objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.ref === ref);
    assert.ok(task, `task ${ref} is in /api/plan`);
    return task;
  }

  /** The card now at `index`, once its text matches. */
  async function cardAt(index: number, text: string | RegExp): Promise<Locator> {
    const card = cards(page).nth(index);
    await waitUntil(`card #${index} to show ${String(text)}`, 15_000, async () =>
      (typeof text === 'string' ? (await card.innerText()).includes(text) : text.test(await card.innerText())) || undefined,
    );
    return card;
  }

  it('answers "help" with the help card', async () => {
    const helpCards = cardsWithText(page, /^EDI action plan assistant/);
    const before = await helpCards.count();
    await say(page, 'help');
    await waitUntil('a new help card', 15_000, async () => ((await helpCards.count()) > before ? true : undefined));
    const help = helpCards.last();
    const text = await help.innerText();
    assert.match(text, /Hello Alex\./);
    assert.match(text, /my tasks\s+List your open tasks/);
    assert.match(text, /help\s+Show this message\./);
    await help.getByRole('button', { name: 'My tasks' }).waitFor();
  });

  it('lists Alex\'s open tasks on "my tasks" and opens an update form in place', async () => {
    const expected = (await plan()).objectives
      .flatMap((o) => o.indicators.flatMap((i) => i.tasks))
      .filter((t) => t.status === 'Open' && t.owners.some((o) => o.displayName === DEMO_USER));
    assert.ok(expected.length > 0, 'the demo plan gives Alex open tasks');
    // Alex also owns tasks in the demo's workforce plan: the card lists both plans' (at most 10).
    const { plans } = (await (await fetch(`${product!.serverUrl}/api/plans`)).json()) as { plans: { id: string }[] };
    assert.equal(plans.length, 2, 'the demo has two plans');
    let openForAlex = 0;
    for (const { id } of plans) {
      const view = (await (await fetch(`${product!.serverUrl}/api/plan?plan=${id}`)).json()) as PlanView;
      openForAlex += view.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).filter((t) => t.status === 'Open' && t.owners.some((o) => o.displayName === DEMO_USER)).length;
    }
    assert.ok(openForAlex > expected.length, 'Alex has open tasks in both plans');

    // Anchored and case-sensitive: the help card says "List your open tasks".
    const lists = cardsWithText(page, /^Your open tasks/);
    const listsBefore = await lists.count();
    await say(page, 'my tasks');
    await waitUntil('the "my tasks" card', 15_000, async () => ((await lists.count()) > listsBefore ? true : undefined));
    const list = lists.last();
    const text = await list.innerText();
    assert.doesNotMatch(text, /\\/, 'no markdown escape shows as a backslash');
    for (const task of expected.slice(0, 10)) {
      assert.match(text, new RegExp(`^${escapeRegExp(task.ref)}: `, 'm'), `task ${task.ref} is listed by ref`);
      await districtUpdateButton(list, task.ref).waitFor();
    }
    const ragValues = (await list.getByText(RAG_LABEL).allInnerTexts()).map((s) => s.trim());
    assert.equal(ragValues.length, Math.min(openForAlex, 10), 'each task shows its RAG as symbol and word');
    assert.equal((text.match(/^Due$/gm) ?? []).length, ragValues.length, 'each task shows its due date');

    const ref = expected[0]!.ref;
    const index = await indexOfCard(page, list);
    const count = await cards(page).count();
    await districtUpdateButton(list, ref).click();
    const form = await cardAt(index, formTitle(ref));
    assert.equal(await cards(page).count(), count, 'the form replaced the list; no new message');
    await form.getByRole('textbox', { name: PROGRESS_LABEL }).waitFor();
    await form.getByRole('combobox', { name: 'RAG status' }).waitFor();
    await form.getByRole('textbox', { name: 'Evidence of impact' }).waitFor();
    await form.getByRole('textbox', { name: 'Issues or risks' }).waitFor();
    await form.getByRole('textbox', { name: 'Support needed from the board' }).waitFor();
    await form.getByRole('combobox', { name: 'Revised completion date (if you need one)' }).waitFor();
    await form.getByRole('button', { name: 'Submit update' }).waitFor();
  });

  it('shows the one reminder "npm run remind" sends, listing every due task, each opening its form in place', async () => {
    const result = await runRemindCli({ dataDir: chat.dataDir, timeoutMs: 30_000 });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.code, 0, `the reminder CLI succeeds:\n${output}`);
    const sentToAlex = [...result.stdout.matchAll(/^\s+sent\s+(\S+) -> Alex Morgan\b/gm)].map((m) => m[1]!);
    assert.ok(sentToAlex.length > 1, `the demo has several tasks due for Alex:\n${output}`);

    const list = cardsWithText(page, `${sentToAlex.length} of your tasks need a progress update`);
    await list.first().waitFor();
    assert.equal(await list.count(), 1, 'one reminder listing them, not one DM per task');
    const listText = await list.innerText();
    for (const ref of sentToAlex) assert.match(listText, new RegExp(`Update ${escapeRegExp(ref)}\\b`), `an Update button for ${ref}`);

    reminderRef = sentToAlex[sentToAlex.length - 1]!;
    reminderCardIndex = await indexOfCard(page, list);
    // The reminder spans both demo plans: the first button for that ref, whichever plan.
    await list.getByRole('button', { name: new RegExp(`^Update ${escapeRegExp(reminderRef)}\\b`) }).first().click();
    const reminder = await cardAt(reminderCardIndex, formTitle(reminderRef));
    const text = await reminder.innerText();
    assert.doesNotMatch(text, /\\/, 'no markdown escape shows as a backslash');
    assert.match(text, new RegExp(`Current RAG\\s+${RAG_LABELS}\\n`));
  });

  it('keeps a reminder form with no progress in place and says progress is required', async () => {
    assert.ok(reminderRef, 'a reminder card arrived in the previous step');
    const before = await taskByRef(reminderRef);
    const form = cards(page).nth(reminderCardIndex);
    await form.getByRole('button', { name: 'Submit update' }).click();
    await form.getByText(CLIENT_REQUIRED_MESSAGE, { exact: true }).waitFor();
    const text = await form.innerText();
    assert.match(text, REMINDER_INTRO, 'the reminder form stays');
    assert.match(text, formTitle(reminderRef), 'the reminder form stays');
    // The card's own required check stops it: the server's re-rendered form would say this instead.
    assert.doesNotMatch(text, /Nothing was saved yet|Progress is required:/);
    assert.deepEqual((await taskByRef(reminderRef)).latestUpdate, before.latestUpdate, 'nothing was saved');
  });

  it('replaces the submitted reminder form with a receipt and records the update in the plan', async () => {
    assert.ok(reminderRef, 'a reminder card arrived in an earlier step');
    const form = cards(page).nth(reminderCardIndex);
    const count = await cards(page).count();
    await form.getByRole('textbox', { name: PROGRESS_LABEL }).fill(progressText);
    await form.getByRole('button', { name: 'Submit update' }).click();

    const receipt = await cardAt(reminderCardIndex, `✓ Update recorded: ${reminderRef}`);
    // Zero-width spaces let a long run (the check's id) wrap on a phone (card-text.ts); they are not seen.
    const text = (await receipt.innerText()).replaceAll('\u200B', '');
    assert.match(text, new RegExp(`Progress\\s+${escapeRegExp(progressText)}`));
    assert.match(text, new RegExp(`Submitted\\s+${DEMO_USER}, `));
    assert.equal(await cards(page).count(), count, 'the receipt replaced the form; no new message');
    assert.equal(await receipt.getByRole('button', { name: 'Submit update' }).count(), 0, 'the form is gone');

    const task = await taskByRef(reminderRef);
    assert.equal(task.latestUpdate?.text, progressText);
    assert.equal(task.latestUpdate?.by, DEMO_USER);
  });
});
