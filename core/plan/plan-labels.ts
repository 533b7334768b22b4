import type { Plan, Task } from '../model';

/** Names a task's plan on a person's cards, only when their open tasks span more than one plan (one plan needs no label). */
export type PlanLabeller = (personAadObjectId: string, task: Pick<Task, 'planId'>) => string | undefined;

type LabelledPlan = Pick<Plan, 'id' | 'name' | 'kind' | 'periodStart' | 'periodEnd'>;

export function planLabeller(perPlan: readonly { plan: LabelledPlan; tasks: readonly Pick<Task, 'owners' | 'status'>[] }[]): PlanLabeller {
  const plansOf = new Map<string, Set<string>>();
  for (const { plan, tasks } of perPlan) {
    for (const task of tasks) {
      if (task.status !== 'Open') continue;
      for (const owner of task.owners) plansOf.set(owner.aadObjectId, (plansOf.get(owner.aadObjectId) ?? new Set()).add(plan.id));
    }
  }
  const names = shortNames(perPlan.map((p) => p.plan));
  return (person, task) => ((plansOf.get(person)?.size ?? 0) > 1 && task.planId ? names.get(task.planId) : undefined);
}

/**
 * A plan as a card names it: its kind and years ("Workforce plan 2026–27"), short enough for a
 * button's title, where that tells it from every other plan; otherwise (two of a kind over the same
 * years, or kind 'Other') its full name.
 */
function shortNames(plans: readonly LabelledPlan[]): Map<string, string> {
  const short = (p: LabelledPlan) => (p.kind === 'Other' ? undefined : `${p.kind} ${yearsOf(p.periodStart, p.periodEnd)}`);
  const counts = new Map<string, number>();
  for (const p of plans) {
    const s = short(p);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return new Map(plans.map((p) => {
    const s = short(p);
    return [p.id, s && counts.get(s) === 1 ? s : p.name] as const;
  }));
}

/** "2025–28" for April 2025 to March 2028, as councils write a plan's years; "2026" within one year. */
function yearsOf(start: string, end: string): string {
  const from = start.slice(0, 4);
  const to = end.slice(0, 4);
  return from === to ? from : from.slice(0, 2) === to.slice(0, 2) ? `${from}–${to.slice(2)}` : `${from}–${to}`;
}
