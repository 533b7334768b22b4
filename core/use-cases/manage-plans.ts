import { DuplicateError, NotFoundError, ValidationError } from '../errors';
import type { Person, Plan } from '../model';
import { parseNewPlan, parsePlanChange } from '../plan/plan-rules';
import type { PlanStore } from '../ports/plan-store';

/**
 * An officer starts a plan (a successor, a workforce plan): Draft unless asked for Active. A key
 * already taken (the same name and period) gets a number: "workforce-plan-2025-28-2".
 */
export async function startPlan(deps: { store: PlanStore }, cmd: { actor: Person; body: unknown }): Promise<Plan> {
  const input = parseNewPlan(cmd.body, cmd.actor);
  if (input.predecessorId && !(await deps.store.plans.getPlan(input.predecessorId))) {
    throw new ValidationError([{ field: 'predecessorId', message: 'Previous plan: there is no such plan. Reload and pick it again.' }]);
  }
  for (let n = 1; ; n += 1) {
    try {
      return await deps.store.plans.createPlan({ ...input, key: n === 1 ? input.key : `${input.key}-${n}` });
    } catch (err) {
      if (!(err instanceof DuplicateError) || n >= 50) throw err;
    }
  }
}

/** Renames a plan, moves its dates or changes its state (Closed: its tasks stay as they are, readable). */
export async function changePlan(deps: { store: PlanStore }, cmd: { planId: string; expectedVersion?: string; body: unknown }): Promise<Plan> {
  const plan = await deps.store.plans.getPlan(cmd.planId);
  if (!plan) throw new NotFoundError('Plan', cmd.planId);
  const patch = parsePlanChange(cmd.body, plan);
  return deps.store.plans.updatePlan(plan.id, cmd.expectedVersion ?? plan.version, patch);
}
