import type { CloudAdapter } from 'botbuilder';
import { systemClock, type Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import type { Directory } from '../core/ports/directory';
import type { Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import type { ReminderPolicy } from '../core/reminders/reminder-policy';
import { ukWorkingCalendar } from '../core/reminders/working-calendar';
import { runReminderSweep, type SweepResult } from '../core/use-cases/run-reminder-sweep';
import { createBotAdapter } from './bot-adapter';
import { reachReportCard } from './cards/reach-report-card';
import { renderReminders } from './cards/reminder-card';
import type { AppConfig } from './config';
import { deliveryLimits } from './delivery/delivery-limits';
import { demoDirectory } from './directory/demo-directory';
import { RateLimitedMessenger } from './delivery/rate-limited-messenger';
import { withSingleAttemptSends } from './delivery/single-attempt-adapter';
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
  /** Who people are and who their managers are: Graph in production, the demo council locally. */
  directory: Directory;
  policy: ReminderPolicy;
  /** One reminder sweep; `inSendWindow` (the scheduler's way) sends nothing outside office hours. */
  sweep(options?: { clock?: Clock; inSendWindow?: boolean; signal?: AbortSignal }): Promise<SweepResult>;
  close(): Promise<void>;
}

export async function createAppContext(config: AppConfig, overrides: { clock?: Clock; log?: Logger } = {}): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config);
  const clock = overrides.clock ?? systemClock;
  assertValidSchedule(config.reminders.cron, config.reminders.timezone);
  const store = await openPlanStore(config, log);
  const adapter = createBotAdapter(config, log);
  const messenger = new RateLimitedMessenger(new ProactiveMessenger(withSingleAttemptSends(adapter, log), config.bot.appId, store, { tenantId: config.bot.tenantId || undefined, serviceUrl: config.bot.serviceUrl, openChats: config.bot.openChats }), deliveryLimits(config.reminders, log));
  const r = config.reminders;
  const policy: ReminderPolicy = {
    daysBefore: r.daysBefore,
    daysOverdue: r.daysOverdue,
    escalateAfterDays: r.escalateAfterDays,
    roundChaserDaysBefore: r.roundChaserDays,
    ediLeads: r.ediLeadIds.map((aadObjectId) => ({ aadObjectId, displayName: 'EDI lead', email: '' })),
  };
  const calendar = ukWorkingCalendar(r.bankHolidays);
  return {
    config,
    store,
    clock,
    log,
    adapter,
    messenger,
    directory: demoDirectory(),
    policy,
    sweep: ({ clock: at = clock, inSendWindow = false, signal } = {}) =>
      runReminderSweep({
        store,
        messenger,
        clock: at,
        policy,
        render: renderReminders,
        signal,
        renderReachReport: (lines) => ({ card: reachReportCard(lines), summary: `${lines.length} people could not be sent their EDI reminders` }),
        sendWindow: inSendWindow ? { calendar, window: r.sendWindow } : undefined,
      }),
    close: () => store.close(),
  };
}

export function summarise(result: SweepResult): Record<string, unknown> {
  return { at: result.at, outsideSendWindow: result.outsideSendWindow ?? false, stopped: result.stopped ?? false, unconfirmed: result.unconfirmed.length, planned: result.planned, messages: result.messages, sent: result.sent.length, unreachable: result.unreachable.length, failed: result.failed.length, skipped: result.skipped };
}
