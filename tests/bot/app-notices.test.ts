import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { demoUsers, toPerson, type DemoUser } from '../../bot/demo/demo-users';
import { silentLogger } from '../../core/ports/logger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';
import { startTeamsStandIn, type SentActivity, type TeamsStandIn, type TeamsUser } from '../support/teams-stand-in';

const TENANT = '3f0b7a52-6d1e-4c8a-9b2f-5e4d3c2b1a00';
const { alex, sam, jordan } = demoUsers;
const cardOf = (s: SentActivity | undefined) => (s?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;

/**
 * The real server (bot + tab API, as bot/app-server.ts wires them) against the Teams stand-in: an
 * officer's edits and comments in the tab reach owners in Teams, and they answer from the card.
 * Outside production the tab runs as the demo EDI officer (Priya).
 */
describe('the app tells owners in Teams what an officer did in the tab', function () {
  this.timeout(60_000);
  let dataDir: string;
  let teams: TeamsStandIn;
  let ctx: AppContext;
  let app: RunningApp;
  const users = new Map<string, TeamsUser>();
  const as = (u: DemoUser) => {
    if (!users.has(u.aadObjectId)) users.set(u.aadObjectId, teams.user(u.displayName, u.aadObjectId, TENANT));
    return users.get(u.aadObjectId)!;
  };
  const api = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(url, app.server.url), { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const newest = (u: DemoUser) => cardOf(teams.inbox(as(u)).filter((s) => !s.edit).at(-1));

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-notices-'));
    teams = await startTeamsStandIn(() => app.server.url);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MicrosoftAppTenantId: TENANT, SCHEDULER_ENABLED: 'false', BOT_SERVICE_URL: teams.serviceUrl, BOT_OPEN_CHATS: 'true' });
    ctx = await createAppContext(config, { log: silentLogger });
    app = await startApp(ctx);
    for (const u of [alex, sam, jordan]) await teams.install(as(u));
  });
  after(async () => {
    await app?.stop();
    await teams?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a new owner gets "You now own", the owner who stays gets the moved due date, and a comment reaches both', async () => {
    await ctx.store.createObjective({ ref: '1', title: 'Understanding our communities' });
    const task = await ctx.store.createTask({ ref: '1.4', title: 'Translate the consultation pack', objectiveRef: '1', kind: 'Priority', owners: [toPerson(alex)], groupsImpacted: [], status: 'Open', rag: 'Green', dueDate: '2026-12-01' });
    const read = await api('GET', `/api/tasks/${task.id}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    const edited = await api('PATCH', `/api/tasks/${task.id}`, { owners: [alex.aadObjectId, sam.aadObjectId], dueDate: '2027-01-29' }, { 'If-Match': String(read.body.etag) });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));

    const toSam = newest(sam);
    assert.deepEqual(cardProblems(toSam), []);
    assert.match(cardTextContent(toSam), /You now own 1\\?\.4[\s\S]*Given by: Priya Shah/);
    const toAlex = newest(alex);
    assert.match(cardTextContent(toAlex), /The due date of 1\.4 moved from 1 Dec 2026 to 29 Jan 2027/);

    // Sam answers from the card: the update form, with its Comments button.
    const form = (await teams.execute(as(sam), executeActions(toSam).find((a) => a.title === 'Update progress')!)).body.value as Record<string, unknown>;
    assert.match(cardTextContent(form), /Progress update: 1\\?\.4/);

    const commented = await api('POST', `/api/tasks/${task.id}/comments`, { text: 'Please use plain English throughout.' });
    assert.equal(commented.status, 201, JSON.stringify(commented.body));
    for (const owner of [alex, sam]) assert.match(cardTextContent(newest(owner)), /Priya Shah commented on 1\\?\.4[\s\S]*plain English/);
    assert.equal(teams.inbox(as(jordan)).filter((s) => cardTextContent(cardOf(s)).includes('1.4')).length, 0, 'nobody else is told');

    // Alex replies from the notice: the thread opens, and the reply is stored as Alex's.
    const thread = (await teams.execute(as(alex), executeActions(newest(alex)).find((a) => a.verb === 'edi.task.comments.open')!)).body.value as Record<string, unknown>;
    const post = executeActions(thread).find((a) => a.verb === 'edi.task.comments.post')!;
    const answer = await teams.execute(as(alex), { verb: post.verb, data: { ...post.data, ...inputValues(thread), text: 'Will do.' } });
    assert.match(cardTextContent(answer.body.value), /Your comment is posted[\s\S]*Alex Morgan, [^\n]+\nWill do\./);
    assert.deepEqual((await ctx.store.listComments(task.id)).map((c) => c.author.displayName), ['Priya Shah', 'Alex Morgan']);
  });
});
