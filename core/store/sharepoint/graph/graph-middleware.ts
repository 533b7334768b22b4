import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './access-token';
import { mayHaveBeenApplied } from './graph-error';
import { RETRYABLE_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry-policy';

/** Adds the app-only bearer token to every request. */
export class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly tokens: AccessTokenSource) {}

  async execute(context: Context): Promise<void> {
    const token = await this.tokens.getToken();
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A per-request middleware option (the client hands it to every middleware through
 * `context.middlewareControl`) in which the retry middleware notes each attempt, so the caller can
 * tell a write whose earlier attempt may have been applied (answered 5xx, or not at all).
 */
export class AttemptLog implements MiddlewareOptions {
  /** Attempts sent past the token middleware. */
  sent = 0;
  /** The status of each attempt that got an answer, in order. */
  readonly statuses: number[] = [];

  /** Whether an attempt before the final one may have been applied. */
  get earlierMayHaveApplied(): boolean {
    const earlier = this.sent > this.statuses.length ? this.statuses : this.statuses.slice(0, -1);
    return earlier.some(mayHaveBeenApplied);
  }
}

/**
 * Retries 429/503/504 honouring Retry-After, else exponential backoff with jitter; gives up after
 * `maxRetries` and hands the last response back (the caller turns it into a typed error). A 503/504
 * may come after a write was applied: the AttemptLog says so, and the adapter checks the list.
 */
export class RetryAfterMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly policy: RetryPolicy,
    private readonly onRetry?: (status: number, delayMs: number) => void,
  ) {}

  async execute(context: Context): Promise<void> {
    const log = context.middlewareControl?.getMiddlewareOptions(AttemptLog) as AttemptLog | undefined;
    for (let attempt = 0; ; attempt++) {
      if (log) log.sent++;
      await this.next!.execute(context);
      const status = context.response?.status ?? 0;
      log?.statuses.push(status);
      if (!RETRYABLE_STATUSES.has(status) || attempt >= this.policy.maxRetries) return;
      const delay = retryDelayMs(attempt, context.response?.headers.get('Retry-After'), this.policy);
      this.onRetry?.(status, delay);
      await sleep(delay);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
