import { ConflictError, DuplicateError, ForbiddenError, NotFoundError } from '../errors';
import { type Person, type Task, type TaskPatch, type Update } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { matchesScope } from '../rounds/round-rules';
import { validateUpdateForm, type UpdateFormValues } from '../updates/update-form';

export interface SubmitUpdateDeps {
  store: PlanStore;
  clock: Clock;
}

export interface SubmitUpdateCommand {
  /** Who submitted: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  taskId: string;
  /** The task version the form was rendered from. */
  taskVersion: string;
  /** The card's idempotency key: a retried or double-clicked submit carries the same one. */
  idempotencyKey: string;
  values: UpdateFormValues;
}

export type SubmitUpdateResult =
  | { outcome: 'recorded'; task: Task; update: Update }
  /** The same card was submitted before (double click, Teams retry): nothing new stored. */
  | { outcome: 'already-recorded'; task: Task; update: Update };

/** The task changed after the form was rendered; the owner's answers come back with the new task. */
export class StaleFormError extends ConflictError {
  constructor(readonly current: Task) {
    super('Task', current.id, 'form', current.version);
  }
}

/**
 * An owner's progress update: validate, check the task and the owner, then store the update and
 * the task's latest fields together. Throws ValidationError, NotFoundError, ForbiddenError or
 * StaleFormError; on any of them nothing is stored.
 */
export async function submitUpdate(deps: SubmitUpdateDeps, cmd: SubmitUpdateCommand): Promise<SubmitUpdateResult> {
  const { store, clock } = deps;
  const previous = await store.findUpdateByIdempotencyKey(cmd.idempotencyKey);
  if (previous) return alreadyRecorded(store, previous);

  const form = validateUpdateForm(cmd.values);
  const task = await store.getTask(cmd.taskId);
  if (!task) throw new NotFoundError('Task', cmd.taskId);
  const actor = ownerOf(task, cmd.actorAadObjectId);
  if (task.version !== cmd.taskVersion) throw new StaleFormError(task);

  const submittedAt = clock.now().toISOString();
  const round = await openRoundFor(store, task, submittedAt);
  const patch: TaskPatch = {
    latestUpdate: form.progress,
    latestUpdateAt: submittedAt,
    latestUpdateBy: actor,
    ...(form.evidence !== undefined && { evidence: form.evidence }),
    ...(form.risks !== undefined && { risks: form.risks }),
    // First cut: the owner's RAG applies at once. Manager approval of RAG changes is issue #5.
    ...(form.rag !== undefined && { rag: form.rag }),
    ...(form.rag === 'Complete' && { status: 'Complete' as const, percentComplete: 100 }),
  };
  try {
    const saved = await store.recordUpdate({
      update: {
        taskId: task.id,
        taskRef: task.ref,
        ...(round && { round }),
        submittedBy: actor,
        submittedAt,
        progress: form.progress,
        ragProposed: form.rag,
        evidence: form.evidence,
        risks: form.risks,
        supportNeeded: form.supportNeeded,
        revisedDueDateRequested: form.revisedDueDate,
        idempotencyKey: cmd.idempotencyKey,
      },
      task: { id: task.id, expectedVersion: task.version, patch },
    });
    return { outcome: 'recorded', ...saved };
  } catch (err) {
    // A concurrent submit of the same card won the race: answer as if this one had.
    if (err instanceof DuplicateError) {
      const winner = await store.findUpdateByIdempotencyKey(cmd.idempotencyKey);
      if (winner) return alreadyRecorded(store, winner);
    }
    if (err instanceof ConflictError) {
      const current = await store.getTask(task.id);
      if (current) throw new StaleFormError(current);
    }
    throw err;
  }
}

/** The open update round's name when the task is in its scope: the update answers that round. */
async function openRoundFor(store: PlanStore, task: Task, submittedAt: string): Promise<string | undefined> {
  const [open] = await store.listRounds({ state: 'Open' });
  return open && matchesScope(open.scope, task) && Date.parse(submittedAt) >= Date.parse(open.opensAt) ? open.name : undefined;
}

function ownerOf(task: Task, aadObjectId: string): Person {
  const owner = task.owners.find((o) => o.aadObjectId === aadObjectId);
  if (!owner) {
    const names = task.owners.map((o) => o.displayName).join(' or ') || 'its owner';
    throw new ForbiddenError(`Only ${names} can update ${task.ref}.`);
  }
  return owner;
}

async function alreadyRecorded(store: PlanStore, update: Update): Promise<SubmitUpdateResult> {
  const task = await store.getTask(update.taskId);
  if (!task) throw new NotFoundError('Task', update.taskId);
  return { outcome: 'already-recorded', task, update };
}
