/**
 * A full demo run, as `npm start` does it (createAppContext, seedDemoPlan, startApp), driven over
 * HTTP like Teams and the tab would: installs, a reminder sweep, an update through the bot with a
 * RAG change the manager approves, comments (bot and tab), a hand-over, an import, a round opened
 * and closed, the board paper and the other exports, the tab API (including refusals), and bot
 * messages (including one from another tenant). Used by personal-data-logs.test.ts with the real
 * logger, and by personal-data-telemetry-probe.ts with Application Insights on.
 */
import fs from 'node:fs';
import type { Activity } from 'botbuilder';
import { createAppContext, summarise, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { CardVerb } from '../../bot/cards/card-verbs';
import { describeConfig, loadConfig } from '../../bot/config';
import { demoUsers, type DemoUser } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { londonDate } from '../../core/plan/london-time';
import type { Logger } from '../../core/ports/logger';
import { invoke, personal, TEST_TENANT } from '../support/bot-turns';
import { executeActions, inputValues } from '../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { fixtureFile } from '../fixtures/import/build-fixtures';
import { register } from '../fixtures/import/plan-layouts';

/** The free text the run sends in: none of it may reach a log line or telemetry. */
export const FLOW_TEXTS = {
  progress: 'Probe progress: the Ashdown ward survey closed with 812 replies',
  evidence: 'Probe evidence: minutes of the Ashdown residents forum',
  risks: 'Probe risks: the interpreter contract lapses in Ashdown',
  support: 'Probe support: a word from the Ashdown portfolio holder',
  decision: 'Probe decision: agreed, flag Ashdown at the board',
  botComment: 'Probe comment: Ashdown figures are with HR now',
  tabComment: 'Probe tab comment: Ashdown report due Friday',
  search: 'Okafor',
} as const;

/** Every demo person's display name, first and last name, e-mail address and its local part. */
export function personalStrings(): { names: string[]; emails: string[] } {
  const users: DemoUser[] = Object.values(demoUsers);
  return {
    names: [...new Set(users.flatMap((u) => [u.displayName, ...u.displayName.split(' ')]))],
    emails: users.flatMap((u) => [u.email, u.email.split('@')[0]!]),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What in `text` is personal: a demo person's name as a word (as written: a config key such as
 * "alex" is not a name), an e-mail address or its local part, or any of the run's free text.
 */
export function personalDataIn(text: string): string[] {
  const { names, emails } = personalStrings();
  const found = names.filter((n) => new RegExp(`\\b${escape(n)}\\b`).test(text));
  found.push(...emails.filter((e) => text.toLowerCase().includes(e.toLowerCase())));
  found.push(...Object.values(FLOW_TEXTS).filter((t) => text.toLowerCase().includes(t.toLowerCase())));
  // Any one word of the free text, in case a message was cut rather than copied whole.
  if (/Ashdown/i.test(text)) found.push('Ashdown');
  return [...new Set(found)];
}

interface Run {
  ctx: AppContext;
  app: RunningApp;
  connector: FakeConnector;
}

export async function runDemoFlow(log: Logger, dataDir: string, env: Record<string, string> = {}): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true', PLAYGROUND: 'false', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MicrosoftAppTenantId: TEST_TENANT, ...env });
  const ctx = await createAppContext(config, { log });
  // As bot/start.ts logs at start (its JSON form: the whole configuration).
  ctx.log.info({ config: describeConfig(config) }, 'starting');
  const seeded = await seedDemoPlan(ctx);
  ctx.log.info({ tasks: seeded.tasks }, 'demo plan seeded');
  const run: Run = { ctx, app: await startApp(ctx), connector: await startFakeConnector() };
  try {
    await botPart(run);
    await tabPart(run);
    await sweep(run);
    await assertItHappened(run);
  } finally {
    await run.app.stop();
    await run.connector.close();
  }
}

/** The run put people's words through the product (else a clean log would prove nothing). */
async function assertItHappened({ ctx }: Run): Promise<void> {
  const plans = await ctx.store.plans.listPlans();
  const stores = plans.map((p) => ctx.store.plans.forPlan(p.id));
  const updates = (await Promise.all(stores.map((s) => s.listRecentUpdates(10_000)))).flat();
  const comments = (await Promise.all(stores.map((s) => s.listComments()))).flat().map((c) => c.text);
  const approvals = (await Promise.all(stores.map((s) => s.listApprovals({ state: 'Approved' })))).flat();
  const problems = [
    !updates.some((u) => u.progress === FLOW_TEXTS.progress && u.risks === FLOW_TEXTS.risks) && 'the update was not stored',
    !approvals.some((a) => a.comment === FLOW_TEXTS.decision) && 'the RAG change was not approved',
    !(comments.includes(FLOW_TEXTS.botComment) && comments.includes(FLOW_TEXTS.tabComment)) && 'the comments were not stored',
    !(await ctx.store.listTasks()).some((t) => t.ref === 'R1.1') && 'the plan was not imported',
    !(await ctx.store.listRounds({ state: 'Closed' })).some((r) => r.name === 'Probe round') && 'the round was not closed',
    !(await ctx.store.listTasks()).some((t) => t.delegatedBy?.aadObjectId === demoUsers.alex.aadObjectId) && 'the hand-over did not happen',
  ].filter(Boolean);
  if (problems.length) throw new Error(`The demo run did not do what it should: ${problems.join('; ')}`);
}

async function sweep({ ctx }: Run): Promise<void> {
  const result = await ctx.sweep();
  ctx.log.info(summarise(result), 'reminder sweep finished');
}

async function post(run: Run, activity: Partial<Activity>): Promise<Record<string, unknown>> {
  const res = await fetch(`${run.app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...activity, serviceUrl: run.connector.url }) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`the bot answered ${res.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Clicks a button: the card the invoke answered with. */
async function click(run: Run, who: DemoUser, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const body = await post(run, { ...invoke(who, verb, data), id: `inv-${Math.random()}` });
  return (body.value ?? {}) as Record<string, unknown>;
}

async function botPart(run: Run): Promise<void> {
  const { alex, sam, priya, ruth, jordan } = demoUsers;
  for (const u of [alex, sam, priya, ruth]) await post(run, personal(u, { type: 'installationUpdate', action: 'add', id: `install-${u.aadObjectId}` }));
  await sweep(run);
  for (const text of ['help', 'my tasks']) await post(run, personal(alex, { type: 'message', text, id: `msg-${text}` }));
  await post(run, personal(alex, { type: 'message', text: 'my tasks', conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'another-tenant', isGroup: false, name: '' }, channelData: { tenant: { id: 'another-tenant' } } }));

  const owned = (await run.ctx.store.listTasks({ ownerAadObjectId: alex.aadObjectId, statuses: ['Open'] })).filter((t) => !t.pendingApprovalId);
  const [task, other] = owned;
  if (!task || !other) throw new Error('the demo gives Alex two open tasks');
  const form = await click(run, alex, CardVerb.openUpdateForm, { taskId: task.id });
  const submit = executeActions(form).find((a) => a.verb === CardVerb.submitUpdate)!;
  const rag = task.rag === 'Red' ? 'Amber' : 'Red';
  await click(run, alex, CardVerb.submitUpdate, { ...submit.data, ...inputValues(form), progress: FLOW_TEXTS.progress, evidence: FLOW_TEXTS.evidence, risks: FLOW_TEXTS.risks, supportNeeded: FLOW_TEXTS.support, rag });
  const approval = (await run.ctx.store.listApprovals({ taskId: task.id, state: 'Pending' }))[0];
  if (!approval || approval.approver.aadObjectId !== sam.aadObjectId) throw new Error('the RAG change waits for Sam, Alex\'s manager');
  await click(run, sam, CardVerb.decideApproval, { approvalId: approval.id, decision: 'approve', comment: FLOW_TEXTS.decision });

  const thread = await click(run, alex, CardVerb.openComments, { taskId: task.id });
  const postButton = executeActions(thread).find((a) => a.verb === CardVerb.postComment)!;
  await click(run, alex, CardVerb.postComment, { ...postButton.data, ...inputValues(thread), text: FLOW_TEXTS.botComment });
  // A hand-over to someone the app is not installed for: the notice cannot go.
  run.connector.notInstalled.add(jordan.aadObjectId);
  await click(run, alex, CardVerb.delegateTask, { taskId: other.id, delegateTo: jordan.displayName });
  await click(run, alex, CardVerb.delegateTask, { taskId: other.id, delegateTo: 'Nobody Atall' });
}

async function api(run: Run, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const raw = body instanceof Uint8Array;
  const res = await fetch(`${run.app.server.url}${route}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': raw ? 'application/octet-stream' : 'application/json' }), ...headers },
    ...(body !== undefined && { body: raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? ((await res.json()) as Record<string, unknown>) : (await res.arrayBuffer(), {});
  return { status: res.status, json, headers: res.headers };
}

async function tabPart(run: Run): Promise<void> {
  const { alex, jordan } = demoUsers;
  for (const route of ['/api/me', '/api/plans', '/api/plan', '/api/trends', '/api/rounds', '/api/reach', '/api/calendar', '/api/eflg', `/api/people?q=${FLOW_TEXTS.search}`, '/api/plan?plan=Alex%20Morgan', '/api/tasks/999999']) await api(run, 'GET', route);
  const task = (await run.ctx.store.listTasks({ ownerAadObjectId: alex.aadObjectId, statuses: ['Open'] }))[0]!;
  const detail = await api(run, 'GET', `/api/tasks/${task.id}`);
  const etag = detail.headers.get('etag') ?? '';
  await api(run, 'POST', `/api/tasks/${task.id}/comments`, { text: FLOW_TEXTS.tabComment });
  await api(run, 'PATCH', `/api/tasks/${task.id}`, { owners: [jordan.aadObjectId, alex.aadObjectId] }, { 'If-Match': etag });
  await api(run, 'PATCH', `/api/tasks/${task.id}`, { owners: [alex.aadObjectId] }, { 'If-Match': etag }); // stale: 412
  await api(run, 'POST', '/api/import?fileName=riverside-register.xlsx&dryRun=false', new Uint8Array(fs.readFileSync(fixtureFile(register, 'xlsx'))));
  const due = londonDate(new Date(run.ctx.clock.now().getTime() + 14 * 86_400_000));
  const opened = await api(run, 'POST', '/api/rounds', { name: 'Probe round', dueDate: due, scope: { kind: 'all-open' } });
  const roundId = (opened.json.round as { id?: string } | undefined)?.id;
  if (!roundId) throw new Error(`the round did not open: ${opened.status} ${JSON.stringify(opened.json)}`);
  await sweep(run);
  await api(run, 'POST', `/api/rounds/${roundId}/close`);
  for (const route of ['/api/export/board-report.docx', '/api/export/plan.csv', '/api/export/plan.xlsx', '/api/export/history.csv']) {
    const res = await api(run, 'GET', route);
    if (res.status !== 200) throw new Error(`${route} answered ${res.status}`);
  }
}
