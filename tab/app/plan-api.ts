import { ApiError, apiJson } from './api-client';
import type { PlanData } from './api-types';

const PLAN_URL = '/api/plan';

/** Fetches the plan from the tab's API. Throws ApiError with words fit for the page. */
export async function fetchPlan(signal?: AbortSignal): Promise<PlanData> {
  const body = await apiJson<unknown>(PLAN_URL, { signal });
  if (!looksLikePlanView(body)) throw new ApiError('The server sent a reply the plan view does not understand.', 200);
  return body;
}

/** A shape check, not a full schema: the server builds the view from validated domain records. */
function looksLikePlanView(body: unknown): body is PlanData {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof PlanData, unknown>>;
  return (
    Array.isArray(candidate.objectives) &&
    typeof candidate.summary === 'object' &&
    candidate.summary !== null &&
    typeof candidate.today === 'string'
  );
}
