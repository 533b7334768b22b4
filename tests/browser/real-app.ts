/**
 * The real server (bot/app-server.ts: tab API, auth, exports) for browser tests, in the local
 * dev-identity mode: a temporary SQLite store seeded with the demo council's plan, a fixed clock,
 * and the caller a demo user (priya, the EDI officer, by default; alex is a plain viewer). The API
 * rate limit is off: these tests reload pages faster than one person would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../bot/app-context';
import { startApp, type RunningApp } from '../../bot/app-server';
import { loadConfig } from '../../bot/config';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { seedDemoPlan } from '../../bot/demo/seed-demo';
import { fixedClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';

/** The demo plan is built relative to this day; tests read dates against it. */
export const TEST_NOW = new Date('2026-03-12T10:00:00Z');

export interface RealTabApp {
  url: string;
  ctx: AppContext;
  dataDir: string;
  stop(): Promise<void>;
}

export interface RealTabAppOptions {
  devUser?: 'priya' | 'alex';
  /** Fills the store; default: the demo plan plus one pending RAG approval and one reminder (seedTabExtras). */
  seed?: (ctx: AppContext) => Promise<void>;
  now?: Date;
}

export async function startRealTabApp(options: RealTabAppOptions = {}): Promise<RealTabApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-tab-'));
  const config = loadConfig({ NODE_ENV: 'test', SCHEDULER_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TAB_DEV_USER: options.devUser ?? 'priya', API_RATE_LIMIT_PER_USER: '0', API_RATE_LIMIT_PER_ADDRESS: '0' });
  const ctx = await createAppContext(config, { clock: fixedClock(options.now ?? TEST_NOW), log: silentLogger });
  await (options.seed ?? seedDemoWithExtras)(ctx);
  const app: RunningApp = await startApp(ctx);
  return {
    url: app.server.url.replace('localhost', '127.0.0.1'),
    ctx,
    dataDir,
    stop: async () => {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo plan, plus what the tab shows beyond it: a pending RAG approval, a reminder sent, one owner with a chat. */
export async function seedDemoWithExtras(ctx: AppContext): Promise<void> {
  await seedDemoPlan(ctx);
  const { store } = ctx;
  const task = await store.getTaskByRef('1.1.2');
  if (!task) throw new Error('the demo plan has no task 1.1.2');
  const owner = task.owners[0] ?? toPerson(demoUsers.alex);
  const approval = await store.createApproval({
    key: 'test-approval-1.1.2',
    taskId: task.id,
    taskRef: task.ref,
    fromRag: task.rag,
    toRag: 'Complete',
    requestedBy: owner,
    requestedAt: '2026-03-10T09:30:00.000Z',
    justification: 'The dashboard is live for every service.',
    approver: toPerson(demoUsers.sam),
    route: 'manager',
    state: 'Pending',
  });
  // Handed over to its owner by a colleague (delegation), shown in the detail.
  await store.updateTask(task.id, task.version, { pendingRag: 'Complete', pendingApprovalId: approval.key, delegatedBy: toPerson(demoUsers.jordan), delegatedAt: '2026-03-02T10:00:00.000Z' });
  await store.tryAddReminder({ key: `test-reminder:${task.id}`, taskId: task.id, recipient: owner, trigger: 'due-7', sentAt: '2026-03-05T09:00:00.000Z', outcome: 'sent' });
  await store.saveConversation({ aadObjectId: demoUsers.alex.aadObjectId, displayName: demoUsers.alex.displayName, reference: { conversation: { id: 'a:alex' } }, updatedAt: '2026-03-01T09:00:00.000Z' });
}
