import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { DEMO_TENANT_ID, demoUsers } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import type { PlanView } from '../../core/plan-view';
import { silentLogger } from '../../core/ports/logger';
import { cardProblems, cardTextContent, executeActions, inputValues } from '../support/card-validator';
import { startFakeConnector } from '../support/fake-connector';
import { startGraphEmulator, type GraphEmulator } from '../support/graph-emulator';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const alex = demoUsers.alex;

/** Where the product keeps the plan in a run: the embedded SQLite file, or SharePoint over Graph. */
interface StoreUnderTest {
  name: string;
  /** Settings for the server and for the `npm run remind` process alike. */
  settings(dataDir: string): Promise<Record<string, string>>;
  dispose(): Promise<void>;
}

const sqlite: StoreUnderTest = { name: 'SQLite', settings: async () => ({}), dispose: async () => {} };

function sharePointOverEmulator(): StoreUnderTest {
  let emulator: GraphEmulator | undefined;
  return {
    name: 'SharePoint over the Graph emulator',
    async settings() {
      emulator = await startGraphEmulator();
      // The emulator serves SharePoint lists, not the directory: the demo council's people stand in.
      const settings = { STORE: 'sharepoint', SHAREPOINT_SITE_ID: emulator.siteId, GRAPH_BASE_URL: emulator.baseUrl, GRAPH_AUTH: 'none', DIRECTORY: 'demo' };
      const provision = await run(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/provision.ts', '--site', emulator.siteId], { cwd: ROOT, env: { ...process.env, ...settings } });
      assert.match(provision.stdout, /Provisioning finished/);
      return settings;
    },
    dispose: async () => emulator?.close(),
  };
}

for (const storeUnderTest of [sqlite, sharePointOverEmulator()]) {
  /** The whole loop over real HTTP: install -> `npm run remind` -> card -> submit -> stored -> /api/plan. */
  describe(`end to end over HTTP (${storeUnderTest.name}): install, remind, answer, see it in the plan`, function () {
    this.timeout(60000);
    let dataDir: string;
    let ctx: AppContext;
    let app: RunningApp;
    let connector: Awaited<ReturnType<typeof startFakeConnector>>;
    let storeSettings: Record<string, string> = {};
    const env = () => ({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...storeSettings });

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-e2e-'));
      storeSettings = await storeUnderTest.settings(dataDir);
      connector = await startFakeConnector();
      ctx = await createAppContext(loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...storeSettings }), { log: silentLogger });
      await seedDemoPlan(ctx);
      app = await startApp(ctx);
    });
    after(async () => {
      await app?.stop();
      await connector?.close();
      await storeUnderTest.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const postActivity = (activity: Record<string, unknown>) =>
      fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });

    const fromAlex = {
      channelId: 'msteams',
      serviceUrl: '',
      from: { id: `29:${alex.aadObjectId}`, name: alex.displayName, aadObjectId: alex.aadObjectId },
      recipient: { id: '28:edi-bot', name: 'EDI bot' },
      conversation: { id: 'a:alex-personal', conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
    };

    it('serves health, the tab page and the plan API', async () => {
      assert.equal((await fetch(`${app.server.url}/healthz`)).status, 200);
      const page = await fetch(`${app.server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root"/);
      const plan = (await (await fetch(`${app.server.url}/api/plan`)).json()) as PlanView;
      assert.ok(plan.objectives.length >= 3);
      assert.ok(plan.summary.total >= 20);
    });

    it('runs the loop', async () => {
      fromAlex.serviceUrl = connector.url;
      const installed = await postActivity({ ...fromAlex, type: 'installationUpdate', action: 'add', id: 'act-1' });
      assert.equal(installed.status, 200);

      // `npm run remind` in its own process, sharing the SQLite file with the server.
      const first = await run(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts'], { cwd: ROOT, env: env() });
      assert.match(first.stdout, /sent +1\.1\.2 -> Alex Morgan/);
      const cards = connector.posts
        .filter((p) => p.conversationId === 'a:alex-personal')
        .map((p) => (p.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined)?.[0])
        .filter((a) => a !== undefined);
      assert.match(cardTextContent(cards[0]!.content), /EDI action plan assistant/, 'the install is welcomed first');
      // Alex has two tasks due: one reminder listing both, not two DMs.
      const reminders = cards.filter((c) => /of your tasks need a progress update/.test(cardTextContent(c.content)));
      assert.equal(reminders.length, 1, 'alex got one reminder in the personal chat');
      const list = reminders[0]!;
      assert.deepEqual(cardProblems(list.content), []);
      assert.match(cardTextContent(list.content), /Due in \d+ days/);
      // Alex has tasks in both demo plans: each button names its plan; this is the district plan's.
      const open = executeActions(list.content).find((a) => /^Update 1\.1\.2(?: \(EDI plan [^)]+\))?$/.test(a.title));
      assert.ok(open, 'an Update button per task');

      // The button replaces the list with that task's update form.
      const opened = await postActivity({ ...fromAlex, type: 'invoke', name: 'adaptiveCard/action', id: 'act-open', value: { action: { type: 'Action.Execute', verb: open.verb, data: open.data } } });
      const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: ((await opened.json()) as { value: Record<string, unknown> }).value };
      assert.deepEqual(cardProblems(card.content), []);
      assert.match(cardTextContent(card.content), /due in \d+ days/);
      const submit = executeActions(card.content)[0]!;

      // An empty answer comes back as the form with an error; nothing is stored.
      const emptyRes = await postActivity({ ...fromAlex, type: 'invoke', name: 'adaptiveCard/action', id: 'act-2', value: { action: { type: 'Action.Execute', verb: submit.verb, data: { ...submit.data, ...inputValues(card.content), progress: '' } } } });
      const empty = (await emptyRes.json()) as { statusCode: number; value: Record<string, unknown> };
      assert.equal(empty.statusCode, 200);
      assert.match(cardTextContent(empty.value), /Progress is required/);

      const progress = `Dashboard published to staff on ${Date.now()}`;
      const answer: Record<string, unknown> = { ...submit.data, ...inputValues(card.content), progress, rag: 'Amber', evidence: '120 views in week one' };
      const submitActivity = { ...fromAlex, type: 'invoke', name: 'adaptiveCard/action', id: 'act-3', value: { action: { type: 'Action.Execute', verb: submit.verb, data: answer } } };
      const res = await postActivity(submitActivity);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(cardTextContent(body.value), /Update recorded/);

      // Teams retries an invoke it thinks timed out: still one update.
      await postActivity({ ...submitActivity, id: 'act-4' });

      const plan = (await (await fetch(`${app.server.url}/api/plan`)).json()) as PlanView;
      const task = plan.objectives.flatMap((o) => o.indicators.flatMap((i) => i.tasks)).find((t) => t.id === answer.taskId);
      assert.equal(task?.latestUpdate?.text, progress);
      assert.equal(task?.latestUpdate?.by, alex.displayName);
      // A RAG change waits for the owner's manager (approvals.e2e.test.ts follows it to the decision).
      assert.equal(task?.rag, 'Green');
      assert.deepEqual(task?.pendingApproval && { rag: task.pendingApproval.proposedRag, by: task.pendingApproval.approverName }, { rag: 'Amber', by: demoUsers.sam.displayName });
      assert.equal((await ctx.store.listUpdates(String(answer.taskId))).filter((u) => u.progress === progress).length, 1);

      // A second sweep sends nothing already sent.
      const before = connector.posts.length;
      const second = await run(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts'], { cwd: ROOT, env: env() });
      assert.match(second.stdout, /0 sent/);
      assert.equal(connector.posts.length, before);
    });

    it('`remind --at` rejects a bad date with a clear message', async () => {
      await assert.rejects(run(process.execPath, ['--require', 'tsx/cjs', 'bot/cli/remind.ts', '--at', 'next tuesday'], { cwd: ROOT, env: env() }), (err: { code: number; stderr: string }) => err.code === 2 && /not a date and time/.test(err.stderr));
    });

    it('production without bot credentials refuses to start and names the settings', async () => {
      const env = { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: dataDir };
      await assert.rejects(run(process.execPath, ['--require', 'tsx/cjs', 'bot/start.ts'], { cwd: ROOT, env }), (err: { code: number; stderr: string }) => {
        assert.equal(err.code, 1);
        for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId']) assert.match(err.stderr, new RegExp(name));
        return true;
      });
    });
  });
}
