/**
 * The tab's writes to a task (EDI officers; comments also owners): changes sent with the version
 * they were made from, so a change made meanwhile by someone else is a conflict, never overwritten.
 */
import { ApiError, apiJson } from './api-client';
import type { CommentItem, DirectoryPerson, TaskDetail } from './api-types';
import { taskDetailFrom } from './task-api';

/** Someone changed the task after the form was filled in from it (HTTP 412): nothing was saved. */
export class TaskConflictError extends Error {
  constructor(
    message: string,
    /** The task as it is now, with its new ETag. */
    readonly current: TaskDetail,
  ) {
    super(message);
    this.name = 'TaskConflictError';
  }
}

const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

/**
 * Changes some fields of a task at the version `etag`. Throws TaskConflictError on 412 and ApiError
 * otherwise (a 400 with `fieldErrors` naming each field).
 */
export async function patchTask(taskId: string, etag: string, body: Record<string, unknown>): Promise<TaskDetail> {
  try {
    return taskDetailFrom(await apiJson<Partial<TaskDetail>>(taskPath(taskId), { method: 'PATCH', body, ifMatch: etag }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 412 && typeof error.body.current === 'object' && error.body.current !== null) {
      throw new TaskConflictError(error.message, taskDetailFrom(error.body.current as Partial<TaskDetail>));
    }
    throw error;
  }
}

/** Adds a task (ref, title and objective at least); resolves with it as stored. */
export async function createTask(body: Record<string, unknown>): Promise<TaskDetail> {
  return taskDetailFrom(await apiJson<Partial<TaskDetail>>('/api/tasks', { method: 'POST', body }));
}

/** Posts a comment on the task's thread; resolves with the whole thread, oldest first. */
export async function postComment(taskId: string, text: string): Promise<CommentItem[]> {
  const body = await apiJson<{ comments?: CommentItem[] }>(`${taskPath(taskId)}/comments`, { method: 'POST', body: { text } });
  return body.comments ?? [];
}

/** People in the organisation's directory whose name or email matches (at most 10). */
export async function searchPeople(query: string, signal?: AbortSignal): Promise<DirectoryPerson[]> {
  const body = await apiJson<{ people?: DirectoryPerson[] }>(`/api/people?q=${encodeURIComponent(query)}`, { signal });
  return body.people ?? [];
}
