import { parseDeadline, type ParsedDeadline } from '../deadline/parse-deadline';
import { RAG_VALUES, TASK_STATUSES, type RagApproval, type Rag, type Task, type TaskStatus, type UpdateRound } from '../model';
import type { ObjectiveView, OpenRoundView, PlanSummary, PlanView, TaskView } from '../plan-view';
import { daysBetween, londonDate } from '../plan/london-time';
import { compareRefs } from '../plan/ref-order';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { daysLeftIfDueSoon, dueSoonDays } from '../reminders/due-soon';
import type { ReminderPolicy } from '../reminders/reminder-policy';
import { answeredInRound, inRound, liveStanding, roundProgress } from '../rounds/round-rules';
import { checkReach } from './check-reach';

const UNFILED_OBJECTIVE = { ref: '–', title: 'Tasks without an objective' };

/** What a task row shows beyond the task itself: the open round, who cannot be reached, pending approvals. */
interface PlanContext {
  today: string;
  policy?: Pick<ReminderPolicy, 'daysBefore'>;
  openRound?: UpdateRound;
  unreachable: Set<string>;
  pendingByTask: Map<string, RagApproval>;
}

/**
 * The whole plan grouped objective -> indicator -> task, with summary counts, as of now. Lists are
 * read from the store (its in-memory read model on SharePoint) once each, tasks twice (checkReach
 * reads the open ones); the rest is computed here.
 */
export async function getPlanView(deps: { store: PlanStore; clock: Clock; reminderPolicy?: Pick<ReminderPolicy, 'daysBefore'> }): Promise<PlanView> {
  const now = deps.clock.now();
  const today = londonDate(now);
  const [objectives, tasks, [openRound], reach, pending] = await Promise.all([
    deps.store.listObjectives(),
    deps.store.listTasks(),
    deps.store.listRounds({ state: 'Open' }),
    checkReach(deps.store),
    deps.store.listApprovals({ state: 'Pending' }),
  ]);
  tasks.sort((a, b) => compareRefs(a.ref, b.ref));
  const context: PlanContext = {
    today,
    policy: deps.reminderPolicy,
    openRound,
    unreachable: new Set(reach.filter((r) => r.status !== 'reachable' && r.roles.includes('owner')).map((r) => r.person.aadObjectId)),
    pendingByTask: pendingApprovalsByTask(pending, tasks),
  };

  const views = new Map<string, ObjectiveView>();
  for (const o of [...objectives].sort((a, b) => compareRefs(a.ref, b.ref))) {
    views.set(o.ref, { ref: o.ref, title: o.title, description: o.description, ...(o.retired && { retired: true }), indicators: [] });
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
    indicator.tasks.push(toTaskView(task, context));
  }

  return {
    generatedAt: now.toISOString(),
    today,
    summary: summarise(tasks, context),
    objectives: [...views.values()],
    ...(openRound && { round: roundView(openRound, tasks) }),
  };
}

/** Each task's pending approval: the one the task points at, else its latest. */
function pendingApprovalsByTask(pending: RagApproval[], tasks: Task[]): Map<string, RagApproval> {
  const pointedAt = new Map(tasks.filter((t) => t.pendingApprovalId).map((t) => [t.id, t.pendingApprovalId]));
  const byTask = new Map<string, RagApproval>();
  for (const a of pending) {
    const current = byTask.get(a.taskId);
    const preferred = pointedAt.get(a.taskId);
    const better = !current || (current.key !== preferred && (a.key === preferred || a.requestedAt > current.requestedAt));
    if (better) byTask.set(a.taskId, a);
  }
  return byTask;
}

function roundView(round: UpdateRound, tasks: Task[]): OpenRoundView {
  const progress = roundProgress(liveStanding(round, tasks));
  return { id: round.id, name: round.name, dueDate: round.dueDate, answered: progress.answered, inScope: progress.inScope, responseRate: progress.responseRate };
}

function isAwaitingUpdate(task: Task, round: UpdateRound | undefined): boolean {
  return round !== undefined && inRound(round, task) && !answeredInRound(round, task);
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

function toTaskView(task: Task, context: PlanContext): TaskView {
  const { today } = context;
  const person = (p: { displayName: string; email: string }) => ({ displayName: p.displayName, email: p.email });
  const pending = context.pendingByTask.get(task.id);
  return {
    id: task.id,
    ref: task.ref,
    title: task.title,
    kind: task.kind,
    owners: task.owners.map((o) => ({ aadObjectId: o.aadObjectId, ...person(o) })),
    accountableOfficer: task.accountableOfficer && person(task.accountableOfficer),
    ...(task.leadService && { leadService: task.leadService }),
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
    awaitingUpdate: isAwaitingUpdate(task, context.openRound),
    ownerUnreachable: task.status === 'Open' && task.owners.some((o) => context.unreachable.has(o.aadObjectId)),
    ...(pending && { pendingApproval: { proposedRag: pending.toRag, approverName: pending.approver.displayName, requestedAt: pending.requestedAt } }),
  };
}

function summarise(tasks: Task[], context: PlanContext): PlanSummary {
  const { today } = context;
  const byRag = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let overdue = 0;
  let dueSoon = 0;
  let deadlinesToCheck = 0;
  let awaitingUpdate = 0;
  let pendingApprovals = 0;
  let withdrawn = 0;
  for (const t of tasks) {
    if (t.status === 'Withdrawn') {
      // Withdrawn tasks have left the plan: counted as withdrawn, and nowhere else.
      withdrawn += 1;
      continue;
    }
    if (isAwaitingUpdate(t, context.openRound)) awaitingUpdate += 1;
    if (context.pendingByTask.has(t.id)) pendingApprovals += 1;
    byRag[t.rag] += 1;
    byStatus[t.status] += 1;
    if (isOverdue(t, today)) overdue += 1;
    if ((daysLeftIfDueSoon(t, today, context.policy) ?? -1) >= 0) dueSoon += 1;
    if (t.status === 'Open' && deadlineCheck(t, today)) deadlinesToCheck += 1;
  }
  byStatus.Withdrawn = withdrawn;
  return { total: tasks.length - withdrawn, byRag, byStatus, overdue, dueSoon, dueSoonDays: dueSoonDays(context.policy), deadlinesToCheck, awaitingUpdate, pendingApprovals, unreachableOwners: context.unreachable.size };
}
