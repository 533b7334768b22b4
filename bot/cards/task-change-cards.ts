import type { Person, Task } from '../../core/model';
import { formatDate } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { TaskChangeCards } from '../../core/use-cases/task-edit-support';
import { CARD_SCHEMA, CARD_VERSION, cardText, dueLabel, factText, ragLabel } from './card-text';
import { CardVerb } from './card-verbs';

const card = (body: unknown[], taskId: string): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  $schema: CARD_SCHEMA,
  version: CARD_VERSION,
  body,
  actions: [
    // Opens the update form in place, as the reminder's list does.
    { type: 'Action.Execute', title: 'Update progress', verb: CardVerb.openUpdateForm, data: { taskId }, style: 'positive' },
    { type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} },
  ],
});

/** "You now own 2.3": to someone an EDI officer gave a task (a new one, or one they were added to). */
export function assignedCard(task: Task, by: Person): AdaptiveCardJson {
  return card(
    [
      { type: 'TextBlock', text: `You now own ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Given by', value: factText(by.displayName) },
          { title: 'Due', value: dueLabel(task.dueDate, task.dueText) },
          { title: 'RAG', value: ragLabel(task.rag) },
          ...(task.owners.length > 1 ? [{ title: 'Owners', value: factText(task.owners.map((o) => o.displayName).join(', ')) }] : []),
          ...(task.accountableOfficer ? [{ title: 'Accountable officer', value: factText(task.accountableOfficer.displayName) }] : []),
        ],
      },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: 'Reminders and requests for progress updates will come to you here. If this task should be with someone else, you can hand it to a colleague from the update form.' },
    ],
    task.id,
  );
}

/** "The due date of 2.3 moved from 1 Dec 2026 to 31 Jan 2027" (or was set, or cleared): plain text. */
export function dueDateHeadline(task: Pick<Task, 'ref' | 'dueDate'>, previous: string | undefined): string {
  if (task.dueDate && previous) return `The due date of ${task.ref} moved from ${formatDate(previous)} to ${formatDate(task.dueDate)}`;
  if (task.dueDate) return `${task.ref} now has a due date: ${formatDate(task.dueDate)}`;
  return previous ? `${task.ref} no longer has a due date (it was ${formatDate(previous)})` : `${task.ref} has no due date`;
}

/** To the owners who keep a task whose due date an EDI officer moved. */
export function dueDateChangedCard(task: Task, previous: string | undefined, by: Person): AdaptiveCardJson {
  const after = task.dueDate
    ? 'Reminders will now follow the new date. If it does not work for you, please say so in your next update.'
    : 'There will be no deadline reminders for it until a new date is set.';
  return card(
    [
      { type: 'TextBlock', text: cardText(dueDateHeadline(task, previous)), weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Changed by', value: factText(by.displayName) },
          // The date alone: the plan's wording of the deadline may still describe the old one.
          { title: 'Due now', value: task.dueDate ? formatDate(task.dueDate) : dueLabel(undefined, task.dueText) },
          { title: 'RAG', value: ragLabel(task.rag) },
        ],
      },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: after },
    ],
    task.id,
  );
}

const short = (title: string) => (title.length > 80 ? `${title.slice(0, 79)}…` : title);

/** The bot's cards for the task edit use cases (core/use-cases/task-edit-support.ts). */
export const taskChangeCards: TaskChangeCards = {
  assigned: (task, by) => ({ card: assignedCard(task, by), summary: `You now own ${task.ref}: ${short(task.title)} (from ${by.displayName})` }),
  dueDateChanged: (task, previous, by) => ({ card: dueDateChangedCard(task, previous, by), summary: `${dueDateHeadline(task, previous)} (changed by ${by.displayName})` }),
};
