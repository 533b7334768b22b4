import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { RateLimitedMessenger } from '../../bot/delivery/rate-limited-messenger';
import { perSecond, TEAMS_PER_CONVERSATION_LIMITS } from '../../bot/delivery/teams-limits';
import type { Person } from '../../core/model';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { taskInput } from '../support/builders';
import { startThrottlingConnector, type ThrottlingConnector } from '../support/throttling-connector';

const OWNERS = 40;
const BLOCKED = [5, 17, 29];
const GONE = [11, 23];
const SENDS_PER_SECOND = 30;
const now = new Date('2026-03-10T10:00:00Z');

const owner = (i: number): Person => ({ aadObjectId: `aad-owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` });
const conversationOf = (i: number) => `a:personal-${i}`;

/**
 * The real server and its reminder sweep, sending over HTTP through botbuilder to a connector that
 * enforces Teams' limits, throttles once (429 + Retry-After), fails twice (502) and fails some people for good.
 */
describe('reminder delivery end to end over HTTP, within Teams limits', function () {
  this.timeout(60_000);
  let dataDir: string;
  let ctx: AppContext;
  let app: RunningApp;
  let connector: ThrottlingConnector;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-delivery-'));
    connector = await startThrottlingConnector({
      global: perSecond(SENDS_PER_SECOND),
      perConversation: TEAMS_PER_CONVERSATION_LIMITS,
      blocked: BLOCKED.map(conversationOf),
      gone: GONE.map(conversationOf),
    });
    const config = loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, REMINDER_SENDS_PER_SECOND: String(SENDS_PER_SECOND) });
    ctx = await createAppContext(config, { log: silentLogger, clock: fixedClock(now) });
    app = await startApp(ctx);
    for (let i = 0; i < OWNERS; i++) {
      await ctx.store.createTask(taskInput({ ref: `D.${i}`, title: `Publish equality data for service ${i}`, owners: [owner(i)], dueDate: '2026-03-15', dueText: 'By 15 March 2026', status: 'Open' }));
      await ctx.store.saveConversation({
        aadObjectId: owner(i).aadObjectId,
        tenantId: 'tenant',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: conversationOf(i), conversationType: 'personal', tenantId: 'tenant' },
          bot: { id: '28:edi-bot', name: 'EDI bot' },
          user: { id: `29:${owner(i).aadObjectId}`, aadObjectId: owner(i).aadObjectId },
        },
        updatedAt: now.toISOString(),
      });
    }
  });

  after(async () => {
    await app?.stop();
    await connector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches every reachable owner exactly once, within limits, through a 429 and 502s, and reports the unreachable', async () => {
    assert.equal((await fetch(`${app.server.url}/healthz`)).status, 200);
    connector.injectTransient(2);
    connector.injectThrottle(1, 15);

    const result = await ctx.sweep();

    const reachable = Array.from({ length: OWNERS }, (_, i) => i).filter((i) => !BLOCKED.includes(i) && !GONE.includes(i));
    const perConversation = new Map<string, number>();
    for (const a of connector.accepted) perConversation.set(a.conversationId, (perConversation.get(a.conversationId) ?? 0) + 1);
    for (const i of reachable) assert.equal(perConversation.get(conversationOf(i)), 1, `owner ${i} got exactly one reminder`);
    assert.equal(connector.accepted.length, reachable.length, 'nobody else got anything');
    assert.ok(connector.accepted.every((a) => (a.activity.attachments as { contentType: string }[])[0]!.contentType === 'application/vnd.microsoft.card.adaptive'));

    assert.deepEqual(connector.violations, [], 'no per-conversation or global limit was exceeded');
    assert.equal(connector.injected.throttled, 1, 'the connector throttled once');
    assert.equal(connector.ignoredRetryAfter, 0, 'nobody was sent to before Retry-After ran out');
    const stats = (ctx.messenger as RateLimitedMessenger).stats();
    assert.equal(stats.throttled, 1, 'the 429 reached the rate limiter (botbuilder did not retry it on its own)');
    assert.equal(stats.pauses, 1);
    assert.equal(connector.injected.transient, 2);
    assert.equal(stats.retried, 2, 'the two 502s were retried');

    assert.equal(result.sent.length, reachable.length);
    assert.deepEqual(result.unreachable, []);
    const failed = new Map(result.failed.map((f) => [f.recipient, f.reason]));
    for (const i of BLOCKED) assert.equal(failed.get(`Owner ${i} <owner${i}@example.gov.uk>`), 'blocked');
    for (const i of GONE) assert.equal(failed.get(`Owner ${i} <owner${i}@example.gov.uk>`), 'not-found');
    assert.equal(result.failed.length, BLOCKED.length + GONE.length);
    const requestsForUnreachable = connector.requests - connector.accepted.length - connector.injected.throttled - connector.injected.transient;
    assert.equal(requestsForUnreachable, BLOCKED.length + GONE.length, 'blocked and gone people were tried once, never retried');

    const requestsBefore = connector.requests;
    const second = await ctx.sweep();
    assert.equal(second.sent.length, 0);
    assert.equal(second.failed.length, 0);
    assert.equal(connector.requests, requestsBefore, 'a second sweep sends nothing');
  });
});
