import { ApiError, apiJson } from './api-client';
import type { TaskDetail } from './api-types';

/** One task with its whole history. Throws ApiError (404 with the server's message for an unknown id). */
export async function fetchTaskDetail(taskId: string, signal?: AbortSignal): Promise<TaskDetail> {
  const body = await apiJson<Partial<TaskDetail>>(`/api/tasks/${encodeURIComponent(taskId)}`, { signal });
  if (typeof body.id !== 'string' || typeof body.ref !== 'string' || typeof body.title !== 'string') {
    throw new ApiError('The server sent a task the tab does not understand.', 200);
  }
  // Lists a server may leave out when empty.
  return { ...body, owners: body.owners ?? [], groupsImpacted: body.groupsImpacted ?? [], updates: body.updates ?? [], approvals: body.approvals ?? [], reminders: body.reminders ?? [] } as TaskDetail;
}
