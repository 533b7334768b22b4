import fs from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../core/ports/logger';
import { isFileResponse, type ApiRoute } from '../tab/api/api-route';

/** The only module that knows restify. */
export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  routes: ApiRoute[];
  /** Built tab (index.html, app.js); served at `/`. */
  staticDir: string;
  log: Logger;
}

export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

// Teams (web, desktop, mobile) and Microsoft 365 hosts must be able to frame the tab.
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com https://*.skype.com";

// Same origin only, except teams-js fetching its list of Teams host origins (it has a built-in fallback).
const CONTENT_SOURCES =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; font-src 'self'; object-src 'none'; base-uri 'none'";

export async function startServer(deps: ServerDeps, port: number, host: string): Promise<RunningServer> {
  const server = restify.createServer({ name: 'edi-action-plan', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Content-Security-Policy', `${FRAME_ANCESTORS}; ${CONTENT_SOURCES}`);
    res.header('Referrer-Policy', 'no-referrer');
    next();
  });

  server.post('/api/messages', bodyParser(1024 * 1024), async (req: restify.Request, res: restify.Response) => {
    await deps.adapter.process(req, res, (context) => deps.bot.run(context));
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  for (const route of deps.routes) {
    const method = route.method === 'DELETE' ? 'del' : (route.method.toLowerCase() as 'get' | 'post' | 'put');
    server[method](route.path, bodyParser(route.maxBodyBytes ?? 1024 * 1024), async (req: restify.Request, res: restify.Response) => {
      try {
        const result = await route.handle({
          params: (req.params ?? {}) as Record<string, string>,
          query: (req.query ?? {}) as Record<string, string>,
          headers: req.headers as Record<string, string | undefined>,
          body: req.body,
          remoteAddress: req.socket.remoteAddress,
        });
        if (isFileResponse(result)) {
          res.setHeader('Content-Type', result.file.contentType);
          res.setHeader('Content-Disposition', contentDisposition(result.file.fileName));
          res.setHeader('Cache-Control', 'no-store');
          res.writeHead(result.status);
          res.end(Buffer.from(result.file.bytes));
        } else {
          for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
          res.send(result.status, result.body);
        }
      } catch (err) {
        deps.log.error({ err: String(err), path: route.path }, 'tab API request failed');
        res.send(500, { message: 'The request could not be completed. Please try again; if it keeps happening, tell your EDI officer.' });
      }
    });
  }

  const indexFile = path.join(deps.staticDir, 'index.html');
  server.get('/', (_req, res, next) => {
    if (!fs.existsSync(indexFile)) {
      res.send(503, { message: 'The tab has not been built. Run "npm run build:tab".' });
      return next();
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(200);
    res.end(fs.readFileSync(indexFile));
    return next();
  });
  server.get('/*', restify.plugins.serveStaticFiles(deps.staticDir));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  deps.log.info({ port: actualPort }, 'server listening');
  return {
    port: actualPort,
    url: `http://localhost:${actualPort}`,
    // Stop accepting, let in-flight requests finish, and drop idle keep-alive sockets so close completes.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}

/** JSON and binary bodies up to `maxBytes`; bigger ones are refused with 413 before any handler runs. */
function bodyParser(maxBytes: number): restify.RequestHandler[] {
  return restify.plugins.bodyParser({ mapParams: false, maxBodySize: maxBytes, rejectUnknown: false });
}

/** An attachment header that survives non-ASCII file names (RFC 6266 / RFC 5987). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
