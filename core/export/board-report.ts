import { RAG_VALUES, type IsoDate, type IsoInstant, type Objective, type Rag, type RoundSnapshotLine, type Task, type UpdateRound } from '../model';
import { formatDate } from '../plan/london-time';
import { compareRefs } from '../plan/ref-order';
import { answeredInRound, snapshotLine, tasksInRound } from '../rounds/round-rules';

/**
 * The board report of one update round, in the councils' familiar layout: a section per
 * objective, a table per section (ref, action, lead, due, RAG, this round's update, the previous
 * round's update), and a RAG summary. A closed round is read from the snapshot kept when it
 * closed; an open one from the plan as it is now.
 */
export interface BoardReport {
  round: { id: string; name: string; dueDate: IsoDate; state: UpdateRound['state']; opensAt: IsoInstant; closedAt?: IsoInstant };
  previousRound?: { id: string; name: string };
  generatedAt: IsoInstant;
  summary: RagSummary;
  sections: BoardReportSection[];
}

export interface RagSummary {
  total: number;
  byRag: Record<Rag, number>;
}

export interface BoardReportSection {
  ref: string;
  title: string;
  summary: RagSummary;
  rows: BoardReportRow[];
}

export interface BoardReportRow {
  ref: string;
  action: string;
  /** Owners' names. */
  lead: string;
  due: string;
  rag: Rag;
  /** Absent: no update came in during that round (for the previous round: or the task was not in it). */
  thisUpdate?: string;
  previousUpdate?: string;
  /** Whether the task was asked about in the previous round at all. */
  inPreviousRound: boolean;
}

const UNFILED = { ref: '–', title: 'Tasks without an objective' };

/** Pure: the report from the round, the closed round before it, and the plan. */
export function buildBoardReport(input: { round: UpdateRound; previous?: UpdateRound; tasks: Task[]; objectives: Objective[]; generatedAt: IsoInstant }): BoardReport {
  const { round, previous, tasks, objectives } = input;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const lines = round.state === 'Closed' ? (round.snapshot ?? []) : tasksInRound(round, tasks).map((t) => snapshotLine(t));
  const previousLines = new Map((previous?.snapshot ?? []).map((l) => [l.taskId, l]));

  const sections = new Map<string, BoardReportSection>();
  for (const o of [...objectives].sort((a, b) => compareRefs(a.ref, b.ref))) sections.set(o.ref, { ref: o.ref, title: o.title, summary: emptySummary(), rows: [] });
  for (const line of [...lines].sort((a, b) => compareRefs(a.taskRef, b.taskRef))) {
    const task = byId.get(line.taskId);
    const objectiveRef = task?.objectiveRef ?? UNFILED.ref;
    let section = sections.get(objectiveRef);
    if (!section) {
      section = sections.get(UNFILED.ref) ?? { ...UNFILED, summary: emptySummary(), rows: [] };
      sections.set(UNFILED.ref, section);
    }
    const before = previousLines.get(line.taskId);
    section.rows.push({
      ref: line.taskRef,
      action: task?.title ?? '(no longer in the plan)',
      lead: task?.owners.map((o) => o.displayName).join(', ') ?? '',
      due: task ? dueText(task) : '',
      rag: line.rag,
      thisUpdate: updateGiven(round, line),
      previousUpdate: previous && before ? updateGiven(previous, before) : undefined,
      inPreviousRound: before !== undefined,
    });
    count(section.summary, line.rag);
  }
  const filled = [...sections.values()].filter((s) => s.rows.length > 0);
  const summary = emptySummary();
  for (const s of filled) for (const r of s.rows) count(summary, r.rag);
  return {
    round: { id: round.id, name: round.name, dueDate: round.dueDate, state: round.state, opensAt: round.opensAt, ...(round.closedAt && { closedAt: round.closedAt }) },
    ...(previous && { previousRound: { id: previous.id, name: previous.name } }),
    generatedAt: input.generatedAt,
    summary,
    sections: filled,
  };
}

/** The update the owner gave during that round; an older update is not this round's. */
function updateGiven(round: UpdateRound, line: RoundSnapshotLine): string | undefined {
  return line.update && answeredInRound(round, { latestUpdateAt: line.updateAt }) ? line.update : undefined;
}

function dueText(task: Task): string {
  if (task.dueText?.trim()) return task.dueText.trim();
  return task.dueDate ? formatDate(task.dueDate) : '';
}

function emptySummary(): RagSummary {
  return { total: 0, byRag: Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number> };
}

function count(summary: RagSummary, rag: Rag): void {
  summary.total += 1;
  summary.byRag[rag] += 1;
}
