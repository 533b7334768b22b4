/**
 * "Approve all" by hand in the Microsoft 365 Agents Playground: owners (Alex among them) have
 * proposed new RAGs on three tasks whose approver is Sam; the product runs as Sam, who types "pending", presses "Approve all
 * (3)", reads the confirm card naming the three, confirms, and reads which were approved. Each is
 * then in the plan's history as its own decision by Sam, with the owner's message attempted.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createAppContext } from '../../bot/app-context';
import { loadConfig } from '../../bot/config';
import { demoUsers } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { silentLogger } from '../../core/ports/logger';
import type { TaskDetail } from '../../core/use-cases/get-task-detail';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { assertCardAccessible } from './playground/card-axe';
import { cards, cardsWithText, indexOfCard, say, waitUntil } from './playground/chat';
import { usePlaygroundSession } from './playground/playground-session';
import type { RunningProduct } from './playground/product-process';

const PROPOSALS = 3;

/** Owners propose a different RAG on open tasks until PROPOSALS wait for Sam (their manager or accountable officer); their refs. */
async function proposeToSam(dataDir: string): Promise<string[]> {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, STORE: 'sqlite', DEMO_DATA: 'true', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const ctx = await createAppContext(config, { log: silentLogger });
  try {
    await seedDemoPlan(ctx);
    const refs: string[] = [];
    for (const task of await ctx.store.listTasks({ statuses: ['Open'] })) {
      const owner = task.owners[0];
      if (refs.length === PROPOSALS) break;
      if (!owner || owner.aadObjectId === demoUsers.sam.aadObjectId || task.pendingApprovalId) continue;
      const result = await submitUpdate(
        { store: ctx.store, clock: ctx.clock, approvals: { policy: ctx.approvalPolicy, directory: ctx.directory } },
        { actorAadObjectId: owner.aadObjectId, taskId: task.id, taskVersion: task.version, idempotencyKey: `approve-all-${task.id}`, values: { progress: `Progress on ${task.ref}`, rag: task.rag === 'Red' ? 'Amber' : 'Red' } },
      );
      if (result.requested?.approver.aadObjectId === demoUsers.sam.aadObjectId) refs.push(task.ref);
    }
    assert.equal(refs.length, PROPOSALS, 'the demo plan has enough tasks that Sam approves');
    return refs;
  } finally {
    await ctx.close();
  }
}

describe('Approve all in the Agents Playground (Chromium)', function () {
  this.timeout(90_000);
  let refs: string[];
  const chat = usePlaygroundSession({
    name: 'approve-all',
    env: { PLAYGROUND_USER: 'sam' },
    startTimeoutMs: 60_000,
    prepare: async (dataDir) => {
      refs = await proposeToSam(dataDir);
    },
  });
  let product: RunningProduct;
  let page: Page;
  beforeEach(() => {
    ({ product, page } = chat);
  });

  async function detail(ref: string): Promise<TaskDetail> {
    const plan = (await (await fetch(`${product!.serverUrl}/api/plan`)).json()) as { objectives: { indicators: { tasks: { id: string; ref: string }[] }[] }[] };
    const task = plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.ref === ref);
    assert.ok(task, `${ref} is in the plan`);
    return (await (await fetch(`${product!.serverUrl}/api/tasks/${task.id}`)).json()) as TaskDetail;
  }

  it('pending list → Approve all → a confirm card naming each → Confirm → each approved and recorded on its own', async () => {
    const lists = cardsWithText(page, new RegExp(`^${PROPOSALS} RAG changes are waiting for your decision`));
    await say(page, 'pending');
    await lists.first().waitFor();
    const list = lists.last();
    const index = await indexOfCard(page, list);
    await list.getByRole('button', { name: `Approve all (${PROPOSALS})` }).click();

    // The confirm card replaces the list in place.
    const card = cards(page).nth(index);
    await waitUntil('the confirm card', 15_000, async () => (/Approve these 3 RAG changes\?/.test(await card.innerText()) ? true : undefined));
    const confirmText = await card.innerText();
    for (const ref of refs) assert.ok(confirmText.includes(`${ref}:`), `the confirm card names ${ref}:\n${confirmText}`);
    assert.equal(await card.getByRole('button', { name: 'Cancel' }).count(), 1);
    await assertCardAccessible(page, card, 'the Approve all confirm card');
    for (const ref of refs) assert.equal((await detail(ref)).approvals[0]?.state, 'Pending', 'nothing decided before Confirm');

    await card.getByRole('button', { name: `Confirm: approve ${PROPOSALS}` }).click();
    await waitUntil('the result', 20_000, async () => (/3 RAG changes approved/.test(await card.innerText()) ? true : undefined));
    const resultText = await card.innerText();
    for (const ref of refs) assert.ok(resultText.includes(`✓ ${ref}:`), `the result lists ${ref} as approved:\n${resultText}`);
    await assertCardAccessible(page, card, 'the Approve all result card');

    for (const ref of refs) {
      const task = await detail(ref);
      const [approval] = task.approvals;
      assert.deepEqual([approval?.state, approval?.decidedBy?.displayName, task.rag], ['Approved', 'Sam Okafor', approval?.toRag], `${ref} approved by Sam, its RAG applied`);
      assert.equal(task.pendingRag, undefined);
      // The owner's message was attempted and logged (they have no chat here: the playground is Sam's).
      const owner = task.owners[0]!;
      assert.equal(task.reminders.filter((r) => r.trigger === 'approval-decision' && r.recipient.aadObjectId === owner.aadObjectId).length, 1, `${ref}: one message to the owner`);
    }
  });
});
