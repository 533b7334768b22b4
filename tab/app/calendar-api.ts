import type { StatutoryCalendar } from '../../core/use-cases/get-statutory-calendar';
import { ApiError, apiJson } from './api-client';

export type StatutoryCalendarView = StatutoryCalendar;
export type StatutoryDateView = StatutoryCalendar['dates'][number];

/** The next statutory dates (`GET /api/calendar`), each with the update round suggested for it. */
export async function fetchStatutoryCalendar(count = 5, signal?: AbortSignal): Promise<StatutoryCalendarView> {
  const body = await apiJson<unknown>(`/api/calendar?count=${count}`, { signal });
  if (!looksLikeCalendar(body)) throw new ApiError('The server sent a reply the statutory dates panel does not understand.', 200);
  return body;
}

function looksLikeCalendar(body: unknown): body is StatutoryCalendarView {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof StatutoryCalendarView, unknown>>;
  return typeof candidate.nation === 'string' && typeof candidate.today === 'string' && Array.isArray(candidate.dates);
}
