/** The transport-free request/response the emulator routes; shared by top-level HTTP and `$batch`. */

export interface EmulatorRequest {
  method: string;
  /** Path and query relative to the version root, as received, e.g. `/sites/x/lists/y/items?expand=fields`. */
  rawUrl: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});

export const noContent = (): EmulatorResponse => ({ status: 204, headers: {} });

/** Splits a raw relative URL into its path and query (OData options accept `$name` and `name`). */
export function splitUrl(rawUrl: string): { path: string; query: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  return { path: path.startsWith('/') ? path : `/${path}`, query };
}

/** An OData system query option, with or without its `$` (Graph v1.0 accepts both). */
export function odataParam(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}
