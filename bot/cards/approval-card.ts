import type { RagApproval } from '../../core/model';
import { formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { ApprovalView } from '../../core/use-cases/approval-messages';
import { COMMENT_MAX } from '../../core/use-cases/decide-approval';
import { boxRoom, CARD_SCHEMA, CARD_VERSION, cardText, factText, ragLabel } from './card-text';
import { CardSymbol } from './card-symbols';
import { CardVerb } from './card-verbs';
import { measureReceiptFacts } from './update-form-measure';

export interface ApprovalCardOptions {
  /** Whether the reader is the approver (only they get the buttons). */
  forApprover: boolean;
  /** Sent as a chaser: the decision has waited too long. */
  chaser?: boolean;
  /** A line above the card: "already decided", "only X can decide this"… */
  notice?: string;
  /** Inline error for the comment, with what was typed kept. */
  commentError?: string;
  comment?: string;
}

/** "▲ ! Amber → ■ ✕ Red": text and symbols, never colour alone. */
export function ragChange(a: Pick<RagApproval, 'fromRag' | 'toRag'>): string {
  return `${ragLabel(a.fromRag)} ${CardSymbol.to} ${ragLabel(a.toRag)}`;
}

/** "✓ Approved by Sam Okafor, 22 Nov 2026, 10:32", or that it waits or was replaced (in words alone). */
export function approvalOutcome(a: RagApproval): string {
  const by = a.decidedBy?.displayName ?? a.approver.displayName;
  const when = a.decidedAt ? `, ${formatInstant(a.decidedAt)}` : '';
  switch (a.state) {
    case 'Approved':
      return `${CardSymbol.done} Approved by ${by}${when}`;
    case 'Rejected':
      return `${CardSymbol.refused} Rejected by ${by}${when}`;
    case 'Superseded':
      return 'Replaced by a newer proposal from the owner';
    case 'Pending':
      return `Awaiting a decision from ${a.approver.displayName}`;
  }
}

/**
 * The approval card: the proposal, the owner's reasons and latest update, and — for the approver
 * while it is pending — a comment box with Approve / Reject. Once decided it shows the outcome
 * instead. `refresh` lets Teams redraw it for the approver whenever they open the chat, so a copy
 * never offers buttons for a decision already made.
 */
export function approvalCard(view: ApprovalView, options: ApprovalCardOptions): AdaptiveCardJson {
  const { approval, task, update } = view;
  const pending = approval.state === 'Pending';
  const heading = pending
    ? options.chaser
      ? `Reminder: a RAG change is waiting for your decision`
      : options.forApprover
        ? 'A RAG change needs your decision'
        : 'A RAG change is waiting for a decision'
    : 'RAG change decided';
  const facts = [
    { title: 'Task', value: `${factText(task.ref)}: ${factText(task.title, 200)}` },
    { title: 'Change', value: ragChange(approval) },
    { title: 'Asked by', value: `${factText(approval.requestedBy.displayName)}, ${formatInstant(approval.requestedAt)}` },
    ...(approval.justification ? [{ title: 'Their update', value: factText(approval.justification, 600) }] : []),
    ...(update?.evidence ? [{ title: 'Evidence', value: factText(update.evidence, 400) }] : []),
    ...(update?.risks ? [{ title: 'Issues or risks', value: factText(update.risks, 400) }] : []),
    ...(update?.supportNeeded ? [{ title: 'Support needed', value: factText(update.supportNeeded, 400) }] : []),
    // The value the owner gave, and what the measure's tolerances suggest for it: the approver's to weigh.
    ...(update ? measureReceiptFacts(task, update) : []),
    ...(task.latestUpdate && task.latestUpdate !== approval.justification ? [{ title: 'Latest update', value: factText(task.latestUpdate, 300) }] : []),
    { title: 'RAG now', value: ragLabel(task.rag) },
  ];
  const decidable = pending && options.forApprover;
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    refresh: refreshFor(view),
    body: [
      ...(options.notice ? [{ type: 'TextBlock', text: cardText(options.notice), wrap: true, weight: 'Bolder', color: 'Attention' }] : []),
      { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts },
      ...(pending ? [] : [outcomeBlock(approval)]),
      ...(decidable
        ? [
            {
              type: 'Input.Text',
              id: 'comment',
              label: `Comment (required to reject; up to ${COMMENT_MAX.toLocaleString('en-GB')} characters)`,
              isMultiline: true,
              maxLength: boxRoom(COMMENT_MAX), // past the limit: decide-approval judges it (card-text.ts)
              placeholder: 'Why you agree, or what the owner should do instead',
              ...(options.comment !== undefined && { value: options.comment }),
              ...(options.commentError && { errorMessage: options.commentError }),
            },
            ...(options.commentError ? [{ type: 'TextBlock', text: `${CardSymbol.warning} ${cardText(options.commentError)}`, color: 'Attention', wrap: true }] : []),
          ]
        : pending
          ? [{ type: 'TextBlock', isSubtle: true, wrap: true, text: `Only ${cardText(approval.approver.displayName)} can decide this.` }]
          : []),
    ],
    ...(decidable && {
      actions: [
        { type: 'Action.Execute', title: `Approve: ${approval.toRag}`, verb: CardVerb.decideApproval, data: { approvalId: approval.id, decision: 'approve' }, style: 'positive', associatedInputs: 'auto' },
        { type: 'Action.Execute', title: `Reject: keep ${approval.fromRag}`, verb: CardVerb.decideApproval, data: { approvalId: approval.id, decision: 'reject' }, style: 'destructive', associatedInputs: 'auto' },
      ],
    }),
  };
}

/**
 * Teams redraws the card on display for the users in `refresh.userIds`, named by their Teams user
 * ids (MRIs, `29:…`, the activity's `from.id`): an Entra object id names no one. The card is sent
 * into the approver's 1:1 chat with the bot, where a refresh without `userIds` is automatic for
 * every member (at most 60), i.e. the approver; so an id not known yet is left out, never guessed
 * (and never `[]`, which turns automatic refresh off).
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards#user-ids-in-refresh
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
function refreshFor(view: ApprovalView): Record<string, unknown> {
  const action = { type: 'Action.Execute', title: 'Refresh', verb: CardVerb.viewApproval, data: { approvalId: view.approval.id } };
  return view.approverTeamsUserId ? { action, userIds: [view.approverTeamsUserId] } : { action };
}

function outcomeBlock(a: RagApproval): Record<string, unknown> {
  return {
    type: 'Container',
    style: a.state === 'Approved' ? 'good' : a.state === 'Rejected' ? 'attention' : 'default',
    items: [
      { type: 'TextBlock', text: cardText(approvalOutcome(a)), weight: 'Bolder', wrap: true },
      ...(a.comment ? [{ type: 'TextBlock', text: `Comment: ${cardText(a.comment)}`, wrap: true }] : []),
    ],
  };
}
