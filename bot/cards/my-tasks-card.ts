import type { MyTask } from '../../core/use-cases/list-my-tasks';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, dueLabel } from './card-text';
import { taskSummary } from './task-summary';

/** Teams caps a message at ~100 KB (80 KB advised): list the soonest tasks, point to the tab for the rest. */
export const MY_TASKS_CARD_LIMIT = 10;

export function myTasksCard(tasks: MyTask[], today: string): AdaptiveCardJson {
  const shown = tasks.slice(0, MY_TASKS_CARD_LIMIT);
  const body: unknown[] = [
    { type: 'TextBlock', text: 'Your open tasks', weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (tasks.length === 0) {
    body.push({ type: 'TextBlock', wrap: true, text: 'You have no open tasks in the action plan. Nothing to update.' });
  }
  for (const task of shown) {
    const overdue = task.dueDate !== undefined && task.dueDate < today;
    body.push(taskSummary(task, { facts: [{ title: 'Due', value: `${dueLabel(task.dueDate, task.dueText)}${overdue ? ' — OVERDUE' : ''}` }], updateButton: true, plan: task.planName }));
  }
  if (tasks.length > shown.length) {
    body.push({
      type: 'TextBlock',
      wrap: true,
      isSubtle: true,
      text: `…and ${tasks.length - shown.length} more. Open the action plan tab to see them all.`,
    });
  }
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body };
}
