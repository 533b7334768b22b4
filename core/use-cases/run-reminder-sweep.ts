import type { IsoDate, Person, Plan, ReminderLogEntry, Task, UpdateRound } from '../model';
import { planLabeller } from '../plan/plan-labels';
import { activePlanStores } from '../plan/plan-stores';
import { londonDate } from '../plan/london-time';
import { ensureChat } from '../messaging/ensure-chat';
import type { Clock } from '../ports/clock';
import { DeliveryError, type DeliveryFailureKind, type Messenger, type OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import { foldedDetail, oneCardPerDay, todaysCards, type DailyCardSplit } from '../reminders/daily-card';
import { planReminders, type PlannedReminder } from '../reminders/reminder-planner';
import type { ReminderPolicy } from '../reminders/reminder-policy';
import { planRoundReminders } from '../reminders/round-planner';
import { inSendWindow, ukWorkingCalendar, type SendWindow, type WorkingCalendar } from '../reminders/working-calendar';
import { remindStatutoryDates, type RemindStatutoryDeps, type RemindStatutoryResult } from './remind-statutory-dates';

const RETRYABLE: ReadonlySet<string> = new Set<DeliveryFailureKind>(['throttled', 'transient']);
/** Recipients handled at once; the messenger paces actual sends within Teams' limits. */
const CONCURRENT_RECIPIENTS = 16;

export interface ReminderSweepDeps {
  store: PlanStore;
  messenger: Messenger;
  clock: Clock;
  policy: ReminderPolicy;
  /**
   * One message per recipient and kind, listing every reminder due for them (so five due tasks, or
   * a deadline and an update round, are one card, not several DMs). Supplied by the bot layer.
   */
  render: (kind: PlannedReminder['kind'], recipient: Person, reminders: PlannedReminder[], context?: ReminderRenderContext) => OutboundCard;
  /** When given, nothing is sent outside office hours on working days (the scheduler passes it). */
  sendWindow?: { calendar: WorkingCalendar; window: SendWindow };
  /** Working days, for holding a new ask to the next one (daily-card.ts); default the send window's, else England's. */
  calendar?: WorkingCalendar;
  /** Tells the EDI leads (policy.ediLeads) who could not be reached, once a day. */
  renderReachReport?: (lines: { person: string; taskRefs: string[]; reason: string }[]) => OutboundCard;
  /** Stops claiming new reminders (shutdown); messages already being sent are finished. */
  signal?: AbortSignal;
  /**
   * A reminder still 'pending' this long after it was claimed was being sent when a process
   * stopped: it may or may not have arrived. It is reported, never resent (default 30 min).
   */
  pendingLeaseMs?: number;
  /** When given, the EDI leads are also reminded of statutory dates 30 and 7 days ahead (remind-statutory-dates.ts). */
  statutory?: Pick<RemindStatutoryDeps, 'settings' | 'render'>;
}

const DEFAULT_PENDING_LEASE_MS = 30 * 60_000;

/** What a reminder card may show beside the ask: how many comments each task has (absent when unknown). */
export interface ReminderRenderContext {
  commentCounts: ReadonlyMap<string, number>;
  /** The task's plan's name, when the recipient's open tasks span several plans (absent otherwise). */
  planName?: (task: Task) => string | undefined;
}

export interface SweepResult {
  at: string;
  /** Set when the sweep sent nothing because it ran outside the send window. */
  outsideSendWindow?: boolean;
  planned: number;
  /** Messages sent (one per recipient and kind). */
  messages: number;
  sent: { key: string; taskRef: string; recipient: string; kind: PlannedReminder['kind']; round?: string }[];
  /** Asks for a task already on the person's card today: logged as delivered on it, not sent again (daily-card.ts). */
  folded: { key: string; taskRef: string; recipient: string; round?: string }[];
  /** New asks for someone who has had today's card: not logged, sent by the first sweep on `until`. */
  held: { key: string; taskRef: string; recipient: string; until: IsoDate; round?: string }[];
  /** Not sent because the bot has no conversation with the person (app not installed). Retried next sweep. */
  unreachable: { taskRef: string; recipient: string }[];
  failed: { key: string; taskRef: string; recipient: string; reason: string }[];
  /** Logged by another sweep (another instance, or an earlier run) between planning and sending. */
  skipped: number;
  /** Claimed by a sweep that stopped mid-send: delivery unknown, so not resent; shown to the officer. */
  unconfirmed: { key: string; taskId: string; recipient: string }[];
  /** Set when the sweep was asked to stop before it had handled everyone (the rest go next time). */
  stopped?: boolean;
  /** The EDI leads' statutory-date reminders, when the sweep was given `statutory`. */
  statutory?: RemindStatutoryResult;
}

/**
 * One reminder sweep as of the clock's now. Each log key is written before sending, so a reminder
 * is never sent twice even by two instances; a person the bot cannot reach yet is not logged and
 * is tried again at the next sweep; throttled or transient failures are retried next sweep. A
 * person gets one owner card a day: later asks that day are folded into it or held to the next
 * working day (core/reminders/daily-card.ts).
 */
export async function runReminderSweep(deps: ReminderSweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { at: now.toISOString(), planned: 0, messages: 0, sent: [], folded: [], held: [], unreachable: [], failed: [], skipped: 0, unconfirmed: [] };
  if (deps.sendWindow && !inSendWindow(now, deps.sendWindow.calendar, deps.sendWindow.window)) {
    return { ...result, outsideSendWindow: true };
  }
  const plans = await openWork(deps.store);
  const labels = planLabeller(plans);
  const { planned, split, retryable } = await planSweep(deps, plans, now, result);
  result.planned = planned.length;
  for (const r of split.held) result.held.push({ key: r.key, taskRef: r.task.ref, recipient: describe(r.recipient), until: split.until, ...(r.round && { round: r.round.name }) });
  const context = split.send.length ? await commentCounts(plans) : undefined;
  const render: ReminderSweepDeps['render'] = (kind, recipient, reminders) => deps.render(kind, recipient, reminders, context && { ...context, planName: (task) => labels(recipient.aadObjectId, task) });
  await inPool(split.folded, deps.signal, result, (f) => recordFolded(deps, f, result));
  await inPool(groupByRecipient(split.send), deps.signal, result, (group) => deliver({ ...deps, render }, group, retryable, result));
  await reportUnreachable(deps, result, now);
  if (deps.statutory && !deps.signal?.aborted) result.statutory = await remindStatutoryDates({ ...deps, ...deps.statutory, leads: deps.policy.ediLeads ?? [] });
  return result;
}

type RetryableLog = Map<string, ReminderLogEntry>;

/** Each Active plan's open tasks and open round: the sweep spans every plan that is running. */
interface OpenWork {
  plan: Plan;
  store: PlanStore;
  tasks: Task[];
  rounds: UpdateRound[];
}

async function openWork(store: PlanStore): Promise<OpenWork[]> {
  return Promise.all(
    (await activePlanStores(store)).map(async (p) => ({ ...p, tasks: await p.store.listTasks({ statuses: ['Open'] }), rounds: await p.store.listRounds({ state: 'Open' }) })),
  );
}

/** Each task's comment count, read once per sweep; a store that cannot say leaves the cards without one. */
async function commentCounts(plans: OpenWork[]): Promise<ReminderRenderContext | undefined> {
  try {
    const counts = new Map<string, number>();
    for (const { store } of plans) for (const c of await store.listComments()) counts.set(c.taskId, (counts.get(c.taskId) ?? 0) + 1);
    return { commentCounts: counts };
  } catch {
    return undefined;
  }
}

interface SweepPlan {
  /** Everything the planners say is due now. */
  planned: PlannedReminder[];
  /** The same, after the one-card-per-day rule: what to send, fold into today's card, or hold. */
  split: DailyCardSplit;
  retryable: RetryableLog;
}

/** What is due now (deadlines and rounds together), and which failed sends may be tried again. */
async function planSweep(deps: ReminderSweepDeps, plans: OpenWork[], now: Date, result: SweepResult): Promise<SweepPlan> {
  const tasks = plans.flatMap((p) => p.tasks);
  const log = [...(await deps.store.listReminders())];
  // A crash between writing the key and recording the send leaves it pending: never send it again
  // (it may have arrived), but say so rather than count it as delivered.
  const lease = deps.pendingLeaseMs ?? DEFAULT_PENDING_LEASE_MS;
  for (const [i, stale] of log.entries()) {
    if (stale.outcome !== 'pending' || now.getTime() - new Date(stale.sentAt).getTime() <= lease) continue;
    await deps.store.setReminderOutcome(stale.key, 'failed', 'unconfirmed');
    result.unconfirmed.push({ key: stale.key, taskId: stale.taskId, recipient: describe(stale.recipient) });
    log[i] = { ...stale, outcome: 'failed', detail: 'unconfirmed' };
  }
  const retryable: RetryableLog = new Map(log.filter((r) => r.outcome === 'failed' && RETRYABLE.has(r.detail ?? '')).map((r) => [r.key, r]));
  const logged = new Set(log.filter((r) => !retryable.has(r.key)).map((r) => r.key));
  // Deadline and round reminders together (each plan's round asks about its own tasks): an owner gets one card with all.
  const planned = [...planReminders(tasks, logged, now, deps.policy), ...plans.flatMap((p) => planRoundReminders(p.tasks, p.rounds, logged, now, deps.policy))];
  const today = londonDate(now);
  const calendar = deps.calendar ?? deps.sendWindow?.calendar ?? ukWorkingCalendar();
  return { planned, split: oneCardPerDay(planned, todaysCards(log, today), today, calendar), retryable };
}

/** Logs an ask as delivered on the person's card today; another sweep logging it first is a skip. */
async function recordFolded(deps: ReminderSweepDeps, { reminder: r, cardAt }: DailyCardSplit['folded'][number], result: SweepResult): Promise<void> {
  const entry = { key: r.key, taskId: r.task.id, recipient: r.recipient, trigger: r.trigger, sentAt: deps.clock.now().toISOString(), outcome: 'sent' as const, detail: foldedDetail(cardAt) };
  if (await deps.store.tryAddReminder(entry)) result.folded.push({ key: r.key, taskRef: r.task.ref, recipient: describe(r.recipient), ...(r.round && { round: r.round.name }) });
  else result.skipped += 1;
}

/** One message per recipient and kind. */
function groupByRecipient(planned: PlannedReminder[]): PlannedReminder[][] {
  const groups = new Map<string, PlannedReminder[]>();
  for (const r of planned) {
    const id = `${r.kind}:${r.recipient.aadObjectId}`;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  return [...groups.values()];
}

/** Several at once (recipients' cards, folded asks), until done or asked to stop. */
async function inPool<T>(items: readonly T[], signal: AbortSignal | undefined, result: SweepResult, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_RECIPIENTS, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        if (signal?.aborted) {
          result.stopped = true;
          return;
        }
        await work(item);
      }
    }),
  );
}

/** Claims a recipient's reminders and sends them one card; the outcome is logged per reminder. */
async function deliver(deps: ReminderSweepDeps, group: PlannedReminder[], retryable: RetryableLog, result: SweepResult): Promise<void> {
  const { recipient, kind } = group[0]!;
  const who = describe(recipient);
  if (!(await ensureChat(deps, recipient))) {
    for (const taskRef of new Set(group.map((r) => r.task.ref))) result.unreachable.push({ taskRef, recipient: who });
    return;
  }
  const claimed: PlannedReminder[] = [];
  // Claim as late as possible: when the messenger can, right before the message goes out (after
  // any wait for Teams' limits), so a crash leaves almost nothing claimed but unsent.
  let prepared: Promise<OutboundCard | undefined> | undefined;
  const prepare = () => (prepared ??= claimGroup(deps, group, retryable, result, claimed));
  try {
    if (deps.messenger.preparesBeforeSend) {
      const { skipped } = await deps.messenger.sendCard(recipient, deps.render(kind, recipient, group), { prepare });
      if (skipped) return;
    } else {
      const message = await prepare();
      if (!message) return;
      await deps.messenger.sendCard(recipient, message);
    }
    result.messages += 1;
    for (const r of claimed) {
      await deps.store.setReminderOutcome(r.key, 'sent');
      result.sent.push({ key: r.key, taskRef: r.task.ref, recipient: who, kind, ...(r.round && { round: r.round.name }) });
    }
  } catch (err) {
    const reason = err instanceof DeliveryError ? err.kind : err instanceof Error ? err.message : String(err);
    for (const r of claimed) {
      await deps.store.setReminderOutcome(r.key, 'failed', reason);
      result.failed.push({ key: r.key, taskRef: r.task.ref, recipient: who, reason });
    }
  }
}

/**
 * Claims the group's keys, filling `claimed`, and renders the card for what was claimed; undefined
 * when another sweep holds the first key. Two sweeps (two instances) on the same person claim in
 * the same order, by key: the one that wins the first claim sends the card and claims the rest, the
 * other leaves the whole card to it. Going on past a lost claim let each win some: the person got
 * one card per instance.
 */
async function claimGroup(deps: ReminderSweepDeps, group: PlannedReminder[], retryable: RetryableLog, result: SweepResult, claimed: PlannedReminder[]): Promise<OutboundCard | undefined> {
  const { recipient, kind } = group[0]!;
  const inClaimOrder = [...group].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const [i, r] of inClaimOrder.entries()) {
    const retry = retryable.get(r.key);
    const ok = retry
      ? await deps.store.reclaimReminder(retry.key, retry.version, deps.clock.now().toISOString())
      : await deps.store.tryAddReminder({ key: r.key, taskId: r.task.id, recipient, trigger: r.trigger, sentAt: deps.clock.now().toISOString(), outcome: 'pending' });
    if (ok) claimed.push(r);
    else if (i === 0) {
      result.skipped += group.length;
      return undefined;
    } else result.skipped += 1;
  }
  return deps.render(kind, recipient, group.filter((r) => claimed.includes(r)));
}

const PERMANENT: ReadonlySet<string> = new Set(['blocked', 'not-found']);

/** Owners nobody could reach (no chat, or blocked/gone) go to the EDI leads, once a day per lead. */
async function reportUnreachable(deps: ReminderSweepDeps, result: SweepResult, now: Date): Promise<void> {
  const leads = deps.policy.ediLeads ?? [];
  if (!deps.renderReachReport || leads.length === 0) return;
  const byPerson = new Map<string, { person: string; taskRefs: string[]; reason: string }>();
  const add = (person: string, ref: string, reason: string) => {
    const line = byPerson.get(person) ?? { person, taskRefs: [], reason };
    if (!line.taskRefs.includes(ref)) line.taskRefs.push(ref);
    byPerson.set(person, line);
  };
  for (const u of result.unreachable) add(u.recipient, u.taskRef, 'no-chat');
  for (const f of result.failed) if (PERMANENT.has(f.reason)) add(f.recipient, f.taskRef, f.reason);
  if (byPerson.size === 0) return;
  // The London date, as every other day in the app: a sweep just after midnight BST is the new day.
  const day = londonDate(now);
  for (const lead of leads) {
    const key = `reach-report:${day}:${lead.aadObjectId}`;
    if (!(await deps.store.getConversation(lead.aadObjectId))) continue;
    if (!(await deps.store.tryAddReminder({ key, taskId: 'reach-report', recipient: lead, trigger: 'reach-report', sentAt: now.toISOString(), outcome: 'pending' }))) continue;
    try {
      await deps.messenger.sendCard(lead, deps.renderReachReport([...byPerson.values()]));
      await deps.store.setReminderOutcome(key, 'sent');
    } catch (err) {
      await deps.store.setReminderOutcome(key, 'failed', err instanceof DeliveryError ? err.kind : String(err));
    }
  }
}

function describe(p: Person): string {
  return `${p.displayName} <${p.email}>`;
}
