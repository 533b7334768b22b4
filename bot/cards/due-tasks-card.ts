import type { Task } from '../../core/model';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, cardText, dueLabel } from './card-text';
import { taskSummary } from './task-summary';

export interface DueTaskLine {
  task: Task;
  /** e.g. "Due in 5 days", "Overdue by 3 days" */
  when: string;
  /** The task's plan, when the reader has tasks in several. */
  plan?: string;
}

/** One reminder for an owner with several tasks due: a line each, with a button to update it. */
export function dueTasksCard(lines: DueTaskLine[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `${lines.length} of your tasks need a progress update`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Open each one to send an update. It takes a minute and goes straight into the action plan.', wrap: true, isSubtle: true },
      ...lines.map(({ task, when, plan }) =>
        taskSummary(task, {
          facts: [
            { title: 'When', value: cardText(when) },
            { title: 'Due', value: dueLabel(task.dueDate, task.dueText) },
          ],
          updateButton: true,
          plan,
        }),
      ),
    ],
  };
}
