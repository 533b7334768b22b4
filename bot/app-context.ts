import type { CloudAdapter } from 'botbuilder';
import { systemClock, type Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import type { Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import type { ReminderPolicy } from '../core/reminders/reminder-policy';
import { runReminderSweep, type SweepResult } from '../core/use-cases/run-reminder-sweep';
import { createBotAdapter } from './bot-adapter';
import { reminderMessage } from './cards/reminder-card';
import type { AppConfig } from './config';
import { createLogger } from './logger';
import { openPlanStore } from './plan-store-factory';
import { ProactiveMessenger } from './proactive-messenger';
import { assertValidSchedule } from './reminder-scheduler';

/** Every adapter wired in one place, shared by the server, the CLI and the scheduler. */
export interface AppContext {
  config: AppConfig;
  store: PlanStore;
  clock: Clock;
  log: Logger;
  adapter: CloudAdapter;
  messenger: Messenger;
  policy: ReminderPolicy;
  sweep(clock?: Clock): Promise<SweepResult>;
  close(): Promise<void>;
}

export async function createAppContext(config: AppConfig, overrides: { clock?: Clock; log?: Logger } = {}): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config);
  const clock = overrides.clock ?? systemClock;
  assertValidSchedule(config.reminders.cron, config.reminders.timezone);
  const store = await openPlanStore(config, log);
  const adapter = createBotAdapter(config, log);
  const messenger = new ProactiveMessenger(adapter, config.bot.appId, store);
  const policy: ReminderPolicy = { daysBefore: config.reminders.daysBefore, daysOverdue: config.reminders.daysOverdue };
  return {
    config,
    store,
    clock,
    log,
    adapter,
    messenger,
    policy,
    sweep: (at = clock) => runReminderSweep({ store, messenger, clock: at, policy, renderReminder: reminderMessage }),
    close: () => store.close(),
  };
}

export function summarise(result: SweepResult): Record<string, unknown> {
  return { at: result.at, planned: result.planned, sent: result.sent.length, unreachable: result.unreachable.length, failed: result.failed.length, skipped: result.skipped };
}
