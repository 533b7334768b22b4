/**
 * RAG approval by hand in the Microsoft 365 Agents Playground, as README's "Play the manager"
 * describes: Alex proposes a new RAG on an update form; the product restarts as Sam (Alex's
 * manager and 1.1.2's accountable officer), who finds it with "pending", is told a rejection needs
 * a reason, approves, and the plan shows the new RAG; back as Alex, the next sweep brings the decision.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PlanView, TaskView } from '../../core/plan-view';
import { launchChromium } from './chromium';
import { cards, cardsWithText, districtUpdateButton, indexOfCard, openChat, say, waitUntil } from './playground/chat';
import { freePorts, runRemindCli, startProduct, tail, type RunningProduct } from './playground/product-process';

const REF = '1.1.2'; // Alex's task; Sam Okafor is its accountable officer in the demo plan

describe('RAG approval in the Agents Playground (Chromium)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let ports: number[];
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  let page: Page;

  async function start(user: string): Promise<void> {
    product = await startProduct({ dataDir, port: ports[0]!, playgroundPort: ports[1]!, timeoutMs: 45_000, env: { PLAYGROUND_USER: user } });
    page = await openChat(browser!, product.playgroundUrl);
  }

  async function stop(): Promise<void> {
    await page?.close().catch(() => undefined);
    await product?.stop();
    product = undefined;
  }

  async function task(ref: string): Promise<TaskView> {
    const plan = (await (await fetch(`${product!.serverUrl}/api/plan`)).json()) as PlanView;
    const found = plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.ref === ref);
    assert.ok(found, `${ref} is in the plan`);
    return found;
  }

  before(async function () {
    this.timeout(90_000);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'edi-playground-approvals-'));
    ports = await freePorts(2);
    browser = await launchChromium();
    await start('alex');
  });

  after(async function () {
    this.timeout(20_000);
    await stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && product) console.error(`--- product output (last lines) ---\n${tail(product.output())}`);
  });

  it('Alex proposes Red: the update is saved, the RAG waits for Sam', async () => {
    const before = await task(REF);
    assert.notEqual(before.rag, 'Red');
    const lists = cardsWithText(page, /^Your open tasks/);
    await say(page, 'my tasks');
    await lists.first().waitFor();
    const list = lists.last();
    const index = await indexOfCard(page, list);
    await districtUpdateButton(list, REF).click();
    const form = cards(page).nth(index);
    await form.getByRole('textbox', { name: /^Progress since the last update/ }).fill('Survey supplier withdrew; re-tendering will take six weeks.');
    // The playground draws a compact ChoiceSet as a Fluent combobox: open it, pick the option.
    await form.getByRole('combobox', { name: 'RAG status' }).click();
    await page.getByRole('option', { name: '■ ✕ Red' }).click();
    await form.getByRole('button', { name: 'Submit update' }).click();
    await waitUntil('the receipt', 15_000, async () => (/Update recorded/.test(await form.innerText()) ? true : undefined));
    assert.match(await form.innerText(), /Awaiting a decision from Sam Okafor/);
    const after = await task(REF);
    assert.equal(after.rag, before.rag, 'the RAG is unchanged until approved');
    assert.equal(after.pendingApproval?.proposedRag, 'Red');
    assert.equal(after.pendingApproval?.approverName, 'Sam Okafor');
  });

  it('Sam finds it with "pending", must give a reason to reject, and approves', async function () {
    this.timeout(90_000);
    await stop();
    await start('sam');
    // Anchored: the help card mentions "RAG changes waiting for your decision" too.
    const lists = cardsWithText(page, /^(\d+ RAG changes? (is|are)|No RAG changes are) waiting for your decision/);
    await say(page, 'pending');
    await lists.first().waitFor();
    const list = lists.last();
    assert.match(await list.innerText(), /^1 RAG change is waiting for your decision/);
    const index = await indexOfCard(page, list);
    await list.getByRole('button', { name: `Review ${REF}` }).click();
    const card = cards(page).nth(index);
    await waitUntil('the approval card', 15_000, async () => (/needs your decision/.test(await card.innerText()) ? true : undefined));
    const text = await card.innerText();
    assert.match(text, /■ ✕ Red/);
    assert.match(text, /Survey supplier withdrew/);

    await card.getByRole('button', { name: /^Reject/ }).click();
    await waitUntil('the reason prompt', 15_000, async () => (/Say why you are rejecting/.test(await card.innerText()) ? true : undefined));
    assert.notEqual((await task(REF)).rag, 'Red');

    await card.getByRole('button', { name: /^Approve/ }).click();
    await waitUntil('the outcome', 15_000, async () => (/Approved by Sam Okafor/.test(await card.innerText()) ? true : undefined));
    assert.equal(await card.getByRole('button', { name: /^Approve/ }).count(), 0, 'no buttons once decided');
    const after = await task(REF);
    assert.equal(after.rag, 'Red');
    assert.equal(after.pendingApproval, undefined);
  });

  it('Alex, back in the app, gets Sam\'s decision at the next sweep', async function () {
    this.timeout(90_000);
    await stop();
    await start('alex');
    // The playground hosts only Alex: cards to Sam's chat are not delivered, which is reported, not a failure.
    const result = await runRemindCli({ dataDir, timeoutMs: 30_000 });
    assert.match(result.stdout, /Reminder sweep as of/, `${result.stdout}${result.stderr}`);
    assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
    const told = cardsWithText(page, /^Sam Okafor approved your RAG change/);
    await told.first().waitFor();
    assert.match(await told.first().innerText(), new RegExp(`${REF.replace(/\./g, '\\.')}[\\s\\S]*■ ✕ Red`));
  });
});
