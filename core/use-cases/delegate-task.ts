import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Person, Task } from '../model';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { PlanStore } from '../ports/plan-store';

export interface DelegateTaskCommand {
  /** Who is handing the task over: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  /** The task, by id (from a card) or by ref (typed: "delegate 2.3 to …"). */
  task: { id: string } | { ref: string };
  /** The colleague, as typed: a name or an email address. */
  to: string;
}

export interface DelegateTaskResult {
  task: Task;
  from: Person;
  to: Person;
}

/**
 * An owner hands a task to a colleague: the colleague replaces them as an owner (co-owners stay),
 * and the task records who delegated it and when. The colleague is found in the directory by name
 * or email; no match or several matches are a ValidationError saying what to type instead.
 */
export async function delegateTask(deps: { store: PlanStore; clock: Clock; directory: Directory }, cmd: DelegateTaskCommand): Promise<DelegateTaskResult> {
  const wanted = cmd.to.trim();
  if (!wanted) throw new ValidationError([{ field: 'to', message: 'Say who should take the task over: their name or email address.' }]);
  if (wanted.length > 320) throw new ValidationError([{ field: 'to', message: 'That is longer than any name or email address: type just the colleague\'s name or email.' }]);
  const colleague = await findColleague(deps.directory, wanted);

  for (let attempt = 0; ; attempt++) {
    const task = 'id' in cmd.task ? await deps.store.getTask(cmd.task.id) : await deps.store.getTaskByRef(cmd.task.ref);
    if (!task) throw new NotFoundError('Task', 'id' in cmd.task ? cmd.task.id : cmd.task.ref);
    const from = task.owners.find((o) => o.aadObjectId === cmd.actorAadObjectId);
    if (!from) throw new ForbiddenError(`Only ${task.owners.map((o) => o.displayName).join(' or ') || 'its owner'} can hand ${task.ref} to someone else.`);
    if (colleague.aadObjectId === from.aadObjectId) throw new ValidationError([{ field: 'to', message: `${task.ref} is already yours. Name the colleague who should take it over.` }]);
    if (task.owners.some((o) => o.aadObjectId === colleague.aadObjectId)) {
      throw new ValidationError([{ field: 'to', message: `${colleague.displayName} already owns ${task.ref}.` }]);
    }
    const owners = task.owners.map((o) => (o.aadObjectId === from.aadObjectId ? colleague : o));
    try {
      const saved = await deps.store.updateTask(task.id, task.version, { owners, delegatedBy: from, delegatedAt: deps.clock.now().toISOString() });
      return { task: saved, from, to: colleague };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 4) throw err;
    }
  }
}

async function findColleague(directory: Directory, wanted: string): Promise<Person> {
  const matches = await directory.search(wanted);
  if (matches.length === 1) return matches[0]!;
  if (!matches.length) throw new ValidationError([{ field: 'to', message: `No one called "${wanted}" was found in your organisation's directory. Try their full name or email address.` }]);
  const names = matches.slice(0, 5).map((p) => `${p.displayName} (${p.email})`);
  throw new ValidationError([{ field: 'to', message: `"${wanted}" matches ${matches.length} people: ${names.join(', ')}. Use their email address.` }]);
}
