import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Microsoft Teams on both sides of the bot, written from the Teams docs (not from
 * tests/support/fake-connector.ts): the Teams client posts activities to the bot's /api/messages as
 * Teams does (from.id a `29:` user id distinct from from.aadObjectId, conversation.tenantId and
 * channelData.tenant.id, serviceUrl pointing back here), and the Bot Connector at that serviceUrl
 * receives what the bot sends, opens 1:1 chats and answers member lookups.
 */
export interface TeamsUser {
  name: string;
  aadObjectId: string;
  tenantId: string;
  /** The Teams user id (MRI) Teams gives this person: `29:1…`, unrelated to the Entra id. */
  mri: string;
  /** Their personal chat with the bot. */
  conversationId: string;
}

export interface SentActivity {
  conversationId: string;
  id: string;
  /** PUT …/activities/{id}: an edit of an earlier message. */
  edit: boolean;
  activity: Record<string, unknown>;
}

export interface InvokeAnswer {
  httpStatus: number;
  body: { statusCode?: number; type?: string; value?: unknown };
}

export interface TeamsStandIn {
  /** The Bot Connector's address: the serviceUrl on every activity. */
  serviceUrl: string;
  botId: string;
  /** Everything the bot sent, in order. */
  sent: SentActivity[];
  /** Bodies of createConversation calls. */
  opened: Record<string, unknown>[];
  user(name: string, aadObjectId: string, tenantId: string): TeamsUser;
  /** Installs the app for the user in personal scope: installationUpdate, then conversationUpdate. */
  install(user: TeamsUser): Promise<number[]>;
  say(user: TeamsUser, text: string): Promise<number>;
  /** Clicks an Action.Execute (or refreshes a card: trigger automatic) on the message `replyToId`. */
  execute(user: TeamsUser, action: { verb: string; data?: unknown }, options?: { replyToId?: string; trigger?: 'manual' | 'automatic' }): Promise<InvokeAnswer>;
  /** The bot's messages in the user's personal chat. */
  inbox(user: TeamsUser): SentActivity[];
  close(): Promise<void>;
}

const mri = () => `29:1${randomBytes(48).toString('base64url')}`;

export async function startTeamsStandIn(botEndpoint: () => string, botId = `28:${randomUUID()}`): Promise<TeamsStandIn> {
  const users: TeamsUser[] = [];
  const sent: SentActivity[] = [];
  const opened: Record<string, unknown>[] = [];
  let sequence = 1;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => connector(req.method ?? '', decodeURIComponent(req.url ?? ''), raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res));
  });
  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  /** The Bot Connector REST API (v3) as the bot calls it. */
  function connector(method: string, url: string, body: Record<string, unknown>, res: http.ServerResponse): void {
    if (method === 'POST' && url === '/v3/conversations') {
      const member = (body.members as { id?: string }[] | undefined)?.[0]?.id;
      const user = users.find((u) => u.aadObjectId === member || u.mri === member);
      if (!user) return reply(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not installed for this user' } });
      opened.push(body);
      return reply(res, 201, { id: user.conversationId });
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(url);
    if (method === 'GET' && member) {
      const user = users.find((u) => u.conversationId === member[1] && (u.aadObjectId === member[2] || u.mri === member[2]));
      if (!user) return reply(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } });
      return reply(res, 200, { id: user.mri, name: user.name, aadObjectId: user.aadObjectId, tenantId: user.tenantId, userRole: 'user' });
    }
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url);
    if (activity && (method === 'POST' || method === 'PUT')) {
      const id = method === 'PUT' ? activity[2]! : `1${Date.now()}${sequence++}`;
      sent.push({ conversationId: activity[1]!, id, edit: method === 'PUT', activity: body });
      return reply(res, 200, { id });
    }
    reply(res, 404, { error: { code: 'NotFound', message: `${method} ${url}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  /** The common part of every activity Teams sends in a personal chat. */
  const base = (user: TeamsUser, type: string) => ({
    type,
    id: `1${Date.now()}${sequence++}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.mri, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: user.tenantId, id: user.conversationId },
    recipient: { id: botId, name: 'EDI Action Plan' },
    entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
    channelData: { tenant: { id: user.tenantId } },
    locale: 'en-GB',
  });
  const post = (activity: Record<string, unknown>) =>
    fetch(`${botEndpoint()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

  return {
    serviceUrl,
    botId,
    sent,
    opened,
    user(name, aadObjectId, tenantId) {
      const user = { name, aadObjectId, tenantId, mri: mri(), conversationId: `a:1${randomBytes(32).toString('base64url')}` };
      users.push(user);
      return user;
    },
    async install(user) {
      const installation = await post({ ...base(user, 'installationUpdate'), action: 'add' });
      const added = await post({ ...base(user, 'conversationUpdate'), membersAdded: [{ id: botId }] });
      return [installation.status, added.status];
    },
    async say(user, text) {
      return (await post({ ...base(user, 'message'), text, textFormat: 'plain' })).status;
    },
    async execute(user, action, options = {}) {
      const activity = {
        ...base(user, 'invoke'),
        name: 'adaptiveCard/action',
        replyToId: options.replyToId,
        value: { action: { type: 'Action.Execute', id: randomUUID(), verb: action.verb, data: action.data ?? {} }, trigger: options.trigger ?? 'manual' },
      };
      activity.channelData = { ...activity.channelData, ...{ source: { name: 'message' }, legacy: { replyToId: options.replyToId } } };
      const res = await post(activity);
      const text = await res.text();
      return { httpStatus: res.status, body: text ? (JSON.parse(text) as InvokeAnswer['body']) : {} };
    },
    inbox: (user) => sent.filter((s) => s.conversationId === user.conversationId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
