/**
 * Date and text formatting for the plan view. Month names are fixed (not Intl) so every
 * browser shows the councils' familiar "27 Nov 2026" the same way.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-27" -> "27 Nov 2026". Anything that is not a calendar date is returned unchanged. */
export function formatIsoDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** The calendar date of an instant in the plan's time zone, as yyyy-mm-dd. */
export function isoDateOfInstant(instant: string, timeZone = 'Europe/London'): string | undefined {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "2026-03-02T15:04:05Z" -> "2 Mar 2026" (the date in the plan's time zone). */
export function formatInstantAsDate(instant: string): string {
  const isoDate = isoDateOfInstant(instant);
  return isoDate ? formatIsoDate(isoDate) : instant;
}

/** The first `maxChars` characters of `text`, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, maxChars = 180): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "1 task", "3 tasks". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "2026-03-02T15:04:05Z" -> "2 Mar 2026, 15:04" (the date and time in the plan's time zone). */
export function formatInstantAsDateTime(instant: string, timeZone = 'Europe/London'): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatInstantAsDate(instant)}, ${time}`;
}
