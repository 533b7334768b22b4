import { STATUTORY_LOG_TASK_ID, statutoryRemindersDue, type StatutoryReminder } from '../calendar/statutory-reminders';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, ReminderLogEntry } from '../model';
import { londonDate } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import { DeliveryError, type Messenger, type OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import type { StatutorySettings } from './get-statutory-calendar';

/** Failures worth another attempt at the next sweep; blocked or gone chats are not. */
const RETRYABLE: ReadonlySet<string> = new Set(['throttled', 'transient']);

export interface RemindStatutoryDeps {
  store: PlanStore;
  messenger: Messenger;
  clock: Clock;
  /** The EDI leads (policy.ediLeads): each gets one card listing the dates due a reminder. */
  leads: readonly Person[];
  settings: StatutorySettings;
  render: (lead: Person, reminders: StatutoryReminder[]) => OutboundCard;
}

export interface RemindStatutoryResult {
  /** Dates due a reminder today (before asking who has had it). */
  due: number;
  sent: { key: string; lead: string; dutyId: string; due: string; stage: number }[];
  /** Leads the bot has no chat with (app not installed): not logged, tried again at the next sweep. */
  unreachable: { lead: string; dutyIds: string[] }[];
  failed: { key: string; lead: string; reason: string }[];
  /** Already sent (or being sent by another sweep). */
  skipped: number;
}

/**
 * The one reminder-log key of a stage of a date for one lead: the date's stable key
 * (statutory-reminders.ts) and the lead, as the reach report keys its daily card per lead.
 */
export function statutoryLogKey(reminder: StatutoryReminder, lead: Person): string {
  return `${reminder.key}:${lead.aadObjectId}`;
}

/**
 * Tells the EDI leads about statutory dates 30 and 7 days ahead, one card per lead. Each stage of
 * each date is logged per lead before the send (tryAddReminder refuses a key already there), so
 * no lead hears it twice, whichever instance or rerun gets there first; a send that failed
 * transiently is taken back and tried at the next sweep.
 */
export async function remindStatutoryDates(deps: RemindStatutoryDeps): Promise<RemindStatutoryResult> {
  const result: RemindStatutoryResult = { due: 0, sent: [], unreachable: [], failed: [], skipped: 0 };
  const now = deps.clock.now();
  const due = statutoryRemindersDue(deps.settings.nation, deps.settings.staffCount, londonDate(now), { planStart: deps.settings.planStart });
  result.due = due.length;
  if (due.length === 0 || deps.leads.length === 0) return result;
  const log = new Map((await deps.store.listReminders(STATUTORY_LOG_TASK_ID)).map((e) => [e.key, e]));
  for (const lead of deps.leads) {
    const open = due.filter((r) => {
      const entry = log.get(statutoryLogKey(r, lead));
      return !entry || isRetryable(entry);
    });
    result.skipped += due.length - open.length;
    if (open.length > 0) await remindLead(deps, lead, open, log, result);
  }
  return result;
}

async function remindLead(deps: RemindStatutoryDeps, lead: Person, open: StatutoryReminder[], log: Map<string, ReminderLogEntry>, result: RemindStatutoryResult): Promise<void> {
  const who = describe(lead);
  if (!(await ensureChat(deps, lead))) {
    result.unreachable.push({ lead: who, dutyIds: open.map((r) => r.date.dutyId) });
    return;
  }
  const claimed: StatutoryReminder[] = [];
  for (const r of open) {
    const key = statutoryLogKey(r, lead);
    const retry = log.get(key);
    const at = deps.clock.now().toISOString();
    const ok = retry
      ? await deps.store.reclaimReminder(key, retry.version, at)
      : await deps.store.tryAddReminder({ key, taskId: STATUTORY_LOG_TASK_ID, recipient: lead, trigger: `statutory-${r.stage}`, sentAt: at, outcome: 'pending' });
    if (ok) claimed.push(r);
    else result.skipped += 1;
  }
  if (claimed.length === 0) return;
  try {
    await deps.messenger.sendCard(lead, deps.render(lead, claimed));
    for (const r of claimed) {
      await deps.store.setReminderOutcome(statutoryLogKey(r, lead), 'sent');
      result.sent.push({ key: statutoryLogKey(r, lead), lead: who, dutyId: r.date.dutyId, due: r.date.due, stage: r.stage });
    }
  } catch (err) {
    const reason = err instanceof DeliveryError ? err.kind : err instanceof Error ? err.message : String(err);
    for (const r of claimed) {
      await deps.store.setReminderOutcome(statutoryLogKey(r, lead), 'failed', reason);
      result.failed.push({ key: statutoryLogKey(r, lead), lead: who, reason });
    }
  }
}

function isRetryable(entry: ReminderLogEntry): boolean {
  return entry.outcome === 'failed' && RETRYABLE.has(entry.detail ?? '');
}

function describe(p: Person): string {
  return `${p.displayName} <${p.email}>`;
}
