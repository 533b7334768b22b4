import assert from 'node:assert/strict';
import { handleCardAction, type CardActionDeps } from '../../bot/card-actions';
import { CardVerb } from '../../bot/cards/card-verbs';
import { updateFormCard } from '../../bot/cards/update-form-card';
import { updateReceiptCard } from '../../bot/cards/update-receipt-card';
import { demoDirectory } from '../../bot/directory/demo-directory';
import { DEFAULT_APPROVAL_POLICY } from '../../core/approvals/approval-policy';
import type { Measure, Task, Update } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, bob, taskInput } from '../support/builders';
import { CapturingMessenger } from '../support/capturing-messenger';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';

// From 40% on 1 Apr 2025 to 60% on 1 Apr 2027: on 1 Apr 2026 the trajectory is at 50%.
const measure: Measure = { name: 'Staff *sharing* data', unit: '%', baseline: 40, baselineDate: '2025-04-01', target: 60, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 };
const TODAY = '2026-04-01';
const task: Task = { ...taskInput({ measure, measureValue: 44, measureValueAt: '2026-03-10T11:00:00.000Z' }), id: '7', version: '3' };

type Element = { type: string; id?: string; value?: unknown; label?: string; min?: unknown; max?: unknown; items?: Element[] };
const inputsOf = (card: unknown): Element[] => {
  const found: Element[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Element;
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) found.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
};
const numberInput = (card: unknown) => inputsOf(card).find((i) => i.id === 'measureValue');

describe('measures on the update card', () => {
  it('shows the measure and asks for its current value, optionally, before the RAG', () => {
    const card = updateFormCard({ task, nonce: 'nonce-123', today: TODAY });
    assert.deepEqual(cardProblems(card), []);
    const input = numberInput(card);
    assert.equal(input?.type, 'Input.Number');
    assert.equal(input?.label, 'Current value of the measure (%)');
    assert.equal(input?.value, undefined, 'a fresh form has no value: the latest is in the facts');
    assert.ok(!('isRequired' in input!) && !('min' in input) && !('max' in input));
    const ids = inputsOf(card).map((i) => i.id);
    assert.ok(ids.indexOf('measureValue') < ids.indexOf('rag'), 'the value and its suggestion come before the RAG');
    const text = cardTextContent(card);
    assert.match(text, /Measure: Staff \\\*sharing\\\* data/);
    assert.match(text, /Baseline: 40% \(1 Apr 2025\)/);
    assert.match(text, /Target: 60% by 1 Apr 2027/);
    assert.match(text, /Latest value: 44% \(10 Mar 2026, 11:00\)/);
    assert.match(text, /Should be about: 50% today/);
    assert.match(text, /Suggests: ▲ ! Amber for the latest value/);
    assert.match(text, /Tolerances: Amber below 90%, Red below 75% of where the trajectory to target should be; today the trajectory is at 50%\. .*you choose the RAG/);
    assert.deepEqual(executeActions(card)[0]?.data, { taskId: '7', taskVersion: '3', nonce: 'nonce-123', shownRag: 'Green' }, 'submit data is still only ids');
  });

  it('without tolerances or a trajectory, shows only what the measure has', () => {
    const card = updateFormCard({ task: { ...task, measure: { target: 12, unit: 'staff' }, measureValue: undefined }, nonce: 'nonce-123', today: TODAY });
    assert.deepEqual(cardProblems(card), []);
    const text = cardTextContent(card);
    assert.match(text, /Measure: Publish the annual|Measure: Measure for 1\.1\.1/);
    assert.match(text, /Target: 12 staff\n/);
    assert.match(text, /Latest value: None yet/);
    assert.doesNotMatch(text, /Baseline|Should be about|Suggests|Tolerances/);
  });

  it('a task without a measure has no value to give', () => {
    const card = updateFormCard({ task: { ...task, measure: undefined }, nonce: 'nonce-123', today: TODAY });
    assert.equal(numberInput(card), undefined);
    assert.doesNotMatch(cardTextContent(card), /Measure/);
  });

  it('comes back with the value entered and what it suggests', () => {
    const card = updateFormCard({ task, nonce: 'n-12345678', today: TODAY, values: { progress: '', measureValue: '36' }, errors: [{ field: 'progress', message: 'Progress is required' }] });
    assert.deepEqual(cardProblems(card), []);
    assert.equal(numberInput(card)?.value, 36);
    assert.match(cardTextContent(card), /The value you entered, 36%, suggests ■ ✕ Red\. The RAG is still yours to choose\./);
  });

  it('comes back with a value that was not a number quoted in its error, not in the number input', () => {
    const error = { field: 'measureValue', message: 'Current value of the measure must be a number, such as 42 or 3.5 (it was "lots").' };
    const card = updateFormCard({ task, nonce: 'n-12345678', today: TODAY, values: { progress: 'p', measureValue: 'lots' }, errors: [error] });
    assert.deepEqual(cardProblems(card), []);
    assert.equal(numberInput(card)?.value, undefined);
    assert.match(cardTextContent(card), /⚠ Current value of the measure must be a number, such as 42 or 3\.5 \(it was "lots"\)\./);
    assert.doesNotMatch(cardTextContent(card), /The value you entered/);
  });

  it('shows a measure value error even on a task that has no measure (any more)', () => {
    const card = updateFormCard({ task: { ...task, measure: undefined }, nonce: 'n-12345678', values: { progress: 'p', measureValue: '12' }, errors: [{ field: 'measureValue', message: 'This task has no measure' }] });
    assert.match(cardTextContent(card), /⚠ This task has no measure/);
  });

  it('the receipt echoes the value given, with what the tolerances suggested on the day', () => {
    const update: Update = { id: '1', version: '1', taskId: '7', taskRef: task.ref, submittedBy: alice, submittedAt: '2026-04-01T10:00:00Z', progress: 'Survey out', measureValue: 47, idempotencyKey: 'n' };
    const text = cardTextContent(updateReceiptCard(task, update));
    assert.match(text, /Measure value: 47% \(its tolerances suggest Green\)/);
    assert.doesNotMatch(cardTextContent(updateReceiptCard(task, { ...update, measureValue: undefined })), /Measure value/);
    assert.match(cardTextContent(updateReceiptCard({ ...task, measure: { target: 10 } }, { ...update, measureValue: 3 })), /Measure value: 3\n/);
  });
});

describe('measures through the card action', () => {
  let store: PlanStore;
  let deps: CardActionDeps;
  beforeEach(() => {
    store = SqlitePlanStore.open(':memory:');
    deps = { store, clock: fixedClock(new Date('2026-04-01T10:00:00Z')), log: silentLogger, messenger: new CapturingMessenger(), directory: demoDirectory([]), approvalPolicy: DEFAULT_APPROVAL_POLICY };
  });
  afterEach(() => store.close());

  const submit = (t: Task, values: Record<string, unknown>, nonce = 'nonce-abcdefgh') =>
    handleCardAction(deps, { aadObjectId: alice.aadObjectId }, CardVerb.submitUpdate, { taskId: t.id, taskVersion: t.version, nonce, shownRag: t.rag, rag: t.rag, ...values });

  it('stores a value a client sent as a number, and the receipt echoes it', async () => {
    const t = await store.createTask(taskInput({ measure }));
    const result = await submit(t, { progress: 'Survey out', measureValue: 47 });
    assert.ok('card' in result);
    assert.match(cardTextContent(result.card), /Update recorded[\s\S]*Measure value: 47%/);
    assert.equal((await store.getTask(t.id))?.measureValue, 47);
  });

  it('sends a non-numeric value back with a clear error, keeping every answer, and stores nothing', async () => {
    const t = await store.createTask(taskInput({ measure }));
    const result = await submit(t, { progress: 'Survey out', evidence: 'Returns at 60%', measureValue: '1,2,3' });
    assert.ok('card' in result);
    assert.deepEqual(cardProblems(result.card), []);
    const text = cardTextContent(result.card);
    assert.match(text, /Nothing was saved yet/);
    assert.match(text, /⚠ Current value of the measure must be a number, such as 42 or 3\.5 \(it was "1,2,3"\)/);
    const byId = Object.fromEntries(inputsOf(result.card).map((i) => [i.id, i.value]));
    assert.equal(byId.progress, 'Survey out');
    assert.equal(byId.evidence, 'Returns at 60%');
    assert.deepEqual(await store.listUpdates(t.id), []);
  });

  it('an owner who leaves the RAG unchanged keeps it, whatever the value suggests: the suggestion is advice', async () => {
    const t = await store.createTask(taskInput({ measure, rag: 'Green' }));
    const result = await submit(t, { progress: 'Slow', measureValue: '30' });
    assert.ok('card' in result);
    const saved = await store.getTask(t.id);
    assert.equal(saved?.rag, 'Green');
    assert.equal(saved?.pendingRag, undefined);
    assert.equal(saved?.measureValue, 30);
    assert.match(cardTextContent(result.card), /Measure value: 30% \(its tolerances suggest Red\)/);
  });

  it('a RAG change still goes for approval, and the approver sees the value and its suggestion', async () => {
    const t = await store.createTask(taskInput({ measure, rag: 'Green', accountableOfficer: bob }));
    await store.saveConversation({ aadObjectId: bob.aadObjectId, reference: {}, updatedAt: '2026-03-01T00:00:00Z' });
    const result = await submit(t, { progress: 'Slow', rag: 'Red', measureValue: '30' });
    assert.ok('card' in result);
    const saved = await store.getTask(t.id);
    assert.equal(saved?.rag, 'Green', 'the RAG waits for the decision');
    assert.equal(saved?.pendingRag, 'Red');
    const [request] = (deps.messenger as CapturingMessenger).sentTo(bob);
    assert.ok(request, 'the approver was asked');
    assert.match(cardTextContent(request.message.card), /Measure value: 30% \(its tolerances suggest Red\)/);
  });
});
