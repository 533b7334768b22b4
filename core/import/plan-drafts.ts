import type { Objective, Person, Rag, Task, TaskInput } from '../model';
import type { ImportWarning } from './import-report';
import type { RawTask } from './layout/read-rows';
import { objectiveFromCell } from './layout/headings';
import type { OwnerMatcher } from './owners/owner-matcher';
import { readDeadline } from './values/deadline-reading';
import { readGroups, readKind, readPercent, readRag, readStatus } from './values/rag-and-status';

/**
 * Raw rows -> the tasks the file describes (refs, objectives, owners, deadlines, RAG, history),
 * with a warning for everything an officer should check. No store writes happen here.
 */

/** Who an imported history entry is attributed to: the plan file, not a person. */
export const IMPORT_AUTHOR_ID = 'imported-plan';
export const importAuthor = (fileName: string): Person => ({ aadObjectId: IMPORT_AUTHOR_ID, displayName: `Imported from ${fileName}`, email: '' });

export interface HistoryDraft {
  round: string;
  date: string;
  text: string;
  rag?: Rag;
}

export interface TaskDraft {
  where: string;
  ref: string;
  refGenerated: boolean;
  input: TaskInput;
  /** Task fields the file speaks for; the others are left as they are on a re-import. */
  given: Set<keyof TaskInput>;
  history: HistoryDraft[];
  deadlineNote?: string;
  ambiguousOwners: string[];
}

export interface PlanDrafts {
  drafts: TaskDraft[];
  /** Objectives the tasks belong to, with the title the file gives (or the store has). */
  objectives: Map<string, { title: string; fromFile: boolean }>;
  warnings: ImportWarning[];
  skipped: { where: string; reason: string }[];
}

export interface DraftContext {
  fileName: string;
  /** yyyy-mm-dd: "today" for deadline wording without a year. */
  reference: string;
  objectives: Objective[];
  tasks: Task[];
  owners: OwnerMatcher;
}

const TITLE_MAX = 255;
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const oneLine = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean).join('; ');

function cleanRef(s: string | undefined): string | undefined {
  const ref = s?.replace(/\s+/g, ' ').replace(/^(?:ref|no)(?:\.\s*|\s+)(?=\S)/i, '').replace(/[.\s]+$/, '').trim();
  return ref ? ref.slice(0, 255) : undefined;
}

/** SharePoint's Title is one line of 255 characters: longer wording is cut there and kept whole in the description. */
function titleAndDescription(text: string, description: string | undefined): { title: string; description?: string; cut: boolean } {
  const line = oneLine(text);
  if (line.length <= TITLE_MAX) return { title: line, ...(description && { description }), cut: false };
  const cut = line.slice(0, TITLE_MAX - 1).replace(/\s+\S*$/, '');
  return { title: `${cut}\u2026`, description: [text, description].filter(Boolean).join('\n\n'), cut: true };
}

class ObjectiveRegistry {
  readonly used = new Map<string, { title: string; fromFile: boolean }>();
  private readonly byTitle = new Map<string, string>();
  private readonly existing: Map<string, string>;
  private readonly warned = new Set<string>();

  constructor(existing: Objective[], private readonly warnings: ImportWarning[], private readonly fileName: string) {
    this.existing = new Map(existing.map((o) => [o.ref, o.title]));
    for (const o of existing) this.byTitle.set(norm(o.title), o.ref);
  }

  resolve(src: { ref?: string; title: string } | undefined, taskRef: string | undefined): string {
    if (src?.ref) return this.use(src.ref, src.title, true);
    if (src?.title) return this.use(this.byTitle.get(norm(src.title)) ?? this.next(), src.title, true);
    const prefix = taskRef ? /^([A-Za-z]|\d+)[.\-\s]\S/.exec(taskRef)?.[1]?.toUpperCase() : undefined;
    if (prefix) {
      const known = this.used.get(prefix)?.title ?? this.existing.get(prefix);
      if (!known) this.warnOnce('objective-untitled', `No objective is named for tasks ${prefix}.x: they were put under "Objective ${prefix}". Rename it in the plan, or add an objective heading or column and import again.`);
      return this.use(prefix, known ?? `Objective ${prefix}`, false);
    }
    const title = `Imported from ${this.fileName}`;
    this.warnOnce('no-objective', `The file names no objectives, so its tasks were put under one objective, "${title}". Add an Objective column or headings such as "Objective 1: …" to sort them.`);
    return this.use(this.byTitle.get(norm(title)) ?? this.next(), title, false);
  }

  private use(ref: string, title: string, fromFile: boolean): string {
    const seen = this.used.get(ref);
    if (!seen || (!seen.fromFile && fromFile)) this.used.set(ref, { title: fromFile ? title : (this.existing.get(ref) ?? title), fromFile });
    if (!this.byTitle.has(norm(title))) this.byTitle.set(norm(title), ref);
    return ref;
  }

  private next(): string {
    const numbers = [...this.existing.keys(), ...this.used.keys()].map(Number).filter(Number.isInteger);
    return String(Math.max(0, ...numbers) + 1);
  }

  private warnOnce(code: 'objective-untitled' | 'no-objective', message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push({ code, message });
  }
}

export async function buildDrafts(raws: RawTask[], ctx: DraftContext): Promise<PlanDrafts> {
  const warnings: ImportWarning[] = [];
  const skipped: { where: string; reason: string }[] = [];
  const registry = new ObjectiveRegistry(ctx.objectives, warnings, ctx.fileName);
  const author = importAuthor(ctx.fileName);
  const skip = (where: string, reason: string, code: ImportWarning['code'], ref?: string) => {
    skipped.push({ where, reason });
    warnings.push({ code, where, ...(ref && { ref }), message: reason });
  };

  // Pass 1: explicit refs, titles, objectives; duplicates are skipped with a warning.
  const seenRefs = new Map<string, string>();
  const rows: { raw: RawTask; ref?: string; objectiveRef: string; title: string }[] = [];
  for (const raw of raws) {
    const ref = cleanRef(raw.fields.ref);
    if (!raw.fields.title) {
      skip(raw.where, `Row ${ref ? `${ref} ` : ''}has no task wording, so it was not imported.`, 'missing-title', ref);
      continue;
    }
    if (ref && seenRefs.has(ref)) {
      skip(raw.where, `Ref ${ref} is used again (first at ${seenRefs.get(ref)}); this row was not imported. Give it its own ref.`, 'duplicate-ref', ref);
      continue;
    }
    if (ref) seenRefs.set(ref, raw.where);
    else if (raw.given.has('ref')) warnings.push({ code: 'missing-ref', where: raw.where, message: 'This row has no ref: one was numbered for it.' });
    const src = raw.fields.objective ? objectiveFromCell(raw.fields.objective) : raw.context.objective;
    rows.push({ raw, ref, objectiveRef: registry.resolve(src, ref), title: raw.fields.title });
  }

  // Pass 2: rows without a ref find their task by wording, else get the next free number in their objective.
  const taken = new Set([...ctx.tasks.map((t) => t.ref), ...seenRefs.keys()]);
  const existingByWording = new Map(ctx.tasks.map((t) => [`${t.objectiveRef}|${norm(t.title)}`, t.ref]));
  const counters = new Map<string, number>();
  let generated = 0;
  const refOf = (row: (typeof rows)[number]): string => {
    if (row.ref) return row.ref;
    generated++;
    const known = existingByWording.get(`${row.objectiveRef}|${norm(titleAndDescription(row.title, undefined).title)}`);
    if (known && !seenRefs.has(known)) {
      seenRefs.set(known, row.raw.where);
      return known;
    }
    let n = counters.get(row.objectiveRef) ?? 0;
    do n++;
    while (taken.has(`${row.objectiveRef}.${n}`));
    counters.set(row.objectiveRef, n);
    const ref = `${row.objectiveRef}.${n}`;
    taken.add(ref);
    seenRefs.set(ref, row.raw.where);
    return ref;
  };

  const drafts: TaskDraft[] = [];
  for (const row of rows) {
    const ref = refOf(row);
    drafts.push(await draftTask(row.raw, ref, !row.ref, row.objectiveRef, ctx, author, warnings));
  }
  if (generated > 0 && rows.every((r) => !r.raw.given.has('ref'))) {
    warnings.push({
      code: 'generated-refs',
      message: `The file has no ref column, so ${generated} task${generated === 1 ? ' was' : 's were'} numbered in order within each objective (1.1, 1.2, …). Importing again matches them by their wording; add a Ref column to keep them matched when the wording changes.`,
    });
  }
  return { drafts, objectives: registry.used, warnings, skipped };
}

async function draftTask(raw: RawTask, ref: string, refGenerated: boolean, objectiveRef: string, ctx: DraftContext, author: Person, warnings: ImportWarning[]): Promise<TaskDraft> {
  const f = raw.fields;
  const warn = (code: ImportWarning['code'], message: string) => warnings.push({ code, where: raw.where, ref, message });
  const given = new Set<keyof TaskInput>(['title', 'objectiveRef']);
  const giveIf = (cond: boolean, ...keys: (keyof TaskInput)[]) => cond && keys.forEach((k) => given.add(k));

  const { title, description, cut } = titleAndDescription(f.title!, f.description);
  if (cut) warn('long-title', 'The task wording is longer than a SharePoint title (255 characters): the title was shortened and the full wording kept in the description.');
  giveIf(raw.given.has('description') || cut, 'description');

  const owners = await ctx.owners.match(f.owner);
  const ownerText = f.owner?.trim() || undefined;
  giveIf(raw.given.has('owner'), 'owners', 'unassignedOwners', 'ownerText');
  if (!ownerText) warn('missing-owner', 'No owner is given: nobody will be reminded about this task until an officer assigns one.');
  for (const name of owners.ambiguous) warn('ambiguous-owner', `"${name}" matches more than one person in the directory; kept as text for an officer to assign.`);

  const accountable = await ctx.owners.match(f.accountableOfficer);
  const accountableText = f.accountableOfficer?.trim() || undefined;
  giveIf(raw.given.has('accountableOfficer'), 'accountableOfficer', 'accountableOfficerText');
  for (const name of accountable.ambiguous) warn('ambiguous-owner', `Accountable officer "${name}" matches more than one person in the directory; kept as text.`);
  const accountableOfficer = accountable.people.length === 1 && accountable.unmatched.length === 0 ? accountable.people[0] : undefined;

  const deadline = readDeadline(f.deadline, f.title!, ctx.reference, raw.given.has('deadline'));
  giveIf(raw.given.has('deadline') || !!deadline, 'dueDate', 'dueText');
  const parsed = deadline?.parsed;
  if (parsed?.kind === 'unparsed') warn('unparsed-deadline', `Deadline "${parsed.text}" could not be read as a date (${parsed.note}); kept as written, with no due date.`);
  else if (parsed?.flagged) warn('deadline-check', `Deadline "${parsed.text}": ${parsed.note}.`);

  const kindText = f.kind ? readKind(f.kind) : undefined;
  const kind = kindText ?? raw.context.kind ?? (parsed?.kind === 'ongoing' ? 'Ongoing' : 'Priority');
  giveIf(!!(kindText ?? raw.context.kind ?? (parsed?.kind === 'ongoing')), 'kind');
  if (!parsed && raw.given.has('deadline') && kind !== 'Ongoing') warn('missing-deadline', 'No deadline is given: no reminders will be sent for this task until it has one.');

  const newestRag = [...raw.datedRag].sort((a, b) => b.date.localeCompare(a.date))[0]?.text;
  const ragText = f.rag ?? newestRag;
  const rag = ragText ? readRag(ragText) : undefined;
  const status = ragText ? readStatus(ragText) : undefined;
  if (ragText && !rag && !status) warn('unknown-rag', `RAG "${ragText}" is not one we know (Green, Amber, Red, Complete, Not started); set to Not started.`);
  giveIf(raw.given.has('rag') || raw.datedRag.length > 0, 'rag', 'status');

  const history: HistoryDraft[] = raw.history.map((h) => {
    const ragAt = raw.datedRag.find((r) => r.date === h.date)?.text;
    const hr = ragAt ? readRag(ragAt) : undefined;
    return { round: h.header.replace(/\s+/g, ' ').trim(), date: h.date, text: h.text, ...(hr && { rag: hr }) };
  });
  const newest = history[history.length - 1];
  const latest = f.progress ? { latestUpdate: f.progress, latestUpdateBy: author } : newest ? { latestUpdate: newest.text, latestUpdateAt: `${newest.date}T12:00:00.000Z`, latestUpdateBy: author } : {};
  giveIf(raw.given.has('progress') || history.length > 0, 'latestUpdate', 'latestUpdateAt', 'latestUpdateBy');

  const measure = f.successMeasure ?? raw.context.measure;
  giveIf(raw.given.has('successMeasure') || !!raw.context.measure, 'successMeasure');
  const indicator = f.indicator ?? raw.context.indicator;
  giveIf(raw.given.has('indicator') || !!raw.context.indicator, 'indicator');
  const percent = f.percentComplete ? readPercent(f.percentComplete) : undefined;
  for (const [field, key] of [['desiredOutcome', 'desiredOutcome'], ['leadService', 'leadService'], ['supportingServices', 'supportingServices'], ['groupsImpacted', 'groupsImpacted'], ['strategy', 'strategy'], ['evidence', 'evidence'], ['risks', 'risks'], ['percentComplete', 'percentComplete']] as const) {
    giveIf(raw.given.has(field), key);
  }

  const input: TaskInput = stripUndefined({
    ref,
    title,
    objectiveRef,
    indicator,
    kind,
    description,
    desiredOutcome: f.desiredOutcome,
    successMeasure: measure,
    owners: owners.people,
    unassignedOwners: owners.unmatched,
    ownerText,
    accountableOfficer,
    accountableOfficerText: accountableText,
    leadService: f.leadService,
    supportingServices: f.supportingServices,
    groupsImpacted: f.groupsImpacted ? readGroups(f.groupsImpacted) : [],
    strategy: f.strategy,
    dueDate: parsed?.dueDate ?? undefined,
    dueText: parsed?.text,
    rag: status === 'Complete' ? 'Complete' : (rag ?? 'Not started'),
    status: status ?? 'Open',
    percentComplete: percent,
    evidence: f.evidence,
    risks: f.risks,
    ...latest,
  });
  return { where: raw.where, ref, refGenerated, input, given, history, ...(parsed?.flagged && { deadlineNote: parsed.note }), ambiguousOwners: owners.ambiguous };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
