/**
 * Reads councils' deadline wording ("By the end of February 2025", "Q3 2025/26", "Ongoing") into a due
 * date. The wording is kept verbatim; anything read with less than full confidence is flagged with a
 * short note for an officer to check, so nothing is guessed silently.
 */
import { DateTime } from 'luxon';

export type DeadlineKind =
  | 'date' // a specific day
  | 'month' // end of a named month (also seasons and "mid 2026", which are flagged)
  | 'quarter' // end of a quarter: financial year with a slash, calendar without
  | 'year' // end of a calendar or financial year
  | 'recurring' // next occurrence on/after the reference date
  | 'ongoing' // no due date
  | 'plan-duration' // the plan's end, if known
  | 'unparsed'; // dueDate null, flagged

export interface ParsedDeadline {
  text: string; // the input, trimmed, otherwise verbatim
  kind: DeadlineKind;
  dueDate: string | null; // yyyy-mm-dd
  thenOngoing: boolean; // "July/August 2013 and then ongoing": due at the first part, continues afterwards
  flagged: boolean; // an officer should check it: unparsed, ambiguous, approximate or a range taken at its end
  note?: string; // why it is flagged, present exactly when flagged
}

export interface DeadlineContext {
  reference?: string; // yyyy-mm-dd "today" for recurring and year-less wording; default today in Europe/London
  planEnd?: string; // yyyy-mm-dd end of the plan, for 'plan-duration'
}

/** What a rule read. A note means "flag it"; an 'unparsed' hit stops the search ("31/02/2025"). */
interface Hit { kind: DeadlineKind; date: DateTime | null; note?: string }
interface Ctx { ref: DateTime; planEnd: DateTime | null }

const M = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?'
  + '|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MON = `(?<m>${M})`;
const D = '(?<d>\\d{1,2})(?:st|nd|rd|th)?';
const Y = "'?(?<y>\\d{4}|\\d{2})"; // two digits mean 20yy
const FY = '(?<fy>(?:financial|fiscal)\\s+year\\s+|fy\\s*)?(?<a>\\d{4}|\\d{2})\\s*[/-]\\s*(?<b>\\d{4}|\\d{2})';
const Q = '(?:q|qtr\\s*|quarter\\s*)(?<q>[1-4])';
const ONGOING = '(?:on-?\\s?going|continuous(?:ly)?|continuing|continual|rolling(?:\\s+programme|\\s+program)?'
  + '|as\\s+(?:and\\s+when\\s+)?(?:required|needed|necessary)|business\\s+as\\s+usual|bau)';

// Lead-in words that carry no date, stripped repeatedly: "by the end of" = "by" + "the" + "end of".
const PREFIX = new RegExp('^(?:(?:target|due|deadline|completion)(?:\\s+date)?\\s*:'
  + '|(?:(?:to\\s+be\\s+)?(?:launch|complete|deliver|implement|publish|achieve|review|report|introduce'
  + '|go\\s+live|live|in\\s+place)[a-z]*\\s+)?(?:by|before|no\\s+later\\s+than|not\\s+later\\s+than|on\\s+or\\s+before)'
  + '|due|until|till|in|during|throughout|over|for|within|at|the|end(?:\\s+of)?|on(?=\\s+\\d))(?:\\s+|$)');
const SUFFIX = /\s+(?:at\s+the\s+latest|at\s+latest|latest)$/;
const THEN_ONGOING = /^(?<head>.+?)\s+(?:and\s+then|then|and|-|\/)\s+(?:on-?going|continuing|continuous)(?:\s+thereafter)?$/;
const ONWARDS = /^(?:from\s+)?(?<head>.+?)\s+onwards?$/;
// Date-shaped fragments inside longer wording: only shapes that carry a year, so nothing is guessed.
const DAY = '\\d{1,2}(?:st|nd|rd|th)?\\s+';
const NUMERIC_DATE = '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}';
const CANDIDATES = new RegExp(`\\b(?:(?:${DAY}(?:of\\s+)?)?${M}\\s+\\d{4}|${NUMERIC_DATE}`
  + '|(?:q|qtr\\s*|quarter\\s*)[1-4]\\s+(?:fy\\s*)?\\d{2,4}(?:\\s*[/-]\\s*\\d{2,4})?'
  + '|(?:fy\\s*)?\\d{4}\\s*[/-]\\s*\\d{2,4})\\b', 'g');
// What findDeadline looks for in text as written (not normalised).
const monthYearShape = (year: string) => `(?:${DAY})?${M}\\.?\\s*'?${year}`;
const FY_QUARTER = 'q[1-4]\\s+\\d{4}\\s*[/-]\\s*\\d{2,4}';
const FOUND_IN = {
  // A header labels its column with a date, often a short one: "Oct 18 Update", "RAG Mar '25", "Spring 2024".
  header: new RegExp(`\\b(?:${monthYearShape('(?:\\d{4}|\\d{2})')}|${NUMERIC_DATE}|${FY_QUARTER}|(?:spring|summer|autumn|winter)\\s+\\d{4})\\b`, 'i'),
  // A task's wording states a deadline with its full year: "by the end of March 2026", "before 31/03/2026".
  wording: new RegExp(`\\b(?:by|before|no later than|not later than)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:${monthYearShape('\\d{4}')}|${NUMERIC_DATE}|${FY_QUARTER})\\b`, 'i'),
};

const NOT_A_DATE: Hit = { kind: 'unparsed', date: null, note: 'Not a real date' };

/** Named groups of a whole-string match (every pattern passed here has a named group). */
const match = (s: string, src: string) => s.match(new RegExp(`^${src}$`))?.groups as Record<string, string | undefined> | undefined;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNo = (m = '') => MONTHS.indexOf(m.slice(0, 3)) + 1;
const year = (y = '') => (y.length === 2 ? 2000 + Number(y) : Number(y));
const monthEnd = (y: number, m: number) => DateTime.utc(y, m, 1).endOf('month').startOf('day');
const label = (d: DateTime, format = 'LLLL yyyy') => d.setLocale('en-GB').toFormat(format);
const valid = (kind: DeadlineKind, d: DateTime): Hit => (d.isValid ? { kind, date: d } : NOT_A_DATE);

/** "2025/26", "2025-2026", "25/26" -> 2025, the year it starts; null unless the years are consecutive. */
function fyStart(a = '', b = ''): number | null {
  const start = year(a);
  return (b.length === 4 ? Number(b) === start + 1 : Number(b) === (start + 1) % 100) ? start : null;
}

/** First valid `make(year)` on/after the reference: year-less and recurring wording means "the next one". */
function nextOnOrAfter(ref: DateTime, make: (y: number) => DateTime): DateTime | null {
  const years = Array.from({ length: 9 }, (_, i) => make(ref.year + i)); // 9 years reaches the next 29 February
  return years.find((d) => d.isValid && d >= ref) ?? null;
}

function ongoing(s: string): Hit | null {
  if (new RegExp(`^${ONGOING}(?:\\s+(?:tasks?(?:\\s+s)?|basis|activity|work))?$`).test(s)) return { kind: 'ongoing', date: null };
  const more = new RegExp(`^${ONGOING}\\b`).test(s);
  return more ? { kind: 'ongoing', date: null, note: 'Read as ongoing; check the rest of the wording' } : null;
}

function planDuration(s: string, ctx: Ctx): Hit | null {
  const plan = new RegExp('^(?:(?:time|life(?:time)?|duration|course|period|length|span|end)\\s+of\\s+)?(?:(?:the|this)\\s+)?'
    + '(?:(?:edi|equality|action|current|strategy)\\s+)*plan(?:\\s+(?:period|duration|lifetime|life|end))?$');
  if (!plan.test(s)) return null;
  return { kind: 'plan-duration', date: ctx.planEnd, note: ctx.planEnd ? undefined : 'No plan end date set' };
}

function toBeConfirmed(s: string): Hit | null {
  const tbc = /^(?:tbc|tba|tbd|to\s+be\s+(?:confirmed|agreed|decided|determined|set)|not\s+(?:yet\s+)?(?:known|set|agreed))$/;
  return tbc.test(s) ? { kind: 'unparsed', date: null, note: 'Deadline to be confirmed' } : null;
}

/** "By the end of March each year", "Annually in April": the next occurrence; "Quarterly", "Annually": no date. */
function recurring(s: string, { ref }: Ctx): Hit | null {
  // A repeating activity with no month named ("Quarterly", "Monthly") has no day to be done by: a
  // stored due date would be stale after its first occurrence, so none is given and it is flagged.
  const noMonth: Hit = { kind: 'recurring', date: null, note: 'Repeats, but no month is given' };
  if (/^(?:weekly|fortnightly|monthly|quarterly|(?:every|each)\s+(?:week|month|quarter)|bi-?annually|six-?monthly|half-?yearly|twice\s+(?:a|each|per)\s+year)$/.test(s)) return noMonth;
  const yearly = new RegExp(`\\b(?:(?:each|every|per)\\s+(?:year|annum)|annually|yearly|annual)\\b`
    + `|\\b(?:each|every)\\s+(?=${M}\\b)`, 'g');
  const rest = stripPrefixes(s.replace(yearly, ' ').replace(/\s+/g, ' ').trim());
  if (rest === s) return null;
  if (!rest) return noMonth;
  // A year in the rest ("Annually from April 2025") is not read here; the fallback flags it instead.
  const g = match(rest, `(?:${D}(?:\\s+of)?\\s+)?(?<list>${M}(?:(?:\\s+(?:and|&|or))?\\s+${M}|\\s*/\\s*${M})*)`);
  const months = [...(g?.list ?? '').matchAll(new RegExp(`\\b${M}\\b`, 'g'))].map((m) => monthNo(m[0]));
  if (!g || (g.d && months.length > 1)) return null;
  const next = months.map((m) => nextOnOrAfter(ref, (y) => (g.d ? DateTime.utc(y, m, Number(g.d)) : monthEnd(y, m))))
    .reduce<DateTime | null>((soonest, d) => (!soonest || (d && d < soonest) ? d : soonest), null);
  return next ? { kind: 'recurring', date: next } : NOT_A_DATE;
}

/** UK day-first: 31/03/2025, 1.4.25, 01-04-2025; also ISO 2025-03-31 and month-only 03/2025. */
function numericDate(s: string): Hit | null {
  const g = match(s, '(?<d>\\d{1,2})(?<sep>[/.-])(?<m>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})')
    ?? match(s, '(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})');
  if (g) return valid('date', DateTime.utc(year(g.y), Number(g.m), Number(g.d)));
  const my = match(s, '(?<m>\\d{1,2})[/.](?<y>\\d{4})');
  return my ? valid('month', monthEnd(year(my.y), Number(my.m))) : null;
}

/** "1st October 2025", "1 Oct 25", "1-Oct-2025", "October 1 2025". */
function fullDate(s: string): Hit | null {
  const g = match(s, `${D}(?:\\s+of)?[\\s-]+${MON}[\\s-]+${Y}`) ?? match(s, `${MON}\\s+${D}\\s+(?<y>\\d{4})`);
  return g ? valid('date', DateTime.utc(year(g.y), monthNo(g.m), Number(g.d))) : null;
}

function monthYear(s: string): Hit | null {
  const g = match(s, `${MON}\\s*[-']?\\s*${Y}`);
  return g ? { kind: 'month', date: monthEnd(year(g.y), monthNo(g.m)) } : null;
}

/** "Q3 2025/26" is a financial-year quarter (Q1 = Apr-Jun); "Q2 2026" is read as calendar, flagged. */
function quarter(s: string): Hit | null {
  const fy = match(s, `${Q}\\s*(?:of\\s+)?${FY}`) ?? match(s, `${FY}\\s*${Q}`);
  if (fy) {
    const start = fyStart(fy.a, fy.b);
    if (start === null) return { kind: 'unparsed', date: null, note: 'Not a real financial year' };
    const end = Number(fy.q) * 3 + 3; // Q4 ends in "month 15", March of the next year
    return { kind: 'quarter', date: end > 12 ? monthEnd(start + 1, end - 12) : monthEnd(start, end) };
  }
  const cal = match(s, `${Q}\\s*(?:of\\s+)?(?<y>\\d{4})`) ?? match(s, `(?<y>\\d{4})\\s*${Q}`);
  if (!cal) return null;
  const d = monthEnd(year(cal.y), Number(cal.q) * 3);
  const hint = `Q${cal.q} ${cal.y}/${String((year(cal.y) + 1) % 100).padStart(2, '0')}`;
  const note = `Read as the calendar quarter ending ${label(d, 'd LLLL yyyy')}; "${hint}" would mean a financial-year quarter`;
  return { kind: 'quarter', date: d, note };
}

/** "2025/26", "FY 25-26" -> 31 March 2026 (a bare "11/12" is too ambiguous); "2027" -> 31 December 2027. */
function wholeYear(s: string, { ref }: Ctx): Hit | null {
  if (/^(?:(?:this|current)\s+)?(?:financial|fiscal)\s+year(?:[\s-]+end)?$|^year[\s-]+end$/.test(s)) {
    const d = nextOnOrAfter(ref, (y) => DateTime.utc(y, 3, 31));
    return d && { kind: 'year', date: d, note: `No year given; assumed the financial year ending ${label(d, 'd LLLL yyyy')}` };
  }
  const fy = match(s, `${FY}(?:\\s+(?:financial|fiscal)\\s+year)?`);
  const start = fy && (fy.a?.length === 4 || fy.fy) ? fyStart(fy.a, fy.b) : null;
  if (start !== null) return { kind: 'year', date: DateTime.utc(start + 1, 3, 31) };
  const cal = match(s, '(?:calendar\\s+year\\s+)?(?<y>\\d{4})');
  return cal ? { kind: 'year', date: DateTime.utc(year(cal.y), 12, 31) } : null;
}

/** Seasons end with their last month; winter runs into the next year (winter 2025 -> February 2026). */
function season(s: string, { ref }: Ctx): Hit | null {
  const g = match(s, '(?<s>spring|summer|autumn|fall|winter)'
    + '(?:\\s+(?:of\\s+)?(?<y>\\d{4}|\\d{2})(?:\\s*[/-]\\s*(?<y2>\\d{4}|\\d{2}))?)?');
  if (!g) return null;
  const month = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 }[g.s as 'spring'];
  const winter = g.s === 'winter';
  let d: DateTime | null = null;
  if (!g.y) d = nextOnOrAfter(ref, (y) => monthEnd(y, month));
  else if (!g.y2 || (winter && fyStart(g.y, g.y2) !== null)) d = monthEnd(year(g.y) + (winter ? 1 : 0), month);
  return d && { kind: 'month', date: d, note: `Season given; read as the end of ${label(d)}` };
}

/** "Mid 2026" -> 30 June, "Early 2026" -> 31 March, "Late 2026" -> 31 December, "mid-March 2026" -> 31 March. */
function partOfYear(s: string): Hit | null {
  const g = match(s, `(?<p>early|mid|late)[\\s-]*(?:${MON}\\s*[-']?\\s*${Y}|(?<y4>\\d{4}))`);
  if (!g) return null;
  const d = g.m ? monthEnd(year(g.y), monthNo(g.m)) : monthEnd(year(g.y4), { early: 3, mid: 6, late: 12 }[g.p as 'mid']);
  return { kind: 'month', date: d, note: `Approximate; read as the end of ${label(d)}` };
}

/** "July/August 2013", "Dec 2025 - Mar 2026", "October to November": the end of the range. */
function range(s: string, { ref }: Ctx): Hit | null {
  const item = (n: number) => `(?<m${n}>${M})(?:\\s*[-']?\\s*'?(?<y${n}>\\d{4}|\\d{2}))?`;
  const g = match(s, `(?:between\\s+|from\\s+)?${item(1)}\\s*(?:-|/|to|until|till|and|&|through|thru)\\s*${item(2)}`);
  if (!g) return null;
  const [m1, m2] = [monthNo(g.m1), monthNo(g.m2)];
  let end: DateTime | null;
  if (g.y2) end = monthEnd(year(g.y2), m2);
  else if (g.y1) end = monthEnd(year(g.y1) + (m2 < m1 ? 1 : 0), m2); // "December 2025 to February"
  else end = nextOnOrAfter(ref, (y) => monthEnd(y, m2));
  if (!end) return null;
  if (g.y1 && monthEnd(year(g.y1), m1) > end) return { kind: 'unparsed', date: null, note: 'The range ends before it starts' };
  const note = `Range given; took its end, ${label(end)}${g.y1 || g.y2 ? '' : ' (no year given)'}`;
  return { kind: 'month', date: end, note };
}

/** "1st June", "June 1st", "July": the next one on/after the reference, flagged. */
function yearless(s: string, { ref }: Ctx): Hit | null {
  // "Nov 24" is November 2024 (monthYear), so a month-first day needs an ordinal: "June 1st".
  const g = match(s, `${D}(?:\\s+of)?\\s+${MON}`) ?? match(s, `${MON}\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)`);
  if (g) {
    const d = nextOnOrAfter(ref, (y) => DateTime.utc(y, monthNo(g.m), Number(g.d)));
    return d ? { kind: 'date', date: d, note: `No year given; assumed ${label(d, 'd LLLL yyyy')}` } : NOT_A_DATE;
  }
  const m = match(s, MON);
  const d = m && nextOnOrAfter(ref, (y) => monthEnd(y, monthNo(m.m)));
  return d ? { kind: 'month', date: d, note: `No year given; assumed ${label(d)}` } : null;
}

// Tried in order on the wording without its lead-in; the first rule that reads all of it wins.
const RULES: ((s: string, ctx: Ctx) => Hit | null)[] = [
  ongoing, planDuration, toBeConfirmed, recurring, numericDate, fullDate, monthYear, quarter, wholeYear, season, partOfYear, range, yearless,
];

function stripPrefixes(s: string): string {
  for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(PREFIX, '').replace(SUFFIX, '').trim()];
  return s;
}

function applyRules(s: string, ctx: Ctx): Hit | null {
  const body = stripPrefixes(s);
  return RULES.reduce<Hit | null>((hit, rule) => hit ?? rule(body, ctx), null);
}

/** Dates inside other wording ("Dummy quarter Dec-Mar, live from April 2014"): the latest wins, flagged. */
function latestMentioned(s: string, ctx: Ctx): Hit | null {
  const hits = [...s.matchAll(CANDIDATES)].map((m) => applyRules(m[0], ctx)).filter((h): h is Hit => h !== null);
  const dated = hits.filter((h): h is Hit & { date: DateTime } => h.date !== null);
  if (!dated.length) return hits[0] ?? null; // e.g. only "31/02/2025": say it is not a real date
  const best = dated.reduce((a, b) => (b.date > a.date ? b : a));
  const when = label(best.date, 'd LLLL yyyy');
  const note = dated.length > 1 ? `Several dates mentioned; took the latest, ${when}` : `Read ${when} from longer wording`;
  return { kind: best.kind, date: best.date, note };
}

function normalise(t: string): string {
  return t.toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019]/g, "'") // en/em dashes, minus, curly quotes
    .replace(/(\p{L})\.(?=\s|$)/gu, '$1').replace(/[,()[\]]/g, ' ').replace(/\s+/g, ' ') // "Sept." -> "sept"
    .replace(/^[\s•*·-]+|[\s.;:!?]+$/g, ''); // bullets, trailing punctuation
}

/** Calendar dates are handled as UTC midnights so no daylight-saving shift can move a day. */
function isoDay(value: string | undefined, name: string): DateTime | null {
  const d = value === undefined ? null : DateTime.fromISO(value, { zone: 'utc' });
  if (d && (!d.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(value ?? ''))) {
    throw new RangeError(`${name} must be a yyyy-mm-dd date, got "${value}"`);
  }
  return d;
}
const londonToday = () => DateTime.fromISO(DateTime.now().setZone('Europe/London').toISODate() ?? '', { zone: 'utc' });

export function parseDeadline(text: string, context: DeadlineContext = {}): ParsedDeadline {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const ref = isoDay(context.reference, 'reference') ?? londonToday();
  const ctx: Ctx = { ref, planEnd: isoDay(context.planEnd, 'planEnd') };
  const result = ({ kind, date, note }: Hit, thenOngoing = false): ParsedDeadline => {
    const flagged = kind === 'unparsed' || note !== undefined;
    const dueDate = kind === 'unparsed' ? null : (date?.toISODate() ?? null);
    const out: ParsedDeadline = { text: trimmed, kind, dueDate, thenOngoing, flagged };
    return flagged ? { ...out, note: note ?? 'Could not read a date from this wording' } : out;
  };
  if (!trimmed) return result({ kind: 'unparsed', date: null, note: 'No deadline given' });
  if (trimmed.length > 500) return result({ kind: 'unparsed', date: null, note: 'Too long to read as a deadline' });

  const s = normalise(trimmed);
  const read = (part: string): Hit => applyRules(part, ctx) ?? latestMentioned(part, ctx) ?? { kind: 'unparsed', date: null };
  const then = s.match(THEN_ONGOING)?.groups?.head;
  if (then) return result(read(then), true);
  const from = s.match(ONWARDS)?.groups?.head;
  if (!from) return result(read(s));
  const hit = read(from); // "From April 2025 onwards": the start is all there is to remind on
  const note = hit.date ? [hit.note, 'Start date taken as the due date'].filter(Boolean).join('; ') : hit.note;
  return result({ ...hit, note }, true);
}

export interface FoundDeadline {
  /** The words as they stand in the text: "by the end of June 2026", "Oct 18". */
  text: string;
  /** Where they start in the text. */
  index: number;
  parsed: ParsedDeadline;
}

/**
 * The first deadline inside longer text, read by parseDeadline. In a task's wording only a stated one
 * counts: after "by", "before" or "no later than", with its full year. In a column header, any date
 * that carries a year, short forms and seasons included.
 */
export function findDeadline(text: string, within: keyof typeof FOUND_IN, context: DeadlineContext = {}): FoundDeadline | undefined {
  const found = FOUND_IN[within].exec(text);
  return found ? { text: found[0], index: found.index, parsed: parseDeadline(found[0], context) } : undefined;
}
