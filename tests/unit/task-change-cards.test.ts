import assert from 'node:assert/strict';
import { CardVerb } from '../../bot/cards/card-verbs';
import { commentCards } from '../../bot/cards/comment-cards';
import { assignedCard, dueDateChangedCard, dueDateHeadline, taskChangeCards } from '../../bot/cards/task-change-cards';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { demoDirectory } from '../../bot/directory/demo-directory';
import type { Task } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import type { ApiRoute } from '../../tab/api/api-route';
import { tabRoutes } from '../../tab/api/tab-routes';
import { callRoute, jsonBody } from '../api/support/call-route';
import { as, testAuthorize } from '../api/support/test-callers';
import { alice, bob, taskInput } from '../support/builders';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';

const officer = { aadObjectId: 'oid-olu', displayName: 'Olu Officer', email: 'olu@example.gov.uk' };
const task: Task = { ...taskInput({ ref: '2.3', title: 'Review *recruitment* panels', owners: [alice], accountableOfficer: bob, dueDate: '2027-01-31', dueText: undefined }), id: '9', version: '4' };

describe('task change cards', () => {
  const every: [string, unknown][] = [
    ['assigned', assignedCard(task, officer)],
    ['assigned (shared, no due date)', assignedCard({ ...task, owners: [alice, bob], dueDate: undefined }, officer)],
    ['due date moved', dueDateChangedCard(task, '2026-12-01', officer)],
    ['due date cleared', dueDateChangedCard({ ...task, dueDate: undefined }, '2026-12-01', officer)],
  ];
  for (const [name, card] of every) {
    it(`${name} card parses as Adaptive Card 1.5 with no problems`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('"You now own 2.3" says who gave it, when it is due, and opens the update form', () => {
    const { card, summary } = taskChangeCards.assigned(task, officer);
    const text = cardTextContent(card);
    assert.match(text, /^You now own 2\\\.3\nReview \\\*recruitment\\\* panels/);
    assert.match(text, /Given by: Olu Officer/);
    assert.match(text, /Due: 31 Jan 2027/);
    assert.match(text, /Accountable officer: Bob Manager/);
    assert.match(text, /Reminders and requests for progress updates will come to you here/);
    assert.equal(summary, 'You now own 2.3: Review *recruitment* panels (from Olu Officer)');
    const [update, mine] = executeActions(card);
    assert.deepEqual([update?.title, update?.verb, update?.data], ['Update progress', CardVerb.openUpdateForm, { taskId: '9' }], 'as the reminder list opens the form: only the id');
    assert.equal(mine?.verb, CardVerb.showMyTasks);
    assert.match(cardTextContent(assignedCard({ ...task, owners: [alice, bob] }, officer)), /Owners: Alice Owner, Bob Manager/);
  });

  it('"The due date of 2.3 moved from X to Y" says who moved it, and words a date set or cleared', () => {
    const { card, summary } = taskChangeCards.dueDateChanged(task, '2026-12-01', officer);
    assert.equal(summary, 'The due date of 2.3 moved from 1 Dec 2026 to 31 Jan 2027 (changed by Olu Officer)');
    const text = cardTextContent(card);
    assert.match(text, /^The due date of 2\.3 moved from 1 Dec 2026 to 31 Jan 2027/);
    assert.match(text, /Changed by: Olu Officer/);
    assert.match(text, /Reminders will now follow the new date/);
    assert.equal(executeActions(card)[0]?.verb, CardVerb.openUpdateForm);
    assert.equal(dueDateHeadline(task, undefined), '2.3 now has a due date: 31 Jan 2027');
    assert.equal(dueDateHeadline({ ...task, dueDate: undefined }, '2026-12-01'), '2.3 no longer has a due date (it was 1 Dec 2026)');
    assert.match(cardTextContent(dueDateChangedCard({ ...task, dueDate: undefined }, '2026-12-01', officer)), /no deadline reminders/);
  });
});

describe('an officer edits a task in the tab: owners are told in Teams', () => {
  const sam = toPerson(demoUsers.sam);
  const priya = toPerson(demoUsers.priya);
  let store: SqlitePlanStore;
  let messenger: CapturingMessenger;
  let routes: ApiRoute[];

  beforeEach(async () => {
    store = SqlitePlanStore.open(':memory:');
    messenger = new CapturingMessenger();
    await store.createObjective({ ref: '2', title: 'A diverse and engaged workforce' });
    for (const p of [sam, priya]) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: { conversation: { id: `c-${p.aadObjectId}` } }, updatedAt: '2026-11-01T09:00:00.000Z' });
    const notify = { messenger, cards: taskChangeCards, commentCards };
    routes = tabRoutes({ store, clock: fixedClock(new Date('2026-11-22T10:00:00Z')), directory: demoDirectory(), authorize: testAuthorize({ officer: { person: officer, officer: true } }), notify });
  });
  afterEach(() => store.close());

  it('a new owner gets "You now own", the owner who stays gets the new due date, and the officer gets nothing', async () => {
    const t = await store.createTask(taskInput({ ref: '2.3', objectiveRef: '2', title: 'Review recruitment panels', owners: [sam], dueDate: '2026-12-01' }));
    const { etag } = jsonBody<{ etag: string }>(await callRoute(routes, 'GET', `/api/tasks/${t.id}`, { headers: as('officer') }));
    const res = await callRoute(routes, 'PATCH', `/api/tasks/${t.id}`, { headers: as('officer', { 'If-Match': etag }), body: { owners: [sam.aadObjectId, priya.aadObjectId], dueDate: '2027-01-31' } });
    assert.equal(res.status, 200, JSON.stringify(jsonBody(res)));

    assert.equal(messenger.sent.length, 2);
    const [toPriya] = messenger.sentTo(priya);
    assert.deepEqual(cardProblems(toPriya?.message.card), []);
    assert.match(toPriya?.message.summary ?? '', /^You now own 2\.3: Review recruitment panels \(from Olu Officer\)$/);
    assert.match(cardTextContent(toPriya?.message.card), /Due: 31 Jan 2027/);
    const [toSam] = messenger.sentTo(sam);
    assert.deepEqual(cardProblems(toSam?.message.card), []);
    assert.equal(toSam?.message.summary, 'The due date of 2.3 moved from 1 Dec 2026 to 31 Jan 2027 (changed by Olu Officer)');
    assert.deepEqual(executeActions(toSam?.message.card)[0]?.data, { taskId: t.id });
  });

  it('an edit that changes neither owners nor the due date tells nobody', async () => {
    const t = await store.createTask(taskInput({ ref: '2.4', objectiveRef: '2', owners: [sam], dueDate: '2026-12-01' }));
    const { etag } = jsonBody<{ etag: string }>(await callRoute(routes, 'GET', `/api/tasks/${t.id}`, { headers: as('officer') }));
    const res = await callRoute(routes, 'PATCH', `/api/tasks/${t.id}`, { headers: as('officer', { 'If-Match': etag }), body: { title: 'Review recruitment panels and adverts' } });
    assert.equal(res.status, 200, JSON.stringify(jsonBody(res)));
    assert.equal(messenger.sent.length, 0);
  });
});
