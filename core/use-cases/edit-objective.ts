import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, DuplicateError, NotFoundError, ValidationError, type FieldError } from '../errors';
import type { FieldChange, Objective, ObjectiveInput, Person } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { TASK_FIELD_LIMITS } from '../tasks/task-fields';

export interface ObjectiveDeps {
  store: PlanStore;
  clock: Clock;
}

const text = (label: string, max: number) => z.string({ error: `${label} must be text.` }).trim().min(1, { error: `${label} cannot be empty.` }).max(max, { error: `${label} is at most ${max} characters.` });
const objectiveBody = z
  .object({
    ref: text('Ref', TASK_FIELD_LIMITS.ref),
    title: text('Title', TASK_FIELD_LIMITS.title),
    description: z.union([z.string().trim().max(TASK_FIELD_LIMITS.longText, { error: `Description is at most ${TASK_FIELD_LIMITS.longText} characters.` }), z.null()]),
    retired: z.boolean({ error: 'Retired is true or false.' }),
  })
  .partial()
  .strict();

function parse(body: unknown): z.infer<typeof objectiveBody> {
  const parsed = objectiveBody.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((i) => (i.code === 'unrecognized_keys' ? { field: i.keys[0] ?? 'body', message: `${i.keys.join(', ')} cannot be set on an objective.` } : { field: String(i.path[0] ?? 'body'), message: i.message }));
  throw new ValidationError(errors);
}

const refTaken = (ref: string): FieldError => ({ field: 'ref', message: `Objective ${ref} already exists: refs are unique.` });

/** An officer adds an objective (unique ref); its history starts with it. */
export async function createObjective(deps: ObjectiveDeps, cmd: { actor: Person; body: unknown }): Promise<Objective> {
  const body = parse(cmd.body);
  const errors: FieldError[] = [];
  if (!body.ref) errors.push({ field: 'ref', message: 'Give the objective a ref, for example 5.' });
  if (!body.title) errors.push({ field: 'title', message: 'Give the objective a title.' });
  if (errors.length) throw new ValidationError(errors);
  const input: ObjectiveInput = { ref: body.ref!, title: body.title!, ...(body.description && { description: body.description }) };
  let objective: Objective;
  try {
    objective = await deps.store.createObjective(input);
  } catch (err) {
    if (err instanceof DuplicateError) throw new ValidationError([refTaken(input.ref)]);
    throw err;
  }
  await record(deps, cmd.actor, objective, 'created', [
    { field: 'title', label: 'Title', to: objective.title },
    ...(objective.description ? [{ field: 'description', label: 'Description', to: objective.description }] : []),
  ]);
  return objective;
}

/**
 * An officer edits or retires (or restores) an objective, at the version they read. An objective
 * with open tasks cannot be retired: they would vanish from the plan with it.
 */
export async function editObjective(deps: ObjectiveDeps, cmd: { actor: Person; objectiveId: string; expectedVersion: string; body: unknown }): Promise<Objective> {
  const body = parse(cmd.body);
  const current = (await deps.store.listObjectives()).find((o) => o.id === cmd.objectiveId);
  if (!current) throw new NotFoundError('Objective', cmd.objectiveId);
  if (current.version !== cmd.expectedVersion) throw new ConflictError('Objective', current.id, cmd.expectedVersion, current.version);
  if (body.retired && !current.retired) {
    const open = (await deps.store.listTasks({ statuses: ['Open'] })).filter((t) => t.objectiveRef === current.ref);
    if (open.length) throw new ValidationError([{ field: 'retired', message: `Objective ${current.ref} still has ${open.length} open ${open.length === 1 ? 'task' : 'tasks'} (${open.slice(0, 5).map((t) => t.ref).join(', ')}): withdraw them or move them to another objective first.` }]);
  }
  if (body.ref !== undefined && body.ref !== current.ref) throw new ValidationError([{ field: 'ref', message: "An objective's ref cannot change once tasks may point at it: add a new objective instead." }]);
  const patch: Partial<ObjectiveInput> = {
    ...(body.title !== undefined && { title: body.title }),
    ...(body.description !== undefined && { description: body.description || undefined }),
    ...(body.retired !== undefined && { retired: body.retired || undefined }),
  };
  const changes: FieldChange[] = [];
  if (patch.title !== undefined && patch.title !== current.title) changes.push({ field: 'title', label: 'Title', from: current.title, to: patch.title });
  if ('description' in patch && patch.description !== current.description) changes.push({ field: 'description', label: 'Description', ...(current.description && { from: current.description }), ...(patch.description && { to: patch.description }) });
  const retiring = body.retired !== undefined && Boolean(body.retired) !== Boolean(current.retired);
  if (!changes.length && !retiring) return current;
  const saved = await deps.store.updateObjective(current.id, current.version, patch);
  await record(deps, cmd.actor, saved, retiring ? (body.retired ? 'retired' : 'restored') : 'edited', changes);
  return saved;
}

async function record(deps: ObjectiveDeps, actor: Person, objective: Objective, action: 'created' | 'edited' | 'retired' | 'restored', changes: FieldChange[]): Promise<void> {
  await deps.store.recordChange({ key: randomUUID(), subject: 'objective', subjectId: objective.id, subjectRef: objective.ref, action, changedBy: actor, changedAt: deps.clock.now().toISOString(), changes });
}
