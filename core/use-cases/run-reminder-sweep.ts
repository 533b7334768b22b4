import type { Person, Task } from '../model';
import type { Clock } from '../ports/clock';
import { DeliveryError, type DeliveryFailureKind, type Messenger, type OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import { planReminders, type PlannedReminder } from '../reminders/reminder-planner';
import type { ReminderPolicy } from '../reminders/reminder-policy';

const RETRYABLE: ReadonlySet<string> = new Set<DeliveryFailureKind>(['throttled', 'transient']);

export interface ReminderSweepDeps {
  store: PlanStore;
  messenger: Messenger;
  clock: Clock;
  policy: ReminderPolicy;
  /** Renders the reminder card (the update form) for one task; supplied by the bot layer. */
  renderReminder: (task: Task, reminder: PlannedReminder) => OutboundCard;
}

export interface SweepResult {
  at: string;
  planned: number;
  sent: { key: string; taskRef: string; recipient: string }[];
  /** Not sent because the bot has no conversation with the person (app not installed). Retried next sweep. */
  unreachable: { taskRef: string; recipient: string }[];
  failed: { key: string; taskRef: string; recipient: string; reason: string }[];
  /** Logged by another sweep (another instance, or an earlier run) between planning and sending. */
  skipped: number;
}

/**
 * One reminder sweep as of the clock's now. The log key is written before sending, so a reminder
 * is never sent twice even by two instances; a person the bot cannot reach yet is not logged and
 * is tried again at the next sweep.
 */
export async function runReminderSweep(deps: ReminderSweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const tasks = await deps.store.listTasks({ statuses: ['Open'] });
  const log = await deps.store.listReminders();
  // A throttled or transient failure is tried again at the next sweep; permanent ones are not.
  const retryable = new Map(log.filter((r) => r.outcome === 'failed' && RETRYABLE.has(r.detail ?? '')).map((r) => [r.key, r]));
  const logged = new Set(log.filter((r) => !retryable.has(r.key)).map((r) => r.key));
  const planned = planReminders(tasks, logged, now, deps.policy);
  const result: SweepResult = { at: now.toISOString(), planned: planned.length, sent: [], unreachable: [], failed: [], skipped: 0 };

  for (const reminder of planned) {
    const who = describe(reminder.recipient);
    if (!(await deps.store.getConversation(reminder.recipient.aadObjectId))) {
      result.unreachable.push({ taskRef: reminder.task.ref, recipient: who });
      continue;
    }
    const retry = retryable.get(reminder.key);
    const claimed = retry
      ? await deps.store.reclaimReminder(retry.key, retry.version)
      : await deps.store.tryAddReminder({
          key: reminder.key,
          taskId: reminder.task.id,
          recipient: reminder.recipient,
          trigger: reminder.trigger,
          sentAt: now.toISOString(),
          outcome: 'pending',
        });
    if (!claimed) {
      result.skipped += 1;
      continue;
    }
    try {
      await deps.messenger.sendCard(reminder.recipient, deps.renderReminder(reminder.task, reminder));
      await deps.store.setReminderOutcome(reminder.key, 'sent');
      result.sent.push({ key: reminder.key, taskRef: reminder.task.ref, recipient: who });
    } catch (err) {
      const reason = err instanceof DeliveryError ? err.kind : err instanceof Error ? err.message : String(err);
      await deps.store.setReminderOutcome(reminder.key, 'failed', reason);
      result.failed.push({ key: reminder.key, taskRef: reminder.task.ref, recipient: who, reason });
    }
  }
  return result;
}

function describe(p: Person): string {
  return `${p.displayName} <${p.email}>`;
}
