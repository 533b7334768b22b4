import type { Task } from '../../core/model';
import { formatInstant, londonDate } from '../../core/plan/london-time';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { mayComment, postComment, type CommentCards } from '../../core/use-cases/comment-on-task';
import { createTask } from '../../core/use-cases/create-task';
import { editTask, TaskEditConflictError, type LastChange } from '../../core/use-cases/edit-task';
import { getTaskDetail } from '../../core/use-cases/get-task-detail';
import type { TaskNoticeDeps } from '../../core/use-cases/task-edit-support';
import { failure, ok } from './api-responses';
import type { ApiResponse, ApiRoute, Authorize, Caller } from './api-route';
import { etagOf, personOf, versionFromIfMatch } from './etag';
import { guardedRoute } from './guarded-route';

export interface TasksRouteDeps {
  store: PlanStore;
  clock: Clock;
  authorize: Authorize;
  directory: Directory;
  sharePointItemUrl?: (task: Task) => string;
  /** The bot's messenger and cards: owners told of changes and comments. */
  notify?: TaskNoticeDeps & { commentCards: CommentCards };
  log?: Logger;
}

const NOT_FOUND = 'There is no such task in the plan: it may have been removed. Reload the plan.';

/**
 * A task: read with its whole history (everyone), changed by EDI officers at the version they
 * read (If-Match; 412 with the task as it is now when someone got there first), added to, and
 * commented on by officers and its owners.
 */
export function tasksRoutes(deps: TasksRouteDeps): ApiRoute[] {
  const { authorize } = deps;
  const editDeps = { ...deps, notify: deps.notify };
  const detail = async (taskId: string, caller: Caller, status = 200): Promise<ApiResponse> => {
    const { version, ...task } = await getTaskDetail(deps, taskId);
    const etag = etagOf(version);
    const canEdit = caller.roles.includes('officer');
    const canComment = mayComment(task, caller.aadObjectId, canEdit);
    // The thread is its participants' (as in Teams, core/use-cases/comment-on-task.ts): others see the plan, not the talk.
    const body = { ...task, comments: canComment ? task.comments : [], etag, canEdit, canComment };
    return { status, body, headers: { ETag: etag, 'Cache-Control': 'private, no-cache' } };
  };
  return [
    guardedRoute(authorize, { method: 'GET', path: '/api/tasks/:id', need: 'viewer', notFound: NOT_FOUND }, async (request, caller) => detail(request.params.id ?? '', caller)),

    guardedRoute(authorize, { method: 'PATCH', path: '/api/tasks/:id', need: 'officer', notFound: NOT_FOUND, maxBodyBytes: 256 * 1024 }, async (request, caller) => {
      const ifMatch = versionFromIfMatch(request);
      if (!ifMatch.ok) return ifMatch.response;
      const taskId = request.params.id ?? '';
      try {
        const result = await editTask(editDeps, { actor: personOf(caller), taskId, expectedVersion: ifMatch.version, body: request.body });
        if (result.change) deps.log?.info({ taskId, by: caller.aadObjectId, fields: result.change.changes.map((c) => c.field), told: result.told.length }, 'task edited from the tab');
        return detail(taskId, caller);
      } catch (err) {
        if (!(err instanceof TaskEditConflictError)) throw err;
        const current = await detail(taskId, caller);
        const body = { ...(current as { body: object }).body };
        return { status: 412, body: { message: conflictMessage(err.lastChange, deps.clock.now()), current: body, ...(err.lastChange && { changedBy: err.lastChange.by, changedAt: err.lastChange.at }) }, headers: (current as { headers: Record<string, string> }).headers };
      }
    }),

    guardedRoute(authorize, { method: 'POST', path: '/api/tasks', need: 'officer', maxBodyBytes: 256 * 1024 }, async (request, caller) => {
      const { task, told } = await createTask(editDeps, { actor: personOf(caller), body: request.body });
      deps.log?.info({ taskId: task.id, by: caller.aadObjectId, told: told.length }, 'task added from the tab');
      return detail(task.id, caller, 201);
    }),

    guardedRoute(authorize, { method: 'POST', path: '/api/tasks/:id/comments', need: 'viewer', notFound: NOT_FOUND, maxBodyBytes: 64 * 1024 }, async (request, caller) => {
      const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
      const notify = deps.notify && { messenger: deps.notify.messenger, cards: deps.notify.commentCards, log: deps.notify.log };
      const { comment, comments } = await postComment({ store: deps.store, clock: deps.clock, notify }, { actor: personOf(caller), isOfficer: caller.roles.includes('officer'), taskId: request.params.id ?? '', text: body.text });
      const item = (c: typeof comment) => ({ id: c.id, author: c.author, postedAt: c.postedAt, text: c.text });
      return ok({ comment: item(comment), comments: comments.map(item) }, 201);
    }),

    guardedRoute(authorize, { method: 'GET', path: '/api/people', need: 'officer' }, async (request) => {
      const q = (request.query.q ?? '').trim();
      if (q.length > 200) return failure(400, 'Type at most 200 characters of a name or email address.');
      const people = q ? (await deps.directory.search(q)).slice(0, 10) : [];
      return ok({ people: people.map((p) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName, email: p.email })) });
    }),
  ];
}

/** "Changed by Sam Okafor at 10:42 while you were editing" (with the date when not today). */
export function conflictMessage(last: LastChange | undefined, now: Date): string {
  if (!last) return 'This task was changed while you were editing. Your changes are kept below: check them against the current values and save again.';
  const when = formatInstant(last.at);
  const at = londonDate(new Date(last.at)) === londonDate(now) ? when.slice(-5) : when;
  return `Changed by ${last.by.displayName} at ${at} while you were editing (${last.what}). Your changes are kept below: check them against the current values and save again.`;
}
