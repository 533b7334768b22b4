import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BatchRunner, runBatch } from './batch';
import { errorBody, GraphError } from './graph-errors';
import { type GraphPath, parseGraphPath } from './graph-path';
import { type EmulatorRequest, type EmulatorResponse, json, splitUrl } from './http-types';
import { resourceUnitsFor } from './resource-units';
import { route } from './router';
import type { SiteStore } from './site-store';
import { Throttle } from './throttling';
import { type TimedOutWrite, WriteTimeouts } from './write-timeouts';

/**
 * The HTTP front of the emulator: one pipeline for every request — authentication, injected
 * throttling, routing, resource-unit accounting and the request log — applied to top-level requests
 * and, individually, to each `$batch` sub-request. Latency applies once per HTTP round trip.
 */

export interface RecordedRequest {
  method: string;
  /** Path and query relative to the version root, e.g. `/sites/…/items?expand=fields`. */
  path: string;
  status: number;
  batched: boolean;
}

export const VERSION_ROOT = '/v1.0';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Which kind of write a request is, for WriteTimeouts. */
function writeKind(method: string, path: GraphPath): TimedOutWrite | undefined {
  if (path.kind === 'batch') return 'batch';
  if (path.kind === 'items' && method === 'POST') return 'create';
  if (path.kind === 'itemFields' && method === 'PATCH') return 'update';
  return undefined;
}

/**
 * App-only calls carry `Authorization: Bearer <token>`; a missing or empty token is 401
 * `InvalidAuthenticationToken` (https://learn.microsoft.com/graph/errors, "Code property").
 */
function authError(headers: Record<string, string>): GraphError | undefined {
  const auth = headers.authorization;
  if (auth === undefined || auth.trim() === '') return new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer' });
  if (!/^Bearer\s+\S+/i.test(auth)) return new GraphError(401, 'InvalidAuthenticationToken', 'IDX14100: JWT is not well formed.', { 'WWW-Authenticate': 'Bearer' });
  return undefined;
}

export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  private units = 0;
  readonly throttle = new Throttle();
  readonly timeouts = new WriteTimeouts();
  private server?: http.Server;
  baseUrl = '';

  constructor(
    readonly store: SiteStore,
    private latencyMs: number,
    private readonly pageSize: number,
  ) {}

  get resourceUnits(): number {
    return this.units;
  }

  resetCounters(): void {
    this.requests.length = 0;
    this.units = 0;
  }

  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new Error('latency must be >= 0');
    this.latencyMs = ms;
  }

  async listen(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((err: unknown) => {
        console.error('graph emulator: failed to answer', err);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}${VERSION_ROOT}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Runs one request (top-level or batched) through throttling, routing and accounting. */
  private dispatch(req: EmulatorRequest, batched: boolean): EmulatorResponse {
    const { path, query } = splitUrl(req.rawUrl);
    let parsed: GraphPath | undefined;
    let res: EmulatorResponse;
    try {
      parsed = parseGraphPath(path);
      if (parsed.kind === 'batch') {
        if (batched) throw new GraphError(400, 'BadRequest', 'A $batch request cannot contain another $batch.');
        if (req.method !== 'POST') throw new GraphError(405, 'methodNotAllowed', '$batch only accepts POST.');
        res = runBatch(req.body, this.batchRunner());
      } else {
        const throttled = this.throttle.take();
        if (throttled) throw throttled;
        res = route({ store: this.store, req, path, query, baseUrl: this.baseUrl, pageSize: this.pageSize }, parsed);
      }
      // Applied, and then the answer is lost on the way back.
      const timedOut = res.status < 300 ? this.timeouts.take(writeKind(req.method, parsed)) : undefined;
      if (timedOut) throw timedOut;
    } catch (err) {
      res = this.errorResponse(err, req);
    }
    if (parsed) this.units += resourceUnitsFor(req.method, parsed, query);
    this.requests.push({ method: req.method, path: req.rawUrl, status: res.status, batched });
    return res;
  }

  private batchRunner(): BatchRunner {
    return {
      run: (sub) => this.dispatch(sub, true),
      skip: (sub, error) => {
        const res = this.errorResponse(error, sub);
        this.requests.push({ method: sub.method, path: sub.rawUrl, status: res.status, batched: true });
        return res;
      },
    };
  }

  private errorResponse(err: unknown, req: EmulatorRequest): EmulatorResponse {
    const graphError = err instanceof GraphError ? err : new GraphError(500, 'generalException', err instanceof Error ? `${err.message}` : String(err));
    if (!(err instanceof GraphError)) console.error('graph emulator: unexpected error', err);
    const requestId = randomUUID();
    return json(graphError.status, errorBody(graphError, requestId, req.headers['client-request-id'] ?? requestId), graphError.headers);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const url = req.url ?? '/';
    const rawUrl = url.startsWith(VERSION_ROOT) ? url.slice(VERSION_ROOT.length) || '/' : url;
    const request: EmulatorRequest = { method: (req.method ?? 'GET').toUpperCase(), rawUrl, headers, body: undefined };

    const half = this.latencyMs / 2;
    if (half > 0) await sleep(half);
    let response: EmulatorResponse;
    const auth = authError(headers);
    if (!url.startsWith(`${VERSION_ROOT}/`)) {
      response = this.errorResponse(new GraphError(400, 'BadRequest', `Invalid version: the emulator serves ${VERSION_ROOT}.`), request);
      this.requests.push({ method: request.method, path: url, status: response.status, batched: false });
    } else if (auth) {
      response = this.errorResponse(auth, request);
      this.requests.push({ method: request.method, path: rawUrl, status: response.status, batched: false });
    } else {
      const text = Buffer.concat(chunks).toString('utf8');
      let bodyError: GraphError | undefined;
      if (text.trim() !== '' && request.method !== 'GET') {
        try {
          request.body = JSON.parse(text) as unknown;
        } catch {
          bodyError = new GraphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
        }
      }
      if (bodyError) {
        response = this.errorResponse(bodyError, request);
        this.requests.push({ method: request.method, path: rawUrl, status: response.status, batched: false });
      } else {
        response = this.dispatch(request, false);
      }
    }
    if (half > 0) await sleep(half);

    const requestId = randomUUID();
    const out: Record<string, string> = { 'request-id': requestId, 'client-request-id': headers['client-request-id'] ?? requestId, ...response.headers };
    if (response.body === undefined) {
      res.writeHead(response.status, out);
      res.end();
      return;
    }
    res.writeHead(response.status, out);
    res.end(JSON.stringify(response.body));
  }
}
