import type { Person, RoundScope, RoundSnapshotLine, Task, Update, UpdateRound } from '../model';
import { compareRefs } from '../plan/ref-order';

/**
 * The rules of an update round, as pure functions of the round and the tasks (DESIGN.md §4):
 * which tasks it asks about, which of them are answered, and what closing keeps.
 */

/** The scope's filter alone: some objectives' tasks, some tasks by ref, or every task. */
export function matchesScope(scope: RoundScope, task: Pick<Task, 'ref' | 'objectiveRef'>): boolean {
  switch (scope.kind) {
    case 'all-open':
      return true;
    case 'objectives':
      return scope.refs.includes(task.objectiveRef);
    case 'tasks':
      return scope.refs.includes(task.ref);
  }
}

/** A task is answered in a round when it has an update submitted at or after the round opened. */
export function answeredInRound(round: Pick<UpdateRound, 'opensAt'>, task: Pick<Task, 'latestUpdateAt'>): boolean {
  return task.latestUpdateAt !== undefined && Date.parse(task.latestUpdateAt) >= Date.parse(round.opensAt);
}

/**
 * In the round: matches the scope and is open, or was answered in the round (an owner who marks a
 * task Complete in their round update stays counted). Tasks closed without an answer need none.
 */
export function inRound(round: Pick<UpdateRound, 'scope' | 'opensAt'>, task: Task): boolean {
  return matchesScope(round.scope, task) && (task.status === 'Open' || answeredInRound(round, task));
}

export function tasksInRound(round: Pick<UpdateRound, 'scope' | 'opensAt'>, tasks: Task[]): Task[] {
  return tasks.filter((t) => inRound(round, t)).sort((a, b) => compareRefs(a.ref, b.ref));
}

/** Everyone who owns a task that still needs answering, each once. */
export function ownersToAsk(round: Pick<UpdateRound, 'opensAt'>, tasks: Task[]): Person[] {
  const owners = new Map<string, Person>();
  for (const t of tasks) if (!answeredInRound(round, t)) for (const o of t.owners) if (!owners.has(o.aadObjectId)) owners.set(o.aadObjectId, o);
  return [...owners.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** Who has not answered: each owner with the refs of their unanswered tasks. */
export interface OwnerNotAnswered {
  owner: Person;
  taskRefs: string[];
}

export interface RoundProgress {
  inScope: number;
  answered: number;
  /** answered / inScope, from 0 to 1 (0 when nothing is in scope). */
  responseRate: number;
  notAnswered: OwnerNotAnswered[];
  /** Unanswered tasks with no owner to ask. */
  unownedTaskRefs: string[];
}

/** One task's standing in a round, from the live plan or from a closed round's snapshot. */
export interface RoundTaskStanding {
  taskRef: string;
  answered: boolean;
  owners: Person[];
}

export function roundProgress(lines: RoundTaskStanding[]): RoundProgress {
  const byOwner = new Map<string, OwnerNotAnswered>();
  const unownedTaskRefs: string[] = [];
  const sorted = [...lines].sort((a, b) => compareRefs(a.taskRef, b.taskRef));
  for (const line of sorted) {
    if (line.answered) continue;
    if (line.owners.length === 0) unownedTaskRefs.push(line.taskRef);
    for (const owner of line.owners) {
      const entry = byOwner.get(owner.aadObjectId) ?? { owner, taskRefs: [] };
      entry.taskRefs.push(line.taskRef);
      byOwner.set(owner.aadObjectId, entry);
    }
  }
  const answered = lines.filter((l) => l.answered).length;
  return {
    inScope: lines.length,
    answered,
    responseRate: lines.length === 0 ? 0 : answered / lines.length,
    notAnswered: [...byOwner.values()].sort((a, b) => a.owner.displayName.localeCompare(b.owner.displayName, 'en-GB')),
    unownedTaskRefs,
  };
}

/** An open round's standing, from the plan as it is now. */
export function liveStanding(round: Pick<UpdateRound, 'scope' | 'opensAt'>, tasks: Task[]): RoundTaskStanding[] {
  return tasksInRound(round, tasks).map((t) => ({ taskRef: t.ref, answered: answeredInRound(round, t), owners: t.owners }));
}

/** A closed round's standing, from its snapshot (owners as the plan has them now). */
export function snapshotStanding(round: Pick<UpdateRound, 'opensAt' | 'snapshot'>, tasks: Task[]): RoundTaskStanding[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return (round.snapshot ?? []).map((line) => ({
    taskRef: line.taskRef,
    answered: answeredInRound(round, { latestUpdateAt: line.updateAt }),
    owners: byId.get(line.taskId)?.owners ?? [],
  }));
}

/**
 * A task's line in the closing snapshot: its latest update and RAG. `latest` is the task's newest
 * Plan Updates item, named in the line when it is the update the task shows.
 */
export function snapshotLine(task: Task, latest?: Update): RoundSnapshotLine {
  const fromHistory = latest !== undefined && task.latestUpdateAt !== undefined && Date.parse(latest.submittedAt) === Date.parse(task.latestUpdateAt);
  const line: RoundSnapshotLine = {
    taskId: task.id,
    taskRef: task.ref,
    update: task.latestUpdate,
    updateAt: task.latestUpdateAt,
    updateBy: task.latestUpdateBy,
    updateId: fromHistory ? latest.id : undefined,
    rag: task.rag,
    status: task.status,
    measureValue: task.measureValue,
    evidence: task.evidence,
    risks: task.risks,
    supportNeeded: task.supportNeeded,
  };
  return Object.fromEntries(Object.entries(line).filter(([, v]) => v !== undefined)) as unknown as RoundSnapshotLine;
}
