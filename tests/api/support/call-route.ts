import type { ApiRequest, ApiResponse, ApiRoute } from '../../../tab/api/api-route';

/** Calls the route matching `method path?query` as restify would (`:name` segments become params). */
export async function callRoute(routes: ApiRoute[], method: ApiRoute['method'], url: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<ApiResponse> {
  const parsed = new URL(url, 'http://localhost');
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, parsed.pathname);
    if (!params) continue;
    const request: ApiRequest = {
      params,
      query: Object.fromEntries(parsed.searchParams),
      headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: init.body,
    };
    return route.handle(request);
  }
  throw new Error(`No route for ${method} ${parsed.pathname}`);
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return undefined;
  }
  return params;
}

export function jsonBody<T = Record<string, unknown>>(response: ApiResponse): T {
  if ('file' in response) throw new Error(`Expected JSON, got a file (${response.file.fileName})`);
  // As the client receives it: through JSON (undefined fields dropped).
  return JSON.parse(JSON.stringify(response.body)) as T;
}
