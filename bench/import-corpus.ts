/**
 * Scores the importer against the plan corpus (issue 18): each file in
 * tests/fixtures/import/corpus/files/ is put through the import's dry run (`importPlan`, the use
 * case behind `npm run import -- <file> --dry-run`), and the tasks it would create are matched to
 * the file's `<file>.expected.json`:
 *
 * - a found task matches an expected one when its title contains the expected title (normalised:
 *   case, quotes, dashes and punctuation ignored), or is a cut-short start of it of 30+ characters;
 *   when both have a ref (the plan's own, not one the import numbered) the ref must be equal too,
 *   and ref pairs are tried first;
 * - found %: expected tasks matched; dates right %: expected tasks whose due date the import read
 *   as expected (a missing task counts as a wrong date; "Ongoing"/"TBC" expect no date);
 * - not tasks: tasks the import would create that match no expected task (headings, notes,
 *   signatures, objective rows, a task split in two...); `listed` counts those that are rows the
 *   expected file names as headings or notes.
 *
 * `npm run bench:import -- --corpus` prints the table; tests/import/corpus.test.ts asserts it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoDirectory } from '../bot/directory/demo-directory';
import type { ImportedTask } from '../core/import/import-report';
import { fixedClock } from '../core/ports/clock';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import { importPlan } from '../core/use-cases/import-plan';
import type { ExpectedFile, ExpectedTask } from '../tests/fixtures/import/corpus/model';

export const CORPUS_DIR = path.join(__dirname, '..', 'tests', 'fixtures', 'import', 'corpus', 'files');
/** "Today" for every corpus import: the same day the import tests use. */
export const CORPUS_TODAY = new Date('2025-09-01T09:00:00Z');
export const THRESHOLDS = { foundPct: 97, datesPct: 95, notTasks: 0 } as const;

export interface FileScore {
  file: string;
  layout: string;
  expected: number;
  found: number;
  matched: number;
  foundPct: number;
  datesChecked: number;
  datesRight: number;
  datesPct: number;
  /** Tasks the import would create that are not tasks of the plan. */
  notTasks: number;
  /** Of those, rows the expected file lists as headings, notes or signatures. */
  listedNotTasks: number;
  objectivesRight: number;
  ownersChecked: number;
  ownersRight: number;
  ms: number;
  /** The import refused the file: its message. */
  refused?: string;
  missing: string[];
  /** An expected task found by its ref whose title came out as something else. */
  wrongTitles: { expected: string; got: string }[];
  wrongDates: { title: string; expected: string | null; got: string | null; text?: string }[];
  notTaskTitles: string[];
}

export interface CorpusScore {
  files: FileScore[];
  totals: { files: number; expected: number; found: number; matched: number; foundPct: number; datesChecked: number; datesRight: number; datesPct: number; notTasks: number; passing: number };
}

/** Lower case, straight quotes, no punctuation, single spaces. */
export function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/['"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const normRef = (r: string) => r.trim().toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');

export function titleMatches(found: string, expected: string): boolean {
  const f = normalise(found);
  const e = normalise(expected);
  if (!f || !e) return false;
  return f.includes(e) || (e.startsWith(f) && f.length >= Math.min(e.length, 30));
}

const looseContains = (a: string, b: string) => {
  const x = normalise(a);
  const y = normalise(b);
  return x.length >= 6 && y.length >= 6 && (x.includes(y) || y.includes(x));
};

/** A found task is a row the expected file lists as a heading or note (for the diagnosis only). */
function isListed(found: string, note: string): boolean {
  const f = normalise(found);
  const n = normalise(note);
  if (f.length < 4 || n.length < 4) return false;
  return f.includes(n) || (n.includes(f) && f.length >= Math.min(n.length, 20));
}

const pct = (n: number, d: number) => (d === 0 ? 100 : Math.round((n / d) * 1000) / 10);

interface Pairing {
  pairs: [ExpectedTask, ImportedTask][];
  wrongTitles: [ExpectedTask, ImportedTask][];
  unmatchedFound: ImportedTask[];
}

/** Ref pairs first (ref and title both right), then titles, then refs alone (a task with a wrong title). */
export function pairTasks(expected: ExpectedTask[], found: ImportedTask[]): Pairing {
  const free = new Set(found);
  const pairs = new Map<ExpectedTask, ImportedTask>();
  const ownRef = (t: ImportedTask) => (t.refGenerated ? undefined : normRef(t.ref));
  const take = (e: ExpectedTask, ok: (t: ImportedTask) => boolean) => {
    const hit = [...free].find(ok);
    if (hit) {
      free.delete(hit);
      pairs.set(e, hit);
    }
    return hit;
  };
  for (const e of expected) if (e.ref) take(e, (t) => ownRef(t) === normRef(e.ref!) && titleMatches(t.title, e.title));
  for (const e of expected) if (!pairs.has(e)) take(e, (t) => titleMatches(t.title, e.title) && (!e.ref || !ownRef(t) || ownRef(t) === normRef(e.ref)));
  const wrongTitles: [ExpectedTask, ImportedTask][] = [];
  for (const e of expected) {
    if (pairs.has(e) || !e.ref) continue;
    const hit = [...free].find((t) => ownRef(t) === normRef(e.ref!));
    if (hit) {
      free.delete(hit);
      wrongTitles.push([e, hit]);
    }
  }
  return { pairs: [...pairs.entries()], wrongTitles, unmatchedFound: [...free] };
}

function ownersRight(e: ExpectedTask, t: ImportedTask): boolean {
  const names = [...t.owners.map((o) => o.displayName), ...t.unassignedOwners];
  return (e.owners ?? []).every((want) => names.some((n) => looseContains(n, want)));
}

export function scoreTasks(exp: ExpectedFile, found: ImportedTask[]): Omit<FileScore, 'ms' | 'refused'> {
  const { pairs, wrongTitles, unmatchedFound } = pairTasks(exp.tasks, found);
  const matchedSet = new Set(pairs.map(([e]) => e));
  const dated = exp.tasks.filter((e) => e.dueDate !== undefined);
  const wrongDates: FileScore['wrongDates'] = [];
  let datesRight = 0;
  for (const e of dated) {
    const t = pairs.find(([x]) => x === e)?.[1];
    if (!t) continue;
    const got = t.dueDate ?? null;
    if (got === e.dueDate) datesRight++;
    else wrongDates.push({ title: e.title, expected: e.dueDate!, got, ...(t.dueText && { text: t.dueText }) });
  }
  const withOwners = pairs.filter(([e]) => e.owners?.length);
  return {
    file: exp.file,
    layout: exp.layout,
    expected: exp.tasks.length,
    found: found.length,
    matched: pairs.length,
    foundPct: pct(pairs.length, exp.tasks.length),
    datesChecked: dated.length,
    datesRight,
    datesPct: pct(datesRight, dated.length),
    notTasks: unmatchedFound.length,
    listedNotTasks: unmatchedFound.filter((t) => exp.notTasks.some((n) => isListed(t.title, n))).length,
    objectivesRight: pairs.filter(([e, t]) => !e.objective || looseContains(t.objective.title, e.objective)).length,
    ownersChecked: withOwners.length,
    ownersRight: withOwners.filter(([e, t]) => ownersRight(e, t)).length,
    missing: exp.tasks.filter((e) => !matchedSet.has(e) && !wrongTitles.some(([w]) => w === e)).map((e) => e.title),
    wrongTitles: wrongTitles.map(([e, t]) => ({ expected: e.title, got: t.title })),
    wrongDates,
    notTaskTitles: unmatchedFound.map((t) => t.title),
  };
}

/** The dry run, in a fresh in-memory store, as `npm run import -- <file> --dry-run` runs it. */
async function dryRunTasks(file: string): Promise<ImportedTask[]> {
  const store = SqlitePlanStore.open(':memory:');
  try {
    const report = await importPlan({ store, clock: fixedClock(CORPUS_TODAY), directory: demoDirectory() }, { bytes: fs.readFileSync(file), fileName: path.basename(file), dryRun: true });
    return report.tasks;
  } finally {
    await store.close();
  }
}

export async function scoreFile(file: string, exp: ExpectedFile): Promise<FileScore> {
  const start = performance.now();
  let found: ImportedTask[] = [];
  let refused: string | undefined;
  try {
    found = await dryRunTasks(file);
  } catch (err) {
    refused = err instanceof Error ? err.message : String(err);
  }
  const ms = Math.round(performance.now() - start);
  return { ...scoreTasks(exp, found), ms, ...(refused !== undefined && { refused }) };
}

export function readExpected(dir = CORPUS_DIR): ExpectedFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ExpectedFile);
}

export function passes(s: FileScore): boolean {
  return s.foundPct >= THRESHOLDS.foundPct && s.datesPct >= THRESHOLDS.datesPct && s.notTasks <= THRESHOLDS.notTasks;
}

export async function scoreCorpus(dir = CORPUS_DIR): Promise<CorpusScore> {
  const files: FileScore[] = [];
  for (const exp of readExpected(dir)) files.push(await scoreFile(path.join(dir, exp.file), exp));
  const sum = (f: (s: FileScore) => number) => files.reduce((n, s) => n + f(s), 0);
  const [expected, matched, datesChecked, datesRight] = [sum((s) => s.expected), sum((s) => s.matched), sum((s) => s.datesChecked), sum((s) => s.datesRight)];
  return {
    files,
    totals: {
      files: files.length,
      expected,
      found: sum((s) => s.found),
      matched,
      foundPct: pct(matched, expected),
      datesChecked,
      datesRight,
      datesPct: pct(datesRight, datesChecked),
      notTasks: sum((s) => s.notTasks),
      passing: files.filter(passes).length,
    },
  };
}

const clip = (s: string, n = 70) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** One short line on what went wrong in a file (empty when it passes). */
export function diagnosis(s: FileScore): string {
  if (s.refused) return `refused: ${clip(s.refused, 110)}`;
  const parts: string[] = [];
  if (s.foundPct < THRESHOLDS.foundPct) parts.push(`${s.expected - s.matched} of ${s.expected} tasks missing${s.wrongTitles.length ? ` (${s.wrongTitles.length} with the wrong title)` : ''}`);
  if (s.notTasks > THRESHOLDS.notTasks) parts.push(`${s.notTasks} non-task rows imported as tasks${s.listedNotTasks ? ` (${s.listedNotTasks} headings/notes)` : ''}`);
  if (s.datesPct < THRESHOLDS.datesPct) parts.push(`${s.datesChecked - s.datesRight} of ${s.datesChecked} due dates wrong or missing`);
  return parts.join('; ');
}

/** Detail lines for a failing file: what is missing, which dates are wrong, what came in that is no task. */
export function details(s: FileScore, max = 4): string[] {
  const out: string[] = [];
  const list = (label: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`    ${label}:`);
    items.slice(0, max).forEach((i) => out.push(`      - ${i}`));
    if (items.length > max) out.push(`      … and ${items.length - max} more`);
  };
  if (s.refused) out.push(`    refused: ${s.refused}`);
  list('missing', s.missing.map((t) => clip(t)));
  list('wrong title', s.wrongTitles.map((w) => `${clip(w.expected, 40)} -> "${clip(w.got, 50)}"`));
  list('due date', s.wrongDates.filter((d) => s.missing.indexOf(d.title) < 0).map((d) => `${clip(d.title, 45)}: expected ${d.expected ?? 'none'}, got ${d.got ?? 'none'}${d.text ? ` (from "${clip(d.text, 30)}")` : ''}`));
  list('not a task', s.notTaskTitles.map((t) => clip(t)));
  return out;
}

const info = (n: number, d: number) => (d === 0 ? '-' : pct(n, d).toFixed(0));
const pad = (v: string | number, n: number, right = false) => (right ? String(v).padStart(n) : String(v).padEnd(n));

/** The per-file table with totals, then the details of each failing file. */
export function formatCorpus(score: CorpusScore, options: { details?: boolean } = {}): string[] {
  const w = Math.max(4, ...score.files.map((s) => s.file.length));
  const lw = Math.max(6, ...score.files.map((s) => s.layout.length));
  const head = `${pad('file', w)}  ${pad('layout', lw)}  ${pad('expected', 8, true)}  ${pad('found', 5, true)}  ${pad('matched', 7, true)}  ${pad('found%', 6, true)}  ${pad('dates%', 6, true)}  ${pad('not tasks', 9, true)}  ${pad('obj%', 5, true)}  ${pad('owner%', 6, true)}  ${pad('ms', 5, true)}  result`;
  const lines = [head, '-'.repeat(head.length + 20)];
  for (const s of score.files) {
    lines.push(`${pad(s.file, w)}  ${pad(s.layout, lw)}  ${pad(s.expected, 8, true)}  ${pad(s.found, 5, true)}  ${pad(s.matched, 7, true)}  ${pad(s.foundPct.toFixed(1), 6, true)}  ${pad(s.datesPct.toFixed(1), 6, true)}  ${pad(s.notTasks, 9, true)}  ${pad(info(s.objectivesRight, s.matched), 5, true)}  ${pad(info(s.ownersRight, s.ownersChecked), 6, true)}  ${pad(s.ms, 5, true)}  ${passes(s) ? 'pass' : `FAIL ${diagnosis(s)}`}`);
  }
  const t = score.totals;
  lines.push('-'.repeat(head.length + 20));
  lines.push(`${pad(`total (${t.passing} of ${t.files} files pass)`, w + lw + 2)}  ${pad(t.expected, 8, true)}  ${pad(t.found, 5, true)}  ${pad(t.matched, 7, true)}  ${pad(t.foundPct.toFixed(1), 6, true)}  ${pad(t.datesPct.toFixed(1), 6, true)}  ${pad(t.notTasks, 9, true)}`);
  lines.push(`thresholds per file: found ≥ ${THRESHOLDS.foundPct}%, due dates right ≥ ${THRESHOLDS.datesPct}%, non-task rows imported = ${THRESHOLDS.notTasks}`);
  lines.push('obj% and owner% (of matched tasks: objective and every owner read as the plan has them) are for information, not thresholds');
  if (options.details) {
    for (const s of score.files.filter((f) => !passes(f))) lines.push('', `  ${s.file}`, ...details(s));
  }
  return lines;
}
