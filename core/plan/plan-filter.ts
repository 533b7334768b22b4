/**
 * The plan view's filter and sort, as URL parameters. One definition shared by the tab (its URL,
 * so a view can be shared) and the server (CSV/XLSX exports of "the current filtered view").
 * Pure TypeScript: no DOM, no node imports.
 *
 * Parameters: rag, status (comma lists), owner (aadObjectId), objective (ref), service (lead
 * service, as the plan names it), overdue=1, awaiting=1, pending=1, q (free text), sort (ref | due
 * | rag), dir (asc | desc). Withdrawn tasks (and retired objectives) leave the view unless the
 * status filter asks for Withdrawn.
 * Bad or unknown values are dropped, never thrown: a hand-edited or stale link still opens.
 */
import { z } from 'zod';
import { RAG_VALUES, TASK_STATUSES, type Rag } from '../model';
import type { ObjectiveView, PlanView, TaskView } from '../plan-view';
import { compareRefs } from './ref-order';

const PLAN_SORTS = ['ref', 'due', 'rag'] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];
const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

const MAX_TEXT = 200;

const planFilterSchema = z.object({
  rag: z.array(z.enum(RAG_VALUES)).min(1).optional(),
  status: z.array(z.enum(TASK_STATUSES)).min(1).optional(),
  owner: z.string().min(1).max(MAX_TEXT).optional(),
  objective: z.string().min(1).max(MAX_TEXT).optional(),
  service: z.string().min(1).max(MAX_TEXT).optional(),
  overdue: z.literal(true).optional(),
  awaiting: z.literal(true).optional(),
  pending: z.literal(true).optional(),
  q: z.string().min(1).max(MAX_TEXT).optional(),
  sort: z.enum(PLAN_SORTS).optional(),
  dir: z.enum(SORT_DIRECTIONS).optional(),
});
export type PlanFilter = z.infer<typeof planFilterSchema>;

/** The fields the filter reads beyond the base TaskView (added for the tab API); optional so either shape works. */
type FilterableTask = TaskView & { awaitingUpdate?: boolean; pendingApproval?: unknown };
type FilterableOwner = { displayName: string; email: string; aadObjectId?: string };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Keeps the members of a comma list that are allowed values (matched case-insensitively), in canonical spelling. */
function pickList<T extends string>(raw: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (raw === undefined) return undefined;
  const byLower = new Map(allowed.map((v) => [v.toLowerCase(), v]));
  const picked: T[] = [];
  for (const part of raw.split(',')) {
    const value = byLower.get(part.trim().toLowerCase());
    if (value !== undefined && !picked.includes(value)) picked.push(value);
  }
  return picked.length > 0 ? picked : undefined;
}

function pickText(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  return text ? text.slice(0, MAX_TEXT) : undefined;
}

function pickFlag(raw: string | undefined): true | undefined {
  return raw === '1' || raw?.toLowerCase() === 'true' ? true : undefined;
}

function pickOne<T extends string>(raw: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((v) => v === raw?.trim().toLowerCase());
}

/** Reads a filter from URL parameters; unknown or bad values are ignored. */
export function parsePlanFilter(params: RawParams): PlanFilter {
  const candidate = {
    rag: pickList(read(params, 'rag'), RAG_VALUES),
    status: pickList(read(params, 'status'), TASK_STATUSES),
    owner: pickText(read(params, 'owner')),
    objective: pickText(read(params, 'objective')),
    service: pickText(read(params, 'service')),
    overdue: pickFlag(read(params, 'overdue')),
    awaiting: pickFlag(read(params, 'awaiting')),
    pending: pickFlag(read(params, 'pending')),
    q: pickText(read(params, 'q')),
    sort: pickOne(read(params, 'sort'), PLAN_SORTS),
    dir: pickOne(read(params, 'dir'), SORT_DIRECTIONS),
  };
  const clean = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  // Each field was already picked leniently; the schema is the typed boundary.
  return planFilterSchema.parse(clean);
}

/** The filter as a query string (no leading "?"), in a stable order; empty when nothing is set. Commas stay readable. */
export function planFilterToQuery(filter: PlanFilter): string {
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${key}=${value}`);
  const list = (values: readonly string[]) => values.map(encodeURIComponent).join(',');
  if (filter.rag?.length) add('rag', list(filter.rag));
  if (filter.status?.length) add('status', list(filter.status));
  if (filter.owner) add('owner', encodeURIComponent(filter.owner));
  if (filter.objective) add('objective', encodeURIComponent(filter.objective));
  if (filter.service) add('service', encodeURIComponent(filter.service));
  if (filter.overdue) add('overdue', '1');
  if (filter.awaiting) add('awaiting', '1');
  if (filter.pending) add('pending', '1');
  if (filter.q) add('q', encodeURIComponent(filter.q));
  if (filter.sort) add('sort', filter.sort);
  if (filter.dir) add('dir', filter.dir);
  return parts.join('&');
}

/** True when the filter hides any task (sorting alone does not count). */
export function isFiltering(filter: PlanFilter): boolean {
  return Boolean(
    filter.rag?.length || filter.status?.length || filter.owner || filter.objective || filter.service ||
      filter.overdue || filter.awaiting || filter.pending || filter.q,
  );
}

function searchableText(task: FilterableTask): string {
  return [
    task.ref,
    task.title,
    ...task.owners.flatMap((o) => [o.displayName, o.email]),
    task.latestUpdate?.text ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

/** Does one task pass the filter? (The objective is checked by the caller, which knows the task's objective.) */
function taskMatches(task: TaskView, filter: PlanFilter): boolean {
  const t = task as FilterableTask;
  if (filter.rag && !filter.rag.includes(t.rag)) return false;
  if (filter.status ? !filter.status.includes(t.status) : t.status === 'Withdrawn') return false;
  if (filter.service && t.leadService?.trim().toLowerCase() !== filter.service.toLowerCase()) return false;
  if (filter.owner && !t.owners.some((o: FilterableOwner) => o.aadObjectId === filter.owner)) return false;
  if (filter.overdue && !t.overdue) return false;
  if (filter.awaiting && t.awaitingUpdate !== true) return false;
  if (filter.pending && t.pendingApproval == null) return false;
  if (filter.q) {
    const text = searchableText(t);
    // Every word must appear somewhere: "equality data" finds a task about equality monitoring data.
    const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

/** Worst first when ascending: the order an officer scans a plan in. */
const RAG_SORT_ORDER: readonly Rag[] = ['Red', 'Amber', 'Green', 'Not started', 'Complete'];

function compareTasks(a: TaskView, b: TaskView, sort: PlanSort): number {
  if (sort === 'due') {
    // Undated tasks compare equal here and are placed last by sortTasks in either direction.
    if (a.dueDate && b.dueDate && a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
    return 0;
  }
  if (sort === 'rag') return RAG_SORT_ORDER.indexOf(a.rag) - RAG_SORT_ORDER.indexOf(b.rag);
  return compareRefs(a.ref, b.ref);
}

/** A sorted copy: by the filter's sort (default ref) and direction (default asc); ties by ref; undated tasks last when sorting by due date. */
export function sortTasks<T extends TaskView>(tasks: readonly T[], filter: Pick<PlanFilter, 'sort' | 'dir'>): T[] {
  const sort = filter.sort ?? 'ref';
  const sign = filter.dir === 'desc' ? -1 : 1;
  return [...tasks].sort((a, b) => {
    if (sort === 'due' && Boolean(a.dueDate) !== Boolean(b.dueDate)) return a.dueDate ? -1 : 1;
    const primary = compareTasks(a, b, sort) * sign;
    return primary !== 0 ? primary : compareRefs(a.ref, b.ref);
  });
}

/**
 * The view with only the matching tasks, each indicator's tasks sorted; objectives and indicators
 * left empty are dropped. The summary stays the whole plan's (it describes the plan, not the view).
 */
export function applyPlanFilter(view: PlanView, filter: PlanFilter): PlanView {
  const objectives: ObjectiveView[] = [];
  for (const objective of view.objectives) {
    if (filter.objective && objective.ref !== filter.objective) continue;
    if (objective.retired && !filter.status?.includes('Withdrawn')) continue;
    const indicators = objective.indicators
      .map((indicator) => ({ ...indicator, tasks: sortTasks(indicator.tasks.filter((t) => taskMatches(t, filter)), filter) }))
      .filter((indicator) => indicator.tasks.length > 0);
    if (indicators.length > 0) objectives.push({ ...objective, indicators });
  }
  return { ...view, objectives };
}

/** Every task of a view, in plan order (objective, indicator, then the tasks' own order). */
export function planTasks(view: PlanView): TaskView[] {
  return view.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks));
}

/** The filtered view's tasks as one sorted list (for exports and flat listings). */
export function filteredTasks(view: PlanView, filter: PlanFilter): TaskView[] {
  return sortTasks(planTasks(applyPlanFilter(view, filter)), filter);
}
