import { randomUUID } from 'node:crypto';
import type { Task } from '../../core/model';
import type { OutboundCard } from '../../core/ports/messenger';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
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
