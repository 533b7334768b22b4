import type { Task, Update } from '../../core/model';
import { formatDate, formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText, ragLabel } from './card-text';
import { CardVerb } from './card-verbs';

/** Replaces the form in place once an update is stored (also for a repeated submit of the same card). */
export function updateReceiptCard(task: Task, update: Update, repeated = false): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `✓ Update recorded: ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Progress', value: factText(update.progress, 500) },
          { title: 'RAG', value: ragLabel(task.rag) },
          ...(update.evidence ? [{ title: 'Evidence', value: factText(update.evidence) }] : []),
          ...(update.risks ? [{ title: 'Issues or risks', value: factText(update.risks) }] : []),
          ...(update.supportNeeded ? [{ title: 'Support needed', value: factText(update.supportNeeded) }] : []),
          ...(update.revisedDueDateRequested ? [{ title: 'Revised date requested', value: formatDate(update.revisedDueDateRequested) }] : []),
          ...(update.round ? [{ title: 'For', value: `the update round ${factText(update.round)}` }] : []),
          { title: 'Submitted', value: `${factText(update.submittedBy.displayName)}, ${formatInstant(update.submittedAt)}` },
        ],
      },
      {
        type: 'TextBlock',
        isSubtle: true,
        wrap: true,
        text: repeated
          ? 'This form had already been submitted, so nothing new was saved. Thank you.'
          : 'Thank you. Your update is now in the action plan.',
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} }],
  };
}
