export interface BackoffPolicy {
  /** Delay before the first retry (before jitter). */
  baseMs: number;
  /** Upper bound of any one delay (before jitter). */
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": the nth retry waits between half and all of
 * base * 2^(n-1) (capped), so retries from many senders spread out but never come back at once.
 */
export function backoffMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is a floor: wait at least that long, plus a little jitter so paused senders do not resume in step. */
export function atLeast(retryAfterMs: number, random: () => number = Math.random): number {
  return retryAfterMs + Math.round(random() * Math.min(1_000, retryAfterMs * 0.1));
}
