import assert from 'node:assert/strict';
import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { EdiBot } from '../../bot/botframework/teams-bot';
import { handleCardAction, type CardActionDeps, type CardActionResult } from '../../bot/card-actions';
import { CardVerb } from '../../bot/cards/card-verbs';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import type { Person, Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, carol, taskInput } from '../support/builders';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

const clock = fixedClock(new Date('2026-11-22T10:00:00Z'));
const dave: Person = { aadObjectId: 'aad-dave', displayName: 'Dave Accountable', email: 'dave@example.gov.uk' };

const cardOf = (result: CardActionResult): AdaptiveCardJson => {
  assert.ok('card' in result, `a card, not ${JSON.stringify(result)}`);
  return result.card;
};
const postButton = (card: AdaptiveCardJson) => executeActions(card).find((a) => a.verb === CardVerb.postComment)!;

describe('comment threads through card actions', () => {
  let store: SqlitePlanStore;
  let messenger: CapturingMessenger;
  let deps: CardActionDeps;
  let task: Task;
  const act = (who: Person, verb: string, data: Record<string, unknown>) => handleCardAction(deps, { aadObjectId: who.aadObjectId }, verb, data);
  const open = async (who: Person) => cardOf(await act(who, CardVerb.openComments, { taskId: task.id }));
  /** What Teams submits: the button's data with the box's value. */
  const post = async (who: Person, card: AdaptiveCardJson, text: string, extra: Record<string, unknown> = {}) => act(who, CardVerb.postComment, { ...postButton(card).data, ...inputValues(card), text, ...extra });

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    messenger = new CapturingMessenger();
    deps = { store, clock, messenger, log: silentLogger, directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY };
    task = await store.createTask(taskInput({ ref: '2.3', owners: [alice, bob], accountableOfficer: dave }));
    for (const p of [alice, bob, dave]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T09:00:00.000Z' });
  });
  afterEach(() => store.close());

  it('an owner opens the thread: a valid card with a box, whose button carries the task id and a fresh key', async () => {
    const card = await open(alice);
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardTextContent(card), /Comments on 2\\?\.3[\s\S]*No comments yet/);
    const { data } = postButton(card);
    assert.deepEqual(Object.keys(data).sort(), ['key', 'taskId']);
    assert.equal(data.taskId, task.id);
    assert.notEqual(postButton(await open(alice)).data.key, data.key, 'each rendering has its own key');
  });

  it('stores the comment with the clicker as author, whatever the card data says, redraws the thread and tells the other owner', async () => {
    const answer = cardOf(await post(alice, await open(alice), '  The survey closes on Friday.  ', { author: bob, aadObjectId: bob.aadObjectId, displayName: 'Bob Manager' }));
    const stored = await store.listComments(task.id);
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0]?.author, alice);
    assert.equal(stored[0]?.text, 'The survey closes on Friday.');
    assert.deepEqual(cardProblems(answer), []);
    assert.match(cardTextContent(answer), /✓ Your comment is posted\.[\s\S]*Alice Owner, 22 Nov 2026, 10:00\nThe survey closes on Friday\./);
    assert.equal(inputValues(answer).text, '', 'an empty box for the next one');

    assert.deepEqual(messenger.sent.map((s) => s.to), [bob.aadObjectId], 'the other owner is told, not the author');
    assert.match(messenger.sent[0]!.message.summary, /^Alice Owner commented on 2\.3: "The survey closes on Friday\."$/);
    assert.deepEqual(cardProblems(messenger.sent[0]!.message.card), []);
  });

  it('the accountable officer takes part too; the bot never treats anyone as an EDI officer', async () => {
    cardOf(await post(dave, await open(dave), 'Thanks both.'));
    assert.deepEqual((await store.listComments(task.id)).map((c) => c.author.displayName), ['Dave Accountable']);
  });

  it('someone who neither owns nor is accountable for the task is refused, shown nothing, and nothing is stored', async () => {
    const refused = cardOf(await act(carol, CardVerb.openComments, { taskId: task.id }));
    assert.match(cardTextContent(refused), /Not your task[\s\S]*Only the owners of 2\.3/);
    const aliceCard = await open(alice);
    await post(alice, aliceCard, 'Owners only, please.');
    for (const text of ['Let me in', '']) {
      const answer = cardOf(await post(carol, aliceCard, text, { author: alice }));
      assert.match(cardTextContent(answer), /Not your task/);
      assert.doesNotMatch(cardTextContent(answer), /Owners only/, 'the thread is not shown to them, even on an empty comment');
    }
    assert.equal((await store.listComments(task.id)).length, 1);
  });

  it('an empty or over-long comment comes back with the reason, keeping what was typed and the key, and stores nothing', async () => {
    const card = await open(alice);
    const empty = cardOf(await post(alice, card, '   '));
    assert.deepEqual(cardProblems(empty), []);
    assert.match(cardTextContent(empty), /⚠ Write a comment first\./);
    assert.equal(postButton(empty).data.key, postButton(card).data.key);
    const long = 'x'.repeat(4_001);
    const tooLong = cardOf(await post(alice, card, long));
    assert.match(cardTextContent(tooLong), /⚠ A comment is at most 4,000 characters \(this one is 4,001\)\./);
    assert.equal(inputValues(tooLong).text, long);
    assert.equal((await store.listComments(task.id)).length, 0);
    assert.equal(messenger.sent.length, 0);
  });

  it('the same card posted twice stores one comment and tells the other owner once', async () => {
    const card = await open(alice);
    const first = cardOf(await post(alice, card, 'Draft is in the shared folder.'));
    const again = cardOf(await post(alice, card, 'Draft is in the shared folder.'));
    assert.equal((await store.listComments(task.id)).length, 1);
    assert.equal(messenger.sent.length, 1);
    for (const answer of [first, again]) assert.equal(cardTextContent(answer).match(/Draft is in the shared folder/g)?.length, 1);
  });

  it('a post missing its key or task is a 400 that keeps the card; a removed task says so', async () => {
    for (const data of [{ taskId: task.id, text: 'hi' }, { key: 'key-abcdefgh', text: 'hi' }]) {
      const result = await act(alice, CardVerb.postComment, data);
      assert.ok('error' in result && result.error.status === 400, JSON.stringify(result));
    }
    assert.match(cardTextContent(cardOf(await act(alice, CardVerb.openComments, { taskId: 'nope' }))), /Task not found/);
    assert.equal((await store.listComments()).length, 0);
  });

  it('the update form and the receipt an owner gets show "Comments (2)" for a task with two comments', async () => {
    for (const text of ['One', 'Two']) await post(bob, await open(bob), text);
    const form = cardOf(await act(alice, CardVerb.openUpdateForm, { taskId: task.id }));
    assert.deepEqual(cardProblems(form), []);
    const comments = executeActions(form).find((a) => a.verb === CardVerb.openComments);
    assert.deepEqual([comments?.title, comments?.data], ['Comments (2)', { taskId: task.id }]);
    const submit = executeActions(form)[0]!;
    const receipt = cardOf(await act(alice, submit.verb, { ...submit.data, ...inputValues(form), progress: 'Panels booked' }));
    assert.match(cardTextContent(receipt), /Update recorded/);
    assert.equal(executeActions(receipt).find((a) => a.verb === CardVerb.openComments)?.title, 'Comments (2)');
    const empty = await store.createTask(taskInput({ ref: '2.4', owners: [alice] }));
    const none = cardOf(await act(alice, CardVerb.openUpdateForm, { taskId: empty.id }));
    assert.equal(executeActions(none).find((a) => a.verb === CardVerb.openComments)?.title, 'Comments');
  });
});

describe('comment threads through the Teams bot', () => {
  it('takes the author from the activity, not from the card data', async () => {
    const store = SqlitePlanStore.open(':memory:');
    try {
      const task = await store.createTask(taskInput({ owners: [alice, bob] }));
      const bot = new EdiBot({ store, clock, log: silentLogger, tenantId: 'tenant-1', messenger: new CapturingMessenger(), directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY });
      const adapter = new TestAdapter(async (context) => bot.run(context));
      const invoke = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({
        type: ActivityTypes.Invoke,
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        from: { id: `29:${alice.aadObjectId}`, name: alice.displayName, aadObjectId: alice.aadObjectId },
        recipient: { id: '28:bot', name: 'EDI bot' },
        conversation: { id: 'a:alice', conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
        channelData: { tenant: { id: 'tenant-1' } },
        value: { action: { type: 'Action.Execute', verb, data } },
      });
      const body = async (activity: Partial<Activity>) => {
        adapter.activeQueue.splice(0);
        await adapter.processActivity(activity);
        const reply = adapter.activeQueue.splice(0).find((r) => r.type === 'invokeResponse');
        return (reply?.value as { body: { statusCode: number; value: AdaptiveCardJson } }).body;
      };
      const thread = await body(invoke(CardVerb.openComments, { taskId: task.id }));
      assert.equal(thread.statusCode, 200);
      const posted = await body(invoke(CardVerb.postComment, { ...postButton(thread.value).data, text: 'From Teams', author: bob, aadObjectId: bob.aadObjectId }));
      assert.equal(posted.statusCode, 200);
      assert.deepEqual((await store.listComments(task.id)).map((c) => [c.author.aadObjectId, c.text]), [[alice.aadObjectId, 'From Teams']]);
    } finally {
      await store.close();
    }
  });
});
