import type { Person, Rag, RoundSnapshotLine, UpdateRound, UpdateRoundInput, UpdateRoundPatch } from '../model';
import type { ImportAction } from './import-report';

/**
 * A dated progress column ("October 2018 Update") is one past reporting round: each task's text is a
 * Plan Updates item (so the task's history shows it) and the column becomes a closed update round
 * whose snapshot lines point at those items (so board-report history by round works as for rounds
 * run in the app).
 */

export interface RoundLine {
  taskId?: string;
  taskRef: string;
  text: string;
  date: string;
  rag: Rag;
  updateId?: string;
}

export interface RoundPlan {
  name: string;
  date: string;
  lines: RoundLine[];
  existing?: UpdateRound;
  action: ImportAction;
  /** Lines the round does not have yet. */
  missing: RoundLine[];
}

export const roundTimes = (date: string) => ({ opensAt: `${date}T00:00:00.000Z`, updateAt: `${date}T12:00:00.000Z`, closedAt: `${date}T23:59:59.000Z` });

export function planRounds(lines: { round: string; line: RoundLine }[], existing: UpdateRound[]): RoundPlan[] {
  const byName = new Map<string, RoundPlan>();
  for (const { round, line } of lines) {
    let plan = byName.get(round);
    if (!plan) {
      const found = existing.find((r) => r.name === round);
      plan = { name: round, date: line.date, lines: [], ...(found && { existing: found }), action: 'unchanged', missing: [] };
      byName.set(round, plan);
    }
    if (line.date > plan.date) plan.date = line.date;
    plan.lines.push(line);
  }
  for (const plan of byName.values()) {
    const have = new Set(plan.existing?.snapshot?.map((l) => l.taskRef) ?? []);
    plan.missing = plan.lines.filter((l) => !have.has(l.taskRef));
    plan.action = !plan.existing ? 'create' : plan.missing.length > 0 && plan.existing.state === 'Closed' ? 'update' : 'unchanged';
  }
  return [...byName.values()];
}

function snapshotLine(line: RoundLine, author: Person): RoundSnapshotLine {
  return {
    taskId: line.taskId ?? '',
    taskRef: line.taskRef,
    update: line.text,
    updateAt: roundTimes(line.date).updateAt,
    updateBy: author,
    ...(line.updateId && { updateId: line.updateId }),
    rag: line.rag,
  };
}

export function newRound(plan: RoundPlan, author: Person): UpdateRoundInput {
  const t = roundTimes(plan.date);
  return {
    name: plan.name,
    opensAt: t.opensAt,
    dueDate: plan.date,
    scope: { kind: 'tasks', refs: plan.lines.map((l) => l.taskRef) },
    state: 'Closed',
    closedAt: t.closedAt,
    snapshot: plan.lines.map((l) => snapshotLine(l, author)),
  };
}

export function roundAdditions(plan: RoundPlan & { existing: UpdateRound }, author: Person): UpdateRoundPatch {
  const refs = plan.existing.scope.kind === 'tasks' ? plan.existing.scope.refs : [];
  return {
    snapshot: [...(plan.existing.snapshot ?? []), ...plan.missing.map((l) => snapshotLine(l, author))],
    ...(plan.existing.scope.kind === 'tasks' && { scope: { kind: 'tasks' as const, refs: [...refs, ...plan.missing.map((l) => l.taskRef).filter((r) => !refs.includes(r))] } }),
  };
}
