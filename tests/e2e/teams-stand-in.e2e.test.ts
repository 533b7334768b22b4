import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { demoUsers, toPerson, type DemoUser } from '../../bot/demo/demo-users';
import type { Task } from '../../core/model';
import type { Logger } from '../../core/ports/logger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';
import { startTeamsStandIn, type SentActivity, type TeamsStandIn, type TeamsUser } from '../support/teams-stand-in';

const TENANT = '3f0b7a52-6d1e-4c8a-9b2f-5e4d3c2b1a00';
const OTHER_TENANT = '9a8b7c6d-0000-4000-8000-00000000beef';
const { alex, sam, jordan, grace } = demoUsers;

const cardOf = (s: SentActivity | undefined) => (s?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;
const refreshIds = (card: Record<string, unknown> | undefined) => (card?.refresh as { userIds?: string[] } | undefined)?.userIds;

/**
 * The app's real server and bot against an independent Teams stand-in (tests/support/teams-stand-in.ts):
 * Teams user ids (29:…) differ from Entra ids, as in Teams, and other tenants knock on the door.
 */
describe('against a Teams stand-in: card refresh ids and one tenant', function () {
  this.timeout(60_000);
  let dataDir: string;
  let teams: TeamsStandIn;
  let ctx: AppContext;
  let app: RunningApp;
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  const log: Logger = { debug() {}, info() {}, error() {}, warn: (fields, message) => void warnings.push({ fields, message }) };
  const users = new Map<string, TeamsUser>();
  const as = (u: DemoUser, tenant = TENANT) => {
    const key = `${u.aadObjectId}@${tenant}`;
    if (!users.has(key)) users.set(key, teams.user(u.displayName, u.aadObjectId, tenant));
    return users.get(key)!;
  };
  const taskOf = (ref: string, owner: DemoUser, title: string) =>
    ctx.store.createTask({ ref, title, objectiveRef: '1', kind: 'Priority', owners: [toPerson(owner)], groupsImpacted: [], status: 'Open', rag: 'Amber' });

  /** The owner opens the update form and proposes a RAG; answers the receipt. */
  const propose = async (owner: TeamsUser, task: Task, rag: string) => {
    const form = (await teams.execute(owner, { verb: 'edi.update.open', data: { taskId: task.id } })).body.value as Record<string, unknown>;
    const submit = executeActions(form).find((a) => a.verb === 'edi.update.submit')!;
    return teams.execute(owner, { verb: submit.verb, data: { ...submit.data, ...inputValues(form), progress: 'Supplier withdrew; re-tendering', rag } }, { replyToId: 'form-message' });
  };
  const approvalCardIn = (user: TeamsUser, task: Task) => teams.inbox(user).filter((s) => !s.edit && cardTextContent(cardOf(s)).includes(task.title)).at(-1);

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-teams-'));
    teams = await startTeamsStandIn(() => app.server.url);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MicrosoftAppTenantId: TENANT, SCHEDULER_ENABLED: 'false', BOT_SERVICE_URL: teams.serviceUrl, BOT_OPEN_CHATS: 'true' });
    ctx = await createAppContext(config, { log });
    app = await startApp(ctx);
  });
  after(async () => {
    await app?.stop();
    await teams?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("names the approver by their Teams user id (29:…) in the approval card's refresh, not their Entra object id", async () => {
    for (const u of [alex, sam]) assert.deepEqual(await teams.install(as(u)), [200, 200]);
    assert.match(cardTextContent(cardOf(teams.inbox(as(sam))[0])), /EDI action plan assistant/, 'welcomed');
    const task = await taskOf('1.1', alex, 'Run the staff equality survey');
    const receipt = await propose(as(alex), task, 'Red');
    assert.equal(receipt.httpStatus, 200);
    assert.match(cardTextContent(receipt.body.value), /Sam Okafor/);

    const card = cardOf(approvalCardIn(as(sam), task));
    assert.deepEqual(cardProblems(card), []);
    assert.deepEqual(refreshIds(card), [as(sam).mri]);
    assert.ok(!JSON.stringify(card?.refresh).includes(sam.aadObjectId), 'no Entra object id in refresh');

    // Opening the chat refreshes the card (trigger automatic): the redrawn card keeps the same ids.
    const refresh = (card?.refresh as { action: { verb: string; data: unknown } }).action;
    const redrawn = await teams.execute(as(sam), refresh, { trigger: 'automatic', replyToId: approvalCardIn(as(sam), task)!.id });
    assert.equal(redrawn.body.statusCode, 200);
    assert.deepEqual(refreshIds(redrawn.body.value as Record<string, unknown>), [as(sam).mri]);
  });

  it('uses the Teams user id from the chat it opens for an approver who never messaged the bot', async () => {
    await teams.install(as(jordan));
    as(grace); // Grace has the app (by policy) but the bot never heard from her.
    const task = await taskOf('2.1', jordan, 'Refresh the recruitment guidance');
    await propose(as(jordan), task, 'Green');
    assert.equal(teams.opened.length, 1, 'the chat with Grace was opened');
    assert.deepEqual(refreshIds(cardOf(approvalCardIn(as(grace), task))), [as(grace).mri]);
    assert.equal((await ctx.store.getConversation(grace.aadObjectId))?.teamsUserId, as(grace).mri);
  });

  it('a card click from another tenant changes nothing and gets a card saying why', async () => {
    const task = await taskOf('3.1', alex, 'Publish the pay gap report');
    await propose(as(alex), task, 'Green');
    const [approval] = await ctx.store.listApprovals({ taskId: task.id });
    const decide = executeActions(cardOf(approvalCardIn(as(sam), task))).find((a) => a.data.decision === 'approve')!;
    const sentBefore = teams.sent.length;
    warnings.length = 0;

    // Someone in another organisation, even with the approver's object id, clicking the approver's button.
    const intruder = as(sam, OTHER_TENANT);
    const answer = await teams.execute(intruder, decide, { replyToId: approvalCardIn(as(sam), task)!.id });
    assert.equal(answer.httpStatus, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(cardProblems(answer.body.value), []);
    assert.match(cardTextContent(answer.body.value), /Not available to your organisation[\s\S]*nothing was done or saved/);
    const after = await ctx.store.getApproval(approval!.id);
    assert.equal(after?.state, 'Pending');
    assert.equal(after?.version, approval!.version);
    assert.equal((await ctx.store.getTask(task.id))?.rag, 'Amber');
    assert.equal(teams.sent.length, sentBefore, 'nobody was messaged, no card was edited');
    assert.deepEqual(warnings.map((w) => [w.message, w.fields.tenant, w.fields.name]), [['activity from another tenant refused', OTHER_TENANT, 'adaptiveCard/action']]);
  });

  it('a message and an install from another tenant are refused with a reply and a log line, and nothing is stored', async () => {
    warnings.length = 0;
    const outsider = as(alex, OTHER_TENANT);
    const before = await ctx.store.getConversation(alex.aadObjectId);
    assert.equal(await teams.say(outsider, 'my tasks'), 200);
    assert.deepEqual(await teams.install(outsider), [200, 200]);
    const replies = teams.inbox(outsider).map((s) => s.activity.text);
    assert.equal(replies.length, 2, 'one reply to the message, one to the install (announced twice)');
    for (const text of replies) assert.match(String(text), /serves one organisation, and your Teams account belongs to another/);
    assert.deepEqual(
      warnings.map((w) => [w.message, w.fields.tenant, w.fields.activityType]),
      [
        ['activity from another tenant refused', OTHER_TENANT, 'message'],
        ['activity from another tenant refused', OTHER_TENANT, 'installationUpdate'],
        ['activity from another tenant refused', OTHER_TENANT, 'conversationUpdate'],
      ],
    );
    assert.deepEqual(await ctx.store.getConversation(alex.aadObjectId), before, "Alex's own chat is untouched");
  });
});
