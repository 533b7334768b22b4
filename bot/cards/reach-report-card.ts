import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText } from './card-text';

export interface UnreachableLine {
  person: string;
  taskRefs: string[];
  reason: string;
}

const REASONS: Record<string, string> = {
  'no-chat': 'the app is not installed for them',
  blocked: 'they blocked or removed the app',
  'not-found': 'their chat with the app no longer exists',
};

/** To the EDI leads: owners the reminders could not reach today, and what to do about it. */
export function reachReportCard(lines: UnreachableLine[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `${lines.length} ${lines.length === 1 ? 'person' : 'people'} could not be sent their reminders`, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'Ask them to add the EDI Action Plan app in Teams, or run "npm run reach -- --install" to install it for them. They will be reminded at the next sweep.',
      },
      {
        type: 'FactSet',
        facts: lines.map((l) => ({ title: factText(l.person, 80), value: `${cardText(REASONS[l.reason] ?? l.reason)}: ${factText(l.taskRefs.join(', '), 200)}` })),
      },
    ],
  };
}
