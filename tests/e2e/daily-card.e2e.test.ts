import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { demoUsers, toPerson, type DemoUser } from '../../bot/demo/demo-users';
import type { Clock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { cardProblems, cardTextContent, executeActions } from '../support/card-validator';
import { startTeamsStandIn, type SentActivity, type TeamsStandIn, type TeamsUser } from '../support/teams-stand-in';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const TENANT = '3f0b7a52-6d1e-4c8a-9b2f-5e4d3c2b1a00';
const { alex, jordan } = demoUsers;

const cardOf = (s: SentActivity) => (s.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;

/**
 * Issue 19, point 3, through the real server, bot and `npm run remind` against the Teams stand-in:
 * the morning sweep, then an officer opening a round in the tab a minute later, then another sweep.
 * Each person gets one card that day listing everything asked of them.
 */
describe('one reminder card per person per day: the sweep and an update round (real bot, Teams stand-in)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let teams: TeamsStandIn;
  let ctx: AppContext;
  let app: RunningApp;
  let settings: Record<string, string>;
  // Tuesday 24 Nov 2026 (GMT: UTC is London time). The tab and the bot read this clock too.
  let now = new Date('2026-11-24T09:00:00Z');
  const clock: Clock = { now: () => new Date(now.getTime()) };
  const users = new Map<string, TeamsUser>();
  const as = (u: DemoUser) => {
    if (!users.has(u.aadObjectId)) users.set(u.aadObjectId, teams.user(u.displayName, u.aadObjectId, TENANT));
    return users.get(u.aadObjectId)!;
  };
  /** Reminder cards (a list, or one task's form), not the install's welcome. */
  const remindersTo = (u: DemoUser) => teams.inbox(as(u)).filter((s) => !s.edit && /need a progress update|Please send a progress update/.test(cardTextContent(cardOf(s))));
  const task = (ref: string, owner: DemoUser, title: string, dueDate?: string) =>
    ctx.store.createTask({ ref, title, objectiveRef: '1', kind: 'Priority', owners: [toPerson(owner)], groupsImpacted: [], status: 'Open', rag: 'Green', ...(dueDate ? { dueDate } : { dueText: 'Ongoing' }) });
  /** `npm run remind -- --at …` in its own process, sharing the SQLite file with the server. */
  const remind = async (at: string) => (await run(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts', '--at', at], { cwd: ROOT, env: { ...process.env, ...settings } })).stdout;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-daily-card-'));
    teams = await startTeamsStandIn(() => app.server.url);
    settings = { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, MicrosoftAppTenantId: TENANT, SCHEDULER_ENABLED: 'false', BOT_SERVICE_URL: teams.serviceUrl, BOT_OPEN_CHATS: 'false' };
    ctx = await createAppContext(loadConfig({ ...settings, PORT: '0', HOST: '127.0.0.1' }), { clock, log: silentLogger });
    app = await startApp(ctx);
  });
  after(async () => {
    await app?.stop();
    await teams?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends Alex one card on the day, folds the round into it, and brings the new task the next working day', async () => {
    assert.deepEqual(await teams.install(as(alex)), [200, 200]);
    await task('1.1', alex, 'Run the staff equality survey', '2026-11-27');
    await task('1.2', alex, 'Publish the pay gap report', '2026-11-30');
    await task('1.3', alex, 'Refresh the accessibility statement');
    await task('2.1', jordan, 'Review the recruitment guidance', '2026-11-27');
    await task('2.2', jordan, 'Train the interview panels');

    // 09:00, the schedule's sweep: Alex's two deadlines, one card. Jordan has no chat yet.
    const morning = await ctx.sweep({ clock });
    assert.deepEqual(morning.sent.map((s) => s.taskRef).sort(), ['1.1', '1.2']);
    assert.equal(remindersTo(alex).length, 1);

    // 09:01, the EDI officer opens a round in the tab; Jordan installs the app.
    now = new Date('2026-11-24T09:01:00Z');
    const opened = await fetch(`${app.server.url}/api/rounds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Q3 board', dueDate: '2026-12-18', scope: { kind: 'all-open' } }) });
    assert.equal(opened.status, 201, await opened.clone().text());
    assert.deepEqual(await teams.install(as(jordan)), [200, 200]);

    // 09:02, `npm run remind`: nothing new for Alex; Jordan's first card lists everything.
    const out = await remind('2026-11-24T09:02:00Z');
    assert.match(out, /3 sent in 1 message\(s\), 2 already on today's card, 1 held to the next working day/);
    assert.match(out, /on card +1\.1 -> Alex Morgan/);
    assert.match(out, /on card +1\.2 -> Alex Morgan/);
    assert.match(out, /held +1\.3 -> Alex Morgan .*it goes in their card on 25 Nov 2026/);
    assert.equal(remindersTo(alex).length, 1, `Alex has one card today, not ${remindersTo(alex).length}`);

    const jordans = remindersTo(jordan);
    assert.equal(jordans.length, 1, 'one card for Jordan');
    const card = cardOf(jordans[0]!);
    assert.deepEqual(cardProblems(card), []);
    const text = cardTextContent(card);
    assert.match(text, /2 of your tasks need a progress update/);
    assert.match(text, /2\\?\.1: Review the recruitment guidance\nWhen: Due in 3 days; update for the Q3 board, due 18 Dec 2026/);
    assert.match(text, /2\\?\.2: Train the interview panels\nWhen: Update for the Q3 board, due 18 Dec 2026/);
    assert.deepEqual(executeActions(card).map((a) => a.title), ['Update 2.1', 'Update 2.2']);

    // The log has every ask once: the tab's task detail says the round ask was on the morning card.
    const detail = (await (await fetch(`${app.server.url}/api/tasks/${(await ctx.store.getTaskByRef('1.1'))!.id}`)).json()) as { reminders: { trigger: string; outcome: string; detail?: string }[] };
    assert.deepEqual(
      detail.reminders.map((r) => `${r.trigger} ${r.outcome} ${r.detail ?? ''}`.trim()).sort(),
      ['due-7 sent', 'round-open sent Already on the card sent at 09:00 that day; not sent again'],
    );

    // The afternoon: still nothing more.
    assert.match(await remind('2026-11-24T15:00:00Z'), /0 sent in 0 message\(s\), 0 already on today's card, 1 held/);
    assert.equal(remindersTo(alex).length, 1);

    // Wednesday 09:00: the held task comes in that day's one card, on its own.
    now = new Date('2026-11-25T09:00:00Z');
    const wednesday = await ctx.sweep({ clock });
    assert.deepEqual(wednesday.sent.map((s) => s.taskRef), ['1.3']);
    const alexs = remindersTo(alex);
    assert.equal(alexs.length, 2);
    const form = cardOf(alexs[1]!);
    assert.deepEqual(cardProblems(form), []);
    assert.match(cardTextContent(form), /Please send a progress update for the Q3 board, due 18 Dec 2026\./);
    assert.match(cardTextContent(form), /Refresh the accessibility statement/);
    assert.equal(remindersTo(jordan).length, 1, 'Jordan was asked once');
  });
});
