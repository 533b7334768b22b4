/**
 * "Approve all" through the bot's invoke router, identity as the activity gives it: the pending
 * list offers it, one confirm card names exactly what it approves, and Confirm decides each change
 * on its own (recorded, owner told, approver's card edited) and says what was not approved and why.
 */
import assert from 'node:assert/strict';
import { handleCardAction, type CardActionDeps } from '../../bot/card-actions';
import { CardVerb } from '../../bot/cards/card-verbs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import type { Person, RagApproval, Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { APPROVE_ALL_MAX } from '../../core/use-cases/approve-all';
import { alice, bob, carol, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';
import { CapturingMessenger } from '../support/capturing-messenger';

const clock = fixedClock(new Date('2026-11-23T10:00:00Z'));
/** The card's words as a reader sees them: card markdown's escapes ("1\\.1") taken out. */
const plain = (card: AdaptiveCardJson) => cardTextContent(card).replace(/\\(.)/g, '$1');

describe('Approve all (bot)', () => {
  let store: SqlitePlanStore;
  let messenger: CapturingMessenger;
  let deps: CardActionDeps;
  let nonce = 0;

  const click = async (who: Person, verb: string, data: Record<string, unknown> = {}): Promise<AdaptiveCardJson> => {
    const result = await handleCardAction(deps, { aadObjectId: who.aadObjectId }, verb, data);
    assert.ok('card' in result, `a card, not ${JSON.stringify(result)}`);
    assert.deepEqual(cardProblems(result.card), [], 'the card is valid Adaptive Card 1.5');
    return result.card;
  };
  /** Alice proposes a RAG on a task of hers; returns the approval it created. */
  const propose = async (task: Task, rag: string): Promise<RagApproval> => {
    const current = (await store.getTask(task.id))!;
    await click(alice, CardVerb.submitUpdate, { taskId: task.id, taskVersion: current.version, nonce: `nonce-${++nonce}-xxxx`, progress: `Update ${nonce}`, rag });
    const pending = (await store.listApprovals({ taskId: task.id })).filter((a) => a.state === 'Pending');
    assert.equal(pending.length, 1, 'one pending approval on the task');
    return pending[0]!;
  };
  const addTask = (ref: string, approver: Person = bob) => store.createTask(taskInput({ ref, title: `Task ${ref}`, rag: 'Amber', accountableOfficer: approver }));
  const approveAllButton = (card: AdaptiveCardJson) => executeActions(card).find((a) => a.verb === CardVerb.confirmApproveAll);
  const confirmButton = (card: AdaptiveCardJson) => executeActions(card).find((a) => a.verb === CardVerb.approveAll);

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    messenger = new CapturingMessenger();
    deps = { store, clock, log: silentLogger, messenger, directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY };
    for (const p of [alice, bob, carol]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
  });
  afterEach(() => store.close());

  it('offers "Approve all (N)" on the pending list only when two or more wait', async () => {
    const t1 = await addTask('1.1');
    await propose(t1, 'Red');
    assert.equal(approveAllButton(await click(bob, CardVerb.showPendingApprovals)), undefined, 'one change: Review is enough');
    await propose(await addTask('1.2'), 'Green');
    const list = await click(bob, CardVerb.showPendingApprovals);
    assert.equal(approveAllButton(list)?.title, 'Approve all (2)');
    assert.deepEqual(approveAllButton(list)?.data, {}, 'the button carries nothing: the confirm card reads the store');
  });

  it('confirms with a card naming each change, then approves each one on its own, records it and tells the owner', async () => {
    const tasks = [await addTask('1.1'), await addTask('1.2'), await addTask('1.3')];
    const approvals = [await propose(tasks[0]!, 'Red'), await propose(tasks[1]!, 'Green'), await propose(tasks[2]!, 'Complete')];
    const requestsToBob = messenger.sentTo(bob).length;

    const confirm = await click(bob, CardVerb.confirmApproveAll);
    const text = plain(confirm);
    assert.match(text, /^Approve these 3 RAG changes\?/);
    for (const t of tasks) assert.match(text, new RegExp(`${t.ref.replace('.', '\\.')}: Task ${t.ref.replace('.', '\\.')}`));
    assert.match(text, /Amber → .*Red[\s\S]*Amber → .*Green[\s\S]*Amber → .*Complete/);
    const buttons = executeActions(confirm);
    assert.deepEqual(buttons.map((b) => [b.title, b.verb]), [['Confirm: approve 3', CardVerb.approveAll], ['Cancel', CardVerb.showPendingApprovals]]);
    assert.deepEqual(buttons[0]!.data, { approvalIds: approvals.map((a) => a.id) }, 'only ids travel in the card');
    for (const a of approvals) assert.equal((await store.getApproval(a.id))?.state, 'Pending', 'nothing is decided before Confirm');

    const result = await click(bob, CardVerb.approveAll, buttons[0]!.data);
    assert.match(plain(result), /^3 RAG changes approved/);
    for (const [i, a] of approvals.entries()) {
      const stored = (await store.getApproval(a.id))!;
      assert.deepEqual([stored.state, stored.decidedBy?.aadObjectId, stored.decidedAt, stored.comment], ['Approved', bob.aadObjectId, '2026-11-23T10:00:00.000Z', undefined]);
      const task = (await store.getTask(tasks[i]!.id))!;
      assert.deepEqual([task.rag, task.pendingApprovalId], [a.toRag, undefined]);
      // The owner's message, claimed in the reminder log like a single decision's.
      const told = (await store.listReminders(task.id)).filter((r) => r.key === `approval:${a.key}:decision`);
      assert.deepEqual(told.map((r) => [r.recipient.aadObjectId, r.outcome]), [[alice.aadObjectId, 'sent']]);
    }
    assert.equal(messenger.sentTo(alice).filter((c) => /Bob Manager approved your RAG change/.test(cardTextContent(c.message.card))).length, 3, 'one message to the owner per change');
    assert.equal(messenger.sentTo(bob).length, requestsToBob, 'nothing new sent to the approver');
    const editedForBob = messenger.edited.filter((e) => e.to === bob.aadObjectId).map((e) => cardTextContent(e.message.card));
    assert.equal(editedForBob.filter((t) => /Approved by Bob Manager/.test(t)).length, 3, "each approval card in Bob's chat shows the outcome in place");
  });

  it('re-checks every change on Confirm: decided, superseded, someone else\'s or gone are not approved, and the card says why', async () => {
    const decided = await propose(await addTask('2.1'), 'Red');
    const t2 = await addTask('2.2');
    const superseded = await propose(t2, 'Green');
    const fine = await propose(await addTask('2.3'), 'Red');
    const carols = await propose(await addTask('2.4', carol), 'Red');
    const confirm = await click(bob, CardVerb.confirmApproveAll);
    const ids = confirmButton(confirm)!.data.approvalIds as string[];
    assert.deepEqual(ids, [decided.id, superseded.id, fine.id], "Carol's approval is not Bob's to list");

    // Between the confirm card and Confirm: Bob approves 2.1 on its own card; Alice proposes 2.2 again.
    await click(bob, CardVerb.decideApproval, { approvalId: decided.id, decision: 'approve' });
    const newer = await propose(t2, 'Red');
    // A forged card also names Carol's approval and one that never existed.
    const result = await click(bob, CardVerb.approveAll, { approvalIds: [...ids, carols.id, 'no-such-approval'] });
    const text = plain(result);
    assert.match(text, /^1 of 5 RAG changes approved/);
    assert.match(text, /Approved: each task has its new RAG[\s\S]*✓ 2\.3: Task 2\.3/);
    assert.match(text, /Not approved[\s\S]*2\.1: Task 2\.1\s+Decided before you confirmed: ✓ Approved by Bob Manager, 23 Nov 2026/);
    assert.match(text, /2\.2: Task 2\.2\s+The owner has since proposed something else/);
    assert.match(text, /2\.4\s+Only Carol O'Brien can decide this\./);
    assert.match(text, /A RAG change\s+It is no longer in the action plan/);

    assert.equal((await store.getApproval(fine.id))?.state, 'Approved');
    assert.equal((await store.getApproval(superseded.id))?.state, 'Superseded');
    assert.equal((await store.getApproval(newer.id))?.state, 'Pending', 'the newer proposal still waits for Bob');
    assert.equal((await store.getApproval(carols.id))?.state, 'Pending', "Carol's approval is untouched");
    assert.equal((await store.getTask(carols.taskId))?.rag, 'Amber');
  });

  it('takes who confirms from the activity: the same card data confirmed by someone else approves nothing', async () => {
    const approvals = [await propose(await addTask('3.1'), 'Red'), await propose(await addTask('3.2'), 'Red')];
    const data = confirmButton(await click(bob, CardVerb.confirmApproveAll))!.data;
    for (const who of [alice, carol]) {
      const text = plain(await click(who, CardVerb.approveAll, data));
      assert.match(text, /^0 of 2 RAG changes approved/);
      assert.equal(text.match(/Only Bob Manager can decide this\./g)?.length, 2);
    }
    for (const a of approvals) assert.equal((await store.getApproval(a.id))?.state, 'Pending');
  });

  it('confirming twice (a double click or a retried invoke) decides once and tells the owner once', async () => {
    const approvals = [await propose(await addTask('4.1'), 'Red'), await propose(await addTask('4.2'), 'Green')];
    const data = confirmButton(await click(bob, CardVerb.confirmApproveAll))!.data;
    const [first, second] = await Promise.all([click(bob, CardVerb.approveAll, data), click(bob, CardVerb.approveAll, data)]);
    // An approval line starts "✓ 4.1"; "Decided before you confirmed: ✓ Approved…" does not.
    const approvedBy = (card: AdaptiveCardJson) => plain(card).match(/^✓ 4\.\d/gm) ?? [];
    assert.deepEqual([...approvedBy(first), ...approvedBy(second)].sort(), ['✓ 4.1', '✓ 4.2'], 'each change approved by exactly one of the two confirms');
    for (const a of approvals) {
      assert.equal((await store.getApproval(a.id))?.state, 'Approved');
      assert.equal((await store.listReminders(a.taskId)).filter((r) => r.key === `approval:${a.key}:decision`).length, 1);
    }
    assert.equal(messenger.sentTo(alice).filter((c) => /approved your RAG change/.test(cardTextContent(c.message.card))).length, 2);
  });

  it(`lists at most ${APPROVE_ALL_MAX} at a time and says how many wait`, async () => {
    for (let i = 1; i <= APPROVE_ALL_MAX + 2; i++) await propose(await addTask(`5.${i}`), 'Red');
    assert.equal(approveAllButton(await click(bob, CardVerb.showPendingApprovals))?.title, `Approve ${APPROVE_ALL_MAX} of ${APPROVE_ALL_MAX + 2}`);
    const confirm = await click(bob, CardVerb.confirmApproveAll);
    assert.match(plain(confirm), new RegExp(`${APPROVE_ALL_MAX + 2} are waiting; these are the first ${APPROVE_ALL_MAX}`));
    assert.equal((confirmButton(confirm)!.data.approvalIds as string[]).length, APPROVE_ALL_MAX);
    await click(bob, CardVerb.approveAll, confirmButton(confirm)!.data);
    assert.equal((await store.listApprovals({ approverAadObjectId: bob.aadObjectId, state: 'Pending' })).length, 2, 'the rest still wait');
  });

  it('refuses card data without ids, or with more than one confirm takes; with nothing waiting, shows the empty list', async () => {
    for (const data of [{}, { approvalIds: [] }, { approvalIds: 'x' }, { approvalIds: Array.from({ length: APPROVE_ALL_MAX + 1 }, (_, i) => `id-${i}`) }]) {
      const result = await handleCardAction(deps, { aadObjectId: bob.aadObjectId }, CardVerb.approveAll, data);
      assert.ok('error' in result && result.error.status === 400, JSON.stringify(data));
    }
    assert.match(cardTextContent(await click(bob, CardVerb.confirmApproveAll)), /No RAG changes are waiting for your decision/);
  });
});
