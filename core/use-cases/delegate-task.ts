import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, Task } from '../model';
import { requireOwner } from '../plan/task-owner';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { Logger } from '../ports/logger';
import type { Messenger, OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';

/** Longer than any name or work email address (RFC 5321 allows 320 characters for an address). */
export const COLLEAGUE_MAX = 320;

export interface DelegateTaskCommand {
  /** Who is handing the task over: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  /** The task, by id (from a card) or by ref (typed: "delegate 2.3 to …"). */
  task: { id: string } | { ref: string };
  /** The colleague, as typed: a name or an email address. */
  to: string;
}

/** The card that tells a colleague a task is now theirs, rendered by the bot. */
export interface DelegationCards {
  delegatedToYou(task: Task, from: Person): OutboundCard;
}

export interface DelegateTaskDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
  /** Tells the colleague (opening their chat when the app is installed for them); without it, nobody is told. */
  notify?: { messenger: Messenger; cards: DelegationCards; log?: Logger };
}

export interface DelegateTaskResult {
  task: Task;
  from: Person;
  to: Person;
  /** The colleague was sent the card. */
  told: boolean;
}

/** The colleague could not be taken as the new owner; `task` is what to render the form again from. */
export class InvalidDelegationError extends ValidationError {
  constructor(fields: FieldError[], readonly task: Task) {
    super(fields);
  }
}

/**
 * An owner hands a task to a colleague: the colleague replaces them as an owner (co-owners stay),
 * and the task records who delegated it and when; then (with `notify`) the colleague is told. The
 * colleague is found in the directory by name or email; no match or several matches are an
 * InvalidDelegationError saying what to type instead. Throws NotFoundError or ForbiddenError first.
 */
export async function delegateTask(deps: DelegateTaskDeps, cmd: DelegateTaskCommand): Promise<DelegateTaskResult> {
  const first = await findTask(deps.store, cmd.task);
  requireOwner(first, cmd.actorAadObjectId, 'hand over');
  const colleague = await colleagueFor(deps.directory, cmd.to, first);
  for (let attempt = 0; ; attempt++) {
    const task = attempt === 0 ? first : await findTask(deps.store, { id: first.id });
    const from = requireOwner(task, cmd.actorAadObjectId, 'hand over');
    if (colleague.aadObjectId === from.aadObjectId) throw new InvalidDelegationError([{ field: 'to', message: `${task.ref} is already yours. Name the colleague who should take it over.` }], task);
    if (task.owners.some((o) => o.aadObjectId === colleague.aadObjectId)) throw new InvalidDelegationError([{ field: 'to', message: `${colleague.displayName} already owns ${task.ref}.` }], task);
    const owners = task.owners.map((o) => (o.aadObjectId === from.aadObjectId ? colleague : o));
    try {
      const saved = await deps.store.updateTask(task.id, task.version, { owners, delegatedBy: from, delegatedAt: deps.clock.now().toISOString() });
      return { task: saved, from, to: colleague, told: await tellColleague(deps, saved, from, colleague) };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 4) throw err;
    }
  }
}

async function findTask(store: PlanStore, which: DelegateTaskCommand['task']): Promise<Task> {
  const task = 'id' in which ? await store.getTask(which.id) : await store.getTaskByRef(which.ref);
  if (!task) throw new NotFoundError('Task', 'id' in which ? which.id : which.ref);
  return task;
}

async function colleagueFor(directory: Directory, typed: string, task: Task): Promise<Person> {
  const wanted = typed.trim();
  const invalid = (message: string) => new InvalidDelegationError([{ field: 'to', message }], task);
  if (!wanted) throw invalid('Say who should take the task over: their name or email address.');
  if (wanted.length > COLLEAGUE_MAX) throw invalid(`That is longer than any name or email address (${wanted.length.toLocaleString('en-GB')} characters, the most is ${COLLEAGUE_MAX}): type just the colleague's name or email.`);
  try {
    return await findColleague(directory, wanted);
  } catch (err) {
    throw err instanceof ValidationError ? new InvalidDelegationError(err.fields, task) : err;
  }
}

/** Best effort: the hand-over stands whether or not the message arrives. */
async function tellColleague(deps: DelegateTaskDeps, task: Task, from: Person, to: Person): Promise<boolean> {
  const notify = deps.notify;
  if (!notify) return false;
  let told = false;
  await bestEffort(notify.log, 'delegation notice not sent', async () => {
    if (!(await ensureChat({ store: deps.store, clock: deps.clock, messenger: notify.messenger }, to))) return;
    await notify.messenger.sendCard(to, notify.cards.delegatedToYou(task, from));
    told = true;
  });
  return told;
}

async function findColleague(directory: Directory, wanted: string): Promise<Person> {
  const matches = await directory.search(wanted);
  if (matches.length === 1) return matches[0]!;
  if (!matches.length) throw new ValidationError([{ field: 'to', message: `No one called "${wanted}" was found in your organisation's directory. Try their full name or email address.` }]);
  const names = matches.slice(0, 5).map((p) => `${p.displayName} (${p.email})`);
  throw new ValidationError([{ field: 'to', message: `"${wanted}" matches ${matches.length} people: ${names.join(', ')}. Use their email address.` }]);
}
