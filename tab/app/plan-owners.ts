import type { PlanData } from './api-types';

export interface OwnerOption {
  aadObjectId: string;
  displayName: string;
  email: string;
}

/** Everyone who owns a task in the plan, by name; owners without an id (an older server) cannot be filtered on. */
export function ownersOf(plan: PlanData): OwnerOption[] {
  const byId = new Map<string, OwnerOption>();
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      for (const task of indicator.tasks) {
        for (const owner of task.owners as { aadObjectId?: string; displayName: string; email: string }[]) {
          if (owner.aadObjectId && !byId.has(owner.aadObjectId)) byId.set(owner.aadObjectId, { aadObjectId: owner.aadObjectId, displayName: owner.displayName, email: owner.email });
        }
      }
    }
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** The lead services the plan's tasks name, each once (as first spelt), in alphabetical order. */
export function leadServicesOf(plan: PlanData): string[] {
  const byLower = new Map<string, string>();
  for (const objective of plan.objectives) {
    for (const indicator of objective.indicators) {
      for (const task of indicator.tasks) {
        const service = task.leadService?.trim();
        if (service && !byLower.has(service.toLowerCase())) byLower.set(service.toLowerCase(), service);
      }
    }
  }
  return [...byLower.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
