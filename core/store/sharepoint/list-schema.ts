import { defineList, type MappedList } from './columns/list-definition';
import { conversationTable } from './lists/bot-conversations';
import { changeTable } from './lists/plan-changes';
import { objectiveTable } from './lists/plan-objectives';
import { planTable } from './lists/plans';
import { taskTable } from './lists/plan-tasks';
import { updateTable } from './lists/plan-updates';
import { approvalTable } from './lists/rag-approvals';
import { reminderTable } from './lists/reminder-log';
import { commentTable } from './lists/task-comments';
import { roundTable } from './lists/update-rounds';

/**
 * The SharePoint lists the product keeps in the council's site (DESIGN.md §3), each with its
 * column table from lists/: what provisioning (`npm run provision`) creates, what the SharePoint
 * adapter reads and writes, and what the Graph emulator is given in tests. Internal column names
 * are stable; display names of lists are configurable.
 */

export type { ColumnDef, ColumnType } from './columns/column';
export type { ListDef } from './columns/list-definition';

/** In the order the store batches, stamps and provisions them. */
export const LIST_KEYS = ['objectives', 'tasks', 'updates', 'reminders', 'conversations', 'rounds', 'approvals', 'changes', 'comments', 'plans'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export const LISTS = {
  objectives: defineList({ key: 'objectives', displayName: 'Plan Objectives', description: 'EDI action plan objectives (Title is the objective).' }, objectiveTable),
  tasks: defineList({ key: 'tasks', displayName: 'Plan Tasks', description: 'EDI action plan tasks (Title is the task).' }, taskTable),
  updates: defineList({ key: 'updates', displayName: 'Plan Updates', description: 'Every progress update submitted, one item each (Title is the task ref).' }, updateTable),
  reminders: defineList({ key: 'reminders', displayName: 'Reminder Log', description: 'One item per reminder; the unique Key makes reminders exactly-once across app instances.' }, reminderTable),
  conversations: defineList({ key: 'conversations', displayName: 'Bot Conversations', description: 'Teams conversation references, one per person, captured when the app is installed.' }, conversationTable),
  rounds: defineList({ key: 'rounds', displayName: 'Update Rounds', description: 'Update rounds: progress collected from owners before a board meeting (Title is the round name).' }, roundTable),
  approvals: defineList(
    { key: 'approvals', displayName: 'RAG Approvals', description: 'Every proposed RAG change and its decision: who asked, who decided, when and why (Title is "<ref>: <from> to <to>").' },
    approvalTable,
  ),
  changes: defineList(
    { key: 'changes', displayName: 'Plan Changes', description: 'Who changed a task or objective, from what to what, when and why: one item per edit (Title is "<ref>: <action>").' },
    changeTable,
  ),
  comments: defineList({ key: 'comments', displayName: 'Task Comments', description: "Comments on tasks' threads, officers' and owners', one item each (Title is the task ref)." }, commentTable),
  plans: defineList({ key: 'plans', displayName: 'Plans', description: 'The plans this site holds, one item each (Title is the plan name); the other lists name theirs in PlanId.' }, planTable),
};

/** The domain record a list holds. */
export type RecordOf<K extends ListKey> = ReturnType<(typeof LISTS)[K]['fromFields']>;

/** LISTS[key] typed by its record, for code generic over lists. */
export function listOf<K extends ListKey>(key: K): MappedList<RecordOf<K>> {
  return LISTS[key] as unknown as MappedList<RecordOf<K>>;
}
