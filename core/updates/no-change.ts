import type { Person, Task } from '../model';
import { formatDate, londonDate } from '../plan/london-time';

/**
 * "No change since my last update": an update like any other (a Plan Updates item, the task's
 * latest fields), whose progress says it was confirmed unchanged and carries the last update's
 * words, so the plan, the round and the board paper still read what the task's position is. No new
 * column: the words are the mark, and `confirmationKind` reads them back.
 */

const NO_CHANGE = 'No change since the last update';
const NOTHING_YET = 'Nothing to report yet';

/** What a confirmation update says it is, read from its progress; undefined for an ordinary update. */
export type ConfirmationKind = 'no-change' | 'nothing-yet';

/** A confirmation's own line: "No change since the last update (confirmed by Alex Morgan)." */
const OWN_LINE = /^No change since the last update \(confirmed by .*?\)\. (?=Last update)/;

/**
 * The progress a confirmation records. With an earlier update: that it is unchanged, who said so,
 * and the earlier update with its date (an earlier confirmation's quote is taken over, not nested).
 * Without one it says so plainly, rather than confirming nothing.
 */
export function noChangeProgress(task: Pick<Task, 'latestUpdate' | 'latestUpdateAt'>, by: Pick<Person, 'displayName'>): string {
  const last = task.latestUpdate?.trim();
  if (!last) return `${NOTHING_YET} (confirmed by ${by.displayName}): there is no earlier update, and nothing has changed since the task was set.`;
  const quoted = OWN_LINE.test(last) ? last.replace(OWN_LINE, '') : `Last update${task.latestUpdateAt ? `, ${formatDate(londonDate(new Date(task.latestUpdateAt)))}` : ''}: ${last}`;
  return `${NO_CHANGE} (confirmed by ${by.displayName}). ${quoted}`;
}

export function confirmationKind(progress: string): ConfirmationKind | undefined {
  if (progress.startsWith(`${NO_CHANGE} (confirmed by `)) return 'no-change';
  if (progress.startsWith(`${NOTHING_YET} (confirmed by `)) return 'nothing-yet';
  return undefined;
}

/** The button's words: what pressing it will record for this task. */
export function noChangeTitle(task: Pick<Task, 'latestUpdate'>): string {
  return task.latestUpdate?.trim() ? 'No change since my last update' : 'Nothing to report yet';
}
