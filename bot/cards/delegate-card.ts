import type { Task } from '../../core/model';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { COLLEAGUE_MAX } from '../../core/use-cases/delegate-task';
import { boxRoom, CARD_SCHEMA, CARD_VERSION, cardText, limitedLabel } from './card-text';
import { CardSymbol } from './card-symbols';
import { CardVerb } from './card-verbs';

/** "Hand to a colleague": who should own the task instead (name or email), with any error kept beside it. */
export function delegateCard(task: Pick<Task, 'id' | 'ref' | 'title'>, options: { value?: string; error?: string } = {}): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `Hand ${cardText(task.ref)} to a colleague`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: 'They become the owner instead of you: reminders and update requests go to them, and the plan records that you handed it over.' },
      {
        type: 'Input.Text',
        id: 'delegateTo',
        label: limitedLabel("Colleague's name or work email", COLLEAGUE_MAX),
        placeholder: 'e.g. Sam Okafor', // a one-line box's hint cannot wrap on a phone
        // Room past the limit: the server judges the length and says so beside the box (card-text.ts).
        maxLength: boxRoom(COLLEAGUE_MAX),
        isRequired: true,
        errorMessage: 'Say who should take the task over.',
        value: options.value ?? '',
      },
      ...(options.error ? [{ type: 'TextBlock', text: `${CardSymbol.warning} ${cardText(options.error)}`, color: 'Attention', wrap: true, spacing: 'None' }] : []),
    ],
    actions: [
      { type: 'Action.Execute', title: 'Hand over', verb: CardVerb.delegateTask, data: { taskId: task.id }, style: 'positive' },
      { type: 'Action.Execute', title: 'Back to my tasks', verb: CardVerb.showMyTasks, data: {}, associatedInputs: 'none' },
    ],
  };
}
