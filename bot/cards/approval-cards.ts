import type { ApprovalCards } from '../../core/use-cases/approval-messages';
import { approvalCard, approvalOutcome } from './approval-card';
import { approvalDecisionCard, approvalEscalationCard } from './approval-notices';
import { updateReceiptCard } from './update-receipt-card';

/** The approval flow's cards with their notification summaries, as the core use cases ask for them. */
export const approvalCards: ApprovalCards = {
  request: (view, { chaser }) => ({
    card: approvalCard(view, { forApprover: true, chaser }),
    summary: `${chaser ? 'Reminder: ' : ''}${view.task.ref}: RAG change from ${view.approval.fromRag} to ${view.approval.toRag} needs your decision`,
  }),
  approverOutcome: (view) => ({ card: approvalCard(view, { forApprover: true }), summary: `${view.task.ref}: ${approvalOutcome(view.approval)}` }),
  ownerReceipt: (view) => view.update && { card: updateReceiptCard(view.task, view.update, false, { approval: view.approval }), summary: `Update recorded: ${view.task.ref}` },
  ownerDecision: (view) => ({ card: approvalDecisionCard(view), summary: `${view.task.ref}: ${approvalOutcome(view.approval)}` }),
  escalation: (views) => ({ card: approvalEscalationCard(views), summary: `${views.length} RAG ${views.length === 1 ? 'change is' : 'changes are'} waiting too long for a decision` }),
};
