/**
 * A bare `fetch` client for the emulator's own tests: sends the bearer token and JSON, and returns
 * status, headers and the parsed body as-is, so tests can assert Graph's exact shapes.
 */

// Test assertions read arbitrary Graph JSON; `any` keeps them readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GraphBody = any;

export interface GraphResult {
  status: number;
  headers: Headers;
  body: GraphBody;
}

export interface GraphTestClient {
  get(url: string, headers?: Record<string, string>): Promise<GraphResult>;
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<GraphResult>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<GraphResult>;
  delete(url: string, headers?: Record<string, string>): Promise<GraphResult>;
  /** POST /$batch with these requests (bodies get a Content-Type header). */
  batch(requests: { id: string; method: string; url: string; body?: unknown; dependsOn?: string[]; headers?: Record<string, string> }[]): Promise<GraphResult>;
}

export function graphTestClient(baseUrl: string, token: string | null = 'test-token'): GraphTestClient {
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<GraphResult> => {
    const target = /^https?:/.test(url) ? url : `${baseUrl}${url}`;
    const h: Record<string, string> = { ...headers };
    if (token !== null) h.Authorization = `Bearer ${token}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const res = await fetch(target, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as GraphBody) : undefined };
  };
  return {
    get: (url, headers) => call('GET', url, undefined, headers),
    post: (url, body, headers) => call('POST', url, body, headers),
    patch: (url, body, headers) => call('PATCH', url, body, headers),
    delete: (url, headers) => call('DELETE', url, undefined, headers),
    batch: (requests) =>
      call('POST', '/$batch', {
        requests: requests.map((r) => (r.body === undefined ? r : { ...r, headers: { 'Content-Type': 'application/json', ...r.headers } })),
      }),
  };
}

/** A query string with every value percent-encoded. */
export function qs(params: Record<string, string | number>): string {
  return `?${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}
