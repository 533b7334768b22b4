import { parseDeadline, type ParsedDeadline } from '../deadline/parse-deadline';
import { RAG_VALUES, TASK_STATUSES, type Rag, type Task, type TaskStatus } from '../model';
import type { ObjectiveView, PlanSummary, PlanView, TaskView } from '../plan-view';
import { daysBetween, londonDate } from '../plan/london-time';
import { compareRefs } from '../plan/ref-order';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';

const UNFILED_OBJECTIVE = { ref: '–', title: 'Tasks without an objective' };

/** The whole plan grouped objective -> indicator -> task, with summary counts, as of now. */
export async function getPlanView(deps: { store: PlanStore; clock: Clock }): Promise<PlanView> {
  const now = deps.clock.now();
  const today = londonDate(now);
  const [objectives, tasks] = await Promise.all([deps.store.listObjectives(), deps.store.listTasks()]);
  tasks.sort((a, b) => compareRefs(a.ref, b.ref));

  const views = new Map<string, ObjectiveView>();
  for (const o of [...objectives].sort((a, b) => compareRefs(a.ref, b.ref))) {
    views.set(o.ref, { ref: o.ref, title: o.title, description: o.description, indicators: [] });
  }
  for (const task of tasks) {
    let objective = views.get(task.objectiveRef);
    if (!objective) {
      objective = views.get(UNFILED_OBJECTIVE.ref) ?? { ...UNFILED_OBJECTIVE, indicators: [] };
      views.set(UNFILED_OBJECTIVE.ref, objective);
    }
    const indicatorTitle = task.indicator?.trim() || null;
    let indicator = objective.indicators.find((i) => i.title === indicatorTitle);
    if (!indicator) {
      indicator = { title: indicatorTitle, tasks: [] };
      objective.indicators.push(indicator);
    }
    indicator.tasks.push(toTaskView(task, today));
  }

  return { generatedAt: now.toISOString(), today, summary: summarise(tasks, today), objectives: [...views.values()] };
}

// Plans repeat the same wordings; parse each once per day rather than once per view.
const parsedWordings = new Map<string, ParsedDeadline>();

/**
 * The council's wording is kept verbatim; when the parser could not read it, or read it with an
 * assumption (a year, the end of a range), and the stored date came from that reading, say so.
 */
function deadlineCheck(task: Task, today: string): string | undefined {
  const wording = task.dueText?.trim();
  if (!wording) return undefined;
  const cacheKey = `${today}\u0000${wording}`;
  let parsed = parsedWordings.get(cacheKey);
  if (!parsed) {
    parsed = parseDeadline(wording, { reference: today });
    if (parsedWordings.size > 5_000) parsedWordings.clear();
    parsedWordings.set(cacheKey, parsed);
  }
  if (parsed.kind === 'unparsed' && !task.dueDate) return parsed.note ?? 'The deadline wording could not be read as a date';
  if (parsed.flagged && parsed.dueDate !== null && parsed.dueDate === task.dueDate) return parsed.note;
  return undefined;
}

function isOverdue(task: Task, today: string): boolean {
  return task.status === 'Open' && task.dueDate !== undefined && task.dueDate < today;
}

function toTaskView(task: Task, today: string): TaskView {
  const person = (p: { displayName: string; email: string }) => ({ displayName: p.displayName, email: p.email });
  return {
    id: task.id,
    ref: task.ref,
    title: task.title,
    kind: task.kind,
    owners: task.owners.map(person),
    accountableOfficer: task.accountableOfficer && person(task.accountableOfficer),
    dueDate: task.dueDate,
    dueText: task.dueText,
    overdue: isOverdue(task, today),
    deadlineCheck: deadlineCheck(task, today),
    rag: task.rag,
    status: task.status,
    latestUpdate:
      task.latestUpdate && task.latestUpdateAt
        ? { text: task.latestUpdate, at: task.latestUpdateAt, by: task.latestUpdateBy?.displayName }
        : undefined,
  };
}

function summarise(tasks: Task[], today: string): PlanSummary {
  const byRag = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let overdue = 0;
  let dueWithin14Days = 0;
  let deadlinesToCheck = 0;
  for (const t of tasks) {
    byRag[t.rag] += 1;
    byStatus[t.status] += 1;
    if (isOverdue(t, today)) overdue += 1;
    if (t.status === 'Open' && t.dueDate && t.dueDate >= today && daysBetween(today, t.dueDate) <= 14) dueWithin14Days += 1;
    if (t.status === 'Open' && deadlineCheck(t, today)) deadlinesToCheck += 1;
  }
  return { total: tasks.length, byRag, byStatus, overdue, dueWithin14Days, deadlinesToCheck };
}
