import type { Rag } from '../../core/model';
import { formatDate, formatLongDate } from '../../core/plan/london-time';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

/**
 * User text shown as text: TextBlocks render a markdown subset (and Teams autolinks), and
 * `{{DATE(...)}}` is a card function, so escape everything that could turn text into markup.
 */
export function cardText(s: string): string {
  return s
    .replace(/([\\`*_~[\]])/g, '\\$1') // emphasis, code, links
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2') // headings, quotes, bullets at line start
    .replace(/^(\s*\d+)\./gm, '$1\\.') // numbered lists
    .replace(/\{\{/g, '{\u2060{') // {{DATE()}} / {{TIME()}} functions
    .replace(/(https?|mailto):/gi, '$1\u2060:'); // no autolinked URLs from user text
}

/** FactSet values render markdown too; a single line keeps the fact readable. */
export function factText(s: string, max = 300): string {
  const oneLine = s.replace(/\s+/g, ' ').trim();
  return cardText(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

/** RAG as text with a distinct symbol, never colour alone. */
export function ragLabel(rag: Rag): string {
  const symbol: Record<Rag, string> = {
    'Not started': '○',
    Green: '● ✓',
    Amber: '▲ !',
    Red: '■ ✕',
    Complete: '★ ✓',
  };
  return `${symbol[rag]} ${rag}`;
}

export function dueLabel(dueDate?: string, dueText?: string): string {
  if (!dueDate) return dueText ? factText(dueText, 120) : 'No due date';
  const date = formatDate(dueDate);
  const repeatsDate = [date, formatLongDate(dueDate)].some((d) => dueText?.includes(d));
  return dueText && dueText.trim() !== '' && !repeatsDate ? `${date} (${factText(dueText, 120)})` : date;
}
