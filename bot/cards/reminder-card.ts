import { randomUUID } from 'node:crypto';
import type { Person, Task } from '../../core/model';
import type { OutboundCard } from '../../core/ports/messenger';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
import { dueTasksCard } from './due-tasks-card';
import { escalationCard } from './escalation-card';
import { updateFormCard } from './update-form-card';

export function reminderIntro(daysUntilDue: number): string {
  if (daysUntilDue > 1) return `Reminder: this task is due in ${daysUntilDue} days. Please send a progress update.`;
  if (daysUntilDue === 1) return 'Reminder: this task is due tomorrow. Please send a progress update.';
  if (daysUntilDue === 0) return 'Reminder: this task is due today. Please send a progress update.';
  const late = -daysUntilDue;
  return `This task is overdue by ${late} day${late === 1 ? '' : 's'}. Please send an update, and ask for a revised date if you need one.`;
}

/** A reminder is the update form itself, so the owner can answer in place. */
export function reminderMessage(task: Task, reminder: Pick<PlannedReminder, 'daysUntilDue'>): OutboundCard {
  const intro = reminderIntro(reminder.daysUntilDue);
  return { card: updateFormCard({ task, nonce: randomUUID(), intro }), summary: `${task.ref}: ${intro}` };
}

function when(daysUntilDue: number): string {
  if (daysUntilDue > 1) return `Due in ${daysUntilDue} days`;
  if (daysUntilDue === 1) return 'Due tomorrow';
  if (daysUntilDue === 0) return 'Due today';
  return `Overdue by ${-daysUntilDue} day${daysUntilDue === -1 ? '' : 's'}`;
}

/**
 * The message for one recipient: the update form when one task is due, a list with an Update
 * button per task when several are, and an overdue summary for an accountable officer or EDI lead.
 */
export function renderReminders(kind: PlannedReminder['kind'], _recipient: Person, reminders: PlannedReminder[]): OutboundCard {
  const sorted = [...reminders].sort((a, b) => a.daysUntilDue - b.daysUntilDue);
  if (kind === 'escalation') {
    return {
      card: escalationCard(sorted.map((r) => ({ task: r.task, daysOverdue: -r.daysUntilDue }))),
      summary: `${sorted.length} overdue action plan task${sorted.length === 1 ? '' : 's'} need your follow-up`,
    };
  }
  if (sorted.length === 1) return reminderMessage(sorted[0]!.task, sorted[0]!);
  return {
    card: dueTasksCard(sorted.map((r) => ({ task: r.task, when: when(r.daysUntilDue) }))),
    summary: `${sorted.length} of your action plan tasks need an update`,
  };
}
