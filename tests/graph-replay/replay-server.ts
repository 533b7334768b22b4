import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { findFixture, type GraphDocFixture, loadFixtures, renderBody } from './fixtures';

/**
 * A Graph stand-in that knows nothing but the recorded responses of Microsoft's docs
 * (fixtures.ts): a request matching a fixture's method and path pattern gets that response; any
 * other gets 501 and is logged in `unmatched`, so a test can list the requests that have no
 * recording. A `$batch` is answered sub-request by sub-request from the same fixtures, in the
 * envelope https://learn.microsoft.com/graph/json-batching documents (a sub-request depending on
 * one that failed gets 424), unless `batch: 'recorded'` asks for the docs' own batch example.
 */

export interface ReplayedRequest {
  method: string;
  /** Decoded path and query under /v1.0, e.g. `/sites/x/lists?$select=id,displayName`. */
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  batched: boolean;
  /** The fixture that answered; undefined for an unmatched request. */
  fixture?: string;
  status: number;
}

export interface ReplayOptions {
  fixtures?: GraphDocFixture[];
  batch?: 'compose' | 'recorded';
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface BatchSub {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

const VERSION = '/v1.0';

export class ReplayServer {
  readonly requests: ReplayedRequest[] = [];
  baseUrl = '';
  private server?: http.Server;
  private readonly fixtures: GraphDocFixture[];
  private readonly batchMode: 'compose' | 'recorded';

  constructor(options: ReplayOptions = {}) {
    this.fixtures = options.fixtures ?? loadFixtures();
    this.batchMode = options.batch ?? 'compose';
  }

  /** Requests no fixture answered, as `METHOD path`. */
  get unmatched(): string[] {
    return this.requests.filter((r) => r.fixture === undefined).map((r) => `${r.method} ${r.path}`);
  }

  /** Requests answered by one fixture. */
  answeredBy(name: string): ReplayedRequest[] {
    return this.requests.filter((r) => r.fixture === name);
  }

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'replayFailed', message: String(err) } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${VERSION}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The product's Graph client, pointed here (no retries: a recording answers the same every time). */
  api(): GraphApi {
    return new GraphApi({ baseUrl: this.baseUrl, tokens: { getToken: async () => 'replay-token' }, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
  }

  private answer(method: string, url: string, headers: Record<string, string>, body: unknown, batched: boolean): Answer {
    const parsed = new URL(url, 'http://replay');
    const pathname = decodeURIComponent(parsed.pathname);
    const logged = `${pathname}${parsed.search ? decodeURIComponent(parsed.search) : ''}`;
    const found = findFixture(this.fixtures, method, pathname, parsed.searchParams);
    if (!found || 'ambiguous' in found) {
      const message = found ? `Several fixtures match ${method} ${logged}: ${found.ambiguous.join(', ')}` : `No recorded response for ${method} ${logged}`;
      this.requests.push({ method, path: logged, headers, body, batched, status: 501 });
      return { status: 501, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'notImplemented', message } } };
    }
    const { fixture, params } = found;
    const { status, headers: recorded = {}, body: recordedBody } = fixture.response;
    this.requests.push({ method, path: logged, headers, body, batched, fixture: fixture.name, status });
    const out = { ...recorded };
    if (recordedBody !== undefined && !Object.keys(out).some((k) => k.toLowerCase() === 'content-type')) out['Content-Type'] = 'application/json';
    return { status, headers: out, body: renderBody(recordedBody, params, this.baseUrl) };
  }

  private batch(body: unknown, headers: Record<string, string>): Answer {
    if (this.batchMode === 'recorded') return this.answer('POST', '/$batch', headers, body, false);
    this.requests.push({ method: 'POST', path: '/$batch', headers, body, batched: false, fixture: 'json-batching', status: 200 });
    const subs = ((body as { requests?: BatchSub[] } | undefined)?.requests ?? []) as BatchSub[];
    const done = new Map<string, number>();
    const responses = subs.map((sub) => {
      const failed = sub.dependsOn?.find((d) => (done.get(d) ?? 0) >= 400);
      const url = sub.url.startsWith('/') ? sub.url : `/${sub.url}`;
      const answer: Answer = failed
        ? { status: 424, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'failedDependency', message: `Request ${failed} failed.` } } }
        : this.answer(sub.method, url, lowerKeys(sub.headers ?? {}), sub.body, true);
      done.set(sub.id, answer.status);
      return { id: sub.id, status: answer.status, headers: answer.headers, ...(answer.body !== undefined && { body: answer.body }) };
    });
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text.trim() ? (JSON.parse(text) as unknown) : undefined;
    const headers = lowerKeys(Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])));
    const url = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const relative = url.startsWith(VERSION) ? url.slice(VERSION.length) : url;
    const answer = relative.split('?')[0] === '/$batch' && method === 'POST' ? this.batch(body, headers) : this.answer(method, relative, headers, body, false);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

export async function startReplay(options: ReplayOptions = {}): Promise<ReplayServer> {
  const server = new ReplayServer(options);
  await server.listen();
  return server;
}
