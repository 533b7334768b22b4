import type { ApprovalPolicy } from '../core/approvals/approval-policy';
import type { Person } from '../core/model';
import { chaseApprovals, type ChaseApprovalsResult } from '../core/use-cases/chase-approvals';
import { systemClock, type Clock } from '../core/ports/clock';
import type { Logger } from '../core/ports/logger';
import type { Directory } from '../core/ports/directory';
import type { Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';
import type { ReminderPolicy } from '../core/reminders/reminder-policy';
import { ukWorkingCalendar, type WorkingCalendar } from '../core/reminders/working-calendar';
import { runReminderSweep, type SweepResult } from '../core/use-cases/run-reminder-sweep';
import type { BotChannel } from './bot-channel';
import { createBotFrameworkChannel } from './botframework/bot-framework-channel';
import { reachReportCard } from './cards/reach-report-card';
import { renderReminders } from './cards/reminder-card';
import { renderStatutoryReminder } from './cards/statutory-reminder-card';
import type { AppConfig } from './config';
import { deliveryLimits } from './delivery/delivery-limits';
import { approvalCards } from './cards/approval-cards';
import { demoDirectory } from './directory/demo-directory';
import { graphDirectory } from './directory/graph-directory';
import { RateLimitedMessenger } from './delivery/rate-limited-messenger';
import { createLogger } from './logger';
import { createGraphApi, openPlanStore } from './plan-store-factory';
import { assertValidSchedule } from './reminder-scheduler';

/** Every adapter wired in one place, shared by the server, the CLI and the scheduler. */
export interface AppContext {
  config: AppConfig;
  store: PlanStore;
  clock: Clock;
  log: Logger;
  /** The bot SDK behind ports: incoming activities and proactive sends (bot/botframework/). */
  channel: BotChannel;
  messenger: Messenger;
  /** Who people are and who their managers are: Graph in production, the demo council locally. */
  directory: Directory;
  policy: ReminderPolicy;
  approvalPolicy: ApprovalPolicy;
  /** The EDI leads in effect (config's ids, named): the same list the reminders, approvals, start log and CLIs use. */
  ediLeads: Person[];
  calendar: WorkingCalendar;
  /**
   * One sweep: reminders, then RAG approvals (requests not yet sent, chasers, escalations).
   * `inSendWindow` (the scheduler's way) sends nothing outside office hours.
   */
  sweep(options?: { clock?: Clock; inSendWindow?: boolean; signal?: AbortSignal }): Promise<SweepResult & { approvals?: ChaseApprovalsResult }>;
  close(): Promise<void>;
}

export async function createAppContext(config: AppConfig, overrides: { clock?: Clock; log?: Logger } = {}): Promise<AppContext> {
  const log = overrides.log ?? createLogger(config);
  const clock = overrides.clock ?? systemClock;
  assertValidSchedule(config.reminders.cron, config.reminders.timezone);
  const store = await openPlanStore(config, log);
  const channel = createBotFrameworkChannel(config, store, log);
  const messenger = new RateLimitedMessenger(channel.messenger, deliveryLimits(config.reminders, log));
  const r = config.reminders;
  // Graph's directory wherever Graph is configured (the SharePoint store); the demo council locally.
  const directory = config.directory === 'graph' && config.sharepoint ? graphDirectory(createGraphApi(config.sharepoint.graphBaseUrl, config.sharepoint.auth, log)) : demoDirectory();
  const ediLeads = await namedLeads(r.ediLeadIds, directory, log);
  const policy: ReminderPolicy = {
    daysBefore: r.daysBefore,
    daysOverdue: r.daysOverdue,
    escalateAfterDays: r.escalateAfterDays,
    roundChaserDaysBefore: r.roundChaserDays,
    ediLeads,
  };
  const approvalPolicy: ApprovalPolicy = { ...config.approvals, ediLeads };
  const calendar = ukWorkingCalendar(r.bankHolidays);
  return {
    config,
    store,
    clock,
    log,
    channel,
    messenger,
    directory,
    policy,
    approvalPolicy,
    ediLeads,
    calendar,
    sweep: async ({ clock: at = clock, inSendWindow = false, signal } = {}) => {
      const reminders = await runReminderSweep({
        store,
        messenger,
        clock: at,
        policy,
        render: renderReminders,
        signal,
        renderReachReport: (lines) => ({ card: reachReportCard(lines), summary: `${lines.length} people could not be sent their EDI reminders` }),
        sendWindow: inSendWindow ? { calendar, window: r.sendWindow } : undefined,
        calendar,
        // Duties counted from a plan's start (equality objectives every four years) use the default plan's.
        statutory: { settings: { ...config.calendar, planStart: (await store.plans.getPlan(store.planId))?.periodStart }, render: renderStatutoryReminder },
      });
      if (reminders.outsideSendWindow || reminders.stopped || signal?.aborted) return reminders;
      const approvals = await chaseApprovals({ store, clock: at, messenger, cards: approvalCards, log, policy: approvalPolicy, calendar, directory });
      return { ...reminders, approvals };
    },
    close: () => store.close(),
  };
}

/**
 * The EDI leads config decided (bot/config.ts), named from the directory so every message, log
 * line and CLI listing shows who they are. One the directory cannot name (unknown, or Graph not
 * answering) is still a lead, shown by its id: startup never fails on it.
 */
async function namedLeads(ids: readonly string[], directory: Directory, log: Logger): Promise<Person[]> {
  return Promise.all(
    ids.map(async (aadObjectId) => {
      try {
        const found = await directory.findById(aadObjectId);
        if (found) return found;
        log.warn({ aadObjectId }, 'EDI lead is not in the directory: check EDI_LEAD_IDS');
      } catch (err) {
        log.warn({ aadObjectId, err: err instanceof Error ? err.message : String(err) }, 'EDI lead could not be looked up in the directory');
      }
      return { aadObjectId, displayName: `EDI lead ${aadObjectId}`, email: '' };
    }),
  );
}

export function summarise(result: SweepResult & { approvals?: ChaseApprovalsResult }): Record<string, unknown> {
  return { ...(result.approvals && { approvals: result.approvals }), at: result.at, outsideSendWindow: result.outsideSendWindow ?? false, ...(result.statutory && { statutory: { due: result.statutory.due, sent: result.statutory.sent.length, unreachable: result.statutory.unreachable.length, failed: result.statutory.failed.length } }), stopped: result.stopped ?? false, unconfirmed: result.unconfirmed.length, planned: result.planned, messages: result.messages, sent: result.sent.length, folded: result.folded.length, held: result.held.length, unreachable: result.unreachable.length, failed: result.failed.length, skipped: result.skipped };
}
