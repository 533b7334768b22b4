import type { ParsedDeadline } from '../deadline/parse-deadline';
import type { Objective, Person, Rag, Task, TaskInput, TaskKind } from '../model';
import type { ImportWarning } from './import-report';
import type { RawTask } from './layout/read-rows';
import { objectiveFromCell } from './layout/headings';
import type { OwnerMatcher } from './owners/owner-matcher';
import { TASK_FIELD_LIMITS } from '../tasks/task-fields';
import { readDeadline } from './values/deadline-reading';
import { draftMeasure } from './values/measure-drafting';
import { readGroups, readKind, readPercent, readRag, readStatus } from './values/rag-and-status';
import { eflgTagsFromIndicator } from '../eflg/indicator-tags';

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
  /** The RAG or status cell as written, when it says more than the RAG's name ("Slipped", "On track"). */
  statusText?: string;
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

/** A row kept for drafting: its explicit ref (if any), the objective it belongs to and its wording. */
interface DraftRow {
  raw: RawTask;
  ref?: string;
  objectiveRef: string;
  title: string;
}

export async function buildDrafts(raws: RawTask[], ctx: DraftContext): Promise<PlanDrafts> {
  const warnings: ImportWarning[] = [];
  const registry = new ObjectiveRegistry(ctx.objectives, warnings, ctx.fileName);
  const { rows, skipped, seenRefs } = keepRows(raws, registry, warnings);
  const numbering = new RefNumbering(ctx.tasks, seenRefs);
  const author = importAuthor(ctx.fileName);
  const drafts: TaskDraft[] = [];
  for (const row of rows) drafts.push(await draftTask(row, numbering.refOf(row), ctx, author, warnings));
  if (numbering.generated > 0 && rows.every((r) => !r.raw.given.has('ref'))) {
    const n = numbering.generated;
    warnings.push({
      code: 'generated-refs',
      message: `The file has no ref column, so ${n} task${n === 1 ? ' was' : 's were'} numbered in order within each objective (1.1, 1.2, …). Importing again matches them by their wording; add a Ref column to keep them matched when the wording changes.`,
    });
  }
  return { drafts, objectives: registry.used, warnings, skipped };
}

/** Explicit refs, titles and objectives; rows without wording and repeated refs are skipped with a warning. */
function keepRows(raws: RawTask[], registry: ObjectiveRegistry, warnings: ImportWarning[]) {
  const skipped: { where: string; reason: string }[] = [];
  const skip = (where: string, reason: string, code: ImportWarning['code'], ref?: string) => {
    skipped.push({ where, reason });
    warnings.push({ code, where, ...(ref && { ref }), message: reason });
  };
  const seenRefs = new Map<string, string>();
  const rows: DraftRow[] = [];
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
    // With no objective named, the indicator the task sits under (an NHS WRES indicator, a framework theme) groups it.
    const indicator = raw.fields.indicator ?? raw.context.indicator;
    const src = raw.fields.objective ? objectiveFromCell(raw.fields.objective) : (raw.context.objective ?? (indicator ? objectiveFromCell(indicator) : undefined));
    rows.push({ raw, ref, objectiveRef: registry.resolve(src, ref), title: raw.fields.title });
  }
  return { rows, skipped, seenRefs };
}

/** A row without a ref finds its task by wording, else gets the next free number in its objective. */
class RefNumbering {
  /** How many rows had no ref of their own. */
  generated = 0;
  private readonly taken: Set<string>;
  private readonly byWording: Map<string, string>;
  private readonly counters = new Map<string, number>();

  /** `seenRefs`: ref -> where in the file it stands, for the refs the file gives; the refs given here join it. */
  constructor(tasks: Task[], private readonly seenRefs: Map<string, string>) {
    this.taken = new Set([...tasks.map((t) => t.ref), ...seenRefs.keys()]);
    this.byWording = new Map(tasks.map((t) => [`${t.objectiveRef}|${norm(t.title)}`, t.ref]));
  }

  refOf(row: DraftRow): string {
    if (row.ref) return row.ref;
    this.generated++;
    const known = this.byWording.get(`${row.objectiveRef}|${norm(titleAndDescription(row.title, undefined).title)}`);
    const ref = known && !this.seenRefs.has(known) ? known : this.nextFree(row.objectiveRef);
    this.seenRefs.set(ref, row.raw.where);
    return ref;
  }

  private nextFree(objectiveRef: string): string {
    let n = this.counters.get(objectiveRef) ?? 0;
    do n++;
    while (this.taken.has(`${objectiveRef}.${n}`));
    this.counters.set(objectiveRef, n);
    const ref = `${objectiveRef}.${n}`;
    this.taken.add(ref);
    return ref;
  }
}

/** One row being drafted: the task fields the file speaks for, and a warning about the row. */
export interface Drafting {
  raw: RawTask;
  given: Set<keyof TaskInput>;
  warn: (code: ImportWarning['code'], message: string) => void;
}

function giveIf(d: Drafting, cond: boolean, ...keys: (keyof TaskInput)[]): void {
  if (cond) keys.forEach((k) => d.given.add(k));
}

async function draftTask(row: DraftRow, ref: string, ctx: DraftContext, author: Person, warnings: ImportWarning[]): Promise<TaskDraft> {
  const { raw, objectiveRef } = row;
  const f = raw.fields;
  const d: Drafting = { raw, given: new Set(['title', 'objectiveRef']), warn: (code, message) => warnings.push({ code, where: raw.where, ref, message }) };
  const { title, description } = draftWording(d);
  const owners = await draftOwners(d, ctx.owners);
  const accountable = await draftAccountableOfficer(d, ctx.owners);
  const parsed = draftDeadline(d, ctx.reference);
  const kind = draftKind(d, parsed);
  const { rag, status, statusText, statusReason } = draftRag(d);
  const { history, latest } = draftHistory(d, author);
  const others = draftOtherFields(d);
  const measured = draftMeasure(d, { reference: ctx.reference, dueDate: parsed?.dueDate ?? undefined }, others.successMeasure);

  const input: TaskInput = stripUndefined({
    ref,
    title,
    objectiveRef,
    indicator: others.indicator,
    // A new task's Equality Framework tag, when its indicator clearly names one (a re-import leaves tags alone).
    eflg: eflgTagsFromIndicator(others.indicator),
    kind,
    description,
    desiredOutcome: f.desiredOutcome,
    ...measured,
    owners: owners.people,
    unassignedOwners: owners.unmatched,
    ownerText: owners.text,
    ...accountable,
    leadService: f.leadService,
    supportingServices: f.supportingServices,
    groupsImpacted: f.groupsImpacted ? readGroups(f.groupsImpacted) : [],
    strategy: f.strategy,
    dueDate: parsed?.dueDate ?? undefined,
    dueText: parsed?.text,
    rag,
    status,
    statusReason,
    percentComplete: others.percentComplete,
    evidence: f.evidence,
    risks: f.risks,
    ...latest,
  });
  return { where: raw.where, ref, refGenerated: !row.ref, input, given: d.given, history, ...(parsed?.flagged && { deadlineNote: parsed.note }), ...(statusText && { statusText }), ambiguousOwners: owners.ambiguous };
}

function draftWording(d: Drafting): { title: string; description?: string } {
  const { title, description, cut } = titleAndDescription(d.raw.fields.title!, d.raw.fields.description);
  if (cut) d.warn('long-title', 'The task wording is longer than a SharePoint title (255 characters): the title was shortened and the full wording kept in the description.');
  giveIf(d, d.raw.given.has('description') || cut, 'description');
  return { title, description };
}

async function draftOwners(d: Drafting, matcher: OwnerMatcher) {
  const owners = await matcher.match(d.raw.fields.owner);
  const text = d.raw.fields.owner?.trim() || undefined;
  giveIf(d, d.raw.given.has('owner'), 'owners', 'unassignedOwners', 'ownerText');
  if (!text) d.warn('missing-owner', 'No owner is given: nobody will be reminded about this task until an officer assigns one.');
  for (const name of owners.ambiguous) d.warn('ambiguous-owner', `"${name}" matches more than one person in the directory; kept as text for an officer to assign.`);
  return { ...owners, text };
}

/** The accountable officer is set only when the wording names exactly one person we know. */
async function draftAccountableOfficer(d: Drafting, matcher: OwnerMatcher): Promise<Pick<TaskInput, 'accountableOfficer' | 'accountableOfficerText'>> {
  const accountable = await matcher.match(d.raw.fields.accountableOfficer);
  const accountableOfficerText = d.raw.fields.accountableOfficer?.trim() || undefined;
  giveIf(d, d.raw.given.has('accountableOfficer'), 'accountableOfficer', 'accountableOfficerText');
  for (const name of accountable.ambiguous) d.warn('ambiguous-owner', `Accountable officer "${name}" matches more than one person in the directory; kept as text.`);
  const accountableOfficer = accountable.people.length === 1 && accountable.unmatched.length === 0 ? accountable.people[0] : undefined;
  return { accountableOfficer, accountableOfficerText };
}

function draftDeadline(d: Drafting, reference: string): ParsedDeadline | undefined {
  const { raw } = d;
  const parsed = readDeadline(raw.fields.deadline, raw.fields.title!, reference, raw.given.has('deadline'))?.parsed;
  giveIf(d, raw.given.has('deadline') || !!parsed, 'dueDate', 'dueText');
  if (parsed?.kind === 'unparsed') d.warn('unparsed-deadline', `Deadline "${parsed.text}" could not be read as a date (${parsed.note}); kept as written, with no due date.`);
  else if (parsed?.flagged) d.warn('deadline-check', `Deadline "${parsed.text}": ${parsed.note}.`);
  return parsed;
}

/** Priority unless the file says otherwise or the deadline is "ongoing"; an ongoing task needs no deadline. */
function draftKind(d: Drafting, parsed: ParsedDeadline | undefined): TaskKind {
  const { raw } = d;
  const kindText = raw.fields.kind ? readKind(raw.fields.kind) : undefined;
  // A repeating activity with no date ("Quarterly") is ongoing work, as "Ongoing" is.
  const ongoing = parsed?.kind === 'ongoing' || (parsed?.kind === 'recurring' && !parsed.dueDate);
  const kind = kindText ?? raw.context.kind ?? (ongoing ? 'Ongoing' : 'Priority');
  giveIf(d, !!(kindText ?? raw.context.kind ?? ongoing), 'kind');
  if (!parsed && raw.given.has('deadline') && kind !== 'Ongoing') d.warn('missing-deadline', 'No deadline is given: no reminders will be sent for this task until it has one.');
  return kind;
}

/**
 * The RAG column, else the newest dated RAG column; "Complete" there also closes the task. A word
 * other than the RAG itself ("Slipped", "Withdrawn") is kept as the task's status reason, so the
 * panel and the board show what the plan said.
 */
function draftRag(d: Drafting): Pick<TaskInput, 'rag' | 'status' | 'statusReason'> & { statusText?: string } {
  const { raw } = d;
  const newestRag = [...raw.datedRag].sort((a, b) => b.date.localeCompare(a.date))[0]?.text;
  const ragText = raw.fields.rag ?? newestRag;
  const rag = ragText ? readRag(ragText) : undefined;
  const status = ragText ? readStatus(ragText) : undefined;
  if (ragText && !rag && !status) d.warn('unknown-rag', `RAG "${ragText}" is not one we know (Green, Amber, Red, Complete, Not started); set to Not started.`);
  giveIf(d, raw.given.has('rag') || raw.datedRag.length > 0, 'rag', 'status', 'statusReason');
  const final = status === 'Complete' ? 'Complete' : (rag ?? 'Not started');
  const plain = !ragText || [final.toLowerCase(), final[0]!.toLowerCase()].includes(ragText.trim().toLowerCase());
  if (plain) return { rag: final, status: status ?? 'Open' };
  const statusText = ragText.trim();
  return { rag: final, status: status ?? 'Open', statusText, statusReason: `The imported plan said "${statusText.slice(0, TASK_FIELD_LIMITS.reason - 40)}".` };
}

/** Dated progress columns become history; the progress column, else the newest entry, is the latest update. */
function draftHistory(d: Drafting, author: Person) {
  const { raw } = d;
  const history: HistoryDraft[] = raw.history.map((h) => {
    const ragAt = raw.datedRag.find((r) => r.date === h.date)?.text;
    const hr = ragAt ? readRag(ragAt) : undefined;
    return { round: h.header.replace(/\s+/g, ' ').trim(), date: h.date, text: h.text, ...(hr && { rag: hr }) };
  });
  const newest = history[history.length - 1];
  const progress = raw.fields.progress;
  const latest: Pick<TaskInput, 'latestUpdate' | 'latestUpdateAt' | 'latestUpdateBy'> = progress
    ? { latestUpdate: progress, latestUpdateBy: author }
    : newest ? { latestUpdate: newest.text, latestUpdateAt: `${newest.date}T12:00:00.000Z`, latestUpdateBy: author } : {};
  giveIf(d, raw.given.has('progress') || history.length > 0, 'latestUpdate', 'latestUpdateAt', 'latestUpdateBy');
  return { history, latest };
}

const COPIED_FIELDS = ['desiredOutcome', 'leadService', 'supportingServices', 'groupsImpacted', 'strategy', 'evidence', 'risks', 'percentComplete'] as const;

/** Indicator and success measure (a row can take them from the table around it), and the percentage. */
function draftOtherFields(d: Drafting): Pick<TaskInput, 'indicator' | 'successMeasure' | 'percentComplete'> {
  const { raw } = d;
  const successMeasure = raw.fields.successMeasure ?? raw.context.measure;
  giveIf(d, raw.given.has('successMeasure') || !!raw.context.measure, 'successMeasure');
  const indicator = raw.fields.indicator ?? raw.context.indicator;
  giveIf(d, raw.given.has('indicator') || !!raw.context.indicator, 'indicator');
  const percentComplete = raw.fields.percentComplete ? readPercent(raw.fields.percentComplete) : undefined;
  for (const field of COPIED_FIELDS) giveIf(d, raw.given.has(field), field);
  return { indicator, successMeasure, percentComplete };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
