/**
 * Dates as people in UK councils write them. The tab's date fields are text boxes, not the
 * browser's date input: that one shows the date in the browser's own locale (month first in a
 * US-English Teams), whatever the page's language says.
 */
import { isCalendarDate } from '../../core/tasks/task-fields';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 31/03/2027, 31-3-2027, 31.03.27, 31 03 2027, and 31032027 (the digits alone, as a browser's date box takes them) */
const NUMERIC = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})$|^(\d{2})(\d{2})(\d{4})$/;
/** 31 March 2027, 31st Mar 2027, 31 Mar. 2027 */
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;

export const UK_DATE_EXAMPLE = '31/03/2027';

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | undefined {
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** Typed text -> yyyy-mm-dd; "" for no date; undefined when it is not a real date. */
export function parseUkDate(text: string): string | undefined {
  const clean = text.trim();
  if (!clean) return '';
  let match = ISO.exec(clean);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC.exec(clean);
  if (match) {
    const [day, month, year] = match[1] ? [match[1], match[2]!, match[3]!] : [match[4]!, match[5]!, match[6]!];
    return isoOf(year.length === 2 ? 2000 + Number(year) : Number(year), Number(month), Number(day));
  }
  match = WORDS.exec(clean);
  if (match) {
    const name = match[2]!.toLowerCase();
    const month = MONTHS.findIndex((full) => name === full || name === full.slice(0, 3) || (name === 'sept' && full === 'september'));
    if (month >= 0) return isoOf(Number(match[3]), month + 1, Number(match[1]));
  }
  return undefined;
}

/** yyyy-mm-dd -> "31/03/2027"; anything else (what someone typed) unchanged. */
export function formatUkDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match && isCalendarDate(value) ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
