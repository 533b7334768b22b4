import type { Person, Task, UpdateRound } from '../model';
import { daysBetween, londonDate } from '../plan/london-time';
import { answeredInRound, tasksInRound } from '../rounds/round-rules';
import type { PlannedReminder } from './reminder-planner';
import { DEFAULT_ROUND_CHASER_DAYS, type ReminderPolicy } from './reminder-policy';

const ROUND_OPEN_TRIGGER = 'round-open';

/** A chaser whose day falls this close to the opening is skipped: the opening ask covers it. */
const CHASER_MIN_DAYS_AFTER_OPENING = 3;

/**
 * Which update-round asks are due now: a pure function of (tasks, rounds, already-logged keys,
 * now, policy), like the deadline planner. While a round is open, each owner of an in-scope task
 * nobody has answered yet is asked once when it opens ("round-open"), then chased on each chaser
 * day before the round's due date ("round-chase-7", "round-chase-2"). Only the latest stage
 * reached is planned, so an owner first reachable late gets one message, not a backlog. Nothing
 * after the due date: the officer follows up, and closes the round.
 */
export function planRoundReminders(
  tasks: Task[],
  rounds: UpdateRound[],
  loggedKeys: ReadonlySet<string>,
  now: Date,
  policy: Pick<ReminderPolicy, 'roundChaserDaysBefore'>,
): PlannedReminder[] {
  const today = londonDate(now);
  const chasers = [...new Set(policy.roundChaserDaysBefore ?? DEFAULT_ROUND_CHASER_DAYS)].sort((a, b) => b - a);
  const planned: PlannedReminder[] = [];
  const plannedKeys = new Set<string>();

  for (const round of rounds) {
    if (round.state !== 'Open' || Date.parse(round.opensAt) > now.getTime()) continue;
    const daysUntilDue = daysBetween(today, round.dueDate);
    if (daysUntilDue < 0) continue;
    const openedDaysBefore = daysBetween(londonDate(new Date(round.opensAt)), round.dueDate);
    const chaser = chasers.filter((d) => daysUntilDue <= d && openedDaysBefore - d >= CHASER_MIN_DAYS_AFTER_OPENING).at(-1);
    const trigger = chaser === undefined ? ROUND_OPEN_TRIGGER : `round-chase-${chaser}`;
    const about = { id: round.id, name: round.name, dueDate: round.dueDate };

    for (const task of tasksInRound(round, tasks)) {
      if (task.status !== 'Open' || answeredInRound(round, task)) continue;
      for (const recipient of task.owners) {
        const key = roundReminderKey(round, trigger, task, recipient);
        if (loggedKeys.has(key) || plannedKeys.has(key)) continue;
        plannedKeys.add(key);
        planned.push({ key, kind: 'owner', task, recipient, trigger, daysUntilDue, round: about });
      }
    }
  }
  return planned;
}

/** Unique per round, stage, task and recipient: the reminder log key. */
export function roundReminderKey(round: Pick<UpdateRound, 'id'>, trigger: string, task: Pick<Task, 'id'>, recipient: Pick<Person, 'aadObjectId'>): string {
  return `round:${round.id}:${trigger}:${task.id}:${recipient.aadObjectId}`;
}
