import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { demoUsers, toPerson, type DemoUser } from '../../bot/demo/demo-users';
import type { Task } from '../../core/model';
import type { PlanView } from '../../core/plan-view';
import { silentLogger } from '../../core/ports/logger';
import { cardProblems, cardTextContent } from '../support/card-validator';
import { startFakeConnector, type ConnectorPost, type FakeConnector } from '../support/fake-connector';

const TENANT = 'tenant-northvale';
const { alex, sam, jordan } = demoUsers;

type Invoked = { statusCode: number; type: string; value: Record<string, unknown> };
const cardIn = (p: ConnectorPost | undefined) => (p?.activity.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content;

/**
 * RAG approvals over real HTTP: the app's server, bot and store, with the Bot Framework connector
 * replaced by a local one that records what Teams would receive (posts and in-place edits).
 */
describe('RAG approvals end to end over HTTP', function () {
  this.timeout(60_000);
  let dataDir: string;
  let connector: FakeConnector;
  let ctx: AppContext;
  let app: RunningApp;

  const activityFrom = (user: DemoUser, extra: Record<string, unknown> = {}, tenant = TENANT) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${user.aadObjectId}`, name: user.displayName, aadObjectId: user.aadObjectId },
    recipient: { id: '28:edi-bot', name: 'EDI bot' },
    conversation: { id: `a:${user.email}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    ...extra,
  });
  const post = (activity: Record<string, unknown>) =>
    fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  let n = 0;
  const invoke = async (user: DemoUser, verb: string, data: Record<string, unknown>, options: { replyToId?: string; tenant?: string } = {}): Promise<Invoked> => {
    const res = await post(activityFrom(user, { type: 'invoke', name: 'adaptiveCard/action', id: `inv-${++n}`, replyToId: options.replyToId, value: { action: { type: 'Action.Execute', verb, data } } }, options.tenant));
    const body = (await res.json()) as Invoked;
    // HTTP 200 whenever the bot processed the invoke; the outcome is the body's statusCode (universal action model).
    assert.equal(res.status, 200);
    return body;
  };
  const postsTo = (user: DemoUser) => connector.posts.filter((p) => p.conversationId === `a:${user.email}`);
  const planTask = async (id: string) => {
    const plan = (await (await fetch(`${app.server.url}/api/plan`)).json()) as PlanView;
    return plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.id === id);
  };
  /** Alex proposes a RAG on the form card `formId` (the message the card is in). */
  const propose = async (task: Task, rag: string, formId: string, progress = 'Supplier withdrew; re-tendering now') => {
    const current = (await ctx.store.getTask(task.id))!;
    return invoke(alex, 'edi.update.submit', { taskId: current.id, taskVersion: current.version, nonce: `nonce-${formId}`, shownRag: current.rag, progress, rag }, { replyToId: formId });
  };
  const approvalCardFor = (task: Task) => postsTo(sam).find((p) => cardTextContent(cardIn(p)).includes(task.title));

  let amber: Task;
  let green: Task;
  let raced: Task;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-approvals-'));
    connector = await startFakeConnector();
    ctx = await createAppContext(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MicrosoftAppTenantId: TENANT, SCHEDULER_ENABLED: 'false' }), { log: silentLogger });
    const base = { objectiveRef: '1', kind: 'Priority' as const, owners: [toPerson(alex)], groupsImpacted: [], status: 'Open' as const };
    amber = await ctx.store.createTask({ ...base, ref: 'A1', title: 'Run the staff equality survey', rag: 'Amber' });
    green = await ctx.store.createTask({ ...base, ref: 'A2', title: 'Refresh the accessible communications guide', rag: 'Amber' });
    raced = await ctx.store.createTask({ ...base, ref: 'A3', title: 'Publish the pay gap report', rag: 'Green' });
    app = await startApp(ctx);
    for (const user of [alex, sam, jordan]) assert.equal((await post(activityFrom(user, { type: 'installationUpdate', action: 'add', id: `install-${user.email}` }))).status, 200);
  });
  after(async () => {
    await app?.stop();
    await connector?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('owner proposes Amber -> Red, the manager approves: the task becomes Red, both cards show it, the owner is told', async () => {
    const receipt = await propose(amber, 'Red', 'alex-form-1');
    assert.match(cardTextContent(receipt.value), /Update recorded[\s\S]*Change to Red: Awaiting a decision from Sam Okafor/);
    assert.equal((await planTask(amber.id))?.rag, 'Amber', 'the RAG waits for the decision');
    assert.deepEqual((await planTask(amber.id))?.pendingApproval?.proposedRag, 'Red');

    const request = approvalCardFor(amber);
    assert.ok(request, "the approval card went to Alex's manager, Sam");
    assert.deepEqual(cardProblems(cardIn(request)), []);
    assert.match(cardTextContent(cardIn(request)), /needs your decision[\s\S]*Amber → ■ ✕ Red[\s\S]*Supplier withdrew/);
    const approvalId = (await ctx.store.listApprovals({ taskId: amber.id }))[0]!.id;

    const decided = await invoke(sam, 'edi.approval.decide', { approvalId, decision: 'approve', comment: 'Agreed: flag it at the board' }, { replyToId: request.id });
    assert.equal(decided.statusCode, 200);
    assert.match(cardTextContent(decided.value), /✓ Approved by Sam Okafor[\s\S]*Agreed: flag it at the board/);
    assert.equal((await planTask(amber.id))?.rag, 'Red');
    assert.equal((await planTask(amber.id))?.pendingApproval, undefined);

    const ownerReceipt = connector.updates.find((u) => u.conversationId === `a:${alex.email}` && u.activityId === 'alex-form-1');
    assert.match(cardTextContent(cardIn(ownerReceipt)), /RAG: ■ ✕ Red[\s\S]*Approved by Sam Okafor/, "the owner's receipt shows the outcome");
    const told = postsTo(alex).filter((p) => /approved your RAG change/.test(cardTextContent(cardIn(p))));
    assert.equal(told.length, 1);
    assert.match(cardTextContent(cardIn(told[0])), /Agreed: flag it at the board/);

    const again = await invoke(sam, 'edi.approval.decide', { approvalId, decision: 'reject', comment: 'no' }, { replyToId: request.id });
    assert.match(cardTextContent(again.value), /Already approved by Sam Okafor at /);
  });

  it('a rejection needs a comment, keeps the old RAG, and the owner gets the reason', async () => {
    await propose(green, 'Green', 'alex-form-2', 'Guide drafted');
    const request = approvalCardFor(green)!;
    const approvalId = (await ctx.store.listApprovals({ taskId: green.id }))[0]!.id;
    const noReason = await invoke(sam, 'edi.approval.decide', { approvalId, decision: 'reject', comment: '' }, { replyToId: request.id });
    assert.match(cardTextContent(noReason.value), /Say why you are rejecting/);
    assert.equal((await ctx.store.getApproval(approvalId))?.state, 'Pending');

    const rejected = await invoke(sam, 'edi.approval.decide', { approvalId, decision: 'reject', comment: 'Needs the easy-read version first' }, { replyToId: request.id });
    assert.match(cardTextContent(rejected.value), /✕ Rejected by Sam Okafor/);
    assert.equal((await planTask(green.id))?.rag, 'Amber');
    const told = postsTo(alex).find((p) => /did not approve your RAG change/.test(cardTextContent(cardIn(p))));
    assert.match(cardTextContent(cardIn(told)), /Needs the easy-read version first/);
  });

  it('someone else clicking the approver\'s card changes nothing; another tenant is refused', async () => {
    await propose(raced, 'Amber', 'alex-form-3', 'Data late from payroll');
    const approvalId = (await ctx.store.listApprovals({ taskId: raced.id }))[0]!.id;
    const forwarded = await invoke(jordan, 'edi.approval.decide', { approvalId, decision: 'approve' });
    assert.match(cardTextContent(forwarded.value), /Only Sam Okafor can decide this/);
    const foreign = await invoke(sam, 'edi.approval.decide', { approvalId, decision: 'approve' }, { tenant: 'another-tenant' });
    assert.equal(foreign.statusCode, 200);
    assert.match(cardTextContent(foreign.value), /serves one organisation/);
    assert.equal((await ctx.store.getApproval(approvalId))?.state, 'Pending');
    assert.equal((await ctx.store.getTask(raced.id))?.rag, 'Green');
  });

  it('50 simultaneous HTTP invokes store one decision and answer all coherently', async () => {
    const approvalId = (await ctx.store.listApprovals({ taskId: raced.id }))[0]!.id;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => invoke(sam, 'edi.approval.decide', { approvalId, decision: i % 2 ? 'approve' : 'reject', comment: `click ${i}` })),
    );
    const stored = (await ctx.store.getApproval(approvalId))!;
    const texts = answers.map((a) => (assert.equal(a.statusCode, 200), cardTextContent(a.value)));
    assert.equal(texts.filter((t) => !/Already /.test(t)).length, 1);
    for (const t of texts) assert.match(t, new RegExp(`${stored.state} by Sam Okafor`));
    assert.equal((await ctx.store.getTask(raced.id))?.rag, stored.state === 'Approved' ? 'Amber' : 'Green');
    assert.equal(postsTo(alex).filter((p) => /RAG change/.test(cardTextContent(cardIn(p))) && cardTextContent(cardIn(p)).includes(raced.title)).length, 1, 'the owner is told once');
  });

  it('"pending" lists the approver\'s waiting decisions; "delegate" hands a task over', async () => {
    await propose(green, 'Red', 'alex-form-4', 'Printer contract lapsed');
    const before = postsTo(sam).length;
    assert.equal((await post(activityFrom(sam, { type: 'message', text: 'pending', id: 'msg-1' }))).status, 200);
    const list = postsTo(sam).slice(before).map((p) => cardTextContent(cardIn(p))).find((t) => /waiting for your decision/.test(t));
    assert.match(list ?? '', /1 RAG change is waiting for your decision[\s\S]*A2/);

    assert.equal((await post(activityFrom(alex, { type: 'message', text: 'delegate A2 to jordan', id: 'msg-2' }))).status, 200);
    assert.deepEqual((await ctx.store.getTask(green.id))?.owners.map((o) => o.displayName), ['Jordan Lee']);
    assert.equal((await ctx.store.getTask(green.id))?.delegatedBy?.displayName, 'Alex Morgan');
    assert.ok(postsTo(jordan).some((p) => /Alex Morgan handed you a task/.test(cardTextContent(cardIn(p)))));
  });
});
