import type { Update, UpdateRound } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { ConflictError } from '../errors';
import { NoOpenRoundError, RoundClosedError } from '../rounds/round-errors';
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
 * NoOpenRoundError (no such round, or none open), RoundClosedError (closed already, also when
 * someone closed it meanwhile), or ConflictError when the round changed otherwise (nothing written).
 */
export async function closeRound(deps: CloseRoundDeps, cmd: { roundId?: string } = {}): Promise<CloseRoundResult> {
  const open = await roundToClose(deps.store, cmd.roundId);
  const tasks = await deps.store.listTasks();
  const inScope = tasksInRound(open, tasks);
  const snapshot = [];
  for (const task of inScope) {
    const latest: Update | undefined = task.latestUpdateAt ? (await deps.store.listUpdates(task.id)).at(-1) : undefined;
    snapshot.push(snapshotLine(task, latest));
  }
  try {
    const round = await deps.store.updateRound(open.id, open.version, { state: 'Closed', closedAt: deps.clock.now().toISOString(), snapshot });
    return { round, progress: roundProgress(liveStanding(open, tasks)) };
  } catch (err) {
    const now = err instanceof ConflictError ? (await deps.store.listRounds()).find((r) => r.id === open.id) : undefined;
    throw now?.state === 'Closed' ? new RoundClosedError(now) : err;
  }
}

async function roundToClose(store: PlanStore, roundId: string | undefined): Promise<UpdateRound> {
  if (roundId === undefined) {
    const [open] = await store.listRounds({ state: 'Open' });
    if (!open) throw new NoOpenRoundError();
    return open;
  }
  const round = (await store.listRounds()).find((r) => r.id === roundId);
  if (!round) throw new NoOpenRoundError('There is no such update round: it may have been removed.', roundId);
  if (round.state === 'Closed') throw new RoundClosedError(round);
  return round;
}
