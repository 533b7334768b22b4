/** A Graph request that failed for good (after retries), with Graph's own error code. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestPath: string,
  ) {
    super(`Microsoft Graph ${status} ${code} on ${requestPath}: ${message}`);
    this.name = 'GraphRequestError';
  }

  /** 400/401/403/404/409/412 and friends: retrying cannot help. */
  get permanent(): boolean {
    return this.status < 500 && this.status !== 429 && this.status !== 408;
  }
}

export function graphErrorFrom(status: number, body: unknown, path: string): GraphRequestError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return new GraphRequestError(
    status,
    typeof error?.code === 'string' ? error.code : `http${status}`,
    typeof error?.message === 'string' ? error.message : 'no message',
    path,
  );
}
