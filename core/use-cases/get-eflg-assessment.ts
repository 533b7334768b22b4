import { buildEflgAssessment, type EflgAssessment } from '../eflg/self-assessment';
import type { Update } from '../model';
import { londonDate } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';

/**
 * The plan's Equality Framework self-assessment as of today (the tab's view and the evidence
 * pack). Only tagged tasks' updates are read: the evidence comes from them, and a plan tags a few
 * dozen tasks, not thousands.
 */
export async function getEflgAssessment(deps: { store: PlanStore; clock: Clock }): Promise<EflgAssessment> {
  const tasks = await deps.store.listTasks();
  const tagged = tasks.filter((t) => t.eflg?.length);
  const updates = await Promise.all(tagged.map(async (t): Promise<[string, Update[]]> => [t.id, await deps.store.listUpdates(t.id)]));
  return buildEflgAssessment({ tasks, updatesByTask: new Map(updates), today: londonDate(deps.clock.now()) });
}
