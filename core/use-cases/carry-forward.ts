import { randomUUID } from 'node:crypto';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../errors';
import type { Person, Plan, Task, TaskInput } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';

/** At most this many tasks per request (a plan's open tasks, in a few presses at worst). */
export const MAX_CARRY_FORWARD = 500;

export interface CarryForwardCommand {
  actor: Person;
  fromPlanId: string;
  toPlanId: string;
  taskIds: unknown;
}

export interface CarryForwardResult {
  /** `already`: it had been carried by an earlier run (or a colleague's at the same moment): nothing new was made. */
  carried: { fromTaskId: string; ref: string; toTaskId: string; already: boolean }[];
  notCarried: { taskId: string; ref?: string; reason: string }[];
}

/** Fields that stay with the old task: its pending approval and hand-over were about that plan. */
const LEFT_BEHIND = ['pendingRag', 'pendingApprovalId', 'delegatedBy', 'delegatedAt', 'statusReason', 'carriedTo', 'carriedFrom'] as const;

/**
 * Carries open tasks of one plan into another (closing a plan, or starting its successor). Each new
 * task keeps the old one's ref, fields and a link to it (its updates stay on the old task, which
 * the task's detail shows as its earlier history); the old one becomes "Carried forward", linked to
 * the new. Re-running it, or two officers at once, makes each new task once: the new plan's ref is
 * unique, and a successor already there is found by its link and finished rather than made again.
 */
export async function carryForward(deps: { store: PlanStore; clock: Clock }, cmd: CarryForwardCommand): Promise<CarryForwardResult> {
  if (!cmd.toPlanId.trim()) throw new ValidationError([{ field: 'toPlanId', message: 'Pick the plan to carry the tasks into.' }]);
  const [from, to] = await Promise.all([deps.store.plans.getPlan(cmd.fromPlanId), deps.store.plans.getPlan(cmd.toPlanId)]);
  if (!from) throw new NotFoundError('Plan', cmd.fromPlanId);
  if (!to) throw new NotFoundError('Plan', cmd.toPlanId);
  const ids = taskIdsFrom(cmd.taskIds);
  if (from.id === to.id) throw new ValidationError([{ field: 'toPlanId', message: 'Pick a different plan to carry the tasks into.' }]);
  if (to.state === 'Closed') throw new ValidationError([{ field: 'toPlanId', message: `"${to.name}" is closed: tasks can only be carried into a Draft or Active plan.` }]);
  const source = deps.store.plans.forPlan(from.id);
  const target = deps.store.plans.forPlan(to.id);
  const result: CarryForwardResult = { carried: [], notCarried: [] };
  for (const id of ids) {
    const outcome = await carryOne({ source, target, from, to, actor: cmd.actor, now: deps.clock.now().toISOString() }, id);
    if ('reason' in outcome) result.notCarried.push(outcome);
    else result.carried.push(outcome);
  }
  return result;
}

function taskIdsFrom(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new ValidationError([{ field: 'taskIds', message: 'Pick at least one task to carry forward.' }]);
  }
  if (value.length > MAX_CARRY_FORWARD) throw new ValidationError([{ field: 'taskIds', message: `Carry at most ${MAX_CARRY_FORWARD} tasks at a time.` }]);
  return [...new Set(value as string[])];
}

interface CarryContext {
  source: PlanStore;
  target: PlanStore;
  from: Plan;
  to: Plan;
  actor: Person;
  now: string;
}

type Outcome = CarryForwardResult['carried'][number] | CarryForwardResult['notCarried'][number];

async function carryOne(ctx: CarryContext, taskId: string): Promise<Outcome> {
  const task = await ctx.source.getTask(taskId);
  if (!task || task.planId !== ctx.from.id) return { taskId, reason: `It is not a task of "${ctx.from.name}" (it may have been removed).` };
  if (task.carriedTo) return { fromTaskId: task.id, ref: task.ref, toTaskId: task.carriedTo.taskId, already: true };
  if (task.status !== 'Open') return { taskId, ref: task.ref, reason: `It is ${task.status}: only open tasks are carried forward.` };
  let successor = await successorOf(ctx.target, task);
  const already = successor !== undefined;
  if (!successor) {
    await ensureObjective(ctx, task.objectiveRef);
    try {
      successor = await ctx.target.createTask(successorInput(task, ctx.from));
      await ctx.target.recordChange(historyItem(ctx, successor, 'created', `Carried forward from "${ctx.from.name}" (task ${task.ref}).`));
    } catch (err) {
      if (!(err instanceof DuplicateError)) throw err;
      // A colleague carrying it at the same moment, or a different task already holding the ref.
      successor = await successorOf(ctx.target, task);
      if (!successor) return { taskId, ref: task.ref, reason: `"${ctx.to.name}" already has a task ${task.ref}: change one of the refs first.` };
    }
  }
  await markCarried(ctx, task.id, successor);
  return { fromTaskId: task.id, ref: task.ref, toTaskId: successor.id, already };
}

/** The task an earlier run made from `task`: by its ref first, else by its link (renamed since). */
async function successorOf(target: PlanStore, task: Task): Promise<Task | undefined> {
  const sameRef = await target.getTaskByRef(task.ref);
  if (sameRef?.carriedFrom?.taskId === task.id) return sameRef;
  return (await target.listTasks()).find((t) => t.carriedFrom?.taskId === task.id);
}

function successorInput(task: Task, from: Plan): TaskInput {
  const { id: _i, version: _v, planId: _p, ...fields } = task;
  const kept: Record<string, unknown> = { ...fields };
  for (const field of LEFT_BEHIND) delete kept[field];
  return { ...(kept as unknown as TaskInput), status: 'Open', carriedFrom: { planId: from.id, taskId: task.id, ref: task.ref } };
}

/** The new plan gets the task's objective (same ref and wording) if it has none by that ref. */
async function ensureObjective(ctx: CarryContext, ref: string): Promise<void> {
  if ((await ctx.target.listObjectives()).some((o) => o.ref === ref)) return;
  const old = (await ctx.source.listObjectives()).find((o) => o.ref === ref);
  try {
    await ctx.target.createObjective({ ref, title: old?.title ?? `Objective ${ref}`, ...(old?.description && { description: old.description }) });
  } catch (err) {
    if (!(err instanceof DuplicateError)) throw err; // made by a colleague meanwhile
  }
}

/** The old task: Carried forward, linked to the new one, with a history item; retried on a concurrent edit. */
async function markCarried(ctx: CarryContext, oldId: string, successor: Task): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await ctx.source.getTask(oldId);
    if (!current || current.carriedTo) return;
    const reason = `Carried forward to "${ctx.to.name}".`;
    try {
      await ctx.source.editTask({
        task: { id: current.id, expectedVersion: current.version, patch: { status: 'Carried forward', statusReason: reason, carriedTo: { planId: ctx.to.id, taskId: successor.id, ref: successor.ref } } },
        change: { ...historyItem(ctx, current, 'edited', reason), changes: [{ field: 'status', label: 'Status', from: current.status, to: 'Carried forward' }] },
      });
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  throw new ConflictError('Task', oldId, 'latest');
}

function historyItem(ctx: CarryContext, task: Task, action: 'created' | 'edited', reason: string) {
  return { key: randomUUID(), subject: 'task' as const, subjectId: task.id, subjectRef: task.ref, action, changedBy: ctx.actor, changedAt: ctx.now, changes: [], reason };
}
