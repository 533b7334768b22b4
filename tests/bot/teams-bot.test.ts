import assert from 'node:assert/strict';
import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { CardVerb } from '../../bot/cards/card-verbs';
import { EdiBot } from '../../bot/botframework/teams-bot';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { alice, bob, taskInput } from '../support/builders';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

const TENANT = 'tenant-1';
const clock = fixedClock(new Date('2026-11-22T10:00:00Z'));

function from(person: { aadObjectId: string; displayName: string }) {
  return { id: `29:${person.aadObjectId}`, name: person.displayName, aadObjectId: person.aadObjectId };
}

function personal(person: typeof alice, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from: from(person),
    recipient: { id: '28:bot', name: 'EDI bot' },
    conversation: { id: `a:${person.aadObjectId}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

function invoke(person: typeof alice, verb: string, data: Record<string, unknown>, tenant = TENANT): Partial<Activity> {
  return personal(person, {
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
    channelData: { tenant: { id: tenant } },
  });
}

/** Sends one activity and returns everything the bot replied (cards parsed out). */
async function exchange(adapter: TestAdapter, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

const cardOf = (a: Partial<Activity> | undefined) => a?.attachments?.[0]?.content as Record<string, unknown>;
const invokeBody = (replies: Partial<Activity>[]) => {
  const response = replies.find((r) => r.type === 'invokeResponse');
  assert.ok(response, 'an invoke response');
  const { status, body } = response.value as { status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } };
  // The universal action model: HTTP 200 whenever the bot processed it; the outcome is the body's statusCode.
  assert.equal(status, 200, 'HTTP 200 for a processed adaptiveCard/action');
  return body;
};

describe('EdiBot (TestAdapter)', () => {
  let store: PlanStore;
  let adapter: TestAdapter;
  let task: Task;
  let warnings: { fields: Record<string, unknown>; message: string }[];

  beforeEach(async () => {
    warnings = [];
    const log = { ...silentLogger, warn: (fields: Record<string, unknown>, message: string) => void warnings.push({ fields, message }) };
    store = SqlitePlanStore.open(':memory:');
    task = await store.createTask(taskInput({ owners: [alice], latestUpdate: 'Scoping done', latestUpdateAt: '2026-10-01T09:00:00Z' }));
    await store.createTask(taskInput({ ref: '2.1', title: 'Closed one', status: 'Complete', rag: 'Complete', owners: [alice] }));
    await store.createTask(taskInput({ ref: '3.1', title: "Bob's task", owners: [bob] }));
    // RAG changes apply at once here; the approval flow has its own tests (approvals.test.ts).
    const bot = new EdiBot({ store, clock, log, tenantId: TENANT, messenger: new CapturingMessenger(), directory: demoDirectory([]), approvalPolicy: { ...DEFAULT_APPROVAL_POLICY, requiredFor: 'none' } });
    adapter = new TestAdapter(async (context) => bot.run(context));
  });
  afterEach(() => store.close());

  it('stores the conversation reference when the app is installed, and welcomes the user once', async () => {
    const welcome = await exchange(adapter, personal(alice, { type: ActivityTypes.InstallationUpdate, action: 'add' }));
    assert.match(cardTextContent(cardOf(welcome[0])), /EDI action plan assistant/);
    const saved = await store.getConversation(alice.aadObjectId);
    assert.equal(saved?.tenantId, TENANT);
    assert.equal(saved?.teamsUserId, `29:${alice.aadObjectId}`, "the Teams user id (from.id) is kept for card refresh userIds");
    assert.equal((saved?.reference as { conversation: { id: string } }).conversation.id, `a:${alice.aadObjectId}`);

    const again = await exchange(adapter, personal(alice, { type: ActivityTypes.InstallationUpdate, action: 'add' }));
    const added = await exchange(adapter, personal(alice, { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: '28:bot', name: 'EDI bot' }] }));
    assert.equal(again.length + added.length, 0, 'no second welcome');
  });

  it('captures the reference and welcomes from conversationUpdate too (some installs send only that)', async () => {
    const welcome = await exchange(adapter, personal(bob, { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: '28:bot', name: 'EDI bot' }] }));
    assert.ok(await store.getConversation(bob.aadObjectId));
    assert.equal(welcome.length, 1);
    assert.equal((await exchange(adapter, personal(bob, { type: ActivityTypes.InstallationUpdate, action: 'add' }))).length, 0);
  });

  it('keeps a RAG the owner did not touch when a stale form comes back, and a RAG they chose', async () => {
    const form = invokeBody(await exchange(adapter, invoke(alice, CardVerb.openUpdateForm, { taskId: task.id }))).value;
    const submit = executeActions(form)[0]!;
    const current = await store.updateTask(task.id, task.version, { rag: 'Amber' });
    const untouched = invokeBody(await exchange(adapter, invoke(alice, submit.verb, { ...submit.data, ...inputValues(form), progress: 'p' }))).value;
    assert.match(cardTextContent(untouched), /changed/);
    assert.equal(inputValues(untouched).rag, 'Amber', 'shows the current RAG, not the stale default');
    assert.equal(executeActions(untouched)[0]?.data.taskVersion, current.version);
    const chosen = invokeBody(await exchange(adapter, invoke(alice, submit.verb, { ...submit.data, ...inputValues(form), progress: 'p', rag: 'Red' }))).value;
    assert.equal(inputValues(chosen).rag, 'Red', 'keeps what the owner chose');
    assert.equal((await store.listUpdates(task.id)).length, 0);
  });

  it('answers "help" with the help card', async () => {
    const [reply] = await exchange(adapter, personal(alice, { type: ActivityTypes.Message, text: 'Help' }));
    const card = cardOf(reply);
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardTextContent(card), /my tasks/);
  });

  it('answers "my tasks" with the user\'s open tasks only, each with an Update action', async () => {
    const [reply] = await exchange(adapter, personal(alice, { type: ActivityTypes.Message, text: '  my   TASKS ' }));
    const card = cardOf(reply);
    assert.deepEqual(cardProblems(card), []);
    const text = cardTextContent(card);
    assert.match(text, /1\\?\.1\\?\.1/);
    assert.doesNotMatch(text, /Closed one|Bob's task/);
    assert.deepEqual(executeActions(card).map((a) => a.verb), [CardVerb.openUpdateForm]);
    assert.ok(await store.getConversation(alice.aadObjectId), 'a message also refreshes the conversation reference');
  });

  it('says what it understands when it does not recognise a message', async () => {
    const [reply] = await exchange(adapter, personal(alice, { type: ActivityTypes.Message, text: 'what is the weather' }));
    assert.match(cardTextContent(cardOf(reply)), /my tasks/);
  });

  it('opens the form, validates, and records one update for a double submit', async () => {
    const opened = invokeBody(await exchange(adapter, invoke(alice, CardVerb.openUpdateForm, { taskId: task.id })));
    assert.equal(opened.statusCode, 200);
    assert.equal(opened.type, 'application/vnd.microsoft.card.adaptive');
    const form = opened.value;
    assert.deepEqual(cardProblems(form), []);
    const submit = executeActions(form)[0]!;

    // Empty progress: the form comes back with the message and the user's other answers.
    const empty = invokeBody(await exchange(adapter, invoke(alice, submit.verb, { ...submit.data, ...inputValues(form), progress: '', risks: 'keep me' })));
    assert.match(cardTextContent(empty.value), /Progress is required/);
    assert.equal(inputValues(empty.value).risks, 'keep me');
    assert.equal((await store.listUpdates(task.id)).length, 0);

    // Over-long text: same.
    const long = invokeBody(await exchange(adapter, invoke(alice, submit.verb, { ...submit.data, progress: 'x'.repeat(2500) })));
    assert.match(cardTextContent(long.value), /2,000 characters or fewer/);
    assert.equal((await store.listUpdates(task.id)).length, 0);

    const answer = { ...submit.data, ...inputValues(form), progress: 'Working group met; draft agreed', rag: 'Amber' };
    const receipt = invokeBody(await exchange(adapter, invoke(alice, submit.verb, answer)));
    assert.match(cardTextContent(receipt.value), /Update recorded/);
    const again = invokeBody(await exchange(adapter, invoke(alice, submit.verb, answer)));
    assert.match(cardTextContent(again.value), /already been submitted/);
    assert.equal((await store.listUpdates(task.id)).length, 1);
    assert.equal((await store.getTask(task.id))?.rag, 'Amber');
  });

  it('takes identity from the activity: another user submitting the owner\'s card changes nothing', async () => {
    const form = invokeBody(await exchange(adapter, invoke(alice, CardVerb.openUpdateForm, { taskId: task.id }))).value;
    const submit = executeActions(form)[0]!;
    const body = invokeBody(await exchange(adapter, invoke(bob, submit.verb, { ...submit.data, progress: 'Hijack', aadObjectId: alice.aadObjectId })));
    assert.match(cardTextContent(body.value), /Only Alice Owner can update/);
    assert.equal((await store.listUpdates(task.id)).length, 0);
  });

  it('refuses a card action from another tenant with a card saying why, changing nothing', async () => {
    const form = invokeBody(await exchange(adapter, invoke(alice, CardVerb.openUpdateForm, { taskId: task.id }))).value;
    const submit = executeActions(form)[0]!;
    const body = invokeBody(await exchange(adapter, invoke(alice, submit.verb, { ...submit.data, progress: 'From elsewhere', rag: 'Red' }, 'other-tenant')));
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(cardProblems(body.value), []);
    assert.match(cardTextContent(body.value), /serves one organisation.*nothing was done/);
    assert.equal((await store.listUpdates(task.id)).length, 0);
    assert.equal((await store.getTask(task.id))?.rag, task.rag);
    invokeBody(await exchange(adapter, invoke(bob, CardVerb.showMyTasks, {}, 'other-tenant')));
    assert.equal(await store.getConversation(bob.aadObjectId), undefined, 'no chat is stored for a foreign clicker');
  });

  it('refuses a card action when any tenant the activity names is another, or when it names none', async () => {
    const mixed = invoke(alice, CardVerb.showMyTasks, {});
    mixed.conversation = { ...mixed.conversation!, tenantId: 'other-tenant' };
    assert.match(cardTextContent(invokeBody(await exchange(adapter, mixed)).value), /serves one organisation/);
    const none = invoke(alice, CardVerb.showMyTasks, {});
    none.channelData = {};
    none.conversation = { ...none.conversation!, tenantId: undefined };
    assert.match(cardTextContent(invokeBody(await exchange(adapter, none)).value), /serves one organisation/);
    const upperCase = invoke(alice, CardVerb.showMyTasks, {}, TENANT.toUpperCase());
    assert.doesNotMatch(cardTextContent(invokeBody(await exchange(adapter, upperCase)).value), /serves one organisation/, 'tenant ids compare without case');
  });

  it('refuses a message and an install from another tenant with a reply, storing no chat', async () => {
    const foreign = { channelData: { tenant: { id: 'other-tenant' } }, conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'other-tenant', isGroup: false, name: '' } };
    const [reply] = await exchange(adapter, personal(bob, { type: ActivityTypes.Message, text: 'my tasks', ...foreign }));
    assert.match(reply?.text ?? '', /serves one organisation/);
    const [installReply] = await exchange(adapter, personal(bob, { type: ActivityTypes.InstallationUpdate, action: 'add', ...foreign }));
    assert.match(installReply?.text ?? '', /serves one organisation/);
    assert.equal(await store.getConversation(bob.aadObjectId), undefined);
    assert.deepEqual(
      warnings.map((w) => [w.message, w.fields.tenant, w.fields.activityType]),
      [
        ['activity from another tenant refused', 'other-tenant', 'message'],
        ['activity from another tenant refused', 'other-tenant', 'installationUpdate'],
      ],
    );
  });

  it('answers malformed card data with the documented error shape, which keeps the card', async () => {
    const body = invokeBody(await exchange(adapter, invoke(alice, CardVerb.submitUpdate, { taskId: { $ne: 1 }, progress: 'x' })));
    assert.equal(body.statusCode, 400);
    assert.equal(body.type, 'application/vnd.microsoft.error');
    assert.equal(body.value.code, 'BadRequest');
    assert.equal(typeof body.value.message, 'string');
    const unknown = invokeBody(await exchange(adapter, invoke(alice, 'edi.nope', {})));
    assert.equal(unknown.statusCode, 400);
    const submitAction = invoke(alice, CardVerb.showMyTasks, {});
    submitAction.value = { action: { type: 'Action.Submit', data: {} } };
    assert.deepEqual([invokeBody(await exchange(adapter, submitAction)).statusCode], [400]);
  });

  it('answers a click without an Entra identity with a card, never an undocumented 401', async () => {
    const anonymous = invoke(alice, CardVerb.showMyTasks, {});
    anonymous.from = { id: '29:guest', name: 'Guest' };
    const body = invokeBody(await exchange(adapter, anonymous));
    assert.equal(body.statusCode, 200);
    assert.match(cardTextContent(body.value), /work account/);
  });
});
