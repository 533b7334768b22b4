import type { TaskKind } from '../../model';

/** Lines between tables (or rows spanning a table) that set the context of the tasks below them. */
export type Heading =
  | { kind: 'objective'; ref?: string; title: string }
  | { kind: 'indicator'; text: string }
  | { kind: 'task-kind'; value: TaskKind }
  /** "Measurement: …" under an indicator: the measure of success of the tasks that follow. */
  | { kind: 'measure'; text: string };

const SEP = '\\s*[:.\\-\\u2013\\u2014)]\\s*';
const OBJECTIVE_WORD = '(?:(?:strategic|equality|edi|corporate|council|our)\\s+)?(?:objective|outcome|aim|goal|priority|theme)\\b';
const OBJECTIVE_NUMBERED = new RegExp(`^${OBJECTIVE_WORD}\\s*(?:no\\.?\\s*)?(?:(?<ref>\\d+[a-z]?)(?:${SEP}|\\s+)|(?<letter>[a-z])${SEP})(?<title>\\S.*)$`, 'is');
const OBJECTIVE_UNNUMBERED = new RegExp(`^${OBJECTIVE_WORD}\\s*:\\s*(?<title>\\S.*)$`, 'is');
const INDICATOR = new RegExp(`^(?:lga\\s+)?(?:indicator|sub-?theme|focus\\s+area)\\s*(?<ref>\\d+(?:\\.\\d+)*)?${SEP}(?<title>\\S.*)$`, 'is');
const TASK_KIND = /^(?<k>priority|ongoing|one-off|continuous|continuing)\s+(?:tasks?|actions?)(?:\s*\(s\))?\s*:?$/i;
const MEASURE = /^(?:measurement|measures?|success\s+measures?|measures?\s+of\s+success|how\s+will\s+we\s+measure\s+success\??)\s*:\s*(?<text>\S.*)$/is;
const NUMBERED = /^(?<ref>\d{1,2})[.)]?\s+(?<title>\p{Lu}.{2,})$/su;

/** Dot leaders and the page number of a contents line: "Collection of information.....4". */
const tidy = (s: string) => s.replace(/\s*\.{3,}.*$/s, '').replace(/\s+/g, ' ').trim().replace(/(?<!\.)\.$/, '');

/**
 * `numbered` also reads "2. Our workforce" as an objective: right for a row spanning a table,
 * wrong for a document's own numbered headings ("1. How has the plan been organised?").
 */
export function classifyHeading(text: string, { numbered = false } = {}): Heading | undefined {
  const line = text.trim();
  if (line.length > 2000) return undefined;
  const k = TASK_KIND.exec(line)?.groups?.k?.toLowerCase();
  if (k) return { kind: 'task-kind', value: k === 'priority' || k === 'one-off' ? 'Priority' : 'Ongoing' };
  const m = MEASURE.exec(line)?.groups?.text;
  if (m) return { kind: 'measure', text: m.trim() };
  const ind = INDICATOR.exec(line)?.groups;
  if (ind?.title) return { kind: 'indicator', text: tidy(ind.ref ? `${ind.ref} ${ind.title}` : ind.title) };
  if (line.length > 400) return undefined; // a paragraph of prose, not a heading
  const obj = OBJECTIVE_NUMBERED.exec(line)?.groups ?? OBJECTIVE_UNNUMBERED.exec(line)?.groups;
  const objRef = obj?.ref ?? obj?.letter;
  if (obj?.title) return { kind: 'objective', ...(objRef && { ref: objRef.toUpperCase() }), title: tidy(obj.title) };
  const n = numbered ? NUMBERED.exec(line)?.groups : undefined;
  if (n?.title && n.ref) return { kind: 'objective', ref: n.ref, title: tidy(n.title) };
  return undefined;
}

/** An objective cell: "1. Know our communities", "Objective 2: …" or a bare title. */
export function objectiveFromCell(text: string): { ref?: string; title: string } {
  const h = classifyHeading(text, { numbered: true });
  return h?.kind === 'objective' ? { ...(h.ref && { ref: h.ref }), title: h.title } : { title: text.replace(/\s+/g, ' ').trim() };
}
