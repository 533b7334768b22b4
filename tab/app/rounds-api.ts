import { apiJson } from './api-client';
import type { OpenRoundRequest, RoundStatusView, RoundsView } from './api-types';

export function fetchRounds(signal?: AbortSignal): Promise<RoundsView> {
  return apiJson<RoundsView>('/api/rounds', { signal });
}

/** Opens a round (officers). ApiError carries field errors on 400 and the server's reason on 409. */
export function openRound(request: OpenRoundRequest): Promise<RoundStatusView> {
  return apiJson<RoundStatusView>('/api/rounds', { method: 'POST', body: request });
}

export function closeRound(roundId: string): Promise<RoundStatusView> {
  return apiJson<RoundStatusView>(`/api/rounds/${encodeURIComponent(roundId)}/close`, { method: 'POST', body: {} });
}

export interface ReachLine {
  person: { displayName: string; email?: string; aadObjectId?: string };
  status: 'reachable' | 'no-chat' | 'failing';
  openTasks: string[];
  lastFailure?: { reason: string; at: string };
}

/** Owners the bot cannot reach (officers). */
export async function fetchUnreachable(signal?: AbortSignal): Promise<ReachLine[]> {
  const body = await apiJson<unknown>('/api/reach', { signal });
  const lines = Array.isArray(body) ? body : ((body as { owners?: unknown; entries?: unknown }).owners ?? (body as { entries?: unknown }).entries);
  return (Array.isArray(lines) ? (lines as ReachLine[]) : []).filter((line) => line.status !== 'reachable');
}
