import type { Objective } from '../model';
import type { ImportAction } from './import-report';

/** What importing does to each objective the tasks belong to: create it, retitle it, or leave it. */

export interface ObjectivePlan {
  ref: string;
  title: string;
  action: ImportAction;
  existing?: { id: string; version: string };
}

/** A title the file gives replaces the stored one; a title made up for the file ("Objective 3") never does. */
export function planObjectives(used: Map<string, { title: string; fromFile: boolean }>, stored: Objective[]): ObjectivePlan[] {
  return [...used].map(([ref, o]) => {
    const existing = stored.find((x) => x.ref === ref);
    if (!existing) return { ref, title: o.title, action: 'create' };
    const action = o.fromFile && o.title !== existing.title ? 'update' : 'unchanged';
    return { ref, title: action === 'update' ? o.title : existing.title, action, existing: { id: existing.id, version: existing.version } };
  });
}
