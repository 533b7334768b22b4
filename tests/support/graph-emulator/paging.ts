import { invalidRequest } from './graph-errors';

/**
 * Server-driven paging (https://learn.microsoft.com/graph/paging): a page holds at most `$top` (or
 * the default page size) items and, when more remain, `@odata.nextLink` — an absolute URL with the
 * original query plus `$skiptoken`. Like SharePoint's `Paged=TRUE&p_ID=…` tokens, the skip token is
 * a keyset position (the last item's sort values and id), so items written between pages neither
 * repeat nor shift the rest.
 */

export type SortValue = string | number | boolean | null;
export type SortTuple = SortValue[];

export function encodeSkipToken(tuple: SortTuple): string {
  const id = tuple[tuple.length - 1];
  return Buffer.from(`Paged=TRUE&p_ID=${String(id)}&p_Keys=${encodeURIComponent(JSON.stringify(tuple))}`).toString('base64url');
}

export function decodeSkipToken(token: string): SortTuple {
  const params = new URLSearchParams(Buffer.from(token, 'base64url').toString('utf8'));
  const keys = params.get('p_Keys');
  if (params.get('Paged') !== 'TRUE' || keys === null) throw invalidRequest('The $skiptoken is not valid.');
  try {
    const tuple = JSON.parse(keys) as unknown;
    if (!Array.isArray(tuple)) throw new Error('not a tuple');
    return tuple as SortTuple;
  } catch {
    throw invalidRequest('The $skiptoken is not valid.');
  }
}

/** Compares sort tuples; `desc[i]` reverses key i. Empty values sort first (ascending), as in SharePoint views. */
export function compareTuples(a: SortTuple, b: SortTuple, desc: readonly boolean[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    let c = 0;
    if (x === y) c = 0;
    else if (x === null) c = -1;
    else if (y === null) c = 1;
    else c = x < y ? -1 : 1;
    if (c !== 0) return desc[i] ? -c : c;
  }
  return 0;
}

/** Builds `base + path + ?query` with values percent-encoded (spaces as %20, never '+'). */
export function linkTo(baseUrl: string, path: string, query: URLSearchParams): string {
  const qs = [...query.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}
