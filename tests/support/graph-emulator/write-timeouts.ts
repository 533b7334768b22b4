import { GraphError } from './graph-errors';

/**
 * Writes that are applied and then answered 504, as when a gateway gives up waiting for SharePoint
 * that went on to save the item: "the server, while acting as a proxy, didn't receive a timely
 * response from the upstream server" (https://learn.microsoft.com/graph/errors, 504). A client that
 * retries the write then meets its own item. Each `$batch` sub-request counts on its own; `batch`
 * answers a whole `$batch` (every sub-request run) with 504.
 */
export type TimedOutWrite = 'create' | 'update' | 'batch';

export class WriteTimeouts {
  private readonly left: Record<TimedOutWrite, number> = { create: 0, update: 0, batch: 0 };

  next(n: number, kind: TimedOutWrite): void {
    if (!Number.isInteger(n) || n < 0) throw new Error('timeOutAfterWrite: n must be a whole number');
    this.left[kind] = n;
  }

  /** The 504 for an applied write of this kind, if it is one of the timed-out ones. */
  take(kind: TimedOutWrite | undefined): GraphError | undefined {
    if (kind === undefined || this.left[kind] <= 0) return undefined;
    this.left[kind] -= 1;
    return new GraphError(504, 'UnknownError', 'The gateway timed out waiting for SharePoint. The request may or may not have been applied.');
  }
}
