/**
 * Proves a card action delivered more than once (Teams retrying, a double click, a replay of a
 * captured invoke) has its effect once: an approval is decided once and announced once, an update
 * form is recorded once; and that a card kept after its task changed hands cannot be used by its
 * old owner: each of its actions is refused with a card that says who the task is with now.
 */
import assert from 'node:assert/strict';
import { type Activity, TestAdapter } from 'botbuilder';
import { EdiBot } from '../../bot/botframework/teams-bot';
import { CardVerb } from '../../bot/cards/card-verbs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import type { RagApproval, Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, carol, taskInput } from '../support/builders';
import { clickAnswer, invoke, TEST_TENANT } from '../support/bot-turns';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardTextContent, executeActions } from '../support/card-validator';

const clock = fixedClock(new Date('2026-11-23T10:00:00Z'));

describe('security: replayed and stale card actions', () => {
  let store: SqlitePlanStore;
  let messenger: CapturingMessenger;
  let task: Task;
  /** Two bot instances on one store: a redelivery may reach either (App Service runs more than one). */
  let adapters: [TestAdapter, TestAdapter];

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    messenger = new CapturingMessenger();
    task = await store.createTask(taskInput({ owners: [alice], accountableOfficer: bob, rag: 'Amber', latestUpdate: 'Scoping done', latestUpdateAt: '2026-10-01T09:00:00Z', latestUpdateBy: alice }));
    for (const p of [alice, bob, carol]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
    const bot = () => new EdiBot({ store, clock, log: silentLogger, tenantId: TEST_TENANT, messenger, directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY });
    const one = bot();
    const two = bot();
    adapters = [new TestAdapter(async (c) => one.run(c)), new TestAdapter(async (c) => two.run(c))];
  });
  afterEach(() => store.close());

  const form = async (person = alice) => clickAnswer(adapters[0], invoke(person, CardVerb.openUpdateForm, { taskId: task.id }));
  const submitData = (card: unknown, values: Record<string, string>) => ({ ...executeActions(card).find((a) => a.verb === CardVerb.submitUpdate)!.data, ...values });

  /** Alice proposes Red with an update: an approval waits for Bob. */
  async function pendingApproval(): Promise<RagApproval> {
    await clickAnswer(adapters[0], invoke(alice, CardVerb.submitUpdate, submitData(await form(), { progress: 'The supplier pulled out.', rag: 'Red' })));
    const [approval] = await store.listApprovals();
    assert.equal(approval?.state, 'Pending');
    return approval!;
  }

  it('the same approval click delivered three times (twice at once, to two instances) decides once and tells the owner once', async () => {
    const approval = await pendingApproval();
    const sentBefore = messenger.sent.length;
    const click = invoke(bob, CardVerb.decideApproval, { approvalId: approval.id, decision: 'approve' });
    const answers = [
      ...(await Promise.all([clickAnswer(adapters[0], click), clickAnswer(adapters[1], structuredClone(click) as Partial<Activity>)])),
      await clickAnswer(adapters[0], click),
    ].map(cardTextContent);
    assert.equal(answers.filter((t) => /Already approved by Bob Manager/.test(t)).length, 2, 'the later deliveries are told it was already decided');
    const decided = (await store.getApproval(approval.id))!;
    assert.equal(decided.state, 'Approved');
    assert.equal(Number(decided.version), Number(approval.version) + 1, 'written once');
    assert.equal((await store.getTask(task.id))!.rag, 'Red');
    const toAlice = messenger.sent.slice(sentBefore).filter((s) => s.to === alice.aadObjectId);
    assert.equal(toAlice.length, 1, 'Alice is told once');
  });

  it('an approval click replayed after a rejection does not turn it into an approval', async () => {
    const approval = await pendingApproval();
    await clickAnswer(adapters[0], invoke(bob, CardVerb.decideApproval, { approvalId: approval.id, decision: 'reject', comment: 'Not yet: talk to the supplier first.' }));
    const replay = await clickAnswer(adapters[1], invoke(bob, CardVerb.decideApproval, { approvalId: approval.id, decision: 'approve' }));
    assert.match(cardTextContent(replay), /Already rejected by Bob Manager/);
    assert.equal((await store.getApproval(approval.id))!.state, 'Rejected');
    assert.equal((await store.getTask(task.id))!.rag, 'Amber', 'the RAG stays');
  });

  it('the same update form submitted three times (twice at once, to two instances) records one update', async () => {
    const submit = invoke(alice, CardVerb.submitUpdate, submitData(await form(), { progress: 'Survey sent to every service.', rag: 'Amber' }));
    const answers = [
      ...(await Promise.all([clickAnswer(adapters[0], submit), clickAnswer(adapters[1], structuredClone(submit) as Partial<Activity>)])),
      await clickAnswer(adapters[1], submit),
    ].map(cardTextContent);
    assert.deepEqual((await store.listUpdates(task.id)).map((u) => u.progress), ['Survey sent to every service.']);
    assert.equal(answers.filter((t) => /already been submitted, so nothing new was saved/.test(t)).length, 2, 'the repeats say nothing new was saved');
    assert.equal(answers.filter((t) => /Survey sent to every service/.test(t)).length, 3, 'each answer shows the update as recorded');
  });

  it('"No change since my last update" pressed twice records one update', async () => {
    const card = await form();
    const press = invoke(alice, CardVerb.confirmNoChange, executeActions(card).find((a) => a.verb === CardVerb.confirmNoChange)!.data);
    await clickAnswer(adapters[0], press);
    await clickAnswer(adapters[1], press);
    assert.equal((await store.listUpdates(task.id)).length, 1);
  });

  it('a card kept after the task was handed to someone else: every action on it is refused with a card saying who has it, nothing stored', async () => {
    const card = await form();
    const noChange = executeActions(card).find((a) => a.verb === CardVerb.confirmNoChange)!.data;
    // An officer gives the task to Carol (the owners change after the card went out).
    const current = (await store.getTask(task.id))!;
    await store.updateTask(task.id, current.version, { owners: [carol] });
    const clicks: [string, Partial<Activity>][] = [
      ['submit', invoke(alice, CardVerb.submitUpdate, submitData(card, { progress: 'Still on it.', rag: 'Red' }))],
      ['no change', invoke(alice, CardVerb.confirmNoChange, noChange)],
      ['open the form again', invoke(alice, CardVerb.openUpdateForm, { taskId: task.id })],
      ['hand over', invoke(alice, CardVerb.delegateTask, { taskId: task.id, delegateTo: 'Bob Manager' })],
      ['open the hand-over form', invoke(alice, CardVerb.openDelegateForm, { taskId: task.id })],
    ];
    for (const [what, click] of clicks) {
      const text = cardTextContent(await clickAnswer(adapters[0], click));
      assert.match(text, /Not your task/, what);
      assert.match(text, new RegExp(`Only ${carol.displayName} can`), `${what}: says who has it now`);
    }
    assert.deepEqual(await store.listUpdates(task.id), [], 'no update');
    assert.deepEqual(await store.listApprovals(), [], 'no approval asked for');
    const after = (await store.getTask(task.id))!;
    assert.deepEqual([after.owners.map((o) => o.aadObjectId), after.rag], [[carol.aadObjectId], 'Amber'], 'still Carol\'s, RAG unchanged');
    // Carol can use a fresh form (so the refusals are about ownership, not a broken card).
    await clickAnswer(adapters[0], invoke(carol, CardVerb.submitUpdate, submitData(await form(carol), { progress: 'Picked it up from Alice.', rag: 'Amber' })));
    assert.equal((await store.listUpdates(task.id)).length, 1);
  });
});
