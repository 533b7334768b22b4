import assert from 'node:assert/strict';
import { handleCardAction, type CardActionDeps } from '../../bot/card-actions';
import { CardVerb } from '../../bot/cards/card-verbs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, taskInput } from '../support/builders';
import { cardTextContent } from '../support/card-validator';
import { CapturingMessenger } from '../support/capturing-messenger';
import { sharePointStoreForContract } from '../support/sharepoint-over-emulator';

const CLICKS = 50;
const clock = fixedClock(new Date('2026-11-23T10:00:00Z'));

/**
 * One approval, 50 Approve/Reject invokes at once through the bot's invoke router (identity as the
 * activity gives it). Exactly one decision is stored; every response says what was decided.
 */
async function race(store: PlanStore, run: number): Promise<void> {
  const task = await store.createTask(taskInput({ ref: `R${run}`, rag: 'Amber', accountableOfficer: bob }));
  const deps: CardActionDeps = { store, clock, log: silentLogger, messenger: new CapturingMessenger(), directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY };
  const submitted = await handleCardAction(deps, { aadObjectId: alice.aadObjectId }, CardVerb.submitUpdate, { taskId: task.id, taskVersion: task.version, nonce: `nonce-${run}-xxxx`, progress: 'Slipping', rag: 'Red' });
  assert.ok('card' in submitted);
  const [approval] = await store.listApprovals({ taskId: task.id });
  assert.ok(approval, 'an approval was requested');

  const responses = await Promise.all(
    Array.from({ length: CLICKS }, (_, i) =>
      handleCardAction(deps, { aadObjectId: bob.aadObjectId }, CardVerb.decideApproval, { approvalId: approval.id, decision: i % 2 ? 'approve' : 'reject', comment: `click ${i}` }),
    ),
  );

  const stored = (await store.getApproval(approval.id))!;
  assert.ok(stored.state === 'Approved' || stored.state === 'Rejected', `decided, not ${stored.state}`);
  const word = stored.state === 'Approved' ? 'approved' : 'rejected';
  const texts = responses.map((r) => {
    assert.ok('card' in r, `every click gets a card, not ${JSON.stringify(r)}`);
    return cardTextContent(r.card);
  });
  assert.equal(texts.filter((t) => !/^Already /m.test(t)).length, 1, 'one click decided');
  for (const t of texts) {
    assert.match(t, new RegExp(`${stored.state} by Bob Manager`), 'each card shows the stored outcome');
    if (/^Already /m.test(t)) assert.match(t, new RegExp(`Already ${word} by Bob Manager at `));
  }
  // The decision that won is the one that was applied, with its own comment.
  const winner = Number(/click (\d+)/.exec(stored.comment ?? '')?.[1]);
  assert.equal(winner % 2 ? 'Approved' : 'Rejected', stored.state);
  const after = (await store.getTask(task.id))!;
  assert.equal(after.rag, stored.state === 'Approved' ? 'Red' : 'Amber');
  assert.equal(after.pendingApprovalId, undefined);
  assert.equal((await store.listApprovals({ taskId: task.id })).length, 1);
}

describe('50 simultaneous decisions on one approval', function () {
  this.timeout(120_000);

  it('store exactly one decision and answer every click coherently, 100 runs (SQLite)', async () => {
    const store = SqlitePlanStore.open(':memory:');
    try {
      for (let run = 0; run < 100; run++) await race(store, run);
    } finally {
      await store.close();
    }
  });

  it('do the same on SharePoint lists (over the Graph emulator), 5 runs', async () => {
    const store = await sharePointStoreForContract();
    try {
      for (let run = 0; run < 5; run++) await race(store, run);
    } finally {
      await store.close();
    }
  });
});
