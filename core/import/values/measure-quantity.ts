import { findDeadline, parseDeadline } from '../../deadline/parse-deadline';
import type { IsoDate } from '../../model';

/**
 * A number as plans write one in a baseline or target cell: "45%", "38 staff", "£1.2m",
 * "Increase to 50% by March 2027", "4.5% (March 2025)", "From 12 days to 8 days". Words around the
 * number stay the caller's to keep; a cell with no number ("No data held", "TBC") reads as none and
 * one with several numbers ("8 out of 10 managers") as ambiguous, never as a guess.
 */

export interface Quantity {
  value: number;
  unit?: string;
  /** A date the cell gives with the number ("by March 2027"): the last day of a month or year. */
  date?: IsoDate;
  /** The whole cell is the number and its unit (and date): nothing else to keep in words. */
  bare: boolean;
}

export type QuantityReading = Quantity | 'none' | 'ambiguous';

const NUMBER = /(?:(?<cur>[£$€])\s*)?(?<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:\s*(?<scale>k|m|bn|million|billion|thousand)\b)?(?:\s*(?<pct>%|pp\b|percentage points?\b|per ?cent\b))?/gi;
const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
/** Words after a number that are not its unit. */
const NOT_UNITS = new Set(['by', 'of', 'to', 'in', 'on', 'at', 'and', 'or', 'from', 'the', 'a', 'an', 'for', 'with', 'than', 'per', 'out', 'as', 'is', 'are', 'was', 'were', 'will', 'be', 'increase', 'reduction', 'decrease']);
const FINANCIAL_YEAR = /\b(?:fy\s*)?\d{4}\s*[/-]\s*\d{2,4}\b/i;

interface Found {
  value: number;
  unit?: string;
  /** A bare year ("2024") next to the number a cell gives: read as a date's, not the measure's. */
  year: boolean;
  /** The number as written, with its unit. */
  span: string;
}

export function readQuantity(cell: string | undefined, reference: IsoDate): QuantityReading {
  const text = cell?.trim() ?? '';
  if (!text) return 'none';
  const { date, rest } = takeDate(text, reference);
  const found = numbersIn(rest).filter((n) => !n.year);
  if (found.length === 0) return 'none';
  const fromTo = /\bfrom\b[\s\S]*\bto\b/i.test(rest) && found.length === 2;
  if (found.length > 1 && !fromTo) return 'ambiguous';
  const { value, unit, span } = found[found.length - 1]!;
  const bare = found.length === 1 && rest.replace(/[()]/g, ' ').trim() === span;
  return { value, ...(unit && { unit }), ...(date && { date }), bare };
}

/** The first date in the cell (a month and year, a day, a financial year), and the cell without it. */
function takeDate(text: string, reference: IsoDate): { date?: IsoDate; rest: string } {
  const found = findDeadline(text, 'header', { reference });
  if (found?.parsed.dueDate) return { date: found.parsed.dueDate, rest: `${text.slice(0, found.index)} ${text.slice(found.index + found.text.length)}` };
  const fy = FINANCIAL_YEAR.exec(text);
  const parsed = fy && parseDeadline(fy[0], { reference });
  if (fy && parsed?.dueDate) return { date: parsed.dueDate, rest: `${text.slice(0, fy.index)} ${text.slice(fy.index + fy[0].length)}` };
  return { rest: text };
}

function numbersIn(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const { cur, num, scale, pct } = m.groups as Record<string, string | undefined>;
    // A digit run glued to letters ("Q3", "H2", "2nd") is a label, not a quantity.
    const before = text[m.index - 1] ?? '';
    if (/[a-z]/i.test(before) && !cur) continue;
    const value = Number(num!.replace(/,/g, '')) * (scale ? SCALE[scale.toLowerCase()]! : 1);
    const after = text.slice(m.index + m[0].length);
    const word = /^\s*([a-z][a-z-]{1,24})\b/i.exec(after);
    const unitWord = !cur && !pct && word && !NOT_UNITS.has(word[1]!.toLowerCase()) ? word : undefined;
    const unit = cur ?? (pct ? (/^pp|point/i.test(pct) ? 'pp' : '%') : unitWord?.[1]);
    if (!Number.isFinite(value)) continue;
    out.push({ value, ...(unit && { unit }), year: !unit && !scale && /^(?:19|20)\d{2}$/.test(num!), span: `${m[0]}${unitWord?.[0] ?? ''}`.trim() });
  }
  return out;
}
