import type { PlanStore } from '../../core/ports/plan-store';
import { TASK_FIELD_LABELS } from '../../core/tasks/task-fields';
import { demoUpdateInstant } from './demo-plan';
import { demoUsers, toPerson, type DemoUserKey } from './demo-users';

/**
 * The officers' side of the demo: a comment thread between the EDI officer and an owner, and an
 * officer's edit in a task's history, so the task panel shows both from the first start.
 */
const COMMENTS: { ref: string; by: DemoUserKey; daysAgo: number; text: string }[] = [
  { ref: '1.1.2', by: 'priya', daysAgo: 9, text: 'Could the dashboard show deprivation deciles by ward as well as the protected characteristics? The Overview and Scrutiny Committee asked for it.' },
  { ref: '1.1.2', by: 'alex', daysAgo: 8, text: 'Yes: the deciles are in the test build now. I will share a preview link once ICT have finished the access checks.' },
];

const EDITS: { ref: string; by: DemoUserKey; daysAgo: number; supportingServices: string; reason: string }[] = [
  { ref: '2.2.1', by: 'priya', daysAgo: 20, supportingServices: 'Policy and Insight; Legal Services; Human Resources', reason: 'Agreed at the EDI Officers Group: HR will draft the workforce section.' },
];

export async function seedDemoActivity(store: PlanStore, today: string): Promise<void> {
  for (const [i, c] of COMMENTS.entries()) {
    const task = await store.getTaskByRef(c.ref);
    if (task) await store.addComment({ key: `demo:comment:${i}`, taskId: task.id, taskRef: task.ref, author: toPerson(demoUsers[c.by]), postedAt: demoUpdateInstant(today, c.daysAgo), text: c.text });
  }
  for (const [i, e] of EDITS.entries()) {
    const task = await store.getTaskByRef(e.ref);
    if (!task || task.supportingServices === e.supportingServices) continue;
    const changes = [{ field: 'supportingServices', label: TASK_FIELD_LABELS.supportingServices, ...(task.supportingServices && { from: task.supportingServices }), to: e.supportingServices }];
    await store.editTask({
      task: { id: task.id, expectedVersion: task.version, patch: { supportingServices: e.supportingServices } },
      change: { key: `demo:edit:${i}`, subject: 'task', subjectId: task.id, subjectRef: task.ref, action: 'edited', changedBy: toPerson(demoUsers[e.by]), changedAt: demoUpdateInstant(today, e.daysAgo), changes, reason: e.reason },
    });
  }
}
