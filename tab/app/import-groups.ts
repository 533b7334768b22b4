import type { RowMark } from '../../core/import/columns/mapping-file';
import type { ImportedTask } from '../../core/import/import-report';
import { formatIsoDate } from './format';

/** The preview's tasks under their objectives, in the file's order. */
export interface ObjectiveGroup {
  key: string;
  title: string;
  tasks: ImportedTask[];
}

export function groupByObjective(tasks: readonly ImportedTask[]): ObjectiveGroup[] {
  const groups = new Map<string, ObjectiveGroup>();
  for (const task of tasks) {
    const key = `${task.objective.ref}\u0000${task.objective.title}`;
    let group = groups.get(key);
    if (!group) {
      const title = task.objective.ref ? `Objective ${task.objective.ref}: ${task.objective.title || 'untitled'}` : task.objective.title || 'No objective';
      group = { key, title, tasks: [] };
      groups.set(key, group);
    }
    group.tasks.push(task);
  }
  return [...groups.values()];
}

/** "31 Mar 2027 (“By March 2027”)", the wording kept beside the date the import read from it. */
export function dueWords(task: ImportedTask): string {
  const date = task.dueDate ? formatIsoDate(task.dueDate) : undefined;
  const wording = task.dueText?.trim();
  if (date && wording && wording !== task.dueDate && wording !== date) return `${date} (“${wording}”)`;
  if (date) return date;
  return wording ? `Not read: “${wording}”` : 'None given';
}

/** Owners as matched, and what is left to assign, in one line. */
export function ownerWords(task: ImportedTask): string {
  const people = task.owners.map((o) => o.displayName);
  const toAssign = task.unassignedOwners.length ? [`to assign: ${task.unassignedOwners.join(', ')}`] : [];
  return [...people, ...toAssign].join('; ') || 'None given';
}

export const ROW_MARK_WORDS: Record<RowMark, string> = { heading: 'a heading', 'not-a-task': 'not a task' };
