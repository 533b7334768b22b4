import { randomUUID } from 'node:crypto';
import { DuplicateError, ValidationError } from '../errors';
import type { PlanChange, Person, Task, TaskInput } from '../model';
import { applyTaskFields } from '../tasks/apply-task-fields';
import { fieldChanges } from '../tasks/field-changes';
import { missingToCreate } from '../tasks/task-rules';
import { refTaken, requestFrom, resolvePeople, tellOwners, type TaskEditDeps } from './task-edit-support';

export interface CreateTaskCommand {
  /** The officer: from the authenticated request. */
  actor: Person;
  body: unknown;
}

/**
 * An officer adds a task to the plan: a unique ref, a title and a current objective at least; the
 * rest as for an edit. It starts Open and Not started unless the request says otherwise; its
 * history starts with the fields it was created with, and its owners are told.
 */
export async function createTask(deps: TaskEditDeps, cmd: CreateTaskCommand): Promise<{ task: Task; change: PlanChange; told: Person[] }> {
  const request = requestFrom(cmd.body);
  const missing = missingToCreate(request.fields);
  if (missing.length) throw new ValidationError(missing);
  const now = deps.clock.now().toISOString();
  const [people, objectives] = await Promise.all([resolvePeople(deps.directory, request, undefined), deps.store.listObjectives()]);
  const applied = applyTaskFields(undefined, request, { people, objectives, actor: cmd.actor, now });
  if (await deps.store.getTaskByRef(request.fields.ref!)) applied.errors.push(refTaken(request.fields.ref!));
  if (applied.errors.length) throw new ValidationError(applied.errors);

  const input = { kind: 'Priority', owners: [], groupsImpacted: [], rag: 'Not started', status: 'Open', ...applied.patch } as TaskInput;
  let task: Task;
  try {
    task = await deps.store.createTask(input);
  } catch (err) {
    if (err instanceof DuplicateError) throw new ValidationError([refTaken(input.ref)]);
    throw err;
  }
  const change = await deps.store.recordChange({
    key: randomUUID(),
    subject: 'task',
    subjectId: task.id,
    subjectRef: task.ref,
    action: 'created',
    changedBy: cmd.actor,
    changedAt: now,
    changes: fieldChanges(undefined, input, applied.fields),
    ...(request.reason && { reason: request.reason }),
  });
  return { task, change, told: await tellOwners(deps, undefined, task, cmd.actor) };
}
