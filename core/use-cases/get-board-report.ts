import { NotFoundError } from '../errors';
import type { BoardReport } from '../export/board-report';
import { buildBoardReport } from '../export/board-report-build';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import type { PlanIdentity } from '../plan/plan-identity';

export interface BoardReportQuery {
  /** A round to report: a closed round's snapshot, or an open round so far. Absent: the plan as of today. */
  roundId?: string;
  /** Who asked for the paper (the cover's "prepared by"), from the signed-in caller. */
  preparedBy?: string;
}

/**
 * The board paper at any time: without a round, the plan as of today (no round needs to have been
 * opened); with one, that round. Throws NotFoundError for an unknown round id.
 */
export async function getBoardReport(deps: { store: PlanStore; clock: Clock; plan?: PlanIdentity }, query: BoardReportQuery = {}): Promise<BoardReport> {
  const [rounds, tasks, objectives] = await Promise.all([deps.store.listRounds(), deps.store.listTasks(), deps.store.listObjectives()]);
  const round = query.roundId !== undefined ? rounds.find((r) => r.id === query.roundId) : undefined;
  if (query.roundId !== undefined && !round) throw new NotFoundError('Update round', query.roundId);
  return buildBoardReport({
    tasks,
    objectives,
    rounds,
    now: deps.clock.now(),
    ...(round && { round }),
    meta: { ...(deps.plan?.council && { council: deps.plan.council }), ...(deps.plan?.title && { planTitle: deps.plan.title }), ...(query.preparedBy && { preparedBy: query.preparedBy }) },
  });
}
