import { NotFoundError } from '../errors';
import type { UpdateRound } from '../model';
import type { PlanStore } from '../ports/plan-store';
import { NoOpenRoundError } from '../rounds/round-errors';
import { liveStanding, roundProgress, snapshotStanding, type RoundProgress } from '../rounds/round-rules';

export interface RoundStatus extends RoundProgress {
  round: UpdateRound;
}

/**
 * Where a round stands: tasks in scope, how many are answered, the response rate, and who has not
 * answered (owners with their unanswered task refs). By default the open round, else the latest
 * one; a closed round is read from its snapshot. Throws NoOpenRoundError when there is no round
 * at all, NotFoundError for an unknown round id.
 */
export async function getRoundStatus(deps: { store: PlanStore }, query: { roundId?: string } = {}): Promise<RoundStatus> {
  const rounds = await deps.store.listRounds();
  const round = query.roundId === undefined ? (rounds.find((r) => r.state === 'Open') ?? rounds.at(-1)) : rounds.find((r) => r.id === query.roundId);
  if (!round) throw query.roundId === undefined ? new NoOpenRoundError('No update round has been opened yet.') : new NotFoundError('Update round', query.roundId);
  const tasks = await deps.store.listTasks();
  const standing = round.state === 'Open' ? liveStanding(round, tasks) : snapshotStanding(round, tasks);
  return { round, ...roundProgress(standing) };
}
