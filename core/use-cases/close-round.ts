import type { Update, UpdateRound } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { NoOpenRoundError } from '../rounds/round-errors';
import { liveStanding, roundProgress, snapshotLine, tasksInRound, type RoundProgress } from '../rounds/round-rules';

export interface CloseRoundDeps {
  store: PlanStore;
  clock: Clock;
}

export interface CloseRoundResult {
  round: UpdateRound;
  /** How the round ended: response rate and who had not answered. */
  progress: RoundProgress;
}

/**
 * Closes the open round and keeps, in the round, each in-scope task's latest update and RAG: the
 * "April update" column of the board report, whatever happens to the tasks afterwards. Throws
 * NoOpenRoundError, or ConflictError when the round changed meanwhile (nothing written).
 */
export async function closeRound(deps: CloseRoundDeps, cmd: { roundId?: string } = {}): Promise<CloseRoundResult> {
  const open = (await deps.store.listRounds({ state: 'Open' })).find((r) => cmd.roundId === undefined || r.id === cmd.roundId);
  if (!open) throw new NoOpenRoundError();
  const tasks = await deps.store.listTasks();
  const inScope = tasksInRound(open, tasks);
  const snapshot = [];
  for (const task of inScope) {
    const latest: Update | undefined = task.latestUpdateAt ? (await deps.store.listUpdates(task.id)).at(-1) : undefined;
    snapshot.push(snapshotLine(task, latest));
  }
  const round = await deps.store.updateRound(open.id, open.version, { state: 'Closed', closedAt: deps.clock.now().toISOString(), snapshot });
  return { round, progress: roundProgress(liveStanding(open, tasks)) };
}
