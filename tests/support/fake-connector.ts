import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  conversationId: string;
  replyToId?: string;
  /** The id the connector gave the sent activity (what an update or reply names later). */
  id?: string;
  activity: Record<string, unknown>;
}

/** A card edited in place (PUT …/activities/{activityId}). */
export interface ConnectorUpdate {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's `serviceUrl`): records what the
 * bot sends to a conversation, as Teams would receive it.
 */
export interface FakeConnector {
  url: string;
  posts: ConnectorPost[];
  updates: ConnectorUpdate[];
  /** Bodies of createConversation calls (POST /v3/conversations). */
  created: Record<string, unknown>[];
  /** Members (Entra ids) for whom the app is not installed: createConversation answers 403. */
  notInstalled: Set<string>;
  /** Members (Entra ids) whose lookup (GET …/members/{id}) answers 404. */
  unknownMembers: Set<string>;
  close(): Promise<void>;
}

/** The Teams user id this connector gives a member (unlike the Entra id, as in Teams). */
export function teamsUserIdOf(aadObjectId: string): string {
  return `29:1${Buffer.from(aadObjectId).toString('base64url')}`;
}

/** `delayMs`: how long each send takes to be answered (it is recorded when it arrives). */
export async function startFakeConnector(options: { delayMs?: number } = {}): Promise<FakeConnector> {
  const posts: ConnectorPost[] = [];
  const updates: ConnectorUpdate[] = [];
  const created: Record<string, unknown>[] = [];
  const notInstalled = new Set<string>();
  const unknownMembers = new Set<string>();
  let next = 1;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v3/conversations') {
        const params = JSON.parse(body) as { members?: { id: string }[] };
        const member = params.members?.[0]?.id ?? '';
        if (notInstalled.has(member)) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'The bot is not installed for this user' } }));
          return;
        }
        created.push(params);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `a:opened-${member}` }));
        return;
      }
      // Get single member: by Entra object id, answered with the Teams user id (29:…) as Teams does.
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        const aadObjectId = decodeURIComponent(member[1]!);
        res.writeHead(unknownMembers.has(aadObjectId) ? 404 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(unknownMembers.has(aadObjectId) ? { error: { code: 'NotFound', message: 'no such member' } } : { id: teamsUserIdOf(aadObjectId), aadObjectId, name: 'Member' }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        const id = `sent-${next++}`;
        posts.push({ conversationId: decodeURIComponent(m[1]!), replyToId: m[2] && decodeURIComponent(m[2]), id, activity: JSON.parse(body) as Record<string, unknown> });
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
        }, options.delayMs ?? 0);
        return;
      }
      if (req.method === 'PUT' && m?.[2]) {
        updates.push({ conversationId: decodeURIComponent(m[1]!), activityId: decodeURIComponent(m[2]), activity: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: decodeURIComponent(m[2]) }));
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
    updates,
    created,
    notInstalled,
    unknownMembers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
