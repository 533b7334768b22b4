import { parseDeadline } from '../../deadline/parse-deadline';

/**
 * An action written as a paragraph, its lead and deadline in the text:
 *   "Review the policy. Lead: Head of HR. By March 2026."
 *   "Publish the pay gaps (Lead: HR Manager, by 31 March 2026)."
 *   "1.1 Review the allocations policy.\nLead: Housing Options Manager\nTimescale: Q4 2025/26"
 * read into its wording, its typed ref (if any), its labelled values and a deadline stated
 * without a label. `isLabel` says which words before a colon are field labels.
 */

export interface ActionText {
  ref?: string;
  title: string;
  values: { label: string; value: string }[];
  /** A deadline given without a label: "By March 2026.", "Ongoing.". */
  deadline?: string;
  /** Words after the lead and deadline that belong to neither (kept as the description). */
  rest?: string;
}

/** "1.1", "2.3a", "EO1.2", "A3": a ref as plans type one; a bare "1." is list numbering, not a ref. */
const TYPED_REF = /^(?<ref>(?:[A-Z]{1,3}\s?)?\d+(?:\.\d+)+[a-z]?|[A-Z]{1,3}\d+[a-z]?)[.):]?\s+(?=\S)/u;
const TYPED_NUMBER = /^(?:\d{1,2}|[a-z])[.)]\s+(?=\S)/u;
const BULLET = /^[\u2022\u00b7\u25aa\u2023\u25e6\u25cf\u25cb\u25a0\u25a1\u27a2\u27a4*\-\u2013]\s+(?=\S)/u;
const TBC = /^(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided|set))$/i;
const DEADLINE_LEAD = /^(?:by|before|no later than|timescales?|deadline|target date|due|completion|to be completed)\b/i;

/** The typed number or bullet a paragraph starts with, if any. */
export function typedStart(text: string): { ref?: string; length: number } | undefined {
  const ref = TYPED_REF.exec(text);
  if (ref) return { ref: ref.groups!.ref!.replace(/\s+/g, ''), length: ref[0].length };
  const n = TYPED_NUMBER.exec(text) ?? BULLET.exec(text);
  return n ? { length: n[0].length } : undefined;
}

/** A few words that are only a deadline: "By March 2026", "Ongoing", "timescale to be confirmed". */
export function isDeadlinePhrase(text: string): boolean {
  const t = text.replace(/^[\s(]+|[\s).;,]+$/g, '');
  if (!t || t.split(/\s+/).length > 8) return false;
  if (DEADLINE_LEAD.test(t) || TBC.test(t)) return true;
  const p = parseDeadline(t, { reference: '2025-01-01' });
  return p.kind !== 'unparsed' && !/^(?:Read |Several dates)/.test(p.note ?? '');
}

const MARKER = /(^|[.;,(]\s*|\s[-\u2013\u2014]\s)([A-Za-z][A-Za-z'\u2019 /&]{0,30}?)\s*:\s*/g;

interface Marker {
  start: number;
  end: number;
  label: string;
  inParens: boolean;
}

/** "Lead:", "(Lead:", "; timescale:" — a label after punctuation (or at the start), never mid-clause. */
function markers(line: string, isLabel: (label: string) => boolean): Marker[] {
  const out: Marker[] = [];
  for (const m of line.matchAll(MARKER)) {
    const label = m[2]!.trim();
    if (isLabel(label)) out.push({ start: m.index, end: m.index + m[0].length, label, inParens: m[1]!.includes('(') });
  }
  return out;
}

/** A labelled value's own words, and what follows them that is a deadline or something else. */
function splitValue(raw: string, inParens: boolean): { value: string; deadline?: string; rest?: string } {
  let text = raw;
  let after = '';
  if (inParens) {
    const close = text.indexOf(')');
    if (close >= 0) [text, after] = [text.slice(0, close), text.slice(close + 1)];
  }
  const parts = text.split(/(?<=\.)\s+(?=\p{Lu})|\s*[;,]\s*(?=\S)/u);
  let value = parts[0] ?? '';
  let deadline: string | undefined;
  const rest: string[] = [];
  for (const part of parts.slice(1)) {
    if (!deadline && isDeadlinePhrase(part)) deadline = part;
    else if (deadline) rest.push(part);
    else value = `${value}${/\.$/.test(value) ? ' ' : ', '}${part}`;
  }
  const tail = after.replace(/^[\s.;,]+/, '').trim();
  if (tail) rest.push(tail);
  // A bracket closed after the last value ("…; completion date: March 2027)") is not part of it.
  const clean = (s: string) => (s.includes('(') ? s : s.replace(/\)+[\s.;,]*$/, '')).replace(/[\s.;,]+$/, '').trim();
  return { value: clean(value), ...(deadline && { deadline: clean(deadline) }), ...(rest.length && { rest: rest.join(' ') }) };
}

/** The last sentence, when it is only a deadline ("… to every service. By March 2026."). */
function trailingDeadline(title: string): { title: string; deadline?: string } {
  const paren = /\s*\(([^()]{2,60})\)\.?$/.exec(title);
  if (paren && isDeadlinePhrase(paren[1]!)) return { title: title.slice(0, paren.index).trim(), deadline: paren[1]!.trim() };
  const sentences = title.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  const last = sentences[sentences.length - 1]!;
  if (sentences.length > 1 && isDeadlinePhrase(last)) return { title: sentences.slice(0, -1).join(' '), deadline: last.replace(/[\s.]+$/, '') };
  return { title };
}

function firstLine(line: string, isLabel: (label: string) => boolean, out: ActionText): void {
  const found = markers(line, isLabel);
  if (found.length === 0) {
    Object.assign(out, trailingDeadline(line.trim()));
    return;
  }
  out.title = line.slice(0, found[0]!.start + (line[found[0]!.start] === '.' ? 1 : 0)).replace(/[\s(;,\u2013\u2014-]+$/, '').trim();
  const rest: string[] = [];
  found.forEach((m, i) => {
    const raw = line.slice(m.end, found[i + 1]?.start ?? line.length);
    const v = splitValue(raw, m.inParens);
    out.values.push({ label: m.label, value: v.value });
    if (v.deadline && !out.deadline) out.deadline = v.deadline;
    if (v.rest) rest.push(v.rest);
  });
  if (rest.length) out.rest = rest.join(' ');
}

export function readActionText(text: string, isLabel: (label: string) => boolean): ActionText {
  const start = typedStart(text);
  const body = start ? text.slice(start.length) : text;
  const [head = '', ...lines] = body.split('\n');
  const out: ActionText = { ...(start?.ref && { ref: start.ref }), title: head.trim(), values: [] };
  firstLine(head, isLabel, out);
  const extra: string[] = [];
  for (const line of lines) {
    const m = /^([^:]{1,40}):\s*(.*)$/.exec(line.trim());
    if (m && isLabel(m[1]!.trim())) out.values.push({ label: m[1]!.trim(), value: m[2]!.trim() });
    else if (!out.deadline && isDeadlinePhrase(line)) out.deadline = line.trim().replace(/[\s.]+$/, '');
    else extra.push(line.trim());
  }
  if (extra.length) out.rest = [out.rest, ...extra].filter(Boolean).join('\n');
  return out;
}
