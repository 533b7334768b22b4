import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CardSymbol } from './card-symbols';
import { CARD_SCHEMA, CARD_VERSION, cardText } from './card-text';

/** A short message card: an error the user can act on, or a plain notice. Text is escaped. */
export function noticeCard(title: string, message: string, tone: 'error' | 'info' = 'info'): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: `${tone === 'error' ? `${CardSymbol.warning} ` : ''}${cardText(title)}`,
        weight: 'Bolder',
        wrap: true,
        ...(tone === 'error' && { color: 'Attention' }),
      },
      { type: 'TextBlock', text: cardText(message), wrap: true },
    ],
  };
}
