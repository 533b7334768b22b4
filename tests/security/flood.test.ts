/**
 * Proves a flood cannot take the plan away from everyone else: 1,000 tab API requests from one
 * signed-in person, and 1,000 from one address under many names, against the real server with its
 * configured limits (API_RATE_LIMIT_PER_USER, API_RATE_LIMIT_PER_ADDRESS, behind App Service's
 * X-Forwarded-For), are cut to what the token buckets allow and refused with 429, a Retry-After and
 * a plain message; a colleague elsewhere is served throughout; and the reminder sweep run during the
 * floods finishes and delivers every card it planned.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { CLIENT_ID, startFakeEntra, TENANT, type FakeEntra } from '../api/support/fake-entra';
import { taskInput } from '../support/builders';
import { cardTextContent } from '../support/card-validator';
import { startTeamsStandIn, type TeamsStandIn, type TeamsUser } from '../support/teams-stand-in';

const PER_USER = 10;
const PER_ADDRESS = 20;
/** restify's throttle: buckets of ten seconds' worth (bot/server.ts). */
const burst = (rate: number) => rate * 10;
const OWNERS = 12;

interface Answer {
  status: number;
  retryAfter: string | null;
  message?: string;
}

describe('security: a flood of requests meets the rate limits, and the reminders still go', function () {
  this.timeout(120_000);
  let dataDir: string;
  let entra: FakeEntra;
  let teams: TeamsStandIn;
  let ctx: AppContext;
  let app: RunningApp;
  let owners: TeamsUser[];
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z')); // a Tuesday, 7 days before the tasks are due

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-flood-'));
    entra = await startFakeEntra();
    teams = await startTeamsStandIn(() => app.server.url);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      SCHEDULER_ENABLED: 'false',
      MicrosoftAppTenantId: TENANT,
      BOT_SERVICE_URL: teams.serviceUrl,
      BOT_OPEN_CHATS: 'false',
      TAB_DEV_USER: 'off',
      TAB_SSO_CLIENT_ID: CLIENT_ID,
      TAB_AUTH_JWKS_URL: entra.jwksUrl,
      TRUST_X_FORWARDED_FOR: 'true',
      API_RATE_LIMIT_PER_USER: String(PER_USER),
      API_RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
    });
    ctx = await createAppContext(config, { clock, log: silentLogger });
    app = await startApp(ctx);
    owners = Array.from({ length: OWNERS }, (_, i) => teams.user(`Owner ${i}`, `aad-owner-${i}`, TENANT));
    for (const [i, owner] of owners.entries()) {
      assert.deepEqual(await teams.install(owner), [200, 200]);
      await ctx.store.createTask(taskInput({ ref: `1.${i + 1}`, owners: [{ aadObjectId: owner.aadObjectId, displayName: owner.name, email: `owner${i}@example.gov.uk` }], dueDate: '2026-12-01' }));
    }
  });
  after(async () => {
    await app?.stop();
    await teams?.close();
    await entra?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** App Service appends the client's address to X-Forwarded-For; the server trusts that last entry. */
  const call = async (token: string, address: string): Promise<Answer> => {
    const res = await fetch(`${app.server.url}/api/me`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': `${address}:50123` } });
    const body = (await res.json()) as { message?: string };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), message: body.message };
  };
  /** `n` requests, 50 at a time (what one busy client can keep open). */
  const flood = async (n: number, request: (i: number) => Promise<Answer>): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (let i = 0; i < n; i += 50) answers.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => request(i + j)))));
    return answers;
  };
  const assertRefusals = (answers: Answer[], allowed: number, what: string) => {
    const served = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status === 429);
    assert.equal(served + refused.length, answers.length, `${what}: every answer is 200 or 429`);
    assert.ok(served <= allowed, `${what}: ${served} served, at most ${allowed} allowed`);
    assert.ok(refused.length >= answers.length - allowed, `${what}: ${refused.length} refused`);
    for (const a of refused) {
      assert.match(a.retryAfter ?? '', /^[1-9]\d*$/, `${what}: Retry-After in whole seconds`);
      assert.equal(a.message, 'Too many requests in a short time. Wait a few seconds, then try again.');
    }
  };

  it('1,000 requests from one person, and 1,000 from one address by 1,000 people, while the sweep runs: 429s, a colleague served, every reminder sent', async () => {
    const person = await entra.token({ oid: 'oid-flooder', name: 'Fay Flood' });
    const colleague = await entra.token({ oid: 'oid-colleague', name: 'Cal Colleague' });
    // A thousand people behind one address (a council's own outgoing address): each their own per-person bucket, all in one address's.
    const names = await Promise.all(Array.from({ length: 1000 }, (_, i) => entra.token({ oid: `oid-staff-${i}`, name: `Staff ${i}` })));
    assert.equal((await call(colleague, '198.51.100.20')).status, 200, 'the colleague, before');

    const started = process.hrtime.bigint();
    const sweeping = ctx.sweep({ clock });
    const colleagueDuring: Promise<Answer>[] = [];
    const [onePerson, oneAddress] = await Promise.all([
      flood(1000, (i) => {
        if (i % 100 === 0) colleagueDuring.push(call(colleague, '198.51.100.20'));
        return call(person, '203.0.113.7');
      }),
      flood(1000, (i) => call(names[i]!, '203.0.113.8')),
    ]);
    const sweep = await sweeping;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    // What the buckets allow in the time it took: the burst, plus the rate since (and one for rounding).
    assertRefusals(onePerson, Math.ceil(burst(PER_USER) + PER_USER * seconds) + 1, 'one person');
    assertRefusals(oneAddress, Math.ceil(burst(PER_ADDRESS) + PER_ADDRESS * seconds) + 1, 'one address');
    for (const a of await Promise.all(colleagueDuring)) assert.equal(a.status, 200, 'the colleague, during the flood');

    // The sweep finished and delivered: one card per owner, each naming their task.
    assert.equal(sweep.failed.length, 0, JSON.stringify(sweep.failed));
    assert.equal(sweep.stopped ?? false, false);
    assert.deepEqual(sweep.sent.map((s) => s.taskRef).sort(), owners.map((_, i) => `1.${i + 1}`).sort());
    for (const [i, owner] of owners.entries()) {
      const cards = teams.inbox(owner).filter((s) => !s.edit && /need a progress update|Please send a progress update/.test(cardTextContent((s.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content)));
      assert.equal(cards.length, 1, `${owner.name} has their reminder`);
      assert.match(cardTextContent((cards[0]!.activity.attachments as { content: unknown }[])[0]!.content), new RegExp(`1\\\\?\\.${i + 1}`));
    }
  });
});
