import assert from 'node:assert/strict';
import { CardVerb } from '../../bot/cards/card-verbs';
import { commentCards, commentedCard, commentsTitle } from '../../bot/cards/comment-cards';
import { commentThreadCard, THREAD_CARD_LIMIT } from '../../bot/cards/comment-thread-card';
import { reminderMessage, renderReminders } from '../../bot/cards/reminder-card';
import { updateFormCard } from '../../bot/cards/update-form-card';
import { updateReceiptCard } from '../../bot/cards/update-receipt-card';
import type { Person, Task, TaskComment, Update } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import type { Messenger, OutboundCard } from '../../core/ports/messenger';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/reminder-policy';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { runReminderSweep } from '../../core/use-cases/run-reminder-sweep';
import { alice, bob, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

const task: Task = { ...taskInput({ ref: '2.3', title: 'Run the *staff* survey', owners: [alice, bob] }), id: '7', version: '3' };

function comment(n: number, overrides: Partial<TaskComment> = {}): TaskComment {
  const minute = String(n % 60).padStart(2, '0');
  return { id: String(n), version: '1', key: `key-${n}`, taskId: task.id, taskRef: task.ref, author: n % 2 ? alice : bob, postedAt: `2026-07-01T09:${minute}:00.000Z`, text: `Comment number ${n}`, ...overrides };
}

const update: Update = { id: '1', version: '1', taskId: task.id, taskRef: task.ref, submittedBy: alice, submittedAt: '2026-11-22T10:00:00Z', progress: 'Done a thing', idempotencyKey: 'n' };

describe('comment cards', () => {
  const two = [comment(1), comment(2)];
  const every: [string, unknown][] = [
    ['thread (empty)', commentThreadCard({ task, comments: [], key: 'key-abcdefgh' })],
    ['thread', commentThreadCard({ task, comments: two, key: 'key-abcdefgh', notice: 'Your comment is posted.' })],
    ['thread with an error', commentThreadCard({ task, comments: two, key: 'key-abcdefgh', text: 'kept', error: 'Write a comment first.' })],
    ['thread (long)', commentThreadCard({ task, comments: Array.from({ length: 25 }, (_, i) => comment(i + 1, { text: '*'.repeat(4_000) })), key: 'key-abcdefgh' })],
    ['commented', commentedCard(task, two[1]!, two)],
    ['update form with comments', updateFormCard({ task, nonce: 'nonce-123', commentCount: 2 })],
    ['receipt with comments', updateReceiptCard(task, update, false, {}, 2)],
  ];
  for (const [name, card] of every) {
    it(`${name} card parses as Adaptive Card 1.5 with no problems`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('the thread shows each comment with its author and London time, oldest first, then a labelled box', () => {
    const card = commentThreadCard({ task, comments: [comment(1, { postedAt: '2026-07-01T09:05:00.000Z', text: 'First [link](http://x)' }), comment(2, { postedAt: '2026-07-01T10:30:00.000Z', text: 'Second' })], key: 'key-abcdefgh' });
    const text = cardTextContent(card);
    assert.match(text, /Comments on 2\\?\.3/);
    assert.match(text, /Alice Owner, 1 Jul 2026, 10:05\nFirst \\\[link\\\]\(http\u2060:\/\/x\)/, 'British Summer Time, and user text escaped');
    assert.match(text, /Bob Manager, 1 Jul 2026, 11:30\nSecond/);
    assert.ok(text.indexOf('First') < text.indexOf('Second'), 'oldest first');
    const input = (card.body as Record<string, unknown>[]).find((e) => e.type === 'Input.Text')!;
    // The label says the limit; the box takes more, so the server (not the client) judges a long paste.
    assert.deepEqual([input.id, input.isMultiline, input.label], ['text', true, 'Your comment (up to 4,000 characters)']);
    assert.ok((input.maxLength as number) > 4_000, 'the client never cuts a comment at the limit');
  });

  it('the thread posts only the task id and its key, and each rendering gets its own key from the caller', () => {
    const [post, back] = executeActions(commentThreadCard({ task, comments: [], key: 'key-abcdefgh' }));
    assert.deepEqual([post?.title, post?.verb, post?.data], ['Post comment', CardVerb.postComment, { taskId: '7', key: 'key-abcdefgh' }]);
    assert.equal(back?.verb, CardVerb.showMyTasks);
    assert.match(cardTextContent(commentThreadCard({ task, comments: [], key: 'k-12345678' })), /No comments yet/);
  });

  it('a long thread shows the newest ten and says how many earlier ones the tab shows', () => {
    const many = Array.from({ length: 13 }, (_, i) => comment(i + 1));
    const text = cardTextContent(commentThreadCard({ task, comments: many, key: 'key-abcdefgh' }));
    assert.equal(THREAD_CARD_LIMIT, 10);
    assert.match(text, /3 earlier comments are not shown here\. The plan tab shows them all\./);
    assert.doesNotMatch(text, /Comment number 3\n/);
    for (const n of [4, 13]) assert.match(text, new RegExp(`Comment number ${n}(\\n|$)`));
    assert.doesNotMatch(cardTextContent(commentThreadCard({ task, comments: many.slice(0, 10), key: 'key-abcdefgh' })), /earlier/);
    assert.match(cardTextContent(commentThreadCard({ task, comments: many.slice(0, 11), key: 'key-abcdefgh' })), /1 earlier comment is not shown/);
  });

  it('keeps what was typed and shows why it was not posted', () => {
    const card = commentThreadCard({ task, comments: [], key: 'key-abcdefgh', text: 'Half a thought', error: 'A comment is at most 4,000 characters.' });
    assert.equal(inputValues(card).text, 'Half a thought');
    assert.match(cardTextContent(card), /⚠ A comment is at most 4,000 characters\./);
  });

  it('tells an owner who commented, what they said, and opens the thread from a button carrying only the task id', () => {
    const latest = comment(2, { text: 'Could you send me the **draft** by Friday?' });
    const { card, summary } = commentCards.commented(task, latest, [comment(1), latest]);
    const text = cardTextContent(card);
    assert.match(text, /Bob Manager commented on 2\\\.3/);
    assert.match(text, /Run the \\\*staff\\\* survey/);
    assert.match(text, /Could you send me the \\\*\\\*draft\\\*\\\* by Friday\?/);
    assert.equal(summary, 'Bob Manager commented on 2.3: "Could you send me the **draft** by Friday?"');
    const [reply] = executeActions(card);
    assert.deepEqual([reply?.title, reply?.verb, reply?.data], ['Reply (2 comments)', CardVerb.openComments, { taskId: '7' }]);
    assert.ok(commentCards.commented(task, comment(3, { text: 'x'.repeat(500) }), []).summary.length < 120, 'a short notification');
  });

  it('the update form, the reminder and the receipt open the thread from "Comments (N)"', () => {
    assert.equal(commentsTitle(0), 'Comments');
    const button = (card: unknown) => executeActions(card).find((a) => a.verb === CardVerb.openComments);
    for (const card of [updateFormCard({ task, nonce: 'nonce-123', commentCount: 2 }), reminderMessage(task, { daysUntilDue: 5 }, 2).card, updateReceiptCard(task, update, false, {}, 2)]) {
      assert.deepEqual([button(card)?.title, button(card)?.data], ['Comments (2)', { taskId: '7' }]);
    }
    assert.equal(button(updateFormCard({ task, nonce: 'nonce-123', commentCount: 0 }))?.title, 'Comments');
    assert.equal(executeActions(updateFormCard({ task, nonce: 'nonce-123', commentCount: 2 }))[0]?.title, 'Submit update', 'submitting stays first');
    const reminder = renderReminders('owner', alice, [{ key: 'k', kind: 'owner', task, recipient: alice, trigger: 'due-7', daysUntilDue: 5 }], { commentCounts: new Map([[task.id, 2]]) });
    assert.equal(button(reminder.card)?.title, 'Comments (2)');
  });
});

describe('the reminder sweep counts comments for the card', () => {
  it('sends the reminder for a task with two comments with "Comments (2)", and one with none with "Comments"', async () => {
    const store = SqlitePlanStore.open(':memory:');
    try {
      const sent: { to: string; message: OutboundCard }[] = [];
      const messenger: Messenger = { sendCard: async (to: Person, message: OutboundCard) => ({ activityId: String(sent.push({ to: to.aadObjectId, message })) }) };
      for (const p of [alice, bob]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T09:00:00.000Z' });
      const discussed = await store.createTask(taskInput({ ref: '1.1', owners: [alice], dueDate: '2026-11-27' }));
      await store.createTask(taskInput({ ref: '1.2', owners: [bob], dueDate: '2026-11-27' }));
      for (const n of [1, 2]) await store.addComment({ key: `c-${n}`, taskId: discussed.id, taskRef: discussed.ref, author: bob, postedAt: `2026-11-2${n}T09:00:00.000Z`, text: `Note ${n}` });
      await runReminderSweep({ store, messenger, clock: fixedClock(new Date('2026-11-24T10:00:00Z')), policy: DEFAULT_REMINDER_POLICY, render: renderReminders });
      const titles = (who: Person) => executeActions(sent.find((s) => s.to === who.aadObjectId)?.message.card).map((a) => a.title);
      // After the form's two ways to answer (neither task has an update yet): its comments.
      assert.deepEqual(titles(alice).slice(0, 3), ['Submit update', 'Nothing to report yet', 'Comments (2)']);
      assert.deepEqual(titles(bob).slice(0, 3), ['Submit update', 'Nothing to report yet', 'Comments']);
    } finally {
      await store.close();
    }
  });
});
