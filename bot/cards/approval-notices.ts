import { formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { ApprovalView } from '../../core/use-cases/approval-messages';
import { approvalOutcome, ragChange } from './approval-card';
import { approveAllLabel } from './approve-all-cards';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText, ragLabel } from './card-text';
import { CardVerb } from './card-verbs';

const card = (body: unknown[], actions: unknown[] = []): AdaptiveCardJson => ({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, ...(actions.length && { actions }) });

/** One approval in a list card: "ref: title", its facts, and an optional button. */
function approvalItem(task: { ref: string; title: string }, facts: { title: string; value: string }[], action?: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `${cardText(task.ref)}: ${cardText(task.title)}`, weight: 'Bolder', wrap: true },
      { type: 'FactSet', facts },
      ...(action ? [{ type: 'ActionSet', actions: [action] }] : []),
    ],
  };
}

/** To the owner when their proposal is decided: the decision, who made it, and their comment. */
export function approvalDecisionCard({ approval, task }: ApprovalView): AdaptiveCardJson {
  const verb = approval.state === 'Approved' ? 'approved' : 'did not approve';
  return card(
    [
      { type: 'TextBlock', text: `${cardText(approval.decidedBy?.displayName ?? approval.approver.displayName)} ${verb} your RAG change`, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Task', value: `${factText(task.ref)}: ${factText(task.title, 200)}` },
          { title: 'Change', value: ragChange(approval) },
          { title: 'Decision', value: factText(approvalOutcome(approval)) },
          ...(approval.comment ? [{ title: 'Comment', value: factText(approval.comment, 1000) }] : []),
          { title: 'RAG now', value: ragLabel(task.rag) },
        ],
      },
    ],
    [{ type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} }],
  );
}

/** To an EDI lead: RAG decisions still waiting after the approver was chased. */
export function approvalEscalationCard(views: ApprovalView[]): AdaptiveCardJson {
  return card([
    { type: 'TextBlock', text: `${views.length === 1 ? 'A RAG change has' : `${views.length} RAG changes have`} waited too long for a decision`, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', isSubtle: true, wrap: true, text: 'The approver was reminded and has not decided yet. You may want to follow this up, or ask the owner to propose it again to someone else.' },
    ...views.map(({ approval, task }) =>
      approvalItem(task, [
        { title: 'Change', value: ragChange(approval) },
        { title: 'Owner', value: factText(approval.requestedBy.displayName) },
        { title: 'Approver', value: factText(approval.approver.displayName) },
        { title: 'Waiting since', value: formatInstant(approval.requestedAt) },
      ]),
    ),
  ]);
}

/**
 * The approver's `pending` command: each waiting decision with a Review button that opens its card,
 * and with two or more, "Approve all (N)", which first shows exactly what it would approve.
 */
export function pendingApprovalsCard(views: ApprovalView[]): AdaptiveCardJson {
  if (!views.length) {
    return card([
      { type: 'TextBlock', text: 'No RAG changes are waiting for your decision', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: 'When an owner proposes a change to a task you approve, it comes here.' },
    ]);
  }
  const approveAll = views.length > 1 ? [{ type: 'Action.Execute', title: approveAllLabel(views.length), verb: CardVerb.confirmApproveAll, data: {} }] : [];
  return card([
    { type: 'TextBlock', text: `${views.length} RAG ${views.length === 1 ? 'change is' : 'changes are'} waiting for your decision`, weight: 'Bolder', size: 'Medium', wrap: true },
    ...views.map(({ approval, task }) =>
      approvalItem(
        task,
        [
          { title: 'Change', value: ragChange(approval) },
          { title: 'Asked by', value: `${factText(approval.requestedBy.displayName)}, ${formatInstant(approval.requestedAt)}` },
        ],
        { type: 'Action.Execute', title: `Review ${task.ref}`, verb: CardVerb.viewApproval, data: { approvalId: approval.id } },
      ),
    ),
  ], approveAll);
}

/** To the colleague a task was handed to. */
export function delegatedToYouCard(task: { id: string; ref: string; title: string }, from: string): AdaptiveCardJson {
  return card(
    [
      { type: 'TextBlock', text: `${cardText(from)} handed you a task`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: `${cardText(task.ref)}: ${cardText(task.title)}`, wrap: true },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: 'You are now its owner: reminders and update requests for it come to you.' },
    ],
    [
      { type: 'Action.Execute', title: `Update ${task.ref}`, verb: CardVerb.openUpdateForm, data: { taskId: task.id } },
      { type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} },
    ],
  );
}
