/** How throttled and transient Graph failures are retried (SharePoint throttling guidance). */
export interface RetryPolicy {
  maxRetries: number;
  /** First backoff when the server gives no Retry-After; doubles each attempt, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Retry-After (seconds or an HTTP date) wins; otherwise exponential backoff with ±50% jitter. */
export function retryDelayMs(attempt: number, retryAfter: string | null | undefined, policy: RetryPolicy, random = Math.random): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), policy.maxDelayMs);
  }
  const backoff = policy.baseDelayMs * 2 ** attempt;
  return Math.min(backoff * (0.5 + random()), policy.maxDelayMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
