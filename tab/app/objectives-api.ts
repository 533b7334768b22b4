import { apiJson } from './api-client';
import type { ObjectiveItem } from './api-types';

/** Every objective, retired ones too. */
export async function fetchObjectives(signal?: AbortSignal): Promise<ObjectiveItem[]> {
  const body = await apiJson<{ objectives?: ObjectiveItem[] }>('/api/objectives', { signal });
  return body.objectives ?? [];
}

/** Adds an objective (officers). ApiError carries field errors on 400 (a ref already used). */
export function createObjective(input: { ref: string; title: string; description?: string }): Promise<ObjectiveItem> {
  return apiJson<ObjectiveItem>('/api/objectives', { method: 'POST', body: input });
}

/** Retires or restores an objective at the version read; a 400 says why not (open tasks), a 412 that it changed. */
export function setObjectiveRetired(objective: ObjectiveItem, retired: boolean): Promise<ObjectiveItem> {
  return apiJson<ObjectiveItem>(`/api/objectives/${encodeURIComponent(objective.id)}`, { method: 'PATCH', body: { retired }, ifMatch: objective.etag });
}
