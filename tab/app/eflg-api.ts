import { ApiError, apiJson } from './api-client';
import type { EflgAssessment } from './api-types';

const EFLG_URL = '/api/eflg';

/** The plan against the LGA Equality Framework (`GET /api/eflg`). Throws ApiError with words fit for the page. */
export async function fetchEflg(signal?: AbortSignal): Promise<EflgAssessment> {
  const body = await apiJson<unknown>(EFLG_URL, { signal });
  if (!looksLikeAssessment(body)) throw new ApiError('The server sent a reply the Equality Framework view does not understand.', 200);
  return body;
}

/** A shape check, not a full schema: the server builds the assessment from validated domain records. */
function looksLikeAssessment(body: unknown): body is EflgAssessment {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof EflgAssessment, unknown>>;
  return Array.isArray(candidate.modules) && typeof candidate.asOf === 'string' && typeof candidate.untaggedOpenTasks === 'number' && typeof candidate.rule === 'string';
}
