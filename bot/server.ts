import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import restify from 'restify';
import type { Logger } from '../core/ports/logger';
import type { BotEndpoint } from './bot-channel';
import { isFileResponse, PreparedJson, type ApiRoute } from '../tab/api/api-route';
import { withRequestId } from './logger';
import { callerKey, clientAddress, type ApiRateLimit } from './rate-limit-keys';
import type { Readiness } from './readiness';
import { runtimeLayout } from './runtime-layout';

/** The only module that knows restify. */
export interface ServerDeps {
  /** `/api/messages`: the bot SDK's endpoint. */
  bot: BotEndpoint;
  routes: ApiRoute[];
  /** Built tab (index.html, app.js); served at `/`. */
  staticDir: string;
  log: Logger;
  /** `/readyz`: the store answers and the app is not stopping. Without it, ready while running. */
  readiness?: Readiness;
  /** Requests per second for the tab's API (`/api/*` except the bot's endpoint). Without it, no limit. */
  apiRateLimit?: ApiRateLimit;
}

export interface RunningServer {
  port: number;
  /** The address it is bound to ('127.0.0.1' locally by default: bot/config-network.ts). */
  address: string;
  url: string;
  close(): Promise<void>;
}

// Teams (web, desktop, mobile) and Microsoft 365 hosts must be able to frame the tab.
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com https://*.skype.com";

// Same origin only, except teams-js fetching its list of Teams host origins (it has a built-in fallback).
const CONTENT_SOURCES =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; font-src 'self'; object-src 'none'; base-uri 'none'";

// The channel tab's configuration page and the teams-js build it uses (see bot/channel-tab/).
const CHANNEL_TAB_DIR = runtimeLayout.channelTabDir;
const TEAMS_JS_FILE = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

// A caller's X-Request-Id is kept when it looks like an id, so a trace can cross services.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export async function startServer(deps: ServerDeps, port: number, host: string): Promise<RunningServer> {
  // restify's own logger would print URLs (which can hold search text): it stays silent; we log below.
  const server = restify.createServer({ name: 'edi-action-plan', handleUncaughtExceptions: false, log: pino({ level: 'silent' }) as unknown as restify.ServerOptions['log'] });
  const requests = trackRequests(server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(securityHeaders);
  server.post('/api/messages', bodyParser(1024 * 1024), requests.scoped((req, res) => deps.bot.process(req, res)));
  mountProbes(server, deps.readiness);
  mountApiRoutes(server, deps, requests.scoped);
  mountFiles(server, deps.staticDir);
  explainRestifyErrors(server, deps, requests.idOf);
  logRequests(server, deps.log, requests);
  return listen(server, port, host, deps.log, requests.closeOpen);
}

type ScopedHandler = (handler: (req: restify.Request, res: restify.Response) => Promise<void>) => (req: restify.Request, res: restify.Response) => Promise<void>;

interface RequestTracking {
  idOf(req: restify.Request): string | undefined;
  startedAt(req: restify.Request): bigint | undefined;
  /** Runs a handler inside its request's log scope (body parsing loses the async context). */
  scoped: ScopedHandler;
  /** At shutdown: unfinished responses end their keep-alive connection, so close completes. */
  closeOpen(): void;
}

/** Request ids (a caller's X-Request-Id is kept when it looks like an id), start times, open responses. */
function trackRequests(server: restify.Server): RequestTracking {
  const requestIds = new WeakMap<object, string>();
  const started = new WeakMap<object, bigint>();
  const open = new Set<restify.Response>();
  let closing = false;
  server.pre((req, res, next) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    if (closing) res.shouldKeepAlive = false;
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    requestIds.set(req, id);
    started.set(req, process.hrtime.bigint());
    res.setHeader('X-Request-Id', id);
    return withRequestId(id, () => next());
  });
  return {
    idOf: (req) => requestIds.get(req),
    startedAt: (req) => started.get(req),
    scoped: (handler) => async (req, res) => withRequestId(requestIds.get(req) ?? randomUUID(), () => handler(req, res)),
    closeOpen: () => {
      closing = true;
      for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
    },
  };
}

const securityHeaders: restify.RequestHandler = (_req, res, next) => {
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Content-Security-Policy', `${FRAME_ANCESTORS}; ${CONTENT_SOURCES}`);
  res.header('Referrer-Policy', 'no-referrer');
  next();
};

/** `/healthz` while the process runs; `/readyz` when the store answers and the app is not stopping. */
function mountProbes(server: restify.Server, readiness: Readiness | undefined): void {
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/readyz', async (_req: restify.Request, res: restify.Response) => {
    const report = readiness ? await readiness.check() : { ready: true, checks: { config: 'ok', store: 'ok', shutdown: 'no' } };
    res.send(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', checks: report.checks });
  });
}

/** The tab's JSON routes, behind the rate limit and their body size limit. */
function mountApiRoutes(server: restify.Server, deps: ServerDeps, scoped: ScopedHandler): void {
  const limiter = deps.apiRateLimit ? rateLimiter(deps.apiRateLimit) : [];
  for (const route of deps.routes) {
    const method = route.method === 'DELETE' ? 'del' : (route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch');
    server[method](
      route.path,
      ...limiter,
      bodyParser(route.maxBodyBytes ?? 1024 * 1024),
      scoped(async (req, res) => {
        try {
          const result = await route.handle({
            params: (req.params ?? {}) as Record<string, string>,
            query: (req.query ?? {}) as Record<string, string>,
            headers: req.headers as Record<string, string | undefined>,
            body: req.body,
            remoteAddress: req.socket.remoteAddress,
          });
          sendApiResult(req, res, result);
        } catch (err) {
          deps.log.error({ err: String(err), path: route.path }, 'tab API request failed');
          res.send(500, { message: 'The request could not be completed. Please try again; if it keeps happening, tell your EDI officer.' });
        }
      }),
    );
  }
}

function sendApiResult(req: restify.Request, res: restify.Response, result: Awaited<ReturnType<ApiRoute['handle']>>): void {
  if (isFileResponse(result)) {
    res.setHeader('Content-Type', result.file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(result.file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.writeHead(result.status);
    res.end(Buffer.from(result.file.bytes));
  } else if (result.body instanceof PreparedJson) {
    sendPrepared(req, res, result.status, result.body, result.headers);
  } else {
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    res.send(result.status, result.body);
  }
}

/** The tab (built into `staticDir`) and the channel tab's configuration page. */
function mountFiles(server: restify.Server, staticDir: string): void {
  server.get('/configure', (_req, res, next) => sendFile(res, path.join(CHANNEL_TAB_DIR, 'configure.html'), 'text/html; charset=utf-8', next));
  server.get('/configure/configure.js', (_req, res, next) => sendFile(res, path.join(CHANNEL_TAB_DIR, 'configure.js'), 'text/javascript; charset=utf-8', next));
  server.get('/configure/teams-js.js', (_req, res, next) => sendFile(res, TEAMS_JS_FILE, 'text/javascript; charset=utf-8', next));
  const indexFile = path.join(staticDir, 'index.html');
  server.get('/', (_req, res, next) => {
    if (!fs.existsSync(indexFile)) {
      res.send(503, { message: 'The tab has not been built. Run "npm run build:tab".' });
      return next();
    }
    return sendFile(res, indexFile, 'text/html; charset=utf-8', next);
  });
  server.get('/*', restify.plugins.serveStaticFiles(staticDir));
}

/**
 * Errors restify raises before a handler runs (413 too large, 429 too many, 404, 405…): JSON with
 * a message in plain words, and a Retry-After on 429.
 */
function explainRestifyErrors(server: restify.Server, deps: ServerDeps, idOf: RequestTracking['idOf']): void {
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: RestifyHttpError, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const message = friendlyMessage(status, err.message);
    if (status === 429 && deps.apiRateLimit) res.header('Retry-After', String(retryAfterSeconds(deps.apiRateLimit)));
    err.toJSON = () => ({ code: err.body?.code ?? err.name, message });
    if (status === 429 || status === 413) deps.log.warn({ reqId: idOf(req), status, route: req.getRoute()?.path ?? '(none)' }, status === 429 ? 'request refused: rate limit' : 'request refused: body too large');
    return callback();
  });
}

/**
 * One line per request: id, method, route pattern (never the URL: query strings can hold search
 * text), status and duration. Health probes only at debug.
 */
function logRequests(server: restify.Server, log: Logger, requests: RequestTracking): void {
  server.on('after', (req: restify.Request, res: restify.Response) => {
    const route = req.getRoute()?.path;
    const begin = requests.startedAt(req);
    const fields = {
      reqId: requests.idOf(req),
      method: req.method,
      route: typeof route === 'string' ? route : '(unmatched)',
      status: res.statusCode,
      ms: begin === undefined ? undefined : Number((process.hrtime.bigint() - begin) / 1_000_000n),
    };
    if (route === '/healthz' || route === '/readyz') log.debug(fields, 'request');
    else log.info(fields, 'request');
  });
}

async function listen(server: restify.Server, port: number, host: string, log: Logger, closeOpen: () => void): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const boundTo = typeof address === 'object' && address ? address.address : host;
  log.info({ port: actualPort, address: boundTo }, 'server listening');
  return {
    port: actualPort,
    address: boundTo,
    url: `http://localhost:${actualPort}`,
    // Stop accepting, let in-flight requests finish (their connections then close), drop idle sockets.
    close: () =>
      new Promise<void>((resolve) => {
        closeOpen();
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}

interface RestifyHttpError extends Error {
  statusCode?: number;
  body?: { code?: string };
  toJSON?: () => unknown;
}

function friendlyMessage(status: number, original: string): string {
  if (status === 429) return 'Too many requests in a short time. Wait a few seconds, then try again.';
  if (status === 413) {
    const limit = /(\d+)/.exec(original)?.[1];
    return `That is too large to send${limit ? ` (the limit is ${formatBytes(Number(limit))})` : ''}. Try a smaller file or less text.`;
  }
  if (status === 404) return 'There is nothing at this address.';
  if (status === 405) return 'This address does not accept that kind of request.';
  if (status === 400) return 'The request could not be read. Please try again.';
  return original || 'The request could not be completed.';
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`;
}

function retryAfterSeconds(limit: ApiRateLimit): number {
  const slowest = Math.min(...[limit.perUser, limit.perAddress].filter((r) => r > 0));
  return Number.isFinite(slowest) ? Math.max(1, Math.ceil(1 / slowest)) : 1;
}

function sendFile(res: restify.Response, file: string, contentType: string, next: restify.Next): void {
  res.setHeader('Content-Type', contentType);
  res.writeHead(200);
  res.end(fs.readFileSync(file));
  return next();
}

/**
 * Token buckets (restify's throttle) per client address, then per signed-in person: a council's
 * staff often share one outgoing address, so the per-person limit is the tight one. Throttle keys
 * on `req.username`, which is set to each key in turn just before its bucket.
 */
function rateLimiter(limit: ApiRateLimit): restify.RequestHandler[] {
  const handlers: restify.RequestHandler[] = [];
  const keyed = (rate: number, key: (req: restify.Request) => string) => {
    if (rate <= 0) return;
    const throttle = restify.plugins.throttle({ username: true, rate, burst: Math.max(1, Math.round(rate * 10)), maxKeys: 20_000 });
    handlers.push((req, _res, next) => {
      req.username = key(req);
      next();
    }, throttle);
  };
  const address = (req: restify.Request) => clientAddress(req.headers, req.socket.remoteAddress, limit.trustForwardedFor);
  keyed(limit.perAddress, (req) => `address:${address(req)}`);
  keyed(limit.perUser, (req) => {
    const caller = callerKey(req.headers.authorization);
    return caller ? `user:${caller}` : `address:${address(req)}`;
  });
  handlers.push((req, _res, next) => {
    req.username = undefined as unknown as string;
    next();
  });
  return handlers;
}

/** JSON and binary bodies up to `maxBytes`; bigger ones are refused with 413 before any handler runs. */
function bodyParser(maxBytes: number): restify.RequestHandler[] {
  return [octetStream(maxBytes), ...restify.plugins.bodyParser({ mapParams: false, maxBodySize: maxBytes, rejectUnknown: false })];
}

/**
 * restify leaves `application/octet-stream` bodies unread (for streaming); uploads (a plan file)
 * arrive that way, so read them into a Buffer here, refusing more than `maxBytes` with 413.
 */
function octetStream(maxBytes: number): restify.RequestHandler {
  return (req, res, next) => {
    if (req.contentType() !== 'application/octet-stream') return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        res.send(413, { message: `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB this accepts.` });
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (refused) return;
      req.body = Buffer.concat(chunks);
      next();
    });
    req.once('error', (err) => next(err));
  };
}

/** An attachment header that survives non-ASCII file names (RFC 6266 / RFC 5987). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A prepared JSON body: 304 when the client holds these bytes already (ETag), gzipped when it
 * accepts that, else as is. Nothing is serialised or compressed per request.
 */
function sendPrepared(req: restify.Request, res: restify.Response, status: number, body: PreparedJson, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('ETag', body.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding, Authorization');
  const ifNoneMatch = req.headers['if-none-match'];
  if (status === 200 && typeof ifNoneMatch === 'string' && ifNoneMatch.split(',').some((t) => t.trim() === body.etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const bytes = gzip ? body.gzipped : body.bytes;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', bytes.length);
  res.writeHead(status);
  res.end(bytes);
}
