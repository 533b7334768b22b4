import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Recorded Graph responses taken from the example responses of Microsoft's own v1.0 pages
 * (microsoftgraph/microsoft-graph-docs-contrib), one JSON file each under tests/fixtures/graph-docs/:
 * `{ doc, example, request: { method, pathPattern, query? }, adapted, response: { status, headers?, body? } }`.
 * Each says in `adapted` what was changed from the page and why.
 *
 * `pathPattern` is the path under /v1.0 as the docs write it: `{name}` stands for one segment,
 * `{name*}` for one or more. `query` constrains the query string: a value to equal, `null` for
 * absent, `"*"` for present. In the response, a string holding `{name}` for a name the pattern
 * captured gets the request's value (so ids stay consistent), and `https://graph.microsoft.com/v1.0`
 * becomes the replay server's own address.
 */

/** The site id of the docs' examples (site-getbypath, listitem-delta). */
export const DOCS_SITE = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';

export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'graph-docs');

export interface GraphDocFixture {
  /** The file name without `.json`. */
  name: string;
  /** The Learn page the example comes from; null only with `undocumented`. */
  doc: string | null;
  undocumented?: string;
  example: string;
  request: { method: string; pathPattern: string; query?: Record<string, string | null> };
  adapted: string[];
  response: { status: number; headers?: Record<string, string>; body?: unknown };
}

export function loadFixtures(dir = FIXTURE_DIR): GraphDocFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Omit<GraphDocFixture, 'name'>), name: f.slice(0, -'.json'.length) }));
}

/** Every fixture but the named ones (alternatives for the same request, e.g. an empty or a provisioned site). */
export function fixturesWithout(...names: string[]): GraphDocFixture[] {
  const all = loadFixtures();
  for (const n of names) if (!all.some((f) => f.name === n)) throw new Error(`no fixture ${n}`);
  return all.filter((f) => !names.includes(f.name));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledPattern {
  regex: RegExp;
  names: string[];
  /** Fewer placeholders is more specific: `/items/delta` beats `/items/{item-id}`. */
  placeholders: number;
}

export function compilePattern(pattern: string): CompiledPattern {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(/\{([A-Za-z-]+)(\*?)\}/g)) {
    source += escape(pattern.slice(last, m.index));
    names.push(m[1]!);
    source += m[2] ? '(.+)' : '([^/]+)';
    last = m.index! + m[0].length;
  }
  source += escape(pattern.slice(last));
  return { regex: new RegExp(`^${source}$`), names, placeholders: names.length };
}

export interface Match {
  fixture: GraphDocFixture;
  params: Record<string, string>;
}

function queryMatches(constraints: Record<string, string | null> | undefined, query: URLSearchParams): boolean {
  for (const [key, want] of Object.entries(constraints ?? {})) {
    const got = query.get(key);
    if (want === null ? got !== null : want === '*' ? got === null : got !== want) return false;
  }
  return true;
}

/** The most specific fixture for a request (path decoded, relative to /v1.0), or why there is none. */
export function findFixture(fixtures: GraphDocFixture[], method: string, pathname: string, query: URLSearchParams): Match | { ambiguous: string[] } | undefined {
  const candidates: (Match & { score: number })[] = [];
  for (const fixture of fixtures) {
    if (fixture.request.method !== method) continue;
    const compiled = compilePattern(fixture.request.pathPattern);
    const m = compiled.regex.exec(pathname);
    if (!m || !queryMatches(fixture.request.query, query)) continue;
    const params = Object.fromEntries(compiled.names.map((n, i) => [n, m[i + 1]!]));
    candidates.push({ fixture, params, score: compiled.placeholders * 100 - Object.keys(fixture.request.query ?? {}).length });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a.score - b.score);
  if (candidates.length > 1 && candidates[0]!.score === candidates[1]!.score) return { ambiguous: candidates.filter((c) => c.score === candidates[0]!.score).map((c) => c.fixture.name) };
  return { fixture: candidates[0]!.fixture, params: candidates[0]!.params };
}

/** The recorded body with the request's ids put in and Graph's address replaced by the server's. */
export function renderBody(body: unknown, params: Record<string, string>, graphRoot: string): unknown {
  if (typeof body === 'string') {
    let out = body.split('https://graph.microsoft.com/v1.0').join(graphRoot);
    for (const [name, value] of Object.entries(params)) out = out.split(`{${name}}`).join(value);
    return out;
  }
  if (Array.isArray(body)) return body.map((b) => renderBody(b, params, graphRoot));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, renderBody(v, params, graphRoot)]));
  return body;
}
