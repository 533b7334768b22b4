import { ApiError, apiJson } from './api-client';
import type { TaskDetail } from './api-types';

/** The lists a server may leave out when empty, filled in, after a shape check. */
export function taskDetailFrom(body: Partial<TaskDetail>): TaskDetail {
  if (typeof body.id !== 'string' || typeof body.ref !== 'string' || typeof body.title !== 'string') {
    throw new ApiError('The server sent a task the tab does not understand.', 200);
  }
  return {
    ...body,
    owners: body.owners ?? [],
    groupsImpacted: body.groupsImpacted ?? [],
    updates: body.updates ?? [],
    approvals: body.approvals ?? [],
    reminders: body.reminders ?? [],
    changes: body.changes ?? [],
    comments: body.comments ?? [],
    evidenceLinks: body.evidenceLinks ?? [],
  } as TaskDetail;
}

/** One task with its whole history. Throws ApiError (404 with the server's message for an unknown id). */
export async function fetchTaskDetail(taskId: string, signal?: AbortSignal): Promise<TaskDetail> {
  return taskDetailFrom(await apiJson<Partial<TaskDetail>>(`/api/tasks/${encodeURIComponent(taskId)}`, { signal }));
}
