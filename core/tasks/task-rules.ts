import type { FieldError } from '../errors';
import type { Rag, TaskStatus } from '../model';
import { STATUSES_NEEDING_REASON } from './task-fields';

/**
 * The rules an officer's change follows beyond each field's own limits, as pure functions: the
 * server applies them (core/tasks/apply-task-fields.ts, core/use-cases/create-task.ts) and the
 * tab's edit panel checks them before it sends, in the same words.
 */

/** The status a change leaves the task in: a RAG of Complete with no status completes it. */
export function nextStatus(current: TaskStatus | undefined, requested: { status?: TaskStatus; rag?: Rag }): TaskStatus {
  return requested.status ?? (requested.rag === 'Complete' ? 'Complete' : (current ?? 'Open'));
}

/** Leaving the live plan (withdrawn, carried forward) needs a reason on record. */
export function statusNeedsReason(current: TaskStatus | undefined, requested: { status?: TaskStatus; rag?: Rag }): boolean {
  const next = nextStatus(current, requested);
  return next !== (current ?? 'Open') && STATUSES_NEEDING_REASON.includes(next);
}

/**
 * A RAG the officer sets directly needs a reason (owners' RAG changes go through approval); one
 * that follows from completing the task does not, and a new task's first RAG does not.
 */
export function ragNeedsReason(current: { status: TaskStatus; rag: Rag } | undefined, requested: { status?: TaskStatus; rag?: Rag }): boolean {
  if (!current || requested.rag === undefined || requested.rag === current.rag) return false;
  return !(requested.rag === 'Complete' && nextStatus(current.status, requested) !== current.status);
}

export const REASON_MESSAGES = {
  status: (status: TaskStatus) => `Say why the task is ${status.toLowerCase()}: the board and the history will show it.`,
  rag: (rag: Rag) => `Say why the RAG is now ${rag}: owners' RAG changes go through approval, so one set here needs a reason on record.`,
};

/** What a new task cannot do without. */
export function missingToCreate(fields: { ref?: string; title?: string; objectiveRef?: string }): FieldError[] {
  const missing: FieldError[] = [];
  if (!fields.ref?.trim()) missing.push({ field: 'ref', message: 'Give the task a ref, for example 2.4.' });
  if (!fields.title?.trim()) missing.push({ field: 'title', message: 'Give the task a title.' });
  if (!fields.objectiveRef?.trim()) missing.push({ field: 'objectiveRef', message: 'Pick the objective the task belongs to.' });
  return missing;
}
