import { ValidationError, type FieldError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, Task } from '../model';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { Logger } from '../ports/logger';
import type { Messenger, OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import { parseTaskFields, type TaskFieldsRequest } from '../tasks/task-fields';

/** The cards that tell owners what an officer changed, rendered by the bot. */
export interface TaskChangeCards {
  /** The task is now (also) theirs. */
  assigned(task: Task, by: Person): OutboundCard;
  /** Its due date moved (or was set or cleared). */
  dueDateChanged(task: Task, previous: string | undefined, by: Person): OutboundCard;
}

export interface TaskNoticeDeps {
  messenger: Messenger;
  cards: TaskChangeCards;
  log?: Logger;
}

export interface TaskEditDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
  /** Tells affected owners; without it nobody is told. */
  notify?: TaskNoticeDeps;
}

/** The body's fields checked, or a ValidationError naming each bad one. */
export function requestFrom(body: unknown): TaskFieldsRequest {
  const parsed = parseTaskFields(body);
  if (!parsed.ok) throw new ValidationError(parsed.errors);
  return parsed.value;
}

/**
 * The people a request names, from the directory (never the body's names): anyone already on the
 * task stands as stored. An id the directory does not know is a field error.
 */
export async function resolvePeople(directory: Directory, request: TaskFieldsRequest, task: Task | undefined): Promise<Map<string, Person>> {
  const known = new Map<string, Person>();
  for (const p of [...(task?.owners ?? []), ...(task?.accountableOfficer ? [task.accountableOfficer] : [])]) known.set(p.aadObjectId, p);
  const wanted: [field: string, id: string][] = [
    ...(request.fields.owners ?? []).map((id): [string, string] => ['owners', id]),
    ...(request.fields.accountableOfficer ? [['accountableOfficer', request.fields.accountableOfficer] as [string, string]] : []),
  ];
  const errors: FieldError[] = [];
  const people = new Map<string, Person>();
  await Promise.all(
    wanted.map(async ([field, id]) => {
      const person = known.get(id) ?? (await directory.findById(id));
      if (person) people.set(id, person);
      else if (!errors.some((e) => e.field === field)) errors.push({ field, message: `No one with the id "${id.slice(0, 64)}" is in your organisation's directory: pick people from the list.` });
    }),
  );
  if (errors.length) throw new ValidationError(errors);
  return people;
}

export const refTaken = (ref: string): FieldError => ({ field: 'ref', message: `Ref ${ref} is already used by another task: refs are unique in the plan.` });

/** New owners are told the task is theirs; owners who stay are told a moved due date. Best effort. */
export async function tellOwners(deps: TaskEditDeps, before: Task | undefined, after: Task, by: Person): Promise<Person[]> {
  const notify = deps.notify;
  if (!notify) return [];
  const previous = new Set(before?.owners.map((o) => o.aadObjectId) ?? []);
  const dueMoved = before !== undefined && before.dueDate !== after.dueDate;
  const told: Person[] = [];
  for (const owner of after.owners) {
    if (owner.aadObjectId === by.aadObjectId) continue;
    const isNew = !previous.has(owner.aadObjectId);
    if (!isNew && !dueMoved) continue;
    const card = isNew ? notify.cards.assigned(after, by) : notify.cards.dueDateChanged(after, before?.dueDate, by);
    await bestEffort(notify.log, 'task change notice not sent', async () => {
      if (!(await ensureChat({ store: deps.store, clock: deps.clock, messenger: notify.messenger }, owner))) return;
      await notify.messenger.sendCard(owner, card);
      told.push(owner);
    });
  }
  return told;
}
