import type { Task } from '../../core/model';
import { formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { CARD_SCHEMA, CARD_VERSION, dueLabel, factText } from './card-text';
import { taskSummary } from './task-summary';

export interface OverdueLine {
  task: Task;
  daysOverdue: number;
}

/** To an accountable officer (or the EDI leads): tasks overdue with no update since the deadline. */
export function escalationCard(lines: OverdueLine[]): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: lines.length === 1 ? 'An action plan task is overdue' : `${lines.length} action plan tasks are overdue`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: 'Their owners have been reminded and have not sent an update since the deadline. You are listed as accountable (or as an EDI lead); please follow up with them.',
      },
      ...lines.map(({ task, daysOverdue }) =>
        taskSummary(task, {
          facts: [
            { title: 'Owner', value: factText(task.owners.map((o) => o.displayName).join(', ') || 'Nobody assigned') },
            { title: 'Due', value: `${dueLabel(task.dueDate, task.dueText)}: overdue by ${daysOverdue} day${daysOverdue === 1 ? '' : 's'}` },
          ],
          lastUpdate: task.latestUpdate && task.latestUpdateAt ? `${factText(task.latestUpdate, 140)} (${formatInstant(task.latestUpdateAt)})` : undefined,
          updateButton: false,
        }),
      ),
    ],
  };
}
