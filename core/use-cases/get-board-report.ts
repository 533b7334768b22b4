import { NotFoundError } from '../errors';
import { buildBoardReport, type BoardReport } from '../export/board-report';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { NoOpenRoundError } from '../rounds/round-errors';

/**
 * The report for `roundId`, by default the latest closed round, else the open one. Throws
 * NotFoundError for an unknown round, NoOpenRoundError when no round was ever opened.
 */
export async function getBoardReport(deps: { store: PlanStore; clock: Clock }, query: { roundId?: string } = {}): Promise<BoardReport> {
  const [rounds, tasks, objectives] = await Promise.all([deps.store.listRounds(), deps.store.listTasks(), deps.store.listObjectives()]);
  const round = query.roundId !== undefined ? rounds.find((r) => r.id === query.roundId) : (rounds.filter((r) => r.state === 'Closed').at(-1) ?? rounds.find((r) => r.state === 'Open'));
  if (!round) throw query.roundId !== undefined ? new NotFoundError('Update round', query.roundId) : new NoOpenRoundError('No update round has been opened yet, so there is no board report. Open a round first.');
  const index = rounds.indexOf(round);
  const previous = rounds.slice(0, index).filter((r) => r.state === 'Closed').at(-1);
  return buildBoardReport({ round, previous, tasks, objectives, generatedAt: deps.clock.now().toISOString() });
}
