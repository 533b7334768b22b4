import { RAG_VALUES, type IsoDate, type IsoInstant, type Objective, type Rag, type Task, type UpdateRound } from '../model';
import { expectedValue, progressToTarget, suggestedRag } from '../measures/measure-rules';
import { londonDate } from '../plan/london-time';
import { compareRefs } from '../plan/ref-order';
import { liveStanding, roundProgress } from '../rounds/round-rules';

/**
 * The plan over time, for the tab's trends view and the board report: the RAG mix at each closed
 * round (its snapshot) and today, progress per objective, which tasks moved since the last closed
 * round, and each measure against its target. Pure: computed from the tasks and rounds alone.
 */
export interface TrendsView {
  generatedAt: IsoInstant;
  today: IsoDate;
  /** Closed rounds oldest first, then "Today" (the plan as it is now). */
  ragByRound: RagPoint[];
  objectives: ObjectiveProgress[];
  movers: Movers;
  measures: MeasureTrend[];
}

export interface RagPoint {
  /** Absent for the "Today" point. */
  roundId?: string;
  label: string;
  date: IsoDate;
  total: number;
  byRag: Record<Rag, number>;
  /** Share of the round's tasks answered during it (absent for "Today" without an open round). */
  responseRate?: number;
}

export interface ObjectiveProgress {
  ref: string;
  title: string;
  total: number;
  complete: number;
  /** complete / total × 100, rounded (0 with no tasks). */
  percentComplete: number;
  byRag: Record<Rag, number>;
}

export interface Mover {
  taskId: string;
  ref: string;
  title: string;
  from: Rag;
  to: Rag;
}

export interface Movers {
  /** The closed round compared against; absent when no round has closed. */
  since?: { id: string; name: string };
  up: Mover[];
  down: Mover[];
}

export interface MeasurePoint {
  label: string;
  date: IsoDate;
  value: number;
}

export interface MeasureTrend {
  taskId: string;
  ref: string;
  title: string;
  name: string;
  unit?: string;
  baseline?: number;
  target: number;
  targetDate?: IsoDate;
  latest?: { value: number; at: IsoInstant };
  /** Where the value should be today on the trajectory. */
  expectedNow: number;
  /** Fractions of the way from baseline to target: now, and where it should be. */
  progress?: number;
  expectedProgress?: number;
  /** The RAG the tolerances suggest for the latest value (absent without tolerances or a value). */
  suggested?: Extract<Rag, 'Green' | 'Amber' | 'Red'>;
  /** The value at each closed round that had one, then the latest. */
  history: MeasurePoint[];
}

const UNFILED = { ref: '–', title: 'Tasks without an objective' };

/** Better to worse is up to down: Complete, Green, Not started, Amber, Red. */
const RAG_RANK: Record<Rag, number> = { Red: 0, Amber: 1, 'Not started': 2, Green: 3, Complete: 4 };

export function ragDirection(from: Rag, to: Rag): 'up' | 'down' | 'same' {
  return RAG_RANK[to] > RAG_RANK[from] ? 'up' : RAG_RANK[to] < RAG_RANK[from] ? 'down' : 'same';
}

export function emptyRagCounts(): Record<Rag, number> {
  return Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
}

export function buildTrends(input: { tasks: Task[]; objectives: Objective[]; rounds: UpdateRound[]; now: Date }): TrendsView {
  const { objectives, rounds, now } = input;
  // Withdrawn tasks have left the plan (as in the plan view); closed rounds keep what they recorded.
  const tasks = input.tasks.filter((t) => t.status !== 'Withdrawn');
  const today = londonDate(now);
  const closed = rounds.filter((r) => r.state === 'Closed');
  const open = rounds.find((r) => r.state === 'Open');
  const latestClosed = closed.at(-1);
  return {
    generatedAt: now.toISOString(),
    today,
    ragByRound: [...closed.map((r) => roundPoint(r)), todayPoint(tasks, today, open)],
    objectives: objectiveProgress(tasks, objectives),
    movers: movers(tasks, latestClosed),
    measures: measureTrends(tasks, closed, today),
  };
}

/**
 * answeredInRound's rule for many lines: instants as we write them (toISOString: 24 characters,
 * UTC) compare as strings, far cheaper than parsing each; any other form is parsed.
 */
function atOrAfter(instant: string, from: string): boolean {
  return instant.length === 24 && from.length === 24 && instant.endsWith('Z') && from.endsWith('Z') ? instant >= from : Date.parse(instant) >= Date.parse(from);
}

export function roundPoint(round: UpdateRound): RagPoint {
  const byRag = emptyRagCounts();
  for (const line of round.snapshot ?? []) byRag[line.rag] += 1;
  // The response rate alone: answered lines over lines (roundProgress also sorts who has not answered).
  const lines = round.snapshot ?? [];
  const answered = lines.filter((l) => l.updateAt !== undefined && atOrAfter(l.updateAt, round.opensAt)).length;
  return {
    roundId: round.id,
    label: round.name,
    date: londonDate(new Date(round.closedAt ?? round.opensAt)),
    total: round.snapshot?.length ?? 0,
    byRag,
    responseRate: lines.length === 0 ? 0 : answered / lines.length,
  };
}

export function todayPoint(tasks: Task[], today: IsoDate, open: UpdateRound | undefined): RagPoint {
  const byRag = emptyRagCounts();
  for (const t of tasks) byRag[t.rag] += 1;
  return { label: 'Today', date: today, total: tasks.length, byRag, ...(open && { responseRate: roundProgress(liveStanding(open, tasks)).responseRate }) };
}

function objectiveProgress(tasks: Task[], objectives: Objective[]): ObjectiveProgress[] {
  const byRef = new Map<string, ObjectiveProgress>();
  for (const o of [...objectives].sort((a, b) => compareRefs(a.ref, b.ref))) byRef.set(o.ref, { ref: o.ref, title: o.title, total: 0, complete: 0, percentComplete: 0, byRag: emptyRagCounts() });
  for (const t of tasks) {
    let entry = byRef.get(t.objectiveRef);
    if (!entry) {
      entry = byRef.get(UNFILED.ref) ?? { ...UNFILED, total: 0, complete: 0, percentComplete: 0, byRag: emptyRagCounts() };
      byRef.set(UNFILED.ref, entry);
    }
    entry.total += 1;
    entry.byRag[t.rag] += 1;
    if (t.status === 'Complete' || t.rag === 'Complete') entry.complete += 1;
  }
  const out = [...byRef.values()].filter((o) => o.total > 0);
  for (const o of out) o.percentComplete = Math.round((o.complete / o.total) * 100);
  return out;
}

/** Tasks whose RAG now differs from the latest closed round's snapshot, best first / worst first. */
function movers(tasks: Task[], since: UpdateRound | undefined): Movers {
  if (!since) return { up: [], down: [] };
  const before = new Map((since.snapshot ?? []).map((l) => [l.taskId, l.rag]));
  const up: Mover[] = [];
  const down: Mover[] = [];
  for (const t of tasks) {
    const from = before.get(t.id);
    if (from === undefined) continue;
    const direction = ragDirection(from, t.rag);
    if (direction !== 'same') (direction === 'up' ? up : down).push({ taskId: t.id, ref: t.ref, title: t.title, from, to: t.rag });
  }
  const byRef = (a: Mover, b: Mover) => compareRefs(a.ref, b.ref);
  return { since: { id: since.id, name: since.name }, up: up.sort(byRef), down: down.sort(byRef) };
}

function measureTrends(tasks: Task[], closed: UpdateRound[], today: IsoDate): MeasureTrend[] {
  const measured = tasks.filter((t) => t.measure).sort((a, b) => compareRefs(a.ref, b.ref));
  if (measured.length === 0) return [];
  const history = measureHistory(closed);
  return measured.map((t) => measureTrend(t, history.get(t.id) ?? [], today));
}

/** Each task's measure value at every closed round that kept one, in round order. */
export function measureHistory(closed: UpdateRound[]): Map<string, MeasurePoint[]> {
  const history = new Map<string, MeasurePoint[]>();
  for (const round of closed) {
    const date = londonDate(new Date(round.closedAt ?? round.opensAt));
    for (const line of round.snapshot ?? []) {
      if (line.measureValue === undefined) continue;
      const points = history.get(line.taskId) ?? [];
      points.push({ label: round.name, date, value: line.measureValue });
      history.set(line.taskId, points);
    }
  }
  return history;
}

export function measureTrend(task: Task, roundPoints: MeasurePoint[], today: IsoDate): MeasureTrend {
  const measure = task.measure!;
  const latest = task.measureValue !== undefined ? { value: task.measureValue, at: task.measureValueAt ?? '' } : undefined;
  const expectedNow = expectedValue(measure, today);
  const points = [...roundPoints];
  if (latest) {
    const date = latest.at ? londonDate(new Date(latest.at)) : today;
    if (points.at(-1)?.value !== latest.value || points.at(-1)?.date !== date) points.push({ label: 'Latest', date, value: latest.value });
  }
  const progress = latest ? progressToTarget(measure, latest.value) : undefined;
  const expectedProgress = progressToTarget(measure, expectedNow);
  const suggested = latest ? suggestedRag(measure, latest.value, today) : undefined;
  return {
    taskId: task.id,
    ref: task.ref,
    title: task.title,
    name: measure.name?.trim() || task.successMeasure?.trim() || `Measure for ${task.ref}`,
    ...(measure.unit && { unit: measure.unit }),
    ...(measure.baseline !== undefined && { baseline: measure.baseline }),
    target: measure.target,
    ...(measure.targetDate && { targetDate: measure.targetDate }),
    ...(latest && { latest }),
    expectedNow,
    ...(progress !== undefined && { progress }),
    ...(expectedProgress !== undefined && { expectedProgress }),
    ...(suggested && { suggested }),
    history: points,
  };
}
