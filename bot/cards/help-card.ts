import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION } from './card-text';
import { CardVerb } from './card-verbs';

export function helpCard(displayName?: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: 'EDI action plan assistant', weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        text: `${displayName ? `Hello ${displayName.split(' ')[0]}. ` : ''}I remind task owners before their deadlines and collect progress updates for the Equality, Diversity and Inclusion board.`,
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'my tasks', value: 'List your open tasks, with due dates and RAG status, and update any of them.' },
          { title: 'pending', value: 'RAG changes waiting for your decision, if you approve any.' },
          { title: 'delegate 2.3 to Sam Okafor', value: 'Hand one of your tasks to a colleague (name or email). They become its owner.' },
          { title: 'help', value: 'Show this message.' },
        ],
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'When a deadline is near I send you an update form here. Your answers go straight into the council action plan. "Comments" on a task\'s card shows what the EDI officers and your co-owners have said about it, and lets you answer.',
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} }],
  };
}
