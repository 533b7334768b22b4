import type { Person, Task, TaskInput, TaskPatch } from '../model';
import type { PlanStore } from '../ports/plan-store';
import type { ImportAction, ImportHistoryEntry, ImportWarning } from './import-report';
import type { OwnerMatcher } from './owners/owner-matcher';
import { IMPORT_AUTHOR_ID, type HistoryDraft, type TaskDraft } from './plan-drafts';

/**
 * What importing a draft does to the plan: create the task, or patch only the fields the file
 * changed. A re-import of the same file changes nothing, and what the app has collected since (owners'
 * updates, RAG decided through approvals, owners an officer assigned, a corrected due date) is kept.
 */

export interface HistoryChange extends HistoryDraft {
  key: string;
  action: ImportHistoryEntry['action'];
  /** The Plan Updates item already holding this entry. */
  updateId?: string;
}

export interface TaskChange {
  draft: TaskDraft;
  existing?: Task;
  action: ImportAction;
  patch: TaskPatch;
  changes: string[];
  /** The task as it will be (or is) after the import. */
  result: TaskInput;
  history: HistoryChange[];
}

/** One key per task and column: re-importing the same column finds the entry instead of adding it. */
function historyKey(ref: string, round: string): string {
  return `import:${ref}:${round.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

const PLAIN_FIELDS = [
  'title', 'objectiveRef', 'indicator', 'kind', 'description', 'desiredOutcome', 'successMeasure', 'leadService',
  'supportingServices', 'groupsImpacted', 'strategy', 'evidence', 'risks', 'percentComplete', 'measure', 'startingPosition',
] as const satisfies readonly (keyof TaskInput)[];

function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
const samePeople = (a: Person[], b: Person[]) => same(a.map((p) => p.aadObjectId).sort(), b.map((p) => p.aadObjectId).sort());

export interface TaskChangeDeps {
  /** Read only: the history entries an earlier import stored. */
  store: Pick<PlanStore, 'findUpdateByIdempotencyKey'>;
  owners: OwnerMatcher;
}

type Warn = (code: ImportWarning['code'], message: string) => void;

/** A patch being built for an existing task from the draft the file gives for it. */
interface Patching {
  draft: TaskDraft;
  existing: Task;
  patch: TaskPatch;
  warn: Warn;
}

export async function planTaskChange(draft: TaskDraft, existing: Task | undefined, deps: TaskChangeDeps, warnings: ImportWarning[]): Promise<TaskChange> {
  if (!existing) {
    const history = draft.history.map((h) => ({ ...h, key: historyKey(draft.ref, h.round), action: 'create' as const }));
    return { draft, action: 'create', patch: {}, changes: [], result: draft.input, history };
  }
  const warn: Warn = (code, message) => warnings.push({ code, where: draft.where, ref: draft.ref, message });
  const p: Patching = { draft, existing, patch: {}, warn };
  for (const key of PLAIN_FIELDS) if (draft.given.has(key)) set(p, key, draft.input[key]);
  await patchOwners(p, deps.owners);
  patchAccountableOfficer(p);
  patchDeadline(p);
  // RAG and latest update belong to the owners once they have reported through the app.
  const collected = existing.latestUpdateAt !== undefined && existing.latestUpdateBy?.aadObjectId !== IMPORT_AUTHOR_ID;
  patchRag(p, collected);
  patchLatestUpdate(p, collected);
  const history = await historyChanges(draft, deps.store, warn);

  const changes = Object.keys(p.patch);
  const result = { ...existing, ...p.patch } as TaskInput;
  const action: ImportAction = changes.length > 0 || history.some((h) => h.action === 'create') ? 'update' : 'unchanged';
  return { draft, existing, action, patch: p.patch, changes, result, history };
}

/** Puts `value` in the patch when it differs from the task's. */
function set<K extends keyof TaskPatch>({ existing, patch }: Patching, key: K, value: TaskPatch[K]): void {
  if (!same(existing[key as keyof Task], value)) patch[key] = value;
}

/** While the file's owner wording is unchanged, the owners stay (an officer may have assigned people). */
async function patchOwners(p: Patching, matcher: OwnerMatcher): Promise<void> {
  const { draft: { given, input: d }, existing } = p;
  if (!given.has('ownerText') || same(d.ownerText, existing.ownerText)) return;
  const before = await matcher.match(existing.ownerText);
  const kept = existing.owners.filter((o) => !before.people.some((b) => b.aadObjectId === o.aadObjectId));
  const owners = [...d.owners, ...kept.filter((k) => !d.owners.some((o) => o.aadObjectId === k.aadObjectId))];
  if (!samePeople(owners, existing.owners)) p.patch.owners = owners;
  set(p, 'unassignedOwners', d.unassignedOwners);
  set(p, 'ownerText', d.ownerText);
}

function patchAccountableOfficer(p: Patching): void {
  const { draft: { given, input: d }, existing } = p;
  if (!given.has('accountableOfficerText') || same(d.accountableOfficerText, existing.accountableOfficerText)) return;
  if (existing.accountableOfficer?.aadObjectId !== d.accountableOfficer?.aadObjectId) p.patch.accountableOfficer = d.accountableOfficer;
  set(p, 'accountableOfficerText', d.accountableOfficerText);
}

/** While the deadline wording is unchanged, a due date corrected in the app stays. */
function patchDeadline(p: Patching): void {
  const { draft: { given, input: d }, existing } = p;
  if (!given.has('dueText') || same(d.dueText, existing.dueText)) return;
  set(p, 'dueText', d.dueText);
  set(p, 'dueDate', d.dueDate);
}

function patchRag(p: Patching, collected: boolean): void {
  const { draft: { given, input: d }, existing } = p;
  if (!given.has('rag') || (same(d.rag, existing.rag) && same(d.status, existing.status))) return;
  if (collected || existing.pendingRag) {
    p.warn('kept-plan-value', `The file says ${d.rag}${d.status !== 'Open' ? ` (${d.status})` : ''}; the plan's ${existing.rag} was kept, as it comes from ${existing.pendingRag ? 'a RAG change awaiting approval' : 'updates collected in the app'}.`);
    return;
  }
  set(p, 'rag', d.rag);
  set(p, 'status', d.status);
}

function patchLatestUpdate(p: Patching, collected: boolean): void {
  const { draft: { given, input: d }, existing } = p;
  if (!given.has('latestUpdate') || d.latestUpdate === undefined) return;
  if (same(d.latestUpdate, existing.latestUpdate) && same(d.latestUpdateAt, existing.latestUpdateAt)) return;
  if (collected) {
    p.warn('kept-plan-value', 'The file\'s progress text differs from the latest update collected in the app; the app\'s was kept (the file\'s is in the history when it is in a dated column).');
    return;
  }
  p.patch.latestUpdate = d.latestUpdate;
  p.patch.latestUpdateAt = d.latestUpdateAt;
  p.patch.latestUpdateBy = d.latestUpdateBy;
}

/** Each dated column's entry: new, already stored as it is, or stored before with other wording (kept). */
async function historyChanges(draft: TaskDraft, store: TaskChangeDeps['store'], warn: Warn): Promise<HistoryChange[]> {
  const history: HistoryChange[] = [];
  for (const h of draft.history) {
    const key = historyKey(draft.ref, h.round);
    const stored = await store.findUpdateByIdempotencyKey(key);
    if (!stored) history.push({ ...h, key, action: 'create' });
    else if (stored.progress === h.text) history.push({ ...h, key, action: 'unchanged', updateId: stored.id });
    else {
      history.push({ ...h, key, action: 'kept', updateId: stored.id, text: stored.progress });
      warn('history-changed', `"${h.round}" was imported before with other wording; the history keeps the first import's text.`);
    }
  }
  return history;
}
