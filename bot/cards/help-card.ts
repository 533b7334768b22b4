import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, cardText } from './card-text';
import { CardVerb } from './card-verbs';

const TITLE = 'EDI action plan assistant';

function hello(displayName?: string): string {
  const first = displayName?.trim().split(/\s+/)[0];
  return first ? `Hello ${cardText(first)}.` : 'Hello.';
}

function card(body: unknown[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [{ type: 'TextBlock', text: TITLE, weight: 'Bolder', size: 'Medium', wrap: true }, ...body],
    actions: [{ type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} }],
  };
}

/** The install's greeting: what the bot will do, and where the full list is (`help`). */
export function welcomeCard(displayName?: string): AdaptiveCardJson {
  return card([
    {
      type: 'TextBlock',
      wrap: true,
      text: `${hello(displayName)} I will message you here when one of your EDI action plan tasks is nearly due or the board asks for a progress update, and you answer on the card itself.`,
    },
    { type: 'TextBlock', wrap: true, text: 'Type **help** at any time to see everything you can ask me.' },
  ]);
}

/** `help`: every command the chat understands, and what the buttons on its cards do. */
export function helpCard(displayName?: string): AdaptiveCardJson {
  return card([
    { type: 'TextBlock', wrap: true, text: `${hello(displayName)} You can type:` },
    {
      type: 'FactSet',
      facts: [
        { title: 'my tasks', value: 'List your open tasks, with due dates and RAG status, and update any of them.' },
        { title: 'pending', value: 'RAG changes waiting for your decision, if you approve any.' },
        { title: 'delegate 2.3 to Sam Okafor', value: 'Hand one of your tasks to a colleague (name or email). They become its owner.' },
        { title: 'help', value: 'Show this message.' },
      ],
    },
    { type: 'TextBlock', wrap: true, weight: 'Bolder', spacing: 'Medium', text: 'On a task’s update form' },
    {
      type: 'FactSet',
      facts: [
        { title: 'Submit update', value: 'Records your progress, evidence, risks and any support you need. A RAG change goes to your manager or accountable officer for approval.' },
        { title: 'No change since my last update', value: 'One press: records that nothing has changed, keeping the RAG as it is.' },
        { title: 'Comments', value: 'What the EDI officers and your co-owners have said about the task, and a box to answer.' },
        { title: 'Hand to a colleague', value: 'The same as typing "delegate".' },
      ],
    },
    {
      type: 'TextBlock',
      wrap: true,
      isSubtle: true,
      text: 'When a deadline is near, or an update round opens before a board meeting, I send you the update form here. Your answers go straight into the council action plan.',
    },
  ]);
}
