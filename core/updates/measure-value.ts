/**
 * The measure's current value as an owner gives it on the update card. Input.Number's value is a
 * number in the schema (https://adaptivecards.io/explorer/Input.Number.html), but what a client
 * puts in the submitted data is its own: input values commonly arrive as strings ("42", "" when
 * left empty), some clients send a JSON number. Both are accepted. A number is read as people write one: spaces
 * around it, thousands separators in their places ("1,234.5"), a leading £/$/€ or a trailing %.
 * Anything else ("abc", "1,2,3", "NaN", "Infinity", "0x10") is not a number.
 */

/** Large enough for any council figure (a budget in pounds), small enough to be a typing slip past it. */
export const MEASURE_VALUE_LIMIT = 1e12;

export type MeasureValueReading = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'not-a-number' } | { kind: 'out-of-range'; value: number };

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Reads what the card sent; `empty` for nothing, blank or whitespace. */
export function readMeasureValue(raw: unknown): MeasureValueReading {
  if (raw === undefined || raw === null) return { kind: 'empty' };
  if (typeof raw === 'number') return inRange(raw);
  if (typeof raw !== 'string') return { kind: 'not-a-number' };
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const bare = text
    .replace(/^([+-]?)\s*[£$€]\s*/, '$1')
    .replace(/\s*%$/, '')
    .replace(/\s+/g, '');
  if (PLAIN.test(bare)) return inRange(Number(bare));
  if (GROUPED.test(bare)) return inRange(Number(bare.replace(/,/g, '')));
  return { kind: 'not-a-number' };
}

function inRange(value: number): MeasureValueReading {
  if (Number.isNaN(value)) return { kind: 'not-a-number' };
  if (!Number.isFinite(value) || Math.abs(value) > MEASURE_VALUE_LIMIT) return { kind: 'out-of-range', value };
  // -0 reads as 0: it would show as "-0" and compare oddly.
  return { kind: 'number', value: value === 0 ? 0 : value };
}
