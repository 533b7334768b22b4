import type { Plan, Task } from '../model';

/** Names a task's plan on a person's cards, only when their open tasks span more than one plan (one plan needs no label). */
export type PlanLabeller = (personAadObjectId: string, task: Pick<Task, 'planId'>) => string | undefined;

export function planLabeller(perPlan: readonly { plan: Pick<Plan, 'id' | 'name'>; tasks: readonly Pick<Task, 'owners' | 'status'>[] }[]): PlanLabeller {
  const plansOf = new Map<string, Set<string>>();
  for (const { plan, tasks } of perPlan) {
    for (const task of tasks) {
      if (task.status !== 'Open') continue;
      for (const owner of task.owners) plansOf.set(owner.aadObjectId, (plansOf.get(owner.aadObjectId) ?? new Set()).add(plan.id));
    }
  }
  const names = new Map(perPlan.map(({ plan }) => [plan.id, plan.name] as const));
  return (person, task) => ((plansOf.get(person)?.size ?? 0) > 1 && task.planId ? names.get(task.planId) : undefined);
}
