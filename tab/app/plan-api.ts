import type { PlanView } from '../../core/plan-view';

export const PLAN_URL = '/api/plan';

/** Why the plan could not be shown, in words fit for the page. */
export class PlanLoadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlanLoadError';
  }
}

/** Fetches the plan from the tab's API on the same origin. Throws PlanLoadError. */
export async function fetchPlan(signal?: AbortSignal): Promise<PlanView> {
  let response: Response;
  try {
    response = await fetch(PLAN_URL, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PlanLoadError('The server could not be reached. Check your connection and try again.');
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new PlanLoadError(
      serverMessage(body) ?? `The server returned an error (HTTP ${response.status}).`,
      response.status,
    );
  }
  if (!looksLikePlanView(body)) {
    throw new PlanLoadError('The server sent a reply the plan view does not understand.', response.status);
  }
  return body;
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('message' in body)) return undefined;
  const { message } = body;
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

/** A shape check, not a full schema: the server builds the view from validated domain records. */
function looksLikePlanView(body: unknown): body is PlanView {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof PlanView, unknown>>;
  return (
    Array.isArray(candidate.objectives) &&
    typeof candidate.summary === 'object' &&
    candidate.summary !== null &&
    typeof candidate.today === 'string'
  );
}
