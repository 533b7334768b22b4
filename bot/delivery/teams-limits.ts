/** At most `limit` sends in any `windowMs` (a sliding window, as the receiver measures it). */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Teams' limits for a bot sending to one conversation (DESIGN.md §6, Teams rate-limit docs). */
export const TEAMS_PER_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' documented per-app-per-tenant limit is 50/s (older docs: 30/s); the product defaults to 30. */
export const DEFAULT_SENDS_PER_SECOND = 30;

export function perSecond(limit: number): RateWindow[] {
  return [{ limit, windowMs: 1_000 }];
}
