import { Client, GraphError, type GraphRequest, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './access-token';
import { GraphRequestError, graphErrorFrom, mayHaveBeenApplied } from './graph-error';
import { AttemptLog, BearerTokenMiddleware, RetryAfterMiddleware } from './graph-middleware';
import { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, retryDelayMs, sleep, type RetryPolicy } from './retry-policy';

export const MAX_BATCH_REQUESTS = 20;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string; // relative to the version root, e.g. /sites/{id}/lists/{id}/items
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** An earlier attempt (this sub-request or its whole $batch, answered 5xx or not at all) may have been applied. */
  ambiguous?: boolean;
}

export interface GraphApiOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (GRAPH_BASE_URL), or a local emulator in tests. */
  baseUrl: string;
  tokens: AccessTokenSource;
  retry?: RetryPolicy;
  onRetry?: (status: number, delayMs: number) => void;
}

/**
 * The Microsoft Graph calls the SharePoint adapter makes, through @microsoft/microsoft-graph-client
 * with a pipeline of bearer token -> Retry-After retries -> HTTP. Failures surface as
 * GraphRequestError with Graph's error code.
 */
export class GraphApi {
  private readonly client: Client;
  private readonly root: string;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: GraphApiOptions) {
    const url = new URL(options.baseUrl.replace(/\/+$/, ''));
    const version = url.pathname.replace(/^\/+/, '') || 'v1.0';
    this.root = `${url.origin}/${version}`;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const bearer = new BearerTokenMiddleware(options.tokens);
    const retry = new RetryAfterMiddleware(this.retry, options.onRetry);
    this.client = Client.initWithMiddleware({
      middleware: [bearer, retry, new HTTPMessageHandler()],
      baseUrl: url.origin,
      defaultVersion: version,
      customHosts: new Set([url.hostname]),
    });
  }

  /** nextLink / deltaLink values are absolute; the client wants paths under the version root. */
  relative(pathOrUrl: string): string {
    return pathOrUrl.startsWith(this.root) ? pathOrUrl.slice(this.root.length) : pathOrUrl;
  }

  get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.call(path, (r) => r.headers(headers).get());
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}, log = new AttemptLog()): Promise<T> {
    return this.call(path, (r) => r.headers(headers).post(body), log);
  }

  patch<T>(path: string, body: unknown, ifMatch?: string): Promise<T> {
    const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : {};
    return this.call(path, (r) => r.headers(headers).patch(body));
  }

  delete(path: string, ifMatch?: string): Promise<void> {
    const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : {};
    return this.call(path, (r) => r.headers(headers).delete());
  }

  /**
   * One JSON batch (at most 20 requests). Throttled sub-requests, and those that failed only
   * because a throttled one they depend on did, are sent again after the longest Retry-After.
   */
  async batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    if (requests.length > MAX_BATCH_REQUESTS) throw new Error(`A Graph batch holds at most ${MAX_BATCH_REQUESTS} requests (got ${requests.length})`);
    const results = new Map<string, BatchResponse>();
    const unsure = new Set<string>(); // ids with an earlier attempt that may have been applied
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const log = new AttemptLog();
      const { responses } = await this.post<{ responses: BatchResponse[] }>('/$batch', { requests: pending }, {}, log);
      if (log.earlierMayHaveApplied) for (const q of pending) unsure.add(q.id);
      const throttled = new Set<string>();
      let wait = 0;
      for (const r of responses) {
        results.set(r.id, unsure.has(r.id) ? { ...r, ambiguous: true } : r);
        if (mayHaveBeenApplied(r.status)) unsure.add(r.id);
        if (RETRYABLE_STATUSES.has(r.status)) {
          throttled.add(r.id);
          wait = Math.max(wait, retryDelayMs(attempt, header(r.headers, 'Retry-After'), this.retry));
        }
      }
      const retry = pending.filter((q) => throttled.has(q.id) || (results.get(q.id)?.status === 424 && q.dependsOn?.some((d) => throttled.has(d))));
      if (retry.length === 0 || attempt >= this.retry.maxRetries) break;
      this.options.onRetry?.(429, wait);
      await sleep(wait);
      const retryIds = new Set(retry.map((q) => q.id));
      // A dependency that already succeeded is not resent, so drop it from dependsOn.
      pending = retry.map((q) => ({ ...q, dependsOn: q.dependsOn?.filter((d) => retryIds.has(d)) }));
    }
    return results;
  }

  /** Sends one request; its AttemptLog tells whether an earlier attempt may have been applied. */
  private async call<T>(path: string, send: (request: GraphRequest) => Promise<unknown>, log = new AttemptLog()): Promise<T> {
    try {
      return (await send(this.client.api(this.relative(path)).middlewareOptions([log]))) as T;
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === -1) {
        // The client reports failures before any HTTP answer (token, network) as status -1.
        if (log.sent === 0) throw new Error(`Microsoft Graph could not be called for ${path}: no access token from Entra ID (${err.message})`);
        // Sent, but no answer: a write may or may not have been applied (status 0).
        throw new GraphRequestError(0, 'noResponse', `no answer: the network failed (${err.message})`, path, log.earlierMayHaveApplied);
      }
      if (err instanceof GraphError) {
        throw new GraphRequestError(err.statusCode, err.code ?? `http${err.statusCode}`, err.message, path, log.earlierMayHaveApplied);
      }
      throw err;
    }
  }
}

export function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

/** A failed batch sub-response as a typed error. */
export function batchError(response: BatchResponse, path: string): GraphRequestError {
  return graphErrorFrom(response.status, response.body, path, response.ambiguous === true);
}
