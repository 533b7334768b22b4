import { PROTECTED_CHARACTERISTICS, type Rag, type TaskKind, type TaskStatus } from '../../model';

/**
 * "G", "Green", "On track", "Completed", "Blue" (many councils' colour for done), and the status
 * words progress returns use ("Slipped", "Delayed", "In progress", "On hold") -> a RAG; undefined if unknown.
 */
export function readRag(text: string): Rag | undefined {
  const s = text.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  if (/^(?:not on (?:track|target)|off (?:track|target)|overdue|stalled|blocked)\b/.test(s)) return 'Red';
  if (/^(?:g|green|on track|on target|on schedule|good|in progress|progressing|under ?way|on ?going)\b/.test(s)) return 'Green';
  if (/^(?:a|amber|yellow|at risk|some (?:issues|concerns|slippage)|slipp(?:ed|ing|age)|minor delay|on hold|paused)\b/.test(s)) return 'Amber';
  if (/^(?:r|red|behind|delayed|significant (?:issues|delay))\b/.test(s)) return 'Red';
  if (/^(?:c|b|blue|complete|completed|done|achieved|delivered|closed|finished)\b/.test(s)) return 'Complete';
  if (/^(?:not (?:yet )?started|ns|grey|gray|white|none|n a|na|pending|to start|not due)\b/.test(s)) return 'Not started';
  return undefined;
}

/** Task statuses other than Open that a RAG or status cell may carry. */
export function readStatus(text: string): TaskStatus | undefined {
  const s = text.toLowerCase().trim();
  if (/^(?:withdrawn|cancelled|canceled|no longer required|removed|stopped)\b/.test(s)) return 'Withdrawn';
  if (/^(?:carried forward|carry forward|c\/f|moved to next plan|rolled forward)\b/.test(s)) return 'Carried forward';
  if (readRag(text) === 'Complete') return 'Complete';
  return undefined;
}

export function readKind(text: string): TaskKind | undefined {
  const s = text.toLowerCase().trim();
  if (/^(?:ongoing|on-going|continuous|continuing|bau|business as usual|rolling)\b/.test(s)) return 'Ongoing';
  if (/^(?:priority|one[- ]off|project|time[- ]limited|new)\b/.test(s)) return 'Priority';
  return undefined;
}

/** "42%", "0.5" (a percentage cell) or "42" -> 0..100. */
export function readPercent(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  if (!m) return undefined;
  let n = Number(m[1]);
  if (!m[2] && n > 0 && n <= 1 && m[1]!.includes('.')) n *= 100;
  return n >= 0 && n <= 100 ? Math.round(n) : undefined;
}

const CHARACTERISTIC_WORDS: [RegExp, string][] = [
  [/^age\b|older people|young people/, 'Age'],
  [/disab/, 'Disability'],
  [/gender reassignment|trans\b|transgender/, 'Gender reassignment'],
  [/marriage|civil partnership/, 'Marriage and civil partnership'],
  [/pregnan|maternity/, 'Pregnancy and maternity'],
  [/^race\b|ethnic/, 'Race'],
  [/religio|belief|faith/, 'Religion or belief'],
  [/^sex$|^sex\b(?! ?ual)|^gender$|^women\b/, 'Sex'],
  [/sexual orientation|lgb/, 'Sexual orientation'],
];

/** "Age, Disability; carers" -> the Act's names where they fit, other groups kept as written. */
export function readGroups(text: string): string[] {
  const out: string[] = [];
  const parts = text.split(/[\n,;/]+|\s+and\s+(?=[A-Z])/).map((p) => p.replace(/^[\s•*\-–]+/, '').trim()).filter(Boolean);
  for (const part of parts) {
    if (/^all(?: (?:groups|protected characteristics|characteristics))?$/i.test(part)) {
      out.push(...PROTECTED_CHARACTERISTICS);
      continue;
    }
    const known = CHARACTERISTIC_WORDS.find(([re]) => re.test(part.toLowerCase()))?.[1];
    out.push(known ?? part);
  }
  return [...new Set(out)];
}
