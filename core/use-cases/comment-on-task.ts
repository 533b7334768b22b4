import { randomUUID } from 'node:crypto';
import { DuplicateError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, Task, TaskComment } from '../model';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Messenger, OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import { TASK_FIELD_LIMITS } from '../tasks/task-fields';

export const COMMENT_MAX = TASK_FIELD_LIMITS.comment;

/** The card telling an owner someone commented on their task, rendered by the bot. */
export interface CommentCards {
  commented(task: Task, comment: TaskComment, comments: TaskComment[]): OutboundCard;
}

export interface CommentDeps {
  store: PlanStore;
  clock: Clock;
  /** Tells the task's other owners; without it nobody is told. */
  notify?: { messenger: Messenger; cards: CommentCards; log?: Logger };
}

export interface PostCommentCommand {
  /** Who: from the authenticated activity or request, never from the body or card data. */
  actor: Person;
  /** The caller holds the EDI officer role (the tab's sign-in says so; the bot never claims it). */
  isOfficer: boolean;
  taskId: string;
  text: unknown;
  /** A card's key, so the same card submitted twice posts once; the tab's requests get a fresh one. */
  key?: string;
}

/** Officers, the task's owners and its accountable officer take part in its thread. */
export function mayComment(task: Pick<Task, 'owners' | 'accountableOfficer'>, aadObjectId: string, isOfficer: boolean): boolean {
  return isOfficer || task.owners.some((o) => o.aadObjectId === aadObjectId) || task.accountableOfficer?.aadObjectId === aadObjectId;
}

function commentText(raw: unknown): string {
  const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim() : '';
  if (!text) throw new ValidationError([{ field: 'text', message: 'Write a comment first.' }]);
  if (text.length > COMMENT_MAX) throw new ValidationError([{ field: 'text', message: `A comment is at most ${COMMENT_MAX.toLocaleString('en-GB')} characters (this one is ${text.length.toLocaleString('en-GB')}).` }]);
  return text;
}

/** The task and its comments, for someone who may read them (ForbiddenError otherwise). */
export async function taskThread(store: PlanStore, taskId: string, actorAadObjectId: string, isOfficer: boolean): Promise<{ task: Task; comments: TaskComment[] }> {
  const task = await store.getTask(taskId);
  if (!task) throw new NotFoundError('Task', taskId);
  if (!mayComment(task, actorAadObjectId, isOfficer)) throw new ForbiddenError(`Only the owners of ${task.ref} and EDI officers can see its comments.`);
  return { task, comments: await store.listComments(task.id) };
}

/**
 * Adds a comment to a task's thread; then (with `notify`) the task's other owners are told. A
 * repeated key answers with the comment it posted before. Nothing is stored on a refusal.
 */
export async function postComment(deps: CommentDeps, cmd: PostCommentCommand): Promise<{ task: Task; comment: TaskComment; comments: TaskComment[] }> {
  const text = commentText(cmd.text);
  const { task } = await taskThread(deps.store, cmd.taskId, cmd.actor.aadObjectId, cmd.isOfficer);
  const key = cmd.key ?? randomUUID();
  let comment: TaskComment;
  try {
    comment = await deps.store.addComment({ key, taskId: task.id, taskRef: task.ref, author: cmd.actor, postedAt: deps.clock.now().toISOString(), text });
  } catch (err) {
    const earlier = err instanceof DuplicateError ? (await deps.store.listComments(task.id)).find((c) => c.key === key) : undefined;
    if (!earlier) throw err;
    return { task, comment: earlier, comments: await deps.store.listComments(task.id) };
  }
  const comments = await deps.store.listComments(task.id);
  const notify = deps.notify;
  if (notify) {
    for (const owner of task.owners.filter((o) => o.aadObjectId !== cmd.actor.aadObjectId)) {
      await bestEffort(notify.log, 'comment notice not sent', async () => {
        if (await ensureChat({ store: deps.store, clock: deps.clock, messenger: notify.messenger }, owner)) await notify.messenger.sendCard(owner, notify.cards.commented(task, comment, comments));
      });
    }
  }
  return { task, comment, comments };
}
