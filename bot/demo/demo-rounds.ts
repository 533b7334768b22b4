import type { DateTime } from 'luxon';
import type { Rag, RoundScope, RoundSnapshotLine, Task, Update, UpdateRoundInput } from '../../core/model';
import { matchesScope, snapshotLine, tasksInRound } from '../../core/rounds/round-rules';
import { dateDaysAfter, instantDaysBefore, monthYear } from './demo-dates';

/**
 * The demo's past board rounds: quarterly, each open for a month, the last closed a month ago, so
 * the trends view has three rounds and today to compare and the history's updates answer them.
 * No round is left open: opening one is the officer's part of the demo.
 */

/** A closed round as the demo seeds it (its snapshot is taken from the seeded updates). */
export interface DemoRound {
  name: string;
  opensAt: string;
  dueDate: string;
  closedAt: string;
  scope: RoundScope;
}

/** Days before today each round closed, oldest first: about a quarter apart. */
const CLOSED_DAYS_AGO = [212, 121, 30] as const;
/** A round is open this many days; updates are due this many days before it closes. */
const OPEN_DAYS = 30;
const DUE_DAYS_BEFORE_CLOSE = 3;
/** Local hours a round opens and closes (updates are stamped at 10:00, inside the day). */
const OPENS_HOUR = 9;
const CLOSES_HOUR = 17;

export function demoRounds(day: DateTime): DemoRound[] {
  return CLOSED_DAYS_AGO.map((closedDaysAgo) => ({
    name: `Board report ${monthYear(day.minus({ days: closedDaysAgo }))}`,
    opensAt: instantDaysBefore(day, closedDaysAgo + OPEN_DAYS, OPENS_HOUR),
    dueDate: dateDaysAfter(day, -(closedDaysAgo + DUE_DAYS_BEFORE_CLOSE)),
    closedAt: instantDaysBefore(day, closedDaysAgo, CLOSES_HOUR),
    scope: { kind: 'all-open' },
  }));
}

/** The round an update submitted at `at` answered: the one open then whose scope holds the task (as submitUpdate decides). */
export function roundAnswered(rounds: DemoRound[], task: Pick<Task, 'ref' | 'objectiveRef'>, at: string): DemoRound | undefined {
  const t = Date.parse(at);
  return rounds.find((r) => matchesScope(r.scope, task) && t >= Date.parse(r.opensAt) && t <= Date.parse(r.closedAt));
}

/** A seeded task with its Plan Updates, oldest first. */
export interface SeededTask {
  task: Task;
  updates: Update[];
}

/**
 * The task as it stood at `at`, from its updates up to then: the latest update and what it said
 * (evidence, risks, ask of the board: the demo's tasks show their newest update's), the RAG last
 * proposed (every demo update's RAG applied at once), the status that RAG implies, and the
 * measure's latest value. Also that latest update, for the snapshot line to name.
 */
export function taskAsOf({ task, updates }: SeededTask, at: string): { task: Task; latest?: Update } {
  const until = Date.parse(at);
  const before = updates.filter((u) => Date.parse(u.submittedAt) <= until);
  const latest = before.at(-1);
  const rag: Rag = before.findLast((u) => u.ragProposed !== undefined)?.ragProposed ?? 'Not started';
  const measured = before.findLast((u) => u.measureValue !== undefined);
  const then: Task = {
    ...task,
    latestUpdate: latest?.progress,
    latestUpdateAt: latest?.submittedAt,
    latestUpdateBy: latest?.submittedBy,
    evidence: latest?.evidence,
    risks: latest?.risks,
    supportNeeded: latest?.supportNeeded,
    rag,
    status: rag === 'Complete' ? 'Complete' : 'Open',
    measureValue: measured?.measureValue,
    measureValueAt: measured?.submittedAt,
  };
  return { task: then, latest };
}

/** What closing the round then kept: each task in it, as closeRound snapshots them, at the instant it closed. */
export function closingSnapshot(round: DemoRound, seeded: SeededTask[]): RoundSnapshotLine[] {
  const asOf = new Map(seeded.map((s) => [s.task.id, taskAsOf(s, round.closedAt)]));
  const tasksThen = [...asOf.values()].map((s) => s.task);
  return tasksInRound(round, tasksThen).map((t) => snapshotLine(t, asOf.get(t.id)?.latest));
}

/** The round as the store keeps it once closed. */
export function closedRoundInput(round: DemoRound, seeded: SeededTask[]): UpdateRoundInput {
  return { ...round, state: 'Closed', snapshot: closingSnapshot(round, seeded) };
}
