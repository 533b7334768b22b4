import type { Rag } from '../../core/model';
import { formatDate, formatLongDate } from '../../core/plan/london-time';
import { RAG_SYMBOL } from './card-symbols';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/**
 * User text shown as text: TextBlocks render a markdown subset (and Teams autolinks), Teams reads
 * `<at>` as a mention, `{{DATE(...)}}` is a card function and `${…}` a template expression, so
 * everything that could turn text into markup gets an escape or an invisible word joiner.
 */
export function cardText(s: string): string {
  return breakable(s)
    .replace(/([\\`*_~[\]])/g, '\\$1') // emphasis, code, links
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2') // headings, quotes, bullets at line start
    .replace(/^(\s*\d+)\./gm, '$1\\.') // numbered lists
    .replace(/\{\{/g, '{\u2060{') // {{DATE()}} / {{TIME()}} functions
    .replace(/\$\{/g, '$\u2060{') // ${…}: never an expression, should a card ever pass through adaptivecards-templating
    .replace(/<(\/?[a-z!])/gi, '<\u2060$1') // <at>mentions</at> and any HTML tag stay text
    .replace(/(https?|mailto):/gi, '$1\u2060:'); // no autolinked URLs from user text
}

/** A run of this many characters with nowhere to break the line may not fit a phone's fact column. */
const UNBROKEN_MAX = 24;
const PIECE_MAX = 18;
const ZWSP = '\u200B';

/**
 * A word longer than a phone's line (a pasted link, a code, names run together) would push the
 * card sideways, which Teams mobile cannot scroll, and Adaptive Cards cannot hyphenate. So such a
 * word gets zero-width spaces (invisible, a place to break the line in every renderer): after its
 * link punctuation, then between even pieces of what is still too long. Shorter words are untouched.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/design-effective-cards#best-practices
 */
function breakable(s: string): string {
  return s.replace(new RegExp(`\\S{${UNBROKEN_MAX + 1},}`, 'gu'), (word) =>
    word
      .replace(/([/.?&=_@,;:+-])(?=\S)/g, `$1${ZWSP}`)
      .split(ZWSP)
      .map((part) => {
        const chars = part.match(/\P{M}\p{M}*/gu) ?? [];
        if (chars.length <= PIECE_MAX) return part;
        const n = Math.ceil(chars.length / PIECE_MAX);
        return Array.from({ length: n }, (_, i) => chars.slice(Math.round((i * chars.length) / n), Math.round(((i + 1) * chars.length) / n)).join('')).join(ZWSP);
      })
      .join(ZWSP),
  );
}

/** FactSet values render markdown too; a single line keeps the fact readable. */
export function factText(s: string, max = 300): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return cardText(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

/** RAG as text with a distinct symbol (card-symbols.ts), never colour alone. */
export function ragLabel(rag: Rag): string {
  return `${RAG_SYMBOL[rag]} ${rag}`;
}

export function dueLabel(dueDate?: string, dueText?: string): string {
  if (!dueDate) return dueText ? factText(dueText, 120) : 'No due date';
  const date = formatDate(dueDate);
  const repeatsDate = [date, formatLongDate(dueDate)].some((d) => dueText?.includes(d));
  return dueText && dueText.trim() !== '' && !repeatsDate ? `${date} (${factText(dueText, 120)})` : date;
}

/**
 * How much a card's text box takes: five times what the server accepts. Input.Text's `maxLength`
 * makes the client stop (or cut a paste) at that length without a word, so a box sized to the limit
 * would send a shortened text that passes validation. Well above the limit, a long paste reaches the
 * server whole and comes back with the error beside it; the bound keeps a refilled card inside the
 * 80 KB Teams recommends for a message.
 * https://adaptivecards.io/explorer/Input.Text.html
 */
export function boxRoom(limit: number): number {
  return limit * 5;
}

/** "Progress since the last update (up to 2,000 characters)": the limit said where the box is. */
export function limitedLabel(label: string, limit: number): string {
  return `${label} (up to ${limit.toLocaleString('en-GB')} characters)`;
}
