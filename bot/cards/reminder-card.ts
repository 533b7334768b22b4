import { randomUUID } from 'node:crypto';
import type { Person, Task } from '../../core/model';
import { formatDate } from '../../core/plan/london-time';
import type { OutboundCard } from '../../core/ports/messenger';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
import type { ReminderRenderContext } from '../../core/use-cases/run-reminder-sweep';
import { dueTasksCard } from './due-tasks-card';
import { escalationCard } from './escalation-card';
import { roundTitle } from './round-title';
import { updateFormCard } from './update-form-card';

export function reminderIntro(daysUntilDue: number): string {
  if (daysUntilDue > 1) return `Reminder: this task is due in ${daysUntilDue} days. Please send a progress update.`;
  if (daysUntilDue === 1) return 'Reminder: this task is due tomorrow. Please send a progress update.';
  if (daysUntilDue === 0) return 'Reminder: this task is due today. Please send a progress update.';
  const late = -daysUntilDue;
  return `This task is overdue by ${late} day${late === 1 ? '' : 's'}. Please send an update, and ask for a revised date if you need one.`;
}

type RoundAsk = NonNullable<PlannedReminder['round']>;

/** "for the Q3 board, due 18 Dec 2026": so a round ask reads "Update for the Q3 board, due 18 Dec 2026". */
export function roundPurpose(round: Pick<RoundAsk, 'name' | 'dueDate'>): string {
  return `for ${roundTitle(round.name)}, due ${formatDate(round.dueDate)}`;
}

/** A reminder is the update form itself, so the owner can answer in place; with a count, "Comments (N)" too. */
export function reminderMessage(task: Task, reminder: Pick<PlannedReminder, 'daysUntilDue'>, commentCount?: number): OutboundCard {
  return formMessage(task, reminderIntro(reminder.daysUntilDue), commentCount);
}

function formMessage(task: Task, intro: string, commentCount?: number): OutboundCard {
  return { card: updateFormCard({ task, nonce: randomUUID(), intro, commentCount }), summary: `${task.ref}: ${intro}` };
}

function when(daysUntilDue: number): string {
  if (daysUntilDue > 1) return `Due in ${daysUntilDue} days`;
  if (daysUntilDue === 1) return 'Due tomorrow';
  if (daysUntilDue === 0) return 'Due today';
  return `Overdue by ${-daysUntilDue} day${daysUntilDue === -1 ? '' : 's'}`;
}

/** One task's reminders (a deadline, an update round, or both) as one line of the message. */
interface TaskAsk {
  task: Task;
  deadline?: PlannedReminder;
  round?: RoundAsk;
  urgency: number;
}

function byTask(reminders: PlannedReminder[]): TaskAsk[] {
  const asks = new Map<string, TaskAsk>();
  for (const r of reminders) {
    const ask = asks.get(r.task.id) ?? { task: r.task, urgency: r.daysUntilDue };
    if (r.round) ask.round = r.round;
    else ask.deadline = r;
    ask.urgency = Math.min(ask.urgency, r.daysUntilDue);
    asks.set(r.task.id, ask);
  }
  return [...asks.values()].sort((a, b) => a.urgency - b.urgency);
}

/** "Due in 3 days", "Update for the Q3 board, due 18 Dec 2026", or both: "Due in 3 days; update for …". */
function whenLine(ask: TaskAsk): string {
  const purpose = ask.round && roundPurpose(ask.round);
  if (!ask.deadline) return `Update ${purpose}`;
  const due = when(ask.deadline.daysUntilDue);
  return purpose ? `${due}; update ${purpose}` : due;
}

function formIntro(ask: TaskAsk): string {
  const purpose = ask.round && roundPurpose(ask.round);
  if (!ask.deadline) return `Please send a progress update ${purpose}.`;
  const intro = reminderIntro(ask.deadline.daysUntilDue);
  return purpose ? `${intro} It is also needed ${purpose}.` : intro;
}

/**
 * The message for one recipient: the update form when one task is due, a list with an Update
 * button per task when several are, and an overdue summary for an accountable officer or EDI lead.
 * A task asked about for a deadline and for the open update round is one line saying both.
 */
export function renderReminders(kind: PlannedReminder['kind'], _recipient: Person, reminders: PlannedReminder[], context?: ReminderRenderContext): OutboundCard {
  if (kind === 'escalation') {
    const sorted = [...reminders].sort((a, b) => a.daysUntilDue - b.daysUntilDue);
    return {
      card: escalationCard(sorted.map((r) => ({ task: r.task, daysOverdue: -r.daysUntilDue }))),
      summary: `${sorted.length} overdue action plan task${sorted.length === 1 ? '' : 's'} need your follow-up`,
    };
  }
  const asks = byTask(reminders);
  if (asks.length === 1) {
    const { task } = asks[0]!;
    const plan = context?.planName?.(task);
    return formMessage(task, `${plan ? `${plan}: ` : ''}${formIntro(asks[0]!)}`, context && (context.commentCounts.get(task.id) ?? 0));
  }
  return {
    card: dueTasksCard(asks.map((ask) => ({ task: ask.task, when: whenLine(ask), plan: context?.planName?.(ask.task) }))),
    summary: `${asks.length} of your action plan tasks need an update`,
  };
}
