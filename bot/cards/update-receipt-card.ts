import type { Rag, RagApproval, Task, Update } from '../../core/model';
import { formatDate, formatInstant } from '../../core/plan/london-time';
import { confirmationKind, type ConfirmationKind } from '../../core/updates/no-change';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText, ragLabel } from './card-text';
import { approvalOutcome } from './approval-card';
import { CardVerb } from './card-verbs';
import { commentsAction } from './comment-cards';
import { roundTitle } from './round-title';
import { measureReceiptFacts } from './update-form-measure';

export interface ReceiptApproval {
  /** The approval this update asked for, as it stands. */
  approval?: RagApproval;
  /** A RAG change that could not be sent for approval: nobody but the owner could approve it. */
  noApprover?: Rag;
}

/**
 * Replaces the form in place once an update is stored (also for a repeated submit of the same card);
 * with `commentCount`, a "Comments (N)" button opens the task's thread.
 */
export function updateReceiptCard(task: Task, update: Update, repeated = false, rag: ReceiptApproval = {}, commentCount?: number): AdaptiveCardJson {
  const { approval, noApprover } = rag;
  const confirmed = confirmationKind(update.progress);
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `✓ ${confirmed ? CONFIRMED[confirmed].heading : 'Update recorded:'} ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: confirmed ? 'Recorded' : 'Progress', value: factText(update.progress, 500) },
          ...measureReceiptFacts(task, update),
          { title: 'RAG', value: `${ragLabel(task.rag)}${confirmed ? ' (kept)' : ''}` },
          ...(approval ? [{ title: `Change to ${approval.toRag}`, value: factText(approvalOutcome(approval)) }] : []),
          ...(approval?.comment && approval.state !== 'Pending' ? [{ title: 'Their comment', value: factText(approval.comment, 600) }] : []),
          ...(update.evidence ? [{ title: 'Evidence', value: factText(update.evidence) }] : []),
          ...(update.risks ? [{ title: 'Issues or risks', value: factText(update.risks) }] : []),
          ...(update.supportNeeded ? [{ title: 'Support needed', value: factText(update.supportNeeded) }] : []),
          ...(update.revisedDueDateRequested ? [{ title: 'Revised date requested', value: formatDate(update.revisedDueDateRequested) }] : []),
          ...(update.round ? [{ title: 'For', value: factText(roundTitle(update.round)) }] : []),
          { title: 'Submitted', value: `${factText(update.submittedBy.displayName)}, ${formatInstant(update.submittedAt)}` },
        ],
      },
      ...(noApprover
        ? [
            {
              type: 'TextBlock',
              wrap: true,
              color: 'Attention',
              text: `Your change to ${noApprover} was not applied: nobody else is set up to approve it. Ask your EDI officer to name an accountable officer for ${cardText(task.ref)}.`,
            },
          ]
        : []),
      ...(approval?.state === 'Pending'
        ? [{ type: 'TextBlock', wrap: true, text: `The RAG stays ${approval.fromRag} until ${cardText(approval.approver.displayName)} approves the change. I will tell you their decision.` }]
        : []),
      {
        type: 'TextBlock',
        isSubtle: true,
        wrap: true,
        text: repeated
          ? 'This form had already been submitted, so nothing new was saved. Thank you.'
          : confirmed
            ? CONFIRMED[confirmed].thanks
            : 'Thank you. Your update is now in the action plan.',
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} }, ...(commentCount !== undefined ? [commentsAction(task.id, commentCount)] : [])],
  };
}

/** The receipt of "No change since my last update" says what was recorded, in so many words. */
const CONFIRMED: Record<ConfirmationKind, { heading: string; thanks: string }> = {
  'no-change': {
    heading: 'No change recorded for',
    thanks: 'Thank you. The action plan now shows that you confirmed this task is unchanged; its RAG, evidence and risks stay as they were.',
  },
  'nothing-yet': {
    heading: 'Nothing to report yet, recorded for',
    thanks: 'Thank you. The action plan now shows that you answered: there is no earlier update, and nothing to report yet.',
  },
};
