/**
 * An owner's update form in the Microsoft 365 Agents Playground, as README's "Try the whole loop"
 * describes (issue 19): a Progress paste past its 2,000-character limit comes back from the server
 * with the error beside it and every answer as typed, nothing recorded; then "No change since my
 * last update" records, in one press, that the task stands as it was, and the receipt says so.
 * axe checks the cards themselves (the playground's own page is not the product's).
 *
 * The steps share one chat and run in order.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { PlanView, TaskView } from '../../core/plan-view';
import { assertCardAccessible } from './playground/card-axe';
import { cards, cardsWithText, districtUpdateButton, escapeRegExp, indexOfCard, say, waitUntil } from './playground/chat';
import { usePlaygroundSession } from './playground/playground-session';
import type { RunningProduct } from './playground/product-process';

const DEMO_USER = 'Alex Morgan';
const PROGRESS = /^Progress since the last update \(up to 2,000 characters\)/;
/** 2,100 characters, lines and all, as a pasted report paragraph would be. */
const PASTED = Array.from({ length: 30 }, (_, i) => `Line ${String(i + 1).padStart(2, '0')} of the pasted report: ${'w'.repeat(40)}.`).join('\n').padEnd(2_100, 'z').slice(0, 2_100);
const formTitle = (ref: string) => new RegExp(`Progress update: ${escapeRegExp(ref)}(?![\\d.])`);

describe('owner update form in the Agents Playground (Chromium)', function () {
  this.timeout(30_000);

  const chat = usePlaygroundSession({ name: 'owner-form' });
  let product: RunningProduct;
  let page: Page;
  beforeEach(() => {
    ({ product, page } = chat);
  });
  let ref: string;
  let asItWas: TaskView;
  let formIndex: number;

  async function tasks(): Promise<TaskView[]> {
    const res = await fetch(`${product!.serverUrl}/api/plan`);
    assert.equal(res.status, 200);
    return ((await res.json()) as PlanView).objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));
  }

  async function task(wanted: string): Promise<TaskView> {
    const found = (await tasks()).find((t) => t.ref === wanted);
    assert.ok(found, `${wanted} is in /api/plan`);
    return found;
  }

  async function cardAt(index: number, text: RegExp): Promise<Locator> {
    const card = cards(page).nth(index);
    await waitUntil(`card #${index} to show ${String(text)}`, 15_000, async () => text.test(await card.innerText()) || undefined);
    return card;
  }

  it('the welcome is a short greeting pointing to "help", which lists every command', async () => {
    const welcome = await cardsWithText(page, /^EDI action plan assistant/).first().innerText();
    assert.match(welcome, /Type help at any time/);
    assert.doesNotMatch(welcome, /delegate 2\.3 to/, 'the command list is for "help"');
    const helpCards = cardsWithText(page, /You can type:/);
    await say(page, 'help');
    await helpCards.first().waitFor();
    const help = await helpCards.first().innerText();
    for (const command of ['my tasks', 'pending', 'delegate 2.3 to Sam Okafor', 'help', 'No change since my last update']) assert.ok(help.includes(command), `help names "${command}"`);
  });

  it('a 2,100-character Progress comes back from the server with the error beside it and every answer kept, nothing recorded', async () => {
    const mine = (await tasks()).filter((t) => t.status === 'Open' && t.latestUpdate && t.owners.some((o) => o.displayName === DEMO_USER));
    const lists = cardsWithText(page, /^Your open tasks/);
    await say(page, 'my tasks');
    await lists.first().waitFor();
    const list = lists.last();
    const listed = await list.innerText();
    const chosen = mine.find((t) => new RegExp(`^${escapeRegExp(t.ref)}: `, 'm').test(listed));
    assert.ok(chosen, 'an open task of Alex with an earlier update is on the list');
    ref = chosen.ref;
    asItWas = chosen;
    formIndex = await indexOfCard(page, list);
    await districtUpdateButton(list, ref).click();
    const form = await cardAt(formIndex, formTitle(ref));

    const progress = form.getByRole('textbox', { name: PROGRESS });
    await progress.fill(PASTED);
    assert.equal((await progress.inputValue()).length, 2_100, 'the box took the whole paste: the client cut nothing');
    const answers = { evidence: 'Staff survey: 61% response rate.', risks: 'Two services have not replied.', support: 'A word from the board to the two services.' };
    await form.getByRole('textbox', { name: /^Evidence of impact \(up to 2,000 characters\)/ }).fill(answers.evidence);
    await form.getByRole('textbox', { name: /^Issues or risks \(up to 2,000 characters\)/ }).fill(answers.risks);
    await form.getByRole('textbox', { name: /^Support needed from the board \(up to 1,000 characters\)/ }).fill(answers.support);
    // The playground draws a compact ChoiceSet as a Fluent combobox: open it, pick the option.
    await form.getByRole('combobox', { name: 'RAG status' }).click();
    await page.getByRole('option', { name: '▲ ! Amber' }).click();
    const measure = form.getByRole('spinbutton', { name: /^Current value of the measure/ });
    const hasMeasure = (await measure.count()) > 0;
    if (hasMeasure) await measure.fill('42');
    const count = await cards(page).count();
    await form.getByRole('button', { name: 'Submit update' }).click();

    const back = await cardAt(formIndex, /2,000 characters or fewer \(it has 2,100: 100 too many\)/);
    assert.equal(await cards(page).count(), count, 'the form came back in place; no new message');
    assert.match(await back.innerText(), /Nothing was saved yet/);
    assert.equal(await back.getByRole('textbox', { name: PROGRESS }).inputValue(), PASTED, 'Progress is back exactly as pasted');
    assert.equal(await back.getByRole('textbox', { name: /^Evidence of impact/ }).inputValue(), answers.evidence);
    assert.equal(await back.getByRole('textbox', { name: /^Issues or risks/ }).inputValue(), answers.risks);
    assert.equal(await back.getByRole('textbox', { name: /^Support needed from the board/ }).inputValue(), answers.support);
    assert.equal(await back.getByRole('combobox', { name: 'RAG status' }).inputValue(), '▲ ! Amber');
    if (hasMeasure) assert.equal(await back.getByRole('spinbutton', { name: /^Current value of the measure/ }).inputValue(), '42');
    const now = await task(ref);
    assert.deepEqual([now.latestUpdate, now.rag, now.pendingApproval], [asItWas.latestUpdate, asItWas.rag, asItWas.pendingApproval], 'nothing was recorded');
    await assertCardAccessible(page, back, 'the update form with the error');
  });

  it('"No change since my last update" records in one press that the task is unchanged, and the receipt says so', async () => {
    assert.ok(ref, 'the form was opened in the previous step');
    const form = cards(page).nth(formIndex);
    const count = await cards(page).count();
    await form.getByRole('button', { name: 'No change since my last update' }).click();

    const receipt = await cardAt(formIndex, new RegExp(`✓ No change recorded for ${escapeRegExp(ref)}`));
    assert.equal(await cards(page).count(), count, 'the receipt replaced the form; no new message');
    const text = await receipt.innerText();
    assert.match(text, new RegExp(`Recorded\\s+No change since the last update \\(confirmed by ${DEMO_USER}\\)\\. Last update, `));
    assert.match(text, /RAG\s+\S.*\(kept\)/);
    assert.match(text, /confirmed this task is unchanged/);
    const after = await task(ref);
    assert.match(after.latestUpdate?.text ?? '', new RegExp(`^No change since the last update \\(confirmed by ${DEMO_USER}\\)\\. Last update, .*: ${escapeRegExp(asItWas.latestUpdate!.text.slice(0, 40))}`));
    assert.equal(after.latestUpdate?.by, DEMO_USER);
    assert.ok(Date.parse(after.latestUpdate!.at) > Date.parse(asItWas.latestUpdate!.at), 'answered now');
    assert.equal(after.rag, asItWas.rag, 'the RAG is kept; the Amber typed before was never sent');
    assert.equal(after.pendingApproval, asItWas.pendingApproval, 'no RAG change was asked for');
    await assertCardAccessible(page, receipt, 'the no-change receipt');
  });
});
