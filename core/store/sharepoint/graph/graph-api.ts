import { Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { AccessTokenSource } from './access-token';
import { GraphRequestError, graphErrorFrom } from './graph-error';
import { BearerTokenMiddleware, RetryAfterMiddleware } from './graph-middleware';
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
    return this.call(path, () => this.client.api(this.relative(path)).headers(headers).get() as Promise<T>);
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.call(path, () => this.client.api(this.relative(path)).headers(headers).post(body) as Promise<T>);
  }

  patch<T>(path: string, body: unknown, ifMatch?: string): Promise<T> {
    const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : {};
    return this.call(path, () => this.client.api(this.relative(path)).headers(headers).patch(body) as Promise<T>);
  }

  delete(path: string, ifMatch?: string): Promise<void> {
    const headers: Record<string, string> = ifMatch ? { 'If-Match': ifMatch } : {};
    return this.call(path, () => this.client.api(this.relative(path)).headers(headers).delete() as Promise<void>);
  }

  /**
   * One JSON batch (at most 20 requests). Throttled sub-requests, and those that failed only
   * because a throttled one they depend on did, are sent again after the longest Retry-After.
   */
  async batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    if (requests.length > MAX_BATCH_REQUESTS) throw new Error(`A Graph batch holds at most ${MAX_BATCH_REQUESTS} requests (got ${requests.length})`);
    const results = new Map<string, BatchResponse>();
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const { responses } = await this.post<{ responses: BatchResponse[] }>('/$batch', { requests: pending });
      const throttled = new Set<string>();
      let wait = 0;
      for (const r of responses) {
        results.set(r.id, r);
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

  private async call<T>(path: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === -1) {
        // The client reports failures before any HTTP answer (token, network) as status -1.
        throw new Error(`Microsoft Graph could not be called for ${path}: no access token from Entra ID, or the network failed (${err.message})`);
      }
      if (err instanceof GraphError) {
        throw new GraphRequestError(err.statusCode, err.code ?? `http${err.statusCode}`, err.message, path);
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
  return graphErrorFrom(response.status, response.body, path);
}
