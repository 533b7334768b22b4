import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './access-token';
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
 * Retries 429/503/504 honouring Retry-After, else exponential backoff with jitter; gives up after
 * `maxRetries` and hands the last response back (the caller turns it into a typed error).
 */
export class RetryAfterMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly policy: RetryPolicy,
    private readonly onRetry?: (status: number, delayMs: number) => void,
  ) {}

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await this.next!.execute(context);
      const status = context.response?.status ?? 0;
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
