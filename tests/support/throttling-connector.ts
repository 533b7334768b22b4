import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateWindow } from '../../bot/delivery/teams-limits';

export interface AcceptedActivity {
  conversationId: string;
  /** Date.now() when the request arrived. */
  at: number;
  activity: Record<string, unknown>;
}

export interface LimitViolation {
  conversationId: string;
  at: number;
  /** Which limit the request went over, e.g. "conversation 7/1000ms" or "app 30/1000ms". */
  rule: string;
}

/** How long after a 429 is written a request may still be one the sender had already sent. */
export const IN_FLIGHT_GRACE_MS = 500;

export interface ThrottlingConnectorOptions {
  /** The app's global limit, e.g. [{ limit: 30, windowMs: 1000 }]. */
  global: readonly RateWindow[];
  /** Per-conversation limits; Teams' by default. */
  perConversation?: readonly RateWindow[];
  /** Conversations that answer 403 (the user blocked the bot or removed the app). */
  blocked?: Iterable<string>;
  /** Conversations that answer 404 (conversation gone). */
  gone?: Iterable<string>;
}

export interface ThrottlingConnector {
  url: string;
  /** Every activity the connector accepted (200), in arrival order. */
  accepted: AcceptedActivity[];
  /** Requests answered 429 because the sender went over a limit. */
  violations: LimitViolation[];
  /**
   * Requests that arrived while a Retry-After the connector had announced was still running, and
   * more than IN_FLIGHT_GRACE_MS after the 429 was written: earlier ones may have left before it
   * reached the sender (sends to different people go in parallel).
   */
  ignoredRetryAfter: number;
  /** Every POST of an activity, whatever the answer. */
  requests: number;
  /** 429s and 502s the test asked for (not the sender's fault). */
  injected: { throttled: number; transient: number };
  /** The next request after `afterAccepted` accepted activities (or the very next) answers 429 with this Retry-After. */
  injectThrottle(retryAfterSeconds: number, afterAccepted?: number): void;
  /** The next `count` requests (that are not blocked, gone, throttled or over a limit) answer 502. */
  injectTransient(count: number): void;
  close(): Promise<void>;
}

/**
 * A local Bot Framework connector that enforces Teams' limits itself, like the real service: a
 * conversation over 7/1 s, 8/2 s, 60/30 s or 1800/h, or the app over its global rate, gets 429 +
 * Retry-After, and the request is recorded as a violation (the sender's fault). It also answers
 * 403/404 for blocked and gone conversations and can inject 429s and 502s on demand (the service's
 * choice, not violations). Windows count accepted activities, by arrival time.
 */
export async function startThrottlingConnector(options: ThrottlingConnectorOptions): Promise<ThrottlingConnector> {
  const perConversation = options.perConversation ?? [
    { limit: 7, windowMs: 1_000 },
    { limit: 8, windowMs: 2_000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1_800, windowMs: 3_600_000 },
  ];
  const blocked = new Set(options.blocked ?? []);
  const gone = new Set(options.gone ?? []);
  const byConversation = new Map<string, number[]>();
  const all: number[] = [];
  let throttledUntil = 0;
  /** When the injected 429 was written back: the sender cannot know of it before. */
  let throttleAnsweredAt = 0;
  let pendingThrottle: { retryAfterSeconds: number; afterAccepted: number } | undefined;
  let pendingTransient = 0;
  let next = 1;

  const state: ThrottlingConnector = {
    url: '',
    accepted: [],
    violations: [],
    ignoredRetryAfter: 0,
    requests: 0,
    injected: { throttled: 0, transient: 0 },
    injectThrottle(retryAfterSeconds, afterAccepted = 0) {
      pendingThrottle = { retryAfterSeconds, afterAccepted };
    },
    injectTransient(count) {
      pendingTransient += count;
    },
    close: async () => {},
  };

  const overLimit = (times: number[], limits: readonly RateWindow[], now: number) =>
    limits.find((w) => countSince(times, now - w.windowMs) >= w.limit);

  const answer = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const now = Date.now();
      const m = /^\/v3\/conversations\/([^/?]+)\/activities(?:\/[^/?]+)?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) return answer(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
      const conversationId = decodeURIComponent(m[1]!);
      state.requests += 1;

      if (gone.has(conversationId)) return answer(res, 404, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
      if (blocked.has(conversationId)) return answer(res, 403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked by the user.' } });
      if (now < throttledUntil) {
        // A send that left before the 429 reached the sender is in flight, not ignoring Retry-After.
        if (now >= throttleAnsweredAt + IN_FLIGHT_GRACE_MS) state.ignoredRetryAfter += 1;
        return answer(res, 429, { error: { code: 'Throttled', message: 'Retry-After not honoured' } }, { 'retry-after': String(Math.ceil((throttledUntil - now) / 1000)) });
      }
      const times = byConversation.get(conversationId) ?? [];
      const over = overLimit(times, perConversation, now) ?? overLimit(all, options.global, now);
      if (over) {
        const scope = overLimit(times, perConversation, now) ? 'conversation' : 'app';
        state.violations.push({ conversationId, at: now, rule: `${scope} ${over.limit}/${over.windowMs}ms` });
        return answer(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': '1' });
      }
      if (pendingTransient > 0) {
        pendingTransient -= 1;
        state.injected.transient += 1;
        return answer(res, 502, { error: { code: 'BadGateway', message: 'Injected transient failure' } });
      }
      if (pendingThrottle && state.accepted.length >= pendingThrottle.afterAccepted) {
        const { retryAfterSeconds } = pendingThrottle;
        pendingThrottle = undefined;
        state.injected.throttled += 1;
        throttledUntil = now + retryAfterSeconds * 1000;
        throttleAnsweredAt = Number.POSITIVE_INFINITY;
        res.on('finish', () => (throttleAnsweredAt = Date.now()));
        return answer(res, 429, { error: { code: 'Throttled', message: 'Injected throttle' } }, { 'retry-after': String(retryAfterSeconds) });
      }

      times.push(now);
      byConversation.set(conversationId, times);
      all.push(now);
      state.accepted.push({ conversationId, at: now, activity: JSON.parse(body || '{}') as Record<string, unknown> });
      answer(res, 200, { id: `activity-${next++}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** How many of the ascending `times` are after `since` (a sliding window (since, now]). */
function countSince(times: number[], since: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! > since) hi = mid;
    else lo = mid + 1;
  }
  return times.length - lo;
}
