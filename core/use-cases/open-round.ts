import { DateTime } from 'luxon';
import { DuplicateError, ValidationError, type FieldError } from '../errors';
import type { Person, RoundScope, Task, UpdateRound } from '../model';
import { formatDate, londonDate, PLAN_ZONE } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { RoundAlreadyOpenError } from '../rounds/round-errors';
import { ownersToAsk, tasksInRound } from '../rounds/round-rules';

const ROUND_NAME_MAX = 255; // a SharePoint Title (single line of text)

export interface OpenRoundDeps {
  store: PlanStore;
  clock: Clock;
}

export interface OpenRoundCommand {
  name: string;
  /** yyyy-mm-dd, after today. */
  dueDate: string;
  scope: RoundScope;
}

export interface OpenRoundResult {
  round: UpdateRound;
  /** The tasks the round asks about, in ref order. */
  tasks: Task[];
  /** Owners who will be asked (each once, however many tasks they have). */
  owners: Person[];
  /** Tasks in scope that nobody owns: nobody can be asked about them. */
  unownedTaskRefs: string[];
}

/**
 * Opens an update round: every owner of an open task in scope will be asked for an update by the
 * next reminder sweep, and chased before the due date (an owner who has had today's reminder card
 * is asked in the next working day's, core/reminders/daily-card.ts). Throws ValidationError (with every problem
 * in plain words) or RoundAlreadyOpenError; on either, nothing is stored.
 */
export async function openRound(deps: OpenRoundDeps, cmd: OpenRoundCommand): Promise<OpenRoundResult> {
  const now = deps.clock.now();
  const problems: FieldError[] = [];
  const name = cmd.name.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (name === '') problems.push({ field: 'name', message: 'Give the round a name, for example "Board report March 2026".' });
  else if (name.length > ROUND_NAME_MAX) problems.push({ field: 'name', message: `The name must be ${ROUND_NAME_MAX} characters or fewer (it has ${name.length}).` });
  const dueDate = cmd.dueDate.trim();
  const today = londonDate(now);
  if (!isCalendarDate(dueDate)) problems.push({ field: 'dueDate', message: `"${cmd.dueDate}" is not a date. Write it as year-month-day, for example 2026-03-20.` });
  else if (dueDate <= today) problems.push({ field: 'dueDate', message: `The due date must be after today (${formatDate(today)}); ${formatDate(dueDate)} is not.` });

  const [open] = await deps.store.listRounds({ state: 'Open' });
  if (open) throw new RoundAlreadyOpenError(open);

  const tasks = await deps.store.listTasks();
  const scope = await checkScope(deps.store, cmd.scope, tasks, problems);
  const opensAt = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(); // whole seconds, as SharePoint keeps them
  const inScope = scope ? tasksInRound({ scope, opensAt }, tasks) : [];
  if (scope && problems.length === 0 && inScope.length === 0) {
    problems.push({ field: 'scope', message: 'No open task is in this scope, so nobody would be asked.' });
  }
  if (problems.length > 0 || !scope) throw new ValidationError(problems);

  let round: UpdateRound;
  try {
    round = await deps.store.createRound({ name, opensAt, dueDate, scope, state: 'Open' });
  } catch (err) {
    // Someone opened another round between our check and our write: the store let only one win.
    if (err instanceof DuplicateError) throw new RoundAlreadyOpenError((await deps.store.listRounds({ state: 'Open' }))[0]);
    throw err;
  }
  return {
    round,
    tasks: inScope,
    owners: ownersToAsk(round, inScope),
    unownedTaskRefs: inScope.filter((t) => t.owners.length === 0).map((t) => t.ref),
  };
}

/** The scope with its refs trimmed and de-duplicated; every ref must exist in the plan. */
async function checkScope(store: PlanStore, scope: RoundScope, tasks: Task[], problems: FieldError[]): Promise<RoundScope | undefined> {
  if (scope.kind === 'all-open') return { kind: 'all-open' };
  const refs = [...new Set(scope.refs.map((r) => r.trim()).filter(Boolean))];
  const what = scope.kind === 'objectives' ? 'objective' : 'task';
  if (refs.length === 0) {
    problems.push({ field: 'scope', message: `Name at least one ${what}, for example ${scope.kind === 'objectives' ? '1,2' : '1.1.2,3a'}.` });
    return undefined;
  }
  const known = new Set(scope.kind === 'objectives' ? [...(await store.listObjectives()).map((o) => o.ref), ...tasks.map((t) => t.objectiveRef)] : tasks.map((t) => t.ref));
  const missing = refs.filter((r) => !known.has(r));
  if (missing.length === 1) problems.push({ field: 'scope', message: `There is no ${what} ${missing[0]} in the plan.` });
  if (missing.length > 1) problems.push({ field: 'scope', message: `There are no ${what}s ${missing.slice(0, -1).join(', ')} or ${missing.at(-1)} in the plan.` });
  return { kind: scope.kind, refs };
}

function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: PLAN_ZONE }).isValid;
}
