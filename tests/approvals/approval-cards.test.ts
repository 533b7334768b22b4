import assert from 'node:assert/strict';
import { approvalCard } from '../../bot/cards/approval-card';
import { approvalDecisionCard, approvalEscalationCard, delegatedToYouCard, pendingApprovalsCard } from '../../bot/cards/approval-notices';
import { CardVerb } from '../../bot/cards/card-verbs';
import { delegateCard } from '../../bot/cards/delegate-card';
import type { RagApproval, Task } from '../../core/model';
import type { ApprovalView } from '../../core/use-cases/approval-messages';
import { alice, bob, taskInput } from '../support/builders';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';

const task: Task = { ...taskInput({ rag: 'Amber', title: 'Run the *staff* survey <script>' }), id: '7', version: '3' };
const approval: RagApproval = {
  id: '11',
  version: '1',
  key: 'k',
  taskId: '7',
  taskRef: '1.1.1',
  fromRag: 'Amber',
  toRag: 'Red',
  requestedBy: alice,
  requestedAt: '2026-11-23T10:00:00.000Z',
  justification: 'Supplier withdrew [link](https://evil.example)',
  approver: bob,
  route: 'accountable-officer',
  state: 'Pending',
};
/** The buttons a reader sees: every Action.Execute except the card's `refresh`. */
const buttons = (card: Record<string, unknown>) => executeActions({ body: card.body, actions: card.actions });

const view: ApprovalView = { approval, task, update: { id: '5', version: '1', taskId: '7', taskRef: '1.1.1', submittedBy: alice, submittedAt: approval.requestedAt, progress: 'x', evidence: 'Tender notice', risks: 'Delay to Q2', idempotencyKey: 'i' } };

describe('approval cards', () => {
  it('gives the approver the change as text and symbols, the reasons, a comment box and both buttons', () => {
    const card = approvalCard(view, { forApprover: true });
    assert.deepEqual(cardProblems(card), []);
    const text = cardTextContent(card);
    assert.match(text, /▲ ! Amber → ■ ✕ Red/);
    assert.match(text, /Tender notice[\s\S]*Delay to Q2/);
    assert.doesNotMatch(text, /\[link\]\(https:/, 'user text cannot become a link');
    assert.deepEqual(buttons(card).map((a) => [a.verb, a.data.decision]), [[CardVerb.decideApproval, 'approve'], [CardVerb.decideApproval, 'reject']]);
    assert.equal(buttons(card)[0]?.data.approvalId, '11', 'only the approval id travels in the card; who decides comes from the activity');
    assert.ok('comment' in inputValues(card));
  });

  it("refreshes for the approver by their Teams user id (29:…), never their Entra object id; without one, for the 1:1 chat's members", () => {
    const known = approvalCard({ ...view, approverTeamsUserId: '29:1bob-teams-mri' }, { forApprover: true });
    assert.deepEqual((known.refresh as { userIds: string[] }).userIds, ['29:1bob-teams-mri']);
    const unknown = approvalCard(view, { forApprover: true }).refresh as { userIds?: string[]; action: { verb: string } };
    assert.equal(unknown.userIds, undefined, 'no object id in userIds, and no [] (which turns automatic refresh off)');
    assert.equal(unknown.action.verb, CardVerb.viewApproval);
  });

  it('gives anyone else no buttons, and shows the outcome once decided', () => {
    const other = approvalCard(view, { forApprover: false, notice: 'Only Bob Manager can decide this.' });
    assert.equal(buttons(other).length, 0);
    assert.match(cardTextContent(other), /Only Bob Manager can decide this/);
    const decided = approvalCard({ ...view, approval: { ...approval, state: 'Rejected', decidedBy: bob, decidedAt: '2026-11-24T09:30:00.000Z', comment: 'Not yet' } }, { forApprover: true });
    assert.deepEqual(cardProblems(decided), []);
    assert.equal(buttons(decided).length, 0);
    assert.match(cardTextContent(decided), /✕ Rejected by Bob Manager, 24 Nov 2026, 09:30[\s\S]*Comment: Not yet/);
  });

  it('keeps a typed comment and shows why it was refused', () => {
    const card = approvalCard(view, { forApprover: true, comment: 'hmm', commentError: 'Say why you are rejecting this change.' });
    assert.equal(inputValues(card).comment, 'hmm');
    assert.match(cardTextContent(card), /Say why you are rejecting/);
  });

  it('renders the owner notice, the escalation, the pending list and the delegation cards validly', () => {
    const decided = { ...view, approval: { ...approval, state: 'Approved' as const, decidedBy: bob, decidedAt: '2026-11-24T09:30:00.000Z' } };
    for (const card of [approvalDecisionCard(decided), approvalEscalationCard([view]), pendingApprovalsCard([view]), pendingApprovalsCard([]), delegatedToYouCard(task, 'Alice Owner'), delegateCard(task, { value: 'Zed', error: 'No one called "Zed"' })]) {
      assert.deepEqual(cardProblems(card), []);
    }
    assert.match(cardTextContent(approvalDecisionCard(decided)), /Bob Manager approved your RAG change/);
    assert.deepEqual(executeActions(pendingApprovalsCard([view])).map((a) => a.verb), [CardVerb.viewApproval]);
    assert.equal(inputValues(delegateCard(task, { value: 'Zed' })).delegateTo, 'Zed');
  });
});
