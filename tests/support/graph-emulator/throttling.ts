import { GraphError } from './graph-errors';

/**
 * Injected throttling. SharePoint answers an over-budget application with 429 (or 503 when it sheds
 * load) and a `Retry-After` header in seconds
 * (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online;
 * https://learn.microsoft.com/graph/throttling). Requests in a `$batch` are evaluated individually,
 * so each sub-request takes its own slot (https://learn.microsoft.com/graph/json-batching,
 * "Batch size limitations"); the `$batch` envelope does not.
 */
export class Throttle {
  private remaining = 0;
  private retryAfterSeconds = 0;
  private status: 429 | 503 = 429;

  next(n: number, retryAfterSeconds: number, status: 429 | 503 = 429): void {
    if (!Number.isInteger(n) || n < 0) throw new Error('throttleNext: n must be a whole number');
    if (!(retryAfterSeconds >= 0)) throw new Error('throttleNext: retryAfterSeconds must be >= 0');
    this.remaining = n;
    this.retryAfterSeconds = retryAfterSeconds;
    this.status = status;
  }

  /** The error for this request if it is one of the throttled ones. */
  take(): GraphError | undefined {
    if (this.remaining <= 0) return undefined;
    this.remaining -= 1;
    const headers = { 'Retry-After': String(this.retryAfterSeconds) };
    return this.status === 429
      ? new GraphError(429, 'TooManyRequests', 'The request has been throttled. Retry after the interval in the Retry-After header.', headers)
      : new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Retry after the interval in the Retry-After header.', headers);
  }
}
