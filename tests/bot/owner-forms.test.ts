/**
 * Owners' cards through the bot (issue 19): text past a limit is judged by the server and comes back
 * in its box with the error beside it and every other answer as typed; each limited box says its
 * limit and takes more than it, so the client never cuts a text short; "No change since my last
 * update" on the reminder and round forms; the welcome and `help` say different things.
 */
import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter } from 'botbuilder';
import { CardVerb } from '../../bot/cards/card-verbs';
import { renderReminders } from '../../bot/cards/reminder-card';
import { EdiBot } from '../../bot/botframework/teams-bot';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, taskInput } from '../support/builders';
import { cardOf, clickAnswer, exchange, invoke, personal, TEST_TENANT } from '../support/bot-turns';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

type Element = Record<string, unknown>;

/** The card's elements in reading order (containers opened). */
function elements(card: unknown): Element[] {
  const out: Element[] = [];
  const walk = (list: unknown) => {
    for (const e of (Array.isArray(list) ? list : []) as Element[]) {
      out.push(e);
      walk(e.items);
    }
  };
  walk((card as Element).body);
  return out;
}

const input = (card: unknown, id: string) => elements(card).find((e) => e.id === id)!;
/** The warning drawn right under an input, if any. */
const besideInput = (card: unknown, id: string) => {
  const all = elements(card);
  const next = all[all.findIndex((e) => e.id === id) + 1];
  return next?.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : undefined;
};
const action = (card: unknown, verb: string) => executeActions(card).find((a) => a.verb === verb)!;

describe('owners\' forms through the bot (TestAdapter)', () => {
  let store: PlanStore;
  let adapter: TestAdapter;
  let task: Task;
  const clock = fixedClock(new Date('2026-11-22T10:00:00Z'));

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    task = await store.createTask(
      taskInput({ owners: [alice], accountableOfficer: bob, latestUpdate: 'Scoping done', latestUpdateAt: '2026-10-01T09:00:00Z', latestUpdateBy: alice, measure: { name: 'Reply rate', unit: '%', target: 60 } }),
    );
    const bot = new EdiBot({ store, clock, log: silentLogger, tenantId: TEST_TENANT, messenger: new CapturingMessenger(), directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY });
    adapter = new TestAdapter(async (context) => bot.run(context));
  });
  afterEach(() => store.close());

  const openForm = () => clickAnswer(adapter, invoke(alice, CardVerb.openUpdateForm, { taskId: task.id }));

  it('a Progress past 2,000 characters comes back with the error beside it and every answer as typed; nothing is stored', async () => {
    const form = await openForm();
    const pasted = `${'Paragraph of the quarterly report. '.repeat(59)}End.`.padEnd(2_100, '.');
    assert.equal(pasted.length, 2_100);
    const answers = { progress: pasted, rag: 'Red', evidence: 'Survey dashboard', risks: 'Two services silent', supportNeeded: 'A word from the board', revisedDueDate: '2027-03-31', measureValue: '42' };
    const back = await clickAnswer(adapter, invoke(alice, CardVerb.submitUpdate, { ...action(form, CardVerb.submitUpdate).data, ...answers }));

    assert.deepEqual(cardProblems(back), []);
    assert.equal(besideInput(back, 'progress'), '⚠ Progress since the last update must be 2,000 characters or fewer (it has 2,100: 100 too many). Nothing was cut: shorten it and submit again.');
    assert.deepEqual(inputValues(back), { ...answers, measureValue: '42' }, 'every answer is back in its box, Progress whole');
    assert.match(cardTextContent(back), /Nothing was saved yet/);
    assert.deepEqual(await store.listUpdates(task.id), []);
    const now = (await store.getTask(task.id))!;
    assert.deepEqual([now.version, now.rag, now.pendingRag], [task.version, task.rag, undefined], 'no RAG change was asked for either');

    // Shortened, the same card goes through and records the words as typed.
    const receipt = await clickAnswer(adapter, invoke(alice, CardVerb.submitUpdate, { ...action(back, CardVerb.submitUpdate).data, ...answers, progress: pasted.slice(0, 2_000) }));
    assert.match(cardTextContent(receipt), /Update recorded/);
    assert.equal((await store.listUpdates(task.id))[0]?.progress, pasted.slice(0, 2_000).trim());
  });

  it('every limited box on every card says its limit in its label and takes more than it', async () => {
    const form = await openForm();
    const limits = { progress: 2_000, evidence: 2_000, risks: 2_000, supportNeeded: 1_000 };
    for (const [id, limit] of Object.entries(limits)) {
      const box = input(form, id);
      assert.match(String(box.label), new RegExp(`\\(up to ${limit.toLocaleString('en-GB')} characters\\)$`), `${id}'s label`);
      assert.ok((box.maxLength as number) > limit, `${id}: the client never stops at the limit`);
    }
    const thread = await clickAnswer(adapter, invoke(alice, CardVerb.openComments, { taskId: task.id }));
    const delegate = await clickAnswer(adapter, invoke(alice, CardVerb.openDelegateForm, { taskId: task.id }));
    const approval = await pendingApprovalCard();
    for (const [card, id, limit] of [[thread, 'text', '4,000'], [delegate, 'delegateTo', '320'], [approval, 'comment', '1,000']] as const) {
      const box = input(card, id);
      assert.match(String(box.label), new RegExp(`up to ${limit} characters\\)$`), `${id}'s label`);
      assert.ok((box.maxLength as number) > Number(limit.replace(',', '')), `${id}: the client never stops at the limit`);
    }
  });

  /** Alice asks for Red; Bob (the accountable officer) opens the approval card. */
  async function pendingApprovalCard(): Promise<Record<string, unknown>> {
    const form = await openForm();
    await clickAnswer(adapter, invoke(alice, CardVerb.submitUpdate, { ...action(form, CardVerb.submitUpdate).data, progress: 'Two services have stopped replying', rag: 'Red' }));
    const [pending] = await store.listApprovals({ taskId: task.id });
    assert.equal(pending?.state, 'Pending');
    return clickAnswer(adapter, invoke(bob, CardVerb.viewApproval, { approvalId: pending.id }));
  }

  it('a comment, a colleague and a reject reason past their limits come back in their boxes with the error, nothing stored', async () => {
    const thread = await clickAnswer(adapter, invoke(alice, CardVerb.openComments, { taskId: task.id }));
    const comment = 'c'.repeat(4_100);
    const threadBack = await clickAnswer(adapter, invoke(alice, CardVerb.postComment, { ...action(thread, CardVerb.postComment).data, text: comment }));
    assert.equal(inputValues(threadBack).text, comment);
    assert.match(besideInput(threadBack, 'text') ?? '', /at most 4,000 characters \(this one is 4,100\)/);
    assert.deepEqual(await store.listComments(task.id), []);

    const delegate = await clickAnswer(adapter, invoke(alice, CardVerb.openDelegateForm, { taskId: task.id }));
    const colleague = `Sam Okafor ${'x'.repeat(390)}`;
    const delegateBack = await clickAnswer(adapter, invoke(alice, CardVerb.delegateTask, { ...action(delegate, CardVerb.delegateTask).data, delegateTo: colleague }));
    assert.equal(inputValues(delegateBack).delegateTo, colleague);
    assert.match(besideInput(delegateBack, 'delegateTo') ?? '', /longer than any name or email address \(401 characters, the most is 320\)/);
    assert.deepEqual((await store.getTask(task.id))?.owners, [alice]);

    const approval = await pendingApprovalCard();
    const reason = 'r'.repeat(1_100);
    const approvalBack = await clickAnswer(adapter, invoke(bob, CardVerb.decideApproval, { ...action(approval, CardVerb.decideApproval).data, decision: 'reject', comment: reason }));
    assert.equal(inputValues(approvalBack).comment, reason, 'the reason is back whole');
    assert.match(cardTextContent(approvalBack), /1,000 characters or fewer/);
    assert.equal((await store.listApprovals({ taskId: task.id }))[0]?.state, 'Pending', 'nothing was decided');
  });

  function reminderCard(t: Task, round?: PlannedReminder['round']): unknown {
    const reminder: PlannedReminder = { key: 'k', kind: 'owner', task: t, recipient: alice, trigger: round ? 'round-open' : 'due-7', daysUntilDue: 9, ...(round && { round }) };
    return renderReminders('owner', alice, [reminder]).card;
  }

  it('"No change since my last update" on a reminder records in one press, as the clicker, and the receipt says what was recorded', async () => {
    const card = reminderCard(task);
    const noChange = action(card, CardVerb.confirmNoChange);
    assert.equal(noChange.title, 'No change since my last update');
    assert.equal(executeActions(card)[0]?.verb, CardVerb.submitUpdate, 'submitting stays the first action');

    const refused = await clickAnswer(adapter, invoke(bob, noChange.verb, noChange.data));
    assert.match(cardTextContent(refused), /Only Alice Owner can update/);

    const receipt = await clickAnswer(adapter, invoke(alice, noChange.verb, noChange.data));
    assert.deepEqual(cardProblems(receipt), []);
    const text = cardTextContent(receipt);
    assert.match(text, /✓ No change recorded for 1\\?\.1\\?\.1/);
    assert.match(text, /Recorded: No change since the last update \(confirmed by Alice Owner\)\. Last update, 1 Oct 2026: Scoping done/);
    assert.match(text, /RAG: ● ✓ Green \(kept\)/);
    const [entry, ...more] = await store.listUpdates(task.id);
    assert.deepEqual([entry?.submittedBy, more.length], [alice, 0]);
    assert.equal((await store.getTask(task.id))?.rag, 'Green');

    const again = await clickAnswer(adapter, invoke(alice, noChange.verb, noChange.data));
    assert.match(cardTextContent(again), /already been submitted, so nothing new was saved/);
    assert.equal((await store.listUpdates(task.id)).length, 1);
  });

  it('on a round\'s card too; a task changed since the card came gets the form back with a notice, nothing stored', async () => {
    const round = { id: 'r1', name: 'Q3 board', dueDate: '2026-12-18' };
    await store.createRound({ name: round.name, opensAt: '2026-11-20T09:00:00.000Z', dueDate: round.dueDate, scope: { kind: 'all-open' }, state: 'Open' });
    const card = reminderCard(task, round);
    const noChange = action(card, CardVerb.confirmNoChange);
    await store.updateTask(task.id, task.version, { latestUpdate: 'Bob added this', latestUpdateBy: bob, latestUpdateAt: '2026-11-21T09:00:00Z' });
    const stale = await clickAnswer(adapter, invoke(alice, noChange.verb, noChange.data));
    assert.match(cardTextContent(stale), /changed by Bob Manager after this form was sent\. Nothing was saved yet/);
    assert.deepEqual(await store.listUpdates(task.id), []);

    const fresh = action(stale, CardVerb.confirmNoChange);
    const receipt = await clickAnswer(adapter, invoke(alice, fresh.verb, fresh.data));
    assert.match(cardTextContent(receipt), /For: the Q3 board/);
    assert.equal((await store.listUpdates(task.id))[0]?.round, 'Q3 board', 'the round shows the owner answered');
  });

  it('a task with no update yet offers "Nothing to report yet" and records that plainly', async () => {
    const fresh = await store.createTask(taskInput({ ref: '2.1', owners: [alice] }));
    const noChange = action(reminderCard(fresh), CardVerb.confirmNoChange);
    assert.equal(noChange.title, 'Nothing to report yet');
    const text = cardTextContent(await clickAnswer(adapter, invoke(alice, noChange.verb, noChange.data)));
    assert.match(text, /Nothing to report yet, recorded for 2\\?\.1/);
    assert.match(text, /there is no earlier update/);
  });

  it('the install welcome is a short greeting that points to "help"; "help" lists every command', async () => {
    const [welcomed] = await exchange(adapter, personal(alice, { type: ActivityTypes.InstallationUpdate, action: 'add' }));
    const [helped] = await exchange(adapter, personal(alice, { type: ActivityTypes.Message, text: 'help' }));
    const welcome = cardTextContent(cardOf(welcomed));
    const help = cardTextContent(cardOf(helped));
    assert.notEqual(welcome, help);
    assert.match(welcome, /I will message you here when one of your EDI action plan tasks is nearly due/);
    assert.match(welcome, /Type \*\*help\*\*/);
    assert.doesNotMatch(welcome, /delegate|pending/, 'the commands are for "help"');
    for (const command of ['my tasks', 'pending', 'delegate 2.3 to Sam Okafor', 'help', 'No change since my last update']) assert.ok(help.includes(command), `help names ${command}`);
    assert.deepEqual([cardProblems(cardOf(welcomed)), cardProblems(cardOf(helped))], [[], []]);
  });
});
