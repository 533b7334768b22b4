import { ApiError, apiJson } from './api-client';
import type { TrendsView } from './api-types';

const TRENDS_URL = '/api/trends';

/** Fetches the plan over time from the tab's API. Throws ApiError with words fit for the page. */
export async function fetchTrends(signal?: AbortSignal): Promise<TrendsView> {
  const body = await apiJson<unknown>(TRENDS_URL, { signal });
  if (!looksLikeTrends(body)) throw new ApiError('The server sent a reply the trends view does not understand.', 200);
  return body;
}

/** A shape check, not a full schema: the server computes the view from validated domain records. */
function looksLikeTrends(body: unknown): body is TrendsView {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof TrendsView, unknown>>;
  const movers = candidate.movers as { up?: unknown; down?: unknown } | undefined;
  return (
    Array.isArray(candidate.ragByRound) &&
    Array.isArray(candidate.objectives) &&
    Array.isArray(candidate.measures) &&
    Array.isArray(movers?.up) &&
    Array.isArray(movers?.down) &&
    typeof candidate.today === 'string'
  );
}
