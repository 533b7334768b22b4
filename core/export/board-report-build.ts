import type { IsoDate, Objective, Rag, RoundSnapshotLine, Task, TaskStatus, UpdateRound } from '../model';
import { formatDate, londonDate } from '../plan/london-time';
import { compareRefs } from '../plan/ref-order';
import { answeredInRound, inRound, liveStanding, roundProgress, snapshotStanding } from '../rounds/round-rules';
import { emptyRagCounts, measureHistory, measureTrend, ragDirection, roundPoint, todayPoint, type MeasurePoint, type Mover, type ObjectiveProgress } from '../trends/plan-trends';
import type { BoardReport, BoardReportSection, BoardTaskRow, RagCounts, ReportBasis, RoundResponses } from './board-report';

export interface BoardReportInput {
  tasks: Task[];
  objectives: Objective[];
  /** Every round, oldest first (as PlanStore.listRounds gives them). */
  rounds: UpdateRound[];
  now: Date;
  /** A round to report (closed: its snapshot; open: so far); absent: the plan as of today. */
  round?: UpdateRound;
  meta?: { council?: string; planTitle?: string; preparedBy?: string };
}

const UNFILED = { ref: '–', title: 'Tasks without an objective' };
const DEFAULT_PLAN_TITLE = 'Equality, Diversity and Inclusion action plan';
const ASK_ORDER: Partial<Record<Rag, number>> = { Red: 0, Amber: 1 };

/** Pure: the board paper from the plan and its rounds (see BoardReport). */
export function buildBoardReport(input: BoardReportInput): BoardReport {
  const { tasks, objectives, rounds, round, now } = input;
  const closedRound = round?.state === 'Closed' ? round : undefined;
  const asOf = closedRound?.closedAt ? londonDate(new Date(closedRound.closedAt)) : londonDate(now);
  const closed = rounds.filter((r) => r.state === 'Closed');
  const upTo = closedRound ? closed.slice(0, closed.findIndex((r) => r.id === closedRound.id) + 1) : closed;
  const previous = (closedRound ? upTo.slice(0, -1) : upTo).at(-1);
  const history = measureHistory(upTo);
  // What counts as new: answers to the reported round, else to the open one, else since the last round closed.
  const newSince = round ?? rounds.find((r) => r.state === 'Open') ?? previous;
  const rows = closedRound ? roundRows(closedRound, tasks, asOf, history) : currentRows(tasks, asOf, newSince, history, round !== undefined);
  withPreviousRag(rows, previous);
  rows.sort((a, b) => compareRefs(a.ref, b.ref));

  const sections = sectionsOf(rows, objectives);
  const responseRound = round ?? rounds.find((r) => r.state === 'Open') ?? closed.at(-1);
  return {
    cover: { ...(input.meta?.council && { council: input.meta.council }), planTitle: input.meta?.planTitle?.trim() || DEFAULT_PLAN_TITLE, period: period(round, previous, asOf), date: londonDate(now), ...(input.meta?.preparedBy && { preparedBy: input.meta.preparedBy }) },
    generatedAt: now.toISOString(),
    asOf,
    basis: basisOf(round),
    ...(previous && { previousRound: { id: previous.id, name: previous.name } }),
    summary: { ...counts(rows), complete: rows.filter(isComplete).length, overdue: rows.filter((r) => r.overdue).length, movement: movement(rows) },
    askedOfBoard: rows.filter((r) => ASK_ORDER[r.rag] !== undefined && !isComplete(r) && r.status !== 'Withdrawn').sort((a, b) => ASK_ORDER[a.rag]! - ASK_ORDER[b.rag]! || compareRefs(a.ref, b.ref)),
    sections,
    completed: rows.filter(isComplete),
    overdue: rows.filter((r) => r.overdue),
    ...(responseRound && { responses: responses(responseRound, tasks) }),
    trends: {
      ragByRound: [...upTo.map((r) => roundPoint(r)), ...(closedRound ? [] : [todayPoint(tasks, asOf, rounds.find((r) => r.state === 'Open'))])],
      objectives: sections.map(objectiveProgress),
      measures: rows.flatMap((r) => (r.measure ? [r.measure] : [])),
    },
  };
}

/** Each task as it is now; `round` (open, or the previous closed one) says which updates are new. */
function currentRows(tasks: Task[], asOf: IsoDate, round: UpdateRound | undefined, history: Map<string, MeasurePoint[]>, roundReport: boolean): BoardTaskRow[] {
  const isNew = (t: Task) => (round === undefined ? true : round.state === 'Open' ? answeredInRound(round, t) : Date.parse(t.latestUpdateAt ?? '') > Date.parse(round.closedAt ?? round.opensAt));
  // Withdrawn tasks have left the plan, as in the plan view; a closed round's paper keeps what it recorded.
  return tasks.filter((t) => t.status !== 'Withdrawn').map((t) => row(t, { rag: t.rag, status: t.status, update: t.latestUpdate, updateAt: t.latestUpdateAt, updateBy: t.latestUpdateBy, evidence: t.evidence, risks: t.risks, supportNeeded: t.supportNeeded, measureValue: t.measureValue }, {
    asOf,
    isNew: isNew(t),
    inRound: !roundReport || round === undefined || inRound(round, t),
    history,
  }));
}

/** A closed round's snapshot; tasks it did not ask about are shown as they are now. */
function roundRows(round: UpdateRound, tasks: Task[], asOf: IsoDate, history: Map<string, MeasurePoint[]>): BoardTaskRow[] {
  const lines = new Map((round.snapshot ?? []).map((l) => [l.taskId, l]));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rows: BoardTaskRow[] = [];
  for (const t of tasks) {
    const line = lines.get(t.id);
    const state = line ? { ...line, status: line.status ?? statusFromRag(line.rag) } : { ...t, update: t.latestUpdate, updateAt: t.latestUpdateAt, updateBy: t.latestUpdateBy };
    rows.push(row(t, state, { asOf, isNew: line ? answeredInRound(round, { latestUpdateAt: line.updateAt }) : false, inRound: line !== undefined, history }));
  }
  // Lines of tasks since removed from the plan still belong to the round's record.
  for (const line of lines.values()) {
    if (byId.has(line.taskId)) continue;
    const gone: Task = { id: line.taskId, version: '', ref: line.taskRef, title: '(no longer in the plan)', objectiveRef: UNFILED.ref, kind: 'Priority', owners: [], groupsImpacted: [], rag: line.rag, status: line.status ?? statusFromRag(line.rag) };
    rows.push(row(gone, { ...line, status: gone.status }, { asOf, isNew: answeredInRound(round, { latestUpdateAt: line.updateAt }), inRound: true, history }));
  }
  return rows;
}

type RowState = Omit<RoundSnapshotLine, 'taskId' | 'taskRef' | 'updateId' | 'status'> & { status: TaskStatus };

function row(task: Task, s: RowState, ctx: { asOf: IsoDate; isNew: boolean; inRound: boolean; history: Map<string, MeasurePoint[]> }): BoardTaskRow {
  const measure = task.measure && measureTrend({ ...task, measureValue: s.measureValue, measureValueAt: s.measureValue === task.measureValue ? task.measureValueAt : undefined }, ctx.history.get(task.id) ?? [], ctx.asOf);
  return {
    taskId: task.id,
    ref: task.ref,
    title: task.title,
    objectiveRef: task.objectiveRef,
    owners: task.owners.map((o) => o.displayName).join(', '),
    ...(task.dueDate && { dueDate: task.dueDate }),
    ...(task.dueText?.trim() && { dueText: task.dueText.trim() }),
    rag: s.rag,
    status: s.status,
    overdue: s.status === 'Open' && s.rag !== 'Complete' && task.dueDate !== undefined && task.dueDate < ctx.asOf,
    ...(s.update?.trim() && { latest: { text: s.update, ...(s.updateAt && { at: s.updateAt }), ...(s.updateBy && { by: s.updateBy.displayName }), isNew: ctx.isNew } }),
    ...(s.evidence?.trim() && { evidence: s.evidence }),
    ...(s.risks?.trim() && { risks: s.risks }),
    ...(s.supportNeeded?.trim() && { supportNeeded: s.supportNeeded }),
    ...(measure && { measure }),
    inRound: ctx.inRound,
  };
}

function statusFromRag(rag: Rag): TaskStatus {
  return rag === 'Complete' ? 'Complete' : 'Open';
}

function isComplete(r: Pick<BoardTaskRow, 'status' | 'rag'>): boolean {
  return r.status === 'Complete' || r.rag === 'Complete';
}

function withPreviousRag(rows: BoardTaskRow[], previous: UpdateRound | undefined): void {
  if (!previous) return;
  const before = new Map((previous.snapshot ?? []).map((l) => [l.taskId, l.rag]));
  for (const r of rows) {
    const rag = before.get(r.taskId);
    if (rag !== undefined) r.previousRag = rag;
  }
}

function movement(rows: BoardTaskRow[]): { up: Mover[]; down: Mover[] } {
  const up: Mover[] = [];
  const down: Mover[] = [];
  for (const r of rows) {
    if (r.previousRag === undefined) continue;
    const direction = ragDirection(r.previousRag, r.rag);
    if (direction !== 'same') (direction === 'up' ? up : down).push({ taskId: r.taskId, ref: r.ref, title: r.title, from: r.previousRag, to: r.rag });
  }
  return { up, down };
}

function sectionsOf(rows: BoardTaskRow[], objectives: Objective[]): BoardReportSection[] {
  const sections = new Map<string, BoardReportSection>();
  for (const o of [...objectives].sort((a, b) => compareRefs(a.ref, b.ref))) sections.set(o.ref, { ref: o.ref, title: o.title, ...counts([]), rows: [] });
  for (const r of rows) {
    let section = sections.get(r.objectiveRef);
    if (!section) {
      section = sections.get(UNFILED.ref) ?? { ...UNFILED, ...counts([]), rows: [] };
      sections.set(UNFILED.ref, section);
    }
    section.rows.push(r);
  }
  const filled = [...sections.values()].filter((s) => s.rows.length > 0);
  for (const s of filled) Object.assign(s, counts(s.rows));
  return filled;
}

function counts(rows: Pick<BoardTaskRow, 'rag'>[]): RagCounts {
  const byRag = emptyRagCounts();
  for (const r of rows) byRag[r.rag] += 1;
  return { total: rows.length, byRag };
}

function objectiveProgress(s: BoardReportSection): ObjectiveProgress {
  const complete = s.rows.filter(isComplete).length;
  return { ref: s.ref, title: s.title, total: s.total, complete, percentComplete: s.total ? Math.round((complete / s.total) * 100) : 0, byRag: { ...s.byRag } };
}

function responses(round: UpdateRound, tasks: Task[]): RoundResponses {
  const progress = roundProgress(round.state === 'Open' ? liveStanding(round, tasks) : snapshotStanding(round, tasks));
  return {
    round: { id: round.id, name: round.name, state: round.state },
    inScope: progress.inScope,
    answered: progress.answered,
    responseRate: progress.responseRate,
    notAnswered: progress.notAnswered.map((n) => ({ name: n.owner.displayName, ...(n.owner.email && { email: n.owner.email }), taskRefs: n.taskRefs })),
    unownedTaskRefs: progress.unownedTaskRefs,
  };
}

function basisOf(round: UpdateRound | undefined): ReportBasis {
  if (!round) return { kind: 'today' };
  return { kind: 'round', round: { id: round.id, name: round.name, dueDate: round.dueDate, state: round.state, opensAt: round.opensAt, ...(round.closedAt && { closedAt: round.closedAt }) } };
}

/** "1 Sep 2026 to 7 Dec 2026": from the previous round's close (or the round's opening) to the report's day. */
function period(round: UpdateRound | undefined, previous: UpdateRound | undefined, asOf: IsoDate): string {
  const from = round ? round.opensAt : previous ? (previous.closedAt ?? previous.opensAt) : undefined;
  return from ? `${formatDate(londonDate(new Date(from)))} to ${formatDate(asOf)}` : `To ${formatDate(asOf)}`;
}
