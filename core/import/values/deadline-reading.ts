import { parseDeadline, type ParsedDeadline } from '../../deadline/parse-deadline';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "By the end of February 2025", "by 31 March 2026", "before Q3 2025/26" inside a task's wording. */
const IN_WORDING = new RegExp(
  `\\b(?:by|before|no later than|not later than)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+\\d{4}`
    + '|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|q[1-4]\\s+\\d{4}\\s*/\\s*\\d{2,4})',
  'i',
);

export interface DeadlineReading {
  parsed: ParsedDeadline;
  /** The deadline was found in the task's wording, not in a deadline column. */
  fromWording: boolean;
}

/** The deadline column through the deadline parser; without one, a deadline stated in the task's own words. */
export function readDeadline(column: string | undefined, title: string, reference: string, hasColumn: boolean): DeadlineReading | undefined {
  if (column) return { parsed: parseDeadline(column, { reference }), fromWording: false };
  if (hasColumn) return undefined;
  const phrase = IN_WORDING.exec(title)?.[0];
  if (!phrase) return undefined;
  const parsed = parseDeadline(phrase, { reference });
  return parsed.dueDate ? { parsed: { ...parsed, text: phrase.replace(/^\w/, (c) => c.toUpperCase()) }, fromWording: true } : undefined;
}
