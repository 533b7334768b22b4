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
export function historyKey(ref: string, round: string): string {
  return `import:${ref}:${round.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

const PLAIN_FIELDS = [
  'title', 'objectiveRef', 'indicator', 'kind', 'description', 'desiredOutcome', 'successMeasure', 'leadService',
  'supportingServices', 'groupsImpacted', 'strategy', 'evidence', 'risks', 'percentComplete',
] as const satisfies readonly (keyof TaskInput)[];

function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
const samePeople = (a: Person[], b: Person[]) => same(a.map((p) => p.aadObjectId).sort(), b.map((p) => p.aadObjectId).sort());

export async function planTaskChange(draft: TaskDraft, existing: Task | undefined, deps: { store: PlanStore; owners: OwnerMatcher }, warnings: ImportWarning[]): Promise<TaskChange> {
  if (!existing) {
    const history = draft.history.map((h) => ({ ...h, key: historyKey(draft.ref, h.round), action: 'create' as const }));
    return { draft, action: 'create', patch: {}, changes: [], result: draft.input, history };
  }
  const warn = (code: ImportWarning['code'], message: string) => warnings.push({ code, where: draft.where, ref: draft.ref, message });
  const d = draft.input;
  const patch: TaskPatch = {};
  const set = <K extends keyof TaskPatch>(key: K, value: TaskPatch[K]) => {
    if (!same(existing[key as keyof Task], value)) patch[key] = value;
  };
  for (const key of PLAIN_FIELDS) if (draft.given.has(key)) set(key, d[key]);

  // Owners: while the file's wording is unchanged, leave them (an officer may have assigned people).
  if (draft.given.has('ownerText') && !same(d.ownerText, existing.ownerText)) {
    const before = await deps.owners.match(existing.ownerText);
    const kept = existing.owners.filter((p) => !before.people.some((b) => b.aadObjectId === p.aadObjectId));
    const owners = [...d.owners, ...kept.filter((p) => !d.owners.some((o) => o.aadObjectId === p.aadObjectId))];
    if (!samePeople(owners, existing.owners)) patch.owners = owners;
    set('unassignedOwners', d.unassignedOwners);
    set('ownerText', d.ownerText);
  }
  if (draft.given.has('accountableOfficerText') && !same(d.accountableOfficerText, existing.accountableOfficerText)) {
    if (existing.accountableOfficer?.aadObjectId !== d.accountableOfficer?.aadObjectId) patch.accountableOfficer = d.accountableOfficer;
    set('accountableOfficerText', d.accountableOfficerText);
  }
  // Deadline: while the wording is unchanged, a due date corrected in the app stays.
  if (draft.given.has('dueText') && !same(d.dueText, existing.dueText)) {
    set('dueText', d.dueText);
    set('dueDate', d.dueDate);
  }
  // RAG and latest update belong to the owners once they have reported through the app.
  const collected = existing.latestUpdateAt !== undefined && existing.latestUpdateBy?.aadObjectId !== IMPORT_AUTHOR_ID;
  if (draft.given.has('rag') && !(same(d.rag, existing.rag) && same(d.status, existing.status))) {
    if (collected || existing.pendingRag) {
      warn('kept-plan-value', `The file says ${d.rag}${d.status !== 'Open' ? ` (${d.status})` : ''}; the plan's ${existing.rag} was kept, as it comes from ${existing.pendingRag ? 'a RAG change awaiting approval' : 'updates collected in the app'}.`);
    } else {
      set('rag', d.rag);
      set('status', d.status);
    }
  }
  if (draft.given.has('latestUpdate') && d.latestUpdate !== undefined && !(same(d.latestUpdate, existing.latestUpdate) && same(d.latestUpdateAt, existing.latestUpdateAt))) {
    if (collected) warn('kept-plan-value', 'The file\'s progress text differs from the latest update collected in the app; the app\'s was kept (the file\'s is in the history when it is in a dated column).');
    else {
      patch.latestUpdate = d.latestUpdate;
      patch.latestUpdateAt = d.latestUpdateAt;
      patch.latestUpdateBy = d.latestUpdateBy;
    }
  }

  const history: HistoryChange[] = [];
  for (const h of draft.history) {
    const key = historyKey(draft.ref, h.round);
    const stored = await deps.store.findUpdateByIdempotencyKey(key);
    if (!stored) history.push({ ...h, key, action: 'create' });
    else if (stored.progress === h.text) history.push({ ...h, key, action: 'unchanged', updateId: stored.id });
    else {
      history.push({ ...h, key, action: 'kept', updateId: stored.id, text: stored.progress });
      warn('history-changed', `"${h.round}" was imported before with other wording; the history keeps the first import's text.`);
    }
  }

  const changes = Object.keys(patch);
  const result = { ...existing, ...patch } as TaskInput;
  const action: ImportAction = changes.length > 0 || history.some((h) => h.action === 'create') ? 'update' : 'unchanged';
  return { draft, existing, action, patch, changes, result, history };
}
