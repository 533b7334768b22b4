import { randomUUID } from 'node:crypto';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../errors';
import type { IsoInstant, PlanChange, PlanChangeInput, Person, Task } from '../model';
import { storeOf } from '../plan/plan-stores';
import type { PlanStore } from '../ports/plan-store';
import { applyTaskFields } from '../tasks/apply-task-fields';
import { fieldChanges } from '../tasks/field-changes';
import { refTaken, requestFrom, resolvePeople, tellOwners, type TaskEditDeps } from './task-edit-support';

export interface EditTaskCommand {
  /** The officer: from the authenticated request, never from the body. */
  actor: Person;
  taskId: string;
  /** The version the officer's form was filled in from (the If-Match ETag). */
  expectedVersion: string;
  /** The fields to change, as the API received them (untrusted). */
  body: unknown;
}

export interface EditTaskResult {
  task: Task;
  /** Undefined when the request changed nothing (nothing was written). */
  change?: PlanChange;
  /** Owners the bot told. */
  told: Person[];
}

/** Who last changed a task and when: an officer's edit, an owner's update or a RAG decision. */
export interface LastChange {
  by: Person;
  at: IsoInstant;
  /** "edited Due date, Owners", "sent an update", "approved a RAG change". */
  what: string;
}

/** The task changed since the officer read it: nothing was written; here is what it is now. */
export class TaskEditConflictError extends ConflictError {
  constructor(
    readonly current: Task,
    readonly lastChange: LastChange | undefined,
    expectedVersion: string,
  ) {
    super('Task', current.id, expectedVersion, current.version);
  }
}

/**
 * An officer changes a task: the fields checked (ValidationError naming each), the people found in
 * the directory, the version checked (TaskEditConflictError with the task as it is now), then the
 * task and its history item stored together. A pending RAG proposal the officer overrides is marked
 * superseded; owners given the task or a new due date are told.
 */
export async function editTask(deps: TaskEditDeps, cmd: EditTaskCommand): Promise<EditTaskResult> {
  const request = requestFrom(cmd.body);
  const task = await deps.store.getTask(cmd.taskId);
  if (!task) throw new NotFoundError('Task', cmd.taskId);
  if (task.version !== cmd.expectedVersion) throw await conflict(deps.store, task, cmd.expectedVersion);
  const now = deps.clock.now().toISOString();
  const planStore = storeOf(deps.store, task); // the task's plan: its objectives, its refs
  const [people, objectives] = await Promise.all([resolvePeople(deps.directory, request, task), planStore.listObjectives()]);
  const applied = applyTaskFields(task, request, { people, objectives, actor: cmd.actor, now });
  if (applied.patch.ref !== undefined && applied.patch.ref !== task.ref) {
    const holder = await planStore.getTaskByRef(applied.patch.ref);
    if (holder && holder.id !== task.id) applied.errors.push(refTaken(applied.patch.ref));
  }
  if (applied.errors.length) throw new ValidationError(applied.errors);

  const changes = fieldChanges(task, { ...task, ...applied.patch }, applied.fields);
  if (changes.length === 0 && !('pendingApprovalId' in applied.patch)) return { task, told: [] };
  const change: PlanChangeInput = {
    key: randomUUID(),
    subject: 'task',
    subjectId: task.id,
    subjectRef: applied.patch.ref ?? task.ref,
    action: applied.patch.status === 'Withdrawn' && task.status !== 'Withdrawn' ? 'withdrawn' : task.status === 'Withdrawn' && applied.patch.status && applied.patch.status !== 'Withdrawn' ? 'restored' : 'edited',
    changedBy: cmd.actor,
    changedAt: now,
    changes,
    ...(request.reason && { reason: request.reason }),
  };
  let saved: { task: Task; change: PlanChange };
  try {
    saved = await deps.store.editTask({ task: { id: task.id, expectedVersion: task.version, patch: applied.patch }, change });
  } catch (err) {
    if (err instanceof ConflictError) {
      const current = await deps.store.getTask(task.id);
      if (current) throw await conflict(deps.store, current, cmd.expectedVersion);
    }
    if (err instanceof DuplicateError && err.entity === 'Task') throw new ValidationError([refTaken(applied.patch.ref ?? task.ref)]);
    throw err;
  }
  if (task.pendingApprovalId && saved.task.pendingApprovalId === undefined) await supersedeProposal(deps.store, task.pendingApprovalId, cmd.actor, now);
  return { ...saved, told: await tellOwners(deps, task, saved.task, cmd.actor) };
}

async function conflict(store: PlanStore, current: Task, expectedVersion: string): Promise<TaskEditConflictError> {
  return new TaskEditConflictError(current, await lastChangeOf(store, current), expectedVersion);
}

/** The newest of the task's history items, owners' updates and RAG decisions. */
export async function lastChangeOf(store: PlanStore, task: Task): Promise<LastChange | undefined> {
  const [changes, updates, approvals] = await Promise.all([store.listChanges({ subject: 'task', subjectId: task.id }), store.listUpdates(task.id), store.listApprovals({ taskId: task.id })]);
  const candidates: LastChange[] = [
    ...changes.map((c) => ({ by: c.changedBy, at: c.changedAt, what: c.changes.length ? `changed ${c.changes.map((f) => f.label).join(', ')}` : c.action })),
    ...updates.map((u) => ({ by: u.submittedBy, at: u.submittedAt, what: 'sent an update' })),
    ...approvals.filter((a) => a.decidedBy && a.decidedAt).map((a) => ({ by: a.decidedBy!, at: a.decidedAt!, what: `${a.state.toLowerCase()} a RAG change` })),
  ];
  return candidates.sort((a, b) => b.at.localeCompare(a.at))[0];
}

/** The owner's proposal gives way to the officer's decision; a decision made meanwhile stands. */
async function supersedeProposal(store: PlanStore, key: string, by: Person, at: string): Promise<void> {
  const pending = await store.findApprovalByKey(key);
  if (!pending || pending.state !== 'Pending') return;
  try {
    await store.updateApproval(pending.id, pending.version, { state: 'Superseded', decidedBy: by, decidedAt: at, comment: 'Set directly by an EDI officer.' });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}
