import { LISTS } from './list-schema';

/**
 * Each list's domain <-> fields mapping by name, for code that seeds or inspects list items
 * (benches, tests). The column tables are in lists/; the store goes through LISTS.
 */

export const { fromFields: objectiveFromFields, toFields: objectiveToFields } = LISTS.objectives;
export const { fromFields: taskFromFields, toFields: taskToFields } = LISTS.tasks;
export const { fromFields: updateFromFields, toFields: updateToFields } = LISTS.updates;
export const { fromFields: reminderFromFields, toFields: reminderToFields } = LISTS.reminders;
export const { fromFields: conversationFromFields, toFields: conversationToFields } = LISTS.conversations;
export const { fromFields: roundFromFields, toFields: roundToFields } = LISTS.rounds;
export const { fromFields: approvalFromFields, toFields: approvalToFields } = LISTS.approvals;
export const { fromFields: changeFromFields, toFields: changeToFields } = LISTS.changes;
export const { fromFields: commentFromFields, toFields: commentToFields } = LISTS.comments;
export const { fromFields: planFromFields, toFields: planToFields } = LISTS.plans;
export { snapshotJson } from './lists/update-rounds';
