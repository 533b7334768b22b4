import assert from 'node:assert/strict';
import type { Task, Update } from '../../core/model';
import { RAG_VALUES } from '../../core/model';
import { cardText, ragLabel } from '../../bot/cards/card-text';
import { CardVerb } from '../../bot/cards/card-verbs';
import { helpCard, welcomeCard } from '../../bot/cards/help-card';
import { boxRoom } from '../../bot/cards/card-text';
import { UPDATE_LIMITS } from '../../core/updates/update-form';
import { noChangeProgress } from '../../core/updates/no-change';
import { MY_TASKS_CARD_LIMIT, myTasksCard } from '../../bot/cards/my-tasks-card';
import { noticeCard } from '../../bot/cards/notice-card';
import { reminderIntro, reminderMessage, renderReminders, roundPurpose } from '../../bot/cards/reminder-card';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
import { updateFormCard } from '../../bot/cards/update-form-card';
import { updateReceiptCard } from '../../bot/cards/update-receipt-card';
import { alice, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

const task: Task = { ...taskInput({ latestUpdate: 'Drafted *bold* [link](http://x)', latestUpdateAt: '2026-11-01T10:00:00Z', latestUpdateBy: alice }), id: '7', version: '3' };
const update: Update = {
  id: '1',
  version: '1',
  taskId: '7',
  taskRef: task.ref,
  submittedBy: alice,
  submittedAt: '2026-11-22T10:00:00Z',
  progress: 'Done a thing',
  evidence: 'Survey results',
  risks: 'None',
  supportNeeded: 'Budget',
  revisedDueDateRequested: '2027-01-31',
  idempotencyKey: 'n',
};

function roundAsk(t: Task, name = 'Board report March 2027'): PlannedReminder {
  return { key: `round:r1:round-open:${t.id}:${alice.aadObjectId}`, kind: 'owner', task: t, recipient: alice, trigger: 'round-open', daysUntilDue: 12, round: { id: 'r1', name, dueDate: '2027-03-19' } };
}

describe('cards', () => {
  const every: [string, unknown][] = [
    ['help', helpCard('Alex Morgan')],
    ['welcome', welcomeCard('Alex Morgan')],
    ['receipt (no change)', updateReceiptCard(task, { ...update, progress: noChangeProgress(task, alice), evidence: undefined, risks: undefined, supportNeeded: undefined, revisedDueDateRequested: undefined })],
    [
      'update form refilled with every box full to what it takes',
      updateFormCard({ task, nonce: 'nonce-123', values: Object.fromEntries(Object.entries(UPDATE_LIMITS).map(([field, limit]) => [field, '"\\'.repeat(boxRoom(limit) / 2)])), errors: [{ field: 'progress', message: 'Too long' }] }),
    ],
    ['notice', noticeCard('Title', 'Message', 'error')],
    ['my tasks (empty)', myTasksCard([], '2026-11-22')],
    ['my tasks', myTasksCard([task, { ...task, id: '8', ref: '1.1.2', dueDate: undefined, dueText: 'Ongoing' }], '2026-11-22')],
    ['update form', updateFormCard({ task, nonce: 'nonce-123' })],
    ['update form with errors', updateFormCard({ task, nonce: 'nonce-123', values: { progress: '' }, errors: [{ field: 'progress', message: 'Progress is required' }], notice: 'Changed' })],
    ['reminder', reminderMessage(task, { daysUntilDue: 5 }).card],
    ['receipt', updateReceiptCard(task, update)],
    ['receipt (repeat)', updateReceiptCard(task, update, true)],
    ['receipt (in a round)', updateReceiptCard(task, { ...update, round: 'Board report March 2027' })],
    ['round reminder (one task)', renderReminders('owner', alice, [roundAsk(task)]).card],
    ['round and deadline reminders (several tasks)', renderReminders('owner', alice, [roundAsk(task), { ...roundAsk(task), round: undefined, trigger: 'due-7', daysUntilDue: 5 }, roundAsk({ ...task, id: '8', ref: '1.1.2' })]).card],
  ];
  for (const [name, card] of every) {
    it(`${name} card parses as Adaptive Card 1.5 with no problems`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('the validator itself catches a broken card', () => {
    const problems = cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlok' }, { type: 'Input.Text' }, { type: 'Input.Text' }] });
    assert.ok(problems.some((p) => p.includes('TextBlok')));
    assert.ok(problems.some((p) => p.includes('version must be 1.5')));
  });

  it('the update form labels every input and carries only ids in its submit data', () => {
    const card = updateFormCard({ task, nonce: 'nonce-123' }) as { body: { type: string; label?: string }[] };
    const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
    assert.equal(inputs.length, 6);
    for (const input of inputs) assert.ok(input.label && input.label.length > 3, `input without a label: ${JSON.stringify(input)}`);
    const [submit] = executeActions(card);
    assert.equal(submit?.verb, CardVerb.submitUpdate);
    assert.deepEqual(submit?.data, { taskId: '7', taskVersion: '3', nonce: 'nonce-123', shownRag: 'Green' });
    assert.deepEqual(executeActions(card).slice(1).map((a) => a.verb), [CardVerb.confirmNoChange, CardVerb.openDelegateForm, CardVerb.showMyTasks], 'no change, hand over, or go back to the list');
  });

  it('re-fills the form with the owner\'s values and shows each field error', () => {
    const card = updateFormCard({
      task,
      nonce: 'n-12345678',
      values: { progress: 'x'.repeat(5), evidence: 'kept evidence', rag: 'Red' },
      errors: [{ field: 'evidence', message: 'Evidence of impact must be 2,000 characters or fewer' }],
    });
    const values = inputValues(card);
    assert.equal(values.progress, 'xxxxx');
    assert.equal(values.evidence, 'kept evidence');
    assert.equal(values.rag, 'Red');
    assert.match(cardTextContent(card), /⚠ Evidence of impact must be 2,000 characters or fewer/);
    assert.match(cardTextContent(card), /Nothing was saved yet/);
  });

  it('escapes user text so it cannot become markdown, links or card functions', () => {
    assert.equal(cardText('*bold* _it_ [a](b)'), '\\*bold\\* \\_it\\_ \\[a\\](b)');
    assert.equal(cardText('- bullet\n1. one\n# heading'), '\\- bullet\n1\\. one\n\\# heading');
    // (A long run also gets zero-width spaces so it can wrap on a phone: card-text-breaks.test.ts.)
    assert.equal(cardText('{{DATE(2026-01-01T00:00:00Z)}}').replaceAll('\u200B', ''), '{\u2060{DATE(2026-01-01T00:00:00Z)}}');
    assert.ok(!cardText('see https://evil.example').includes('https://'));
    const text = cardTextContent(updateFormCard({ task, nonce: 'nonce-123' }));
    assert.ok(text.includes('Drafted \\*bold\\* \\[link\\]'), text);
  });

  it('shows RAG as text with a symbol, distinct for every value', () => {
    const labels = RAG_VALUES.map(ragLabel);
    assert.equal(new Set(labels.map((l) => l.split(' ')[0])).size, RAG_VALUES.length);
    RAG_VALUES.forEach((r, i) => assert.ok(labels[i]?.endsWith(r)));
  });

  it('lists at most the card limit of tasks and says how many more there are', () => {
    const many = Array.from({ length: MY_TASKS_CARD_LIMIT + 3 }, (_, i) => ({ ...task, id: String(i), ref: `9.${i}` }));
    const card = myTasksCard(many, '2026-11-22');
    assert.equal(executeActions(card).length, MY_TASKS_CARD_LIMIT);
    assert.match(cardTextContent(card), /and 3 more/);
    assert.deepEqual(cardProblems(card), []);
  });

  it('shows the council wording of a deadline only when it adds something', () => {
    const due = (dueText: string) => cardTextContent(myTasksCard([{ ...task, dueDate: '2026-11-27', dueText }], '2026-11-22'));
    assert.match(due('By 27 November 2026'), /Due: 27 Nov 2026\n/);
    assert.match(due('End of November 2026'), /Due: 27 Nov 2026 \(End of November 2026\)/);
  });

  it('marks overdue tasks in words', () => {
    assert.match(cardTextContent(myTasksCard([{ ...task, dueDate: '2026-11-01' }], '2026-11-22')), /OVERDUE/);
    assert.doesNotMatch(cardTextContent(myTasksCard([{ ...task, dueDate: '2026-12-01' }], '2026-11-22')), /OVERDUE/);
  });

  it('words reminders by how close the deadline is', () => {
    assert.match(reminderIntro(5), /due in 5 days/);
    assert.match(reminderIntro(1), /due tomorrow/);
    assert.match(reminderIntro(0), /due today/);
    assert.match(reminderIntro(-1), /overdue by 1 day\./);
    assert.match(reminderIntro(-7), /overdue by 7 days/);
    const a = reminderMessage(task, { daysUntilDue: 5 });
    const b = reminderMessage(task, { daysUntilDue: 5 });
    assert.notEqual(executeActions(a.card)[0]?.data.nonce, executeActions(b.card)[0]?.data.nonce, 'each sent form has its own idempotency key');
  });

  it('the receipt shows what was stored and says when nothing new was saved', () => {
    const text = cardTextContent(updateReceiptCard(task, update));
    for (const s of ['Update recorded', 'Done a thing', 'Survey results', 'Budget', '31 Jan 2027', 'Alice Owner']) assert.ok(text.includes(s), s);
    assert.match(cardTextContent(updateReceiptCard(task, update, true)), /already been submitted/);
  });

  it('words round reminders with the round and its due date, escaping the name', () => {
    assert.equal(roundPurpose({ name: 'Board report March 2027', dueDate: '2027-03-19' }), 'for the Board report March 2027, due 19 Mar 2027');
    assert.equal(roundPurpose({ name: 'Q3 board', dueDate: '2026-12-18' }), 'for the Q3 board, due 18 Dec 2026');
    assert.equal(roundPurpose({ name: 'The Q3 board.', dueDate: '2026-12-18' }), 'for the Q3 board, due 18 Dec 2026', 'no "the The", no stray full stop');
    assert.equal(roundPurpose({ name: 'Annual equality report', dueDate: '2027-01-29' }), 'for the Annual equality report, due 29 Jan 2027');
    assert.equal(roundPurpose({ name: 'April 2027', dueDate: '2027-04-16' }), 'for the April 2027 update round, due 16 Apr 2027', 'a bare period says what it is');
    assert.equal(roundPurpose({ name: 'Autumn', dueDate: '2026-10-30' }), 'for the Autumn update round, due 30 Oct 2026');
    const { card, summary } = renderReminders('owner', alice, [roundAsk(task, 'Spring *[review](http://evil)*')]);
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardTextContent(card), /Please send a progress update for the Spring \\\*\\\[review\\\]\(http\u2060:\/\/evil\)\\\*, due 19 Mar 2027\./);
    assert.match(summary ?? '', /^1\.1\.1: Please send a progress update/);
  });

  it('lists a task due and asked for in a round once, with both reasons', () => {
    const other = { ...task, id: '8', ref: '1.1.2' };
    const { card, summary } = renderReminders('owner', alice, [roundAsk(task), { ...roundAsk(task), round: undefined, trigger: 'due-7', daysUntilDue: 5 }, roundAsk(other)]);
    assert.equal(summary, '2 of your action plan tasks need an update');
    assert.deepEqual(executeActions(card).map((a) => a.title), ['Update 1.1.1', 'Update 1.1.2'], 'most urgent first, one button per task');
    const text = cardTextContent(card);
    assert.match(text, /When: Due in 5 days; update for the Board report March 2027, due 19 Mar 2027/);
    assert.match(text, /When: Update for the Board report March 2027, due 19 Mar 2027/);
  });

  it('the receipt says which round an update counts for', () => {
    assert.match(cardTextContent(updateReceiptCard(task, { ...update, round: 'Board report March 2027' })), /For: the Board report March 2027/);
    assert.doesNotMatch(cardTextContent(updateReceiptCard(task, update)), /For:/);
  });
});
