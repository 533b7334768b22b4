import type { Task } from '../../core/model';
import { cardText, factText, ragLabel } from './card-text';
import { CardVerb } from './card-verbs';

export interface Fact {
  title: string;
  value: string;
}

/**
 * One task in a list card: "ref: title", facts (the caller's first, then RAG and the last update)
 * and, when the reader owns it, an Update button that opens its form in place.
 */
export function taskSummary(task: Task, options: { facts: Fact[]; lastUpdate?: string; updateButton: boolean; plan?: string }): Record<string, unknown> {
  return {
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `${cardText(task.ref)}: ${cardText(task.title)}`, weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          // Named only when the reader has tasks in several plans (core/plan/plan-labels.ts).
          ...(options.plan ? [{ title: 'Plan', value: cardText(options.plan) }] : []),
          ...options.facts,
          { title: 'RAG', value: ragLabel(task.rag) },
          { title: 'Last update', value: options.lastUpdate ?? (task.latestUpdate ? factText(task.latestUpdate, 140) : 'None yet') },
        ],
      },
      ...(options.updateButton
        ? [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: updateButtonTitle(task.ref, options.plan), verb: CardVerb.openUpdateForm, data: { taskId: task.id } }] }]
        : []),
    ],
  };
}

/**
 * A button's title is its accessible name: two plans can both have a task 1.1.2, so with the plan
 * named on the card its button names it too (no two buttons on one card called the same).
 */
export function updateButtonTitle(ref: string, plan?: string): string {
  return plan ? `Update ${ref} (${plan})` : `Update ${ref}`;
}
