/**
 * `npm run bench:reminders`: reminder planning over 20,000 tasks and 5,000 owners in SQLite (time
 * and peak memory), then dispatch throughput of the rate-limited messenger, over real HTTP through
 * botbuilder, against a local connector that enforces Teams' limits. The last line is one JSON
 * object with all the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBotAdapter } from '../bot/botframework/bot-adapter';
import { reminderMessage } from '../bot/cards/reminder-card';
import { loadConfig } from '../bot/config';
import { RateLimitedMessenger } from '../bot/delivery/rate-limited-messenger';
import { withSingleAttemptSends } from '../bot/botframework/single-attempt-adapter';
import { perSecond, TEAMS_PER_CONVERSATION_LIMITS } from '../bot/delivery/teams-limits';
import { ProactiveMessenger } from '../bot/botframework/proactive-messenger';
import type { Person, TaskInput, TaskStatus } from '../core/model';
import { silentLogger } from '../core/ports/logger';
import { planReminders, type PlannedReminder } from '../core/reminders/reminder-planner';
import { DEFAULT_REMINDER_POLICY } from '../core/reminders/reminder-policy';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import { startThrottlingConnector } from '../tests/support/throttling-connector';

const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const OWNERS = Number(process.env.BENCH_OWNERS ?? 5_000);
/** Configured global limit, and enough sends to run ~15 s at it. */
const SENDS_PER_SECOND = Number(process.env.BENCH_SENDS_PER_SECOND ?? 30);
const SENDS = Number(process.env.BENCH_SENDS ?? SENDS_PER_SECOND * 15);
const AS_OF = new Date('2026-03-10T10:00:00Z');
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence, so every run plans the same reminders. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A plan like a council's: deadlines spread over two years, most open, some recently updated. */
function taskInputs(owners: Person[]): TaskInput[] {
  const random = lcg(42);
  return Array.from({ length: TASKS }, (_, i) => {
    const due = AS_OF.getTime() + Math.round((random() * 730 - 90) * DAY);
    const statusRoll = random();
    const status: TaskStatus = statusRoll < 0.85 ? 'Open' : statusRoll < 0.95 ? 'Complete' : 'Carried forward';
    const updatedRecently = random() < 0.2;
    const second = i % 7 === 0 ? [owners[(i * 7 + 13) % OWNERS]!] : [];
    return {
      ref: `${(i % 6) + 1}.${Math.floor(i / 6) % 40}.${i}`,
      title: `Task ${i}: publish the equality data for service ${i % 40}`,
      objectiveRef: String((i % 6) + 1),
      indicator: `Indicator ${(i % 6) + 1}.${i % 5}`,
      kind: 'Priority',
      owners: [owners[i % OWNERS]!, ...second],
      accountableOfficer: i % 3 === 0 ? owners[(i + 1) % OWNERS] : undefined,
      groupsImpacted: ['Age', 'Disability'],
      dueDate: isoDate(due),
      dueText: `By ${isoDate(due)}`,
      rag: 'Green',
      status,
      latestUpdate: 'Progressing as planned.',
      latestUpdateAt: new Date(AS_OF.getTime() - (updatedRecently ? 3 : 200) * DAY).toISOString(),
    };
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-bench-reminders-'));
  const store = SqlitePlanStore.open(dataDir);
  const connector = await startThrottlingConnector({ global: perSecond(SENDS_PER_SECOND), perConversation: TEAMS_PER_CONVERSATION_LIMITS });
  try {
    const owners: Person[] = Array.from({ length: OWNERS }, (_, i) => ({ aadObjectId: `aad-owner-${i}`, displayName: `Owner ${i}`, email: `owner${i}@example.gov.uk` }));

    let t = performance.now();
    for (const input of taskInputs(owners)) await store.createTask(input);
    for (const o of owners) {
      await store.saveConversation({
        aadObjectId: o.aadObjectId,
        tenantId: 'tenant',
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: `a:${o.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
          bot: { id: '28:edi-bot', name: 'EDI bot' },
          user: { id: `29:${o.aadObjectId}`, aadObjectId: o.aadObjectId },
        },
        updatedAt: AS_OF.toISOString(),
      });
    }
    const seedMs = performance.now() - t;

    t = performance.now();
    const openTasks = await store.listTasks({ statuses: ['Open'] });
    const loadMs = performance.now() - t;

    // Planning is a pure function: one warm-up run, then the median of five.
    let planned: PlannedReminder[] = planReminders(openTasks, new Set(), AS_OF, DEFAULT_REMINDER_POLICY);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      planned = planReminders(openTasks, new Set(), AS_OF, DEFAULT_REMINDER_POLICY);
      runs.push(performance.now() - t);
    }
    const planningMs = runs.sort((a, b) => a - b)[2]!;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

    // Dispatch: a batch of planned reminders, grouped by person (so some people get several in a row).
    const batch = [...planned].sort((a, b) => a.recipient.aadObjectId.localeCompare(b.recipient.aadObjectId) || a.key.localeCompare(b.key)).slice(0, SENDS);
    const adapter = createBotAdapter(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }), silentLogger);
    const messenger = new RateLimitedMessenger(new ProactiveMessenger(withSingleAttemptSends(adapter, silentLogger), '', store), {
      global: perSecond(SENDS_PER_SECOND),
      perConversation: TEAMS_PER_CONVERSATION_LIMITS,
      log: silentLogger,
    });
    t = performance.now();
    const outcomes = await Promise.allSettled(
      batch.map((r) => {
        const message = reminderMessage(r.task, r);
        return messenger.sendCard(r.recipient, { ...message, summary: `${message.summary} [${r.key}]` });
      }),
    );
    const dispatchSeconds = (performance.now() - t) / 1000;

    const deliveries = new Map<string, number>();
    for (const a of connector.accepted) {
      const key = /\[([^\]]+)\]$/.exec(String(a.activity.summary ?? ''))?.[1] ?? '?';
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
    }
    const duplicates = [...deliveries.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missed = batch.filter((r) => !deliveries.has(r.key)).length;
    const achievedPerSecond = connector.accepted.length / dispatchSeconds;
    const stats = messenger.stats();

    const figures = {
      tasks: TASKS,
      owners: OWNERS,
      openTasks: openTasks.length,
      seedMs: Math.round(seedMs),
      loadOpenTasksMs: Math.round(loadMs),
      plannedReminders: planned.length,
      plannedRecipients: new Set(planned.map((r) => r.recipient.aadObjectId)).size,
      planningMs: Math.round(planningMs * 10) / 10,
      peakRssMb,
      sendsPerSecondLimit: SENDS_PER_SECOND,
      dispatched: batch.length,
      dispatchRecipients: new Set(batch.map((r) => r.recipient.aadObjectId)).size,
      delivered: connector.accepted.length,
      failed: outcomes.filter((o) => o.status === 'rejected').length,
      dispatchSeconds: Math.round(dispatchSeconds * 100) / 100,
      achievedPerSecond: Math.round(achievedPerSecond * 100) / 100,
      dispatchRatio: Math.round((achievedPerSecond / SENDS_PER_SECOND) * 1000) / 1000,
      limitViolations: connector.violations.length,
      ignoredRetryAfter: connector.ignoredRetryAfter,
      duplicates,
      missed,
      retried: stats.retried,
      throttled: stats.throttled,
      finalPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(22)} ${v}`);
    console.log(JSON.stringify(figures));
  } finally {
    await connector.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
