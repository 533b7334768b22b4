import { DateTime } from 'luxon';
import type { IsoDate, ReminderLogEntry } from '../model';
import { addDays, PLAN_ZONE, startOfLondonDay } from '../plan/london-time';
import type { PlannedReminder } from './reminder-planner';
import type { WorkingCalendar } from './working-calendar';

/**
 * One card per person per day (issue 19). An owner's deadline and round asks due at the same sweep
 * are already one card; this rule is for a later sweep the same London day (a round opened after
 * the morning card, `npm run remind` run again, a second instance):
 *
 * - an ask for a task already on today's card is not sent again: it is logged as delivered on that
 *   card ("folded"), since answering the task's form there answers it;
 * - an ask for a task not on today's card is held to the next working day (not logged, so that
 *   day's sweep sends it, in that day's one card);
 * - unless one of those new asks is due before the next working day (a round due tomorrow, a
 *   Friday afternoon round due on Saturday): then today's second card carries every new ask, and
 *   only the new ones.
 *
 * Today's card is read from the reminder log: an owner reminder to the person claimed today that
 * is being sent (pending), was sent, or may have arrived (unconfirmed). A failed card does not
 * count: its retry goes with the new asks in one card. Escalations to an accountable officer are
 * a different message (about other people's tasks) and are left alone.
 */

/** An owner's reminder triggers (deadline and round); escalations, approvals and reports differ. */
const OWNER_TRIGGER = /^(due|overdue|round)-/;

/** For each person, the tasks on the owner card(s) they have had today, and when the first was claimed. */
export type TodaysCards = Map<string, { taskIds: Set<string>; firstAt: string }>;

export function todaysCards(log: readonly ReminderLogEntry[], today: IsoDate): TodaysCards {
  const [from, to] = [startOfLondonDay(today).getTime(), startOfLondonDay(addDays(today, 1)).getTime()];
  const cards: TodaysCards = new Map();
  for (const r of log) {
    if (!OWNER_TRIGGER.test(r.trigger)) continue;
    if (r.outcome === 'failed' && r.detail !== 'unconfirmed') continue;
    const at = Date.parse(r.sentAt);
    if (!(at >= from && at < to)) continue;
    let card = cards.get(r.recipient.aadObjectId);
    if (!card) cards.set(r.recipient.aadObjectId, (card = { taskIds: new Set<string>(), firstAt: r.sentAt }));
    else if (at < Date.parse(card.firstAt)) card.firstAt = r.sentAt;
    card.taskIds.add(r.taskId);
  }
  return cards;
}

export interface DailyCardSplit {
  /** Sent now (grouped into one card per person and kind by the sweep). */
  send: PlannedReminder[];
  /** On the person's card today already: logged as delivered there, not sent again. */
  folded: { reminder: PlannedReminder; cardAt: string }[];
  /** New since the person's card today, and able to wait: sent by the first sweep on `until`. */
  held: PlannedReminder[];
  until: IsoDate;
}

/** Applies the rule above to what the planners say is due now. */
export function oneCardPerDay(planned: readonly PlannedReminder[], cards: TodaysCards, today: IsoDate, calendar: WorkingCalendar): DailyCardSplit {
  const until = nextWorkingDay(today, calendar);
  const split: DailyCardSplit = { send: [], folded: [], held: [], until };
  const fresh = new Map<string, PlannedReminder[]>();
  for (const r of planned) {
    const card = r.kind === 'owner' ? cards.get(r.recipient.aadObjectId) : undefined;
    if (!card) split.send.push(r);
    else if (card.taskIds.has(r.task.id)) split.folded.push({ reminder: r, cardAt: card.firstAt });
    else {
      const asks = fresh.get(r.recipient.aadObjectId) ?? [];
      asks.push(r);
      fresh.set(r.recipient.aadObjectId, asks);
    }
  }
  for (const asks of fresh.values()) {
    const urgent = asks.some((r) => r.daysUntilDue >= 0 && addDays(today, r.daysUntilDue) < until);
    (urgent ? split.send : split.held).push(...asks);
  }
  return split;
}

/** The first working day after `today` (weekends and bank holidays skipped). */
export function nextWorkingDay(today: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = addDays(today, 1);
  for (let i = 0; i < 14 && !calendar.isWorkingDay(day); i++) day = addDays(day, 1);
  return day;
}

/** The Reminder Log's Detail for a folded ask (read later in the tab, beside the day it was logged). */
export function foldedDetail(cardAt: string): string {
  return `Already on the card sent at ${DateTime.fromISO(cardAt).setZone(PLAN_ZONE).toFormat('HH:mm')} that day; not sent again`;
}
