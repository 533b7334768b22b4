/**
 * A tiny stand-in for the real server in browser tests: serves tab/dist and a scripted
 * `/api/plan` answer that each test can change (loading and failure states, large generated
 * plans), and likewise `/api/trends` (a 404 until a test sets one). `/api/me` answers as a plain
 * viewer and `/api/rounds` with no rounds; any other API path is a JSON 404. Flows against the real API use real-app.ts.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface PlanAnswer {
  status: number;
  body: unknown;
  /** Hold the answer until this settles (to see the loading state). */
  delay?: Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const VIEWER = { user: { aadObjectId: 'aad-viewer', displayName: 'Vera Viewer', email: 'vera@example.gov.uk' }, roles: [], tenantId: 'tenant' };

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface ApiRequestSeen {
  path: string;
  authorization?: string;
}

export interface TabTestServer {
  url: string;
  /** Every API request, with its Authorization header. */
  apiRequests: ApiRequestSeen[];
  planAnswer: PlanAnswer;
  planRequests: number;
  /** What `/api/trends` answers (same shape as the plan's). */
  trendsAnswer: PlanAnswer;
  trendsRequests: number;
  close(): Promise<void>;
}

export async function startTabTestServer(distDir: string, initial: PlanAnswer): Promise<TabTestServer> {
  const root = path.resolve(distDir);
  const state = {
    planAnswer: initial,
    planRequests: 0,
    trendsAnswer: { status: 404, body: { message: 'No trends in this test.' } } as PlanAnswer,
    trendsRequests: 0,
    apiRequests: [] as ApiRequestSeen[],
  };
  const answer = async (res: import('node:http').ServerResponse, { status, body, delay }: PlanAnswer) => {
    await delay;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (pathname.startsWith('/api/')) state.apiRequests.push({ path: pathname, authorization: req.headers.authorization });
      if (pathname === '/api/me') return json(res, 200, VIEWER);
      if (pathname === '/api/rounds') return json(res, 200, { rounds: [] });
      if (pathname === '/api/calendar') return json(res, 200, { nation: 'england', today: '2026-03-12', dates: [] });
      if (pathname === '/api/plan') {
        state.planRequests += 1;
        return answer(res, state.planAnswer);
      }
      if (pathname === '/api/trends') {
        state.trendsRequests += 1;
        return answer(res, state.trendsAnswer);
      }
      if (pathname.startsWith('/api/')) return json(res, 404, { message: 'Not in the test server.' });
      const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : decodeURIComponent(pathname)}`);
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const content = await readFile(file);
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
        res.end(content);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get planAnswer() {
      return state.planAnswer;
    },
    set planAnswer(answer: PlanAnswer) {
      state.planAnswer = answer;
    },
    get planRequests() {
      return state.planRequests;
    },
    get trendsAnswer() {
      return state.trendsAnswer;
    },
    set trendsAnswer(answer: PlanAnswer) {
      state.trendsAnswer = answer;
    },
    get trendsRequests() {
      return state.trendsRequests;
    },
    get apiRequests() {
      return state.apiRequests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
