import assert from 'node:assert/strict';
import { approvalCards } from '../../bot/cards/approval-cards';
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from '../../core/approvals/approval-policy';
import { ForbiddenError, ValidationError } from '../../core/errors';
import type { Task } from '../../core/model';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { PlanStore } from '../../core/ports/plan-store';
import { ukWorkingCalendar } from '../../core/reminders/working-calendar';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { announceDecision, sendApprovalRequest } from '../../core/use-cases/approval-messages';
import { chaseApprovals } from '../../core/use-cases/chase-approvals';
import { decideApproval, NotTheApproverError } from '../../core/use-cases/decide-approval';
import { delegateTask } from '../../core/use-cases/delegate-task';
import { describeTrigger } from '../../core/use-cases/get-task-detail';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { alice, bob, carol, taskInput } from '../support/builders';
import { cardTextContent } from '../support/card-validator';
import { CapturingMessenger } from '../support/capturing-messenger';

const lead = { aadObjectId: 'aad-lead', displayName: 'Lena Lead', email: 'lena@example.gov.uk' };
const people = [alice, bob, carol, lead];
const directory: Directory = {
  findById: async (id) => people.find((p) => p.aadObjectId === id),
  search: async (q) => people.filter((p) => p.displayName.toLowerCase().startsWith(q.toLowerCase()) || p.email === q),
  managerOf: async (id) => (id === alice.aadObjectId ? carol : undefined),
};

/** A clock the test moves. */
function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next) => (now = new Date(next)) };
}

describe('RAG approvals (use cases)', () => {
  let store: PlanStore;
  let task: Task;
  let messenger: CapturingMessenger;
  const clock = movableClock('2026-11-23T10:00:00Z'); // a Monday
  const policy: ApprovalPolicy = { ...DEFAULT_APPROVAL_POLICY, ediLeads: [lead] };
  const deps = () => ({ store, clock, approvals: { policy, directory } });
  const messaging = () => ({ store, clock, messenger, cards: approvalCards });
  let n = 0;
  const propose = (rag: string, progress = 'Supplier pulled out; re-tendering', actor = alice) =>
    store.getTask(task.id).then((t) => submitUpdate(deps(), { actorAadObjectId: actor.aadObjectId, taskId: task.id, taskVersion: t!.version, idempotencyKey: `k-${++n}`, values: { progress, rag } }));

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00Z');
    store = SqlitePlanStore.open(':memory:');
    messenger = new CapturingMessenger();
    task = await store.createTask(taskInput({ rag: 'Amber', accountableOfficer: bob }));
    for (const p of people) await store.saveConversation({ aadObjectId: p.aadObjectId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
  });
  afterEach(() => store.close());

  it('saves the update at once but keeps the RAG until the accountable officer approves', async () => {
    const result = await propose('Red');
    assert.equal(result.task.rag, 'Amber');
    assert.equal(result.task.latestUpdate, 'Supplier pulled out; re-tendering');
    assert.equal(result.task.pendingRag, 'Red');
    assert.equal(result.requested?.approver.aadObjectId, bob.aadObjectId);
    assert.equal(result.requested?.route, 'accountable-officer');
    assert.equal(result.requested?.updateId, result.update.id);
    assert.equal(result.task.pendingApprovalId, result.requested?.key);

    const decided = await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: result.requested!.id, decision: 'approve', comment: 'Agreed' });
    assert.equal(decided.outcome, 'decided');
    const after = await store.getTask(task.id);
    assert.equal(after?.rag, 'Red');
    assert.equal(after?.pendingRag, undefined);
    assert.equal(after?.pendingApprovalId, undefined);
    const stored = await store.getApproval(result.requested!.id);
    assert.deepEqual([stored?.state, stored?.decidedBy?.aadObjectId, stored?.comment, stored?.decidedAt], ['Approved', bob.aadObjectId, 'Agreed', '2026-11-23T10:00:00.000Z']);
  });

  it('applies a Complete claim (status and 100%) only when approved', async () => {
    const { requested } = await propose('Complete', 'Report published');
    assert.equal((await store.getTask(task.id))?.status, 'Open');
    await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'approve' });
    const after = await store.getTask(task.id);
    assert.deepEqual([after?.rag, after?.status, after?.percentComplete], ['Complete', 'Complete', 100]);
  });

  it('needs a reason to reject, and a rejection keeps the old RAG', async () => {
    const { requested } = await propose('Green');
    await assert.rejects(decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'reject', comment: '   ' }), ValidationError);
    assert.equal((await store.getApproval(requested!.id))?.state, 'Pending');
    await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'reject', comment: 'Evidence is not there yet' });
    const after = await store.getTask(task.id);
    assert.deepEqual([after?.rag, after?.pendingRag], ['Amber', undefined]);
    assert.equal((await store.getApproval(requested!.id))?.comment, 'Evidence is not there yet');
  });

  it('lets only the approver decide; anyone else changes nothing', async () => {
    const { requested } = await propose('Red');
    for (const who of [alice, carol]) {
      await assert.rejects(decideApproval({ store, clock }, { actorAadObjectId: who.aadObjectId, approvalId: requested!.id, decision: 'approve' }), (err: unknown) => err instanceof NotTheApproverError && /Only Bob Manager can decide this/.test(err.message));
    }
    assert.equal((await store.getApproval(requested!.id))?.state, 'Pending');
    assert.equal((await store.getTask(task.id))?.rag, 'Amber');
  });

  it('never lets the requester approve their own change: it goes to their manager', async () => {
    await store.updateTask(task.id, (await store.getTask(task.id))!.version, { accountableOfficer: alice });
    const { requested } = await propose('Red');
    assert.equal(requested?.approver.aadObjectId, carol.aadObjectId);
    assert.equal(requested?.route, 'manager');
    await assert.rejects(decideApproval({ store, clock }, { actorAadObjectId: alice.aadObjectId, approvalId: requested!.id, decision: 'approve' }), ForbiddenError);
  });

  it('keeps the RAG and says so when nobody but the requester could approve', async () => {
    policy.ediLeads = [];
    try {
      await store.updateTask(task.id, (await store.getTask(task.id))!.version, { accountableOfficer: undefined, owners: [carol] });
      const result = await propose('Red', 'Blocked', carol);
      assert.equal(result.noApprover, 'Red');
      assert.equal(result.requested, undefined);
      assert.deepEqual([result.task.rag, result.task.pendingRag, result.task.latestUpdate], ['Amber', undefined, 'Blocked']);
    } finally {
      policy.ediLeads = [lead];
    }
  });

  it('answers later clicks with who decided and when', async () => {
    const { requested } = await propose('Red');
    await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'approve' });
    const again = await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'reject', comment: 'changed my mind' });
    assert.equal(again.outcome, 'already-decided');
    assert.equal(again.approval.state, 'Approved');
    assert.equal((await store.getTask(task.id))?.rag, 'Red');
  });

  it('supersedes a pending proposal with a newer one; the old one can no longer be decided', async () => {
    const first = await propose('Red');
    const same = await propose('Red', 'Still re-tendering');
    assert.equal(same.requested, undefined, 'proposing the pending RAG again asks nothing new');
    assert.equal(same.task.pendingApprovalId, first.requested!.key);
    const second = await propose('Green', 'New supplier found');
    assert.equal(second.superseded?.id, first.requested!.id);
    assert.equal(second.superseded?.supersededBy, second.requested!.key);
    assert.equal((await store.getApproval(first.requested!.id))?.state, 'Superseded');
    const late = await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: first.requested!.id, decision: 'approve' });
    assert.equal(late.outcome, 'already-decided');
    assert.deepEqual([(await store.getTask(task.id))?.rag, (await store.getTask(task.id))?.pendingRag], ['Amber', 'Green']);
  });

  it('keeps a pending proposal when the owner submits without changing the RAG', async () => {
    const first = await propose('Red');
    const plain = await propose('Amber', 'Weekly note');
    assert.equal(plain.superseded, undefined);
    assert.equal(plain.task.pendingApprovalId, first.requested!.key);
    assert.equal((await store.getApproval(first.requested!.id))?.state, 'Pending');
  });

  it('sends the approver one card, tells the owner the decision once, and redraws both cards', async () => {
    const { requested } = await submitUpdate(deps(), { actorAadObjectId: alice.aadObjectId, taskId: task.id, taskVersion: task.version, idempotencyKey: 'k-card', values: { progress: 'Supplier pulled out', rag: 'Red' }, cardActivityId: 'owner-receipt' });
    assert.equal(await sendApprovalRequest(messaging(), requested!), 'sent');
    assert.equal(await sendApprovalRequest(messaging(), requested!), 'already-sent');
    const [card] = messenger.sentTo(bob);
    assert.match(cardTextContent(card!.message.card), /needs your decision[\s\S]*Amber → ■ ✕ Red/);
    assert.equal((await store.getApproval(requested!.id))?.approverActivityId, card!.activityId);

    const decided = await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'approve', comment: 'Agreed' });
    await announceDecision(messaging(), decided.approval);
    await announceDecision(messaging(), decided.approval);
    const toOwner = messenger.sentTo(alice);
    assert.equal(toOwner.length, 1, 'one decision message');
    assert.match(cardTextContent(toOwner[0]!.message.card), /Bob Manager approved your RAG change[\s\S]*Agreed/);
    const receipt = messenger.edited.find((e) => e.to === alice.aadObjectId && e.activityId === 'owner-receipt');
    assert.match(cardTextContent(receipt!.message.card), /Approved by Bob Manager/);
    const approverCard = messenger.edited.find((e) => e.to === bob.aadObjectId && e.activityId === card!.activityId);
    assert.match(cardTextContent(approverCard!.message.card), /Approved by Bob Manager/);
    const log = (await store.listReminders(task.id)).map((r) => [r.trigger, r.outcome]);
    assert.deepEqual(log, [['approval-request', 'sent'], ['approval-decision', 'sent']]);
  });

  describe('chasing', () => {
    it('sends a request that never went out, chases the approver once after three working days, then tells the EDI leads once', async () => {
      const { requested } = await propose('Red'); // Monday 23 Nov, card not sent (as if the process stopped)
      clock.set('2026-11-23T10:01:00Z');
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).requested, 0, 'still inside the grace period');
      clock.set('2026-11-23T10:05:00Z');
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).requested, 1);
      assert.equal(messenger.sentTo(bob).length, 1);

      clock.set('2026-11-25T10:00:00Z'); // two working days: not yet
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).chased, 0);
      clock.set('2026-11-26T10:00:00Z'); // three
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).chased, 1);
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).chased, 0, 'chased once');
      assert.match(cardTextContent(messenger.sentTo(bob)[1]!.message.card), /Reminder: a RAG change is waiting/);
      assert.ok((await store.getApproval(requested!.id))?.chasedAt);

      clock.set('2026-11-30T10:00:00Z'); // Thu 26 -> Mon 30: two working days
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).escalated, 0);
      clock.set('2026-12-01T10:00:00Z');
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).escalated, 1);
      assert.equal((await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory })).escalated, 0, 'told once');
      const [escalation] = messenger.sentTo(lead);
      assert.match(cardTextContent(escalation!.message.card), /waited too long[\s\S]*1\\?\.1\.1: Publish[\s\S]*Approver: Bob Manager/);
      assert.ok((await store.getApproval(requested!.id))?.escalatedAt);
    });

    it('tries again, once, when someone who could not be reached opens a chat with the bot', async () => {
      messenger.unreachable.add(bob.aadObjectId);
      messenger.unreachable.add(alice.aadObjectId);
      const { requested } = await propose('Red');
      const sweep = () => chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory });
      assert.equal(await sendApprovalRequest(messaging(), requested!), 'unreachable');
      messenger.unreachable.delete(bob.aadObjectId);
      clock.set('2026-11-23T10:10:00Z');
      assert.equal((await sweep()).requested, 0, 'the same broken chat is not retried every sweep');
      await store.saveConversation({ aadObjectId: bob.aadObjectId, reference: {}, updatedAt: clock.now().toISOString() }); // Bob reinstalled
      clock.set('2026-11-23T10:20:00Z');
      assert.equal((await sweep()).requested, 1);
      assert.equal((await sweep()).requested, 0, 'once');
      assert.equal(messenger.sentTo(bob).length, 1);

      const decided = await decideApproval({ store, clock }, { actorAadObjectId: bob.aadObjectId, approvalId: requested!.id, decision: 'approve' });
      assert.equal(await announceDecision(messaging(), decided.approval), 'unreachable');
      messenger.unreachable.delete(alice.aadObjectId);
      assert.equal((await sweep()).told, 0);
      await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: {}, updatedAt: '2026-11-23T10:30:00.000Z' });
      clock.set('2026-11-23T10:40:00Z');
      assert.equal((await sweep()).told, 1);
      assert.equal((await sweep()).told, 0, 'told once');
      assert.match(cardTextContent(messenger.sentTo(alice)[0]!.message.card), /Bob Manager approved your RAG change/);
      assert.deepEqual((await store.listReminders(task.id)).map((r) => [r.trigger, r.outcome]), [['approval-request', 'sent'], ['approval-decision', 'sent']]);
    });

    it('repairs what a crash left: a decision not applied to the task, a proposal with no record', async () => {
      const { requested } = await propose('Red');
      // As if the process stopped right after storing the decision.
      await store.updateApproval(requested!.id, requested!.version, { state: 'Approved', decidedBy: bob, decidedAt: clock.now().toISOString() });
      const t = (await store.getTask(task.id))!;
      await store.updateTask(t.id, t.version, {}); // any other write in between
      let result = await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory });
      assert.equal(result.repaired, 1);
      assert.deepEqual([(await store.getTask(task.id))?.rag, (await store.getTask(task.id))?.pendingApprovalId], ['Red', undefined]);

      // As if it stopped after the update but before the approval record.
      const now = (await store.getTask(task.id))!;
      await store.recordUpdate({ update: { taskId: now.id, taskRef: now.ref, submittedBy: alice, submittedAt: clock.now().toISOString(), progress: 'Back on track', ragProposed: 'Green', idempotencyKey: 'k-crash' }, task: { id: now.id, expectedVersion: now.version, patch: { pendingRag: 'Green', pendingApprovalId: 'lost-key' } } });
      result = await chaseApprovals({ ...messaging(), policy, calendar: ukWorkingCalendar(), directory });
      assert.equal(result.repaired, 1);
      const rebuilt = await store.findApprovalByKey('lost-key');
      assert.deepEqual([rebuilt?.fromRag, rebuilt?.toRag, rebuilt?.approver.aadObjectId, rebuilt?.justification], ['Red', 'Green', bob.aadObjectId, 'Back on track']);
    });
  });

  describe('delegation', () => {
    it('hands a task to a colleague found by name, recording who and when', async () => {
      const result = await delegateTask({ store, clock, directory }, { actorAadObjectId: alice.aadObjectId, task: { ref: '1.1.1' }, to: 'Carol' });
      assert.deepEqual(result.task.owners, [carol]);
      assert.deepEqual([result.task.delegatedBy, result.task.delegatedAt], [alice, '2026-11-23T10:00:00.000Z']);
    });

    it('refuses non-owners, unknown and ambiguous colleagues, and changes nothing', async () => {
      await assert.rejects(delegateTask({ store, clock, directory }, { actorAadObjectId: bob.aadObjectId, task: { id: task.id }, to: 'Carol' }), ForbiddenError);
      await assert.rejects(delegateTask({ store, clock, directory }, { actorAadObjectId: alice.aadObjectId, task: { id: task.id }, to: 'Zed' }), /No one called "Zed"/);
      const ambiguous = { ...directory, search: async () => [bob, carol] };
      await assert.rejects(delegateTask({ store, clock, directory: ambiguous }, { actorAadObjectId: alice.aadObjectId, task: { id: task.id }, to: 'B' }), /matches 2 people: Bob Manager \(bob@example.gov.uk\)/);
      await assert.rejects(delegateTask({ store, clock, directory }, { actorAadObjectId: alice.aadObjectId, task: { id: task.id }, to: 'Alice' }), /already yours/);
      await assert.rejects(delegateTask({ store, clock, directory }, { actorAadObjectId: alice.aadObjectId, task: { id: task.id }, to: 'x'.repeat(321) }), /longer than any name or email/);
      assert.deepEqual((await store.getTask(task.id))?.owners, [alice]);
    });
  });
});

describe('approval messages in a task\'s reminder history', () => {
  it('are named in words', () => {
    assert.deepEqual(
      ['approval-request', 'approval-chase', 'approval-decision', 'approval-escalation'].map(describeTrigger),
      ['RAG change sent for approval', 'Approver reminded of a RAG change', 'Owner told the RAG decision', 'EDI lead told a RAG decision is waiting'],
    );
  });
});
