/** A Graph request that failed for good (after retries), with Graph's own error code. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Graph's own words (`error.message`), without our prefix. */
    readonly graphMessage: string,
    readonly requestPath: string,
    /**
     * An earlier attempt of this request (one retried after a 5xx or no answer) may have been
     * applied: a write that now fails may have been written by that attempt.
     */
    readonly ambiguous = false,
  ) {
    super(`Microsoft Graph ${status} ${code} on ${requestPath}: ${graphMessage}`);
    this.name = 'GraphRequestError';
  }

  /** 400/401/403/404/409/412 and friends: retrying cannot help. Status 0 (no answer) is not one. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429 && this.status !== 408;
  }
}

export function graphErrorFrom(status: number, body: unknown, path: string, ambiguous = false): GraphRequestError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return new GraphRequestError(
    status,
    typeof error?.code === 'string' ? error.code : `http${status}`,
    typeof error?.message === 'string' ? error.message : 'no message',
    path,
    ambiguous,
  );
}

/**
 * Answers after which a write may still have been applied: none at all (status 0), a timeout, or a
 * 5xx ("the server … didn't receive a timely response", https://learn.microsoft.com/graph/errors).
 */
export function mayHaveBeenApplied(status: number): boolean {
  return status === 0 || status === 408 || status >= 500;
}

/**
 * What a failed item write means, the one place the adapter decides it:
 *
 * - `conflict`: 412 (https://learn.microsoft.com/graph/api/listitem-update), 409 `resourceModified`
 *   ("the resource being updated has changed since the caller last read it",
 *   https://learn.microsoft.com/graph/errors), or SharePoint's "Save Conflict" message.
 * - `duplicate`: a unique-column violation. Graph documents neither its status nor its code; reports
 *   show 409 `nameAlreadyExists`, 400 `invalidRequest` and 500 `generalException`, always with
 *   SharePoint's SPDuplicateValuesFoundException message, so the message and that code decide, never
 *   the status alone (409 also means `resourceModified`).
 * - `unclear`: a 400/409 we cannot read (a site in another language words SharePoint's messages in
 *   that language), or an answer after which the write may have been applied: the caller looks at
 *   the list to tell.
 */
export type WriteFailure = 'conflict' | 'duplicate' | 'notFound' | 'unclear' | 'other';

const DUPLICATE_VALUES = /duplicate values were found/i;
const SAVE_CONFLICT = /save conflict|conflict with those made concurrently/i;

export function classifyWriteFailure(err: unknown): WriteFailure {
  if (!(err instanceof GraphRequestError)) return 'other';
  const code = err.code.toLowerCase();
  if (err.status === 404) return 'notFound';
  if (err.status === 412 || code === 'resourcemodified' || SAVE_CONFLICT.test(err.graphMessage)) return 'conflict';
  if (DUPLICATE_VALUES.test(err.graphMessage) || code === 'namealreadyexists') return 'duplicate';
  if (err.status === 400 || err.status === 409 || mayHaveBeenApplied(err.status) || err.ambiguous) return 'unclear';
  return 'other';
}

/** True when Graph said, in words we know, that a unique column already holds the value. */
export function isUniqueViolation(err: unknown): boolean {
  return classifyWriteFailure(err) === 'duplicate';
}
