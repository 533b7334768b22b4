import type { Person, Task } from '../../core/model';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { LeaverCards, SuccessorRoute } from '../../core/use-cases/person-leaver';
import { CARD_SCHEMA, CARD_VERSION, cardText, dueLabel, factText, ragLabel } from './card-text';
import { CardVerb } from './card-verbs';

type Route = Exclude<SuccessorRoute, 'co-owners'>;

const WHY: Record<Route, string> = {
  'accountable-officer': 'It comes to you as its accountable officer.',
  named: 'It comes to you because you were named to take their tasks.',
  'plan-owner': 'It comes to you as the owner of the plan.',
  'edi-lead': 'It comes to you as an EDI lead, as it had no accountable officer.',
};

/** "You now own 2.3": to whoever takes a task because its owner left the council (npm run person -- leaver). */
export function ownerLeftCard(task: Task, leaver: Pick<Person, 'displayName'>, via: Route): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      { type: 'TextBlock', text: `You now own ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: cardText(task.title), wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Owner until now', value: `${factText(leaver.displayName)} (left the council)` },
          { title: 'Due', value: dueLabel(task.dueDate, task.dueText) },
          { title: 'RAG', value: ragLabel(task.rag) },
        ],
      },
      { type: 'TextBlock', isSubtle: true, wrap: true, text: `${WHY[via]} Reminders and requests for progress updates will come to you here. Its earlier updates stay in its history. If it should be with someone else, hand it to a colleague from the update form.` },
    ],
    actions: [
      { type: 'Action.Execute', title: 'Update progress', verb: CardVerb.openUpdateForm, data: { taskId: task.id }, style: 'positive' },
      { type: 'Action.Execute', title: 'My tasks', verb: CardVerb.showMyTasks, data: {} },
    ],
  };
}

export const leaverCards: LeaverCards = {
  ownerLeft: (task, leaver, via) => ({ card: ownerLeftCard(task, leaver, via), summary: `You now own ${task.ref}: ${leaver.displayName} has left the council` }),
};
