import { findDeadline, parseDeadline, type ParsedDeadline } from '../../deadline/parse-deadline';

export interface DeadlineReading {
  parsed: ParsedDeadline;
  /** The deadline was found in the task's wording, not in a deadline column. */
  fromWording: boolean;
}

/** The deadline column through the deadline parser; without one, a deadline stated in the task's own words. */
export function readDeadline(column: string | undefined, title: string, reference: string, hasColumn: boolean): DeadlineReading | undefined {
  if (column) return { parsed: parseDeadline(column, { reference }), fromWording: false };
  if (hasColumn) return undefined;
  const found = findDeadline(title, 'wording', { reference });
  if (!found?.parsed.dueDate) return undefined;
  return { parsed: { ...found.parsed, text: found.text.replace(/^\w/, (c) => c.toUpperCase()) }, fromWording: true };
}
