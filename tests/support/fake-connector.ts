import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's `serviceUrl`): records what the
 * bot sends to a conversation, as Teams would receive it.
 */
export async function startFakeConnector(): Promise<{ url: string; posts: ConnectorPost[]; close(): Promise<void> }> {
  const posts: ConnectorPost[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        posts.push({ conversationId: decodeURIComponent(m[1]!), replyToId: m[2] && decodeURIComponent(m[2]), activity: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${next++}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
