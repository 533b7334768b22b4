import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { buildTrends, type TrendsView } from '../trends/plan-trends';

/** The plan over time (RAG per round, objectives, movers, measures), as the tab's trends view shows it. */
export async function getTrends(deps: { store: PlanStore; clock: Clock }): Promise<TrendsView> {
  const [tasks, objectives, rounds] = await Promise.all([deps.store.listTasks(), deps.store.listObjectives(), deps.store.listRounds()]);
  return buildTrends({ tasks, objectives, rounds, now: deps.clock.now() });
}
