import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../core/errors';
import type { Person, Task } from '../core/model';
import type { PlanStore } from '../core/ports/plan-store';
import { COMMENT_MAX, postComment, taskThread } from '../core/use-cases/comment-on-task';
import type { Actor, CardActionDeps, CardActionResult } from './card-actions';
import { boxRoom } from './cards/card-text';
import { commentCards } from './cards/comment-cards';
import { commentThreadCard } from './cards/comment-thread-card';
import { noticeCard } from './cards/notice-card';

const id = z.string().trim().min(1).max(64);
const openData = z.object({ taskId: id });
const postData = z.object({ taskId: id, key: z.string().min(8).max(128) });

/** What was typed, handed back on an error: all the box takes (a client could send more). */
const KEPT_CHARS = boxRoom(COMMENT_MAX);

/**
 * The bot never claims the tab's EDI officer role (it cannot know it): in Teams, a task's owners
 * and its accountable officer take part in its thread.
 */
const IS_OFFICER = false;

/** "Comments (N)": the task's thread, for someone who may read it. */
export async function openThread(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = openData.safeParse(data);
  if (!parsed.success) return { error: { status: 400, message: 'This button is missing the task it belongs to.' } };
  try {
    const { task, comments } = await taskThread(deps.store, parsed.data.taskId, actor.aadObjectId, IS_OFFICER);
    return { card: commentThreadCard({ task, comments, key: randomUUID() }) };
  } catch (err) {
    return threadProblem(err);
  }
}

/**
 * "Post comment": stored with the clicker (from the activity) as its author, then the thread is
 * drawn again with it and a fresh key. The task's other owners are told. A comment that does not
 * validate comes back in the box, with the reason beside it, and nothing is stored.
 */
export async function postFromCard(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = postData.safeParse(data);
  if (!parsed.success) return { error: { status: 400, message: 'This comment box is missing the task it belongs to. Open the comments again.' } };
  const { taskId, key } = parsed.data;
  const typed = typeof data.text === 'string' ? data.text : '';
  try {
    const author = await authorOf(deps.store, taskId, actor.aadObjectId);
    const notify = { messenger: deps.messenger, cards: commentCards, log: deps.log };
    const { task, comments } = await postComment({ store: deps.store, clock: deps.clock, notify }, { actor: author, isOfficer: IS_OFFICER, taskId, text: typed, key });
    return { card: commentThreadCard({ task, comments, key: randomUUID(), notice: 'Your comment is posted.' }) };
  } catch (err) {
    if (!(err instanceof ValidationError)) return threadProblem(err);
    try {
      // Read as the clicker: someone who may not see the thread is refused, not shown it.
      const { task, comments } = await taskThread(deps.store, taskId, actor.aadObjectId, IS_OFFICER);
      return { card: commentThreadCard({ task, comments, key, text: typed.slice(0, KEPT_CHARS), error: err.fields[0]?.message ?? err.message }) };
    } catch (again) {
      return threadProblem(again);
    }
  }
}

/**
 * The author as the task records them (an owner or its accountable officer). Anyone else is
 * refused by the use case; their id alone is enough for that.
 */
async function authorOf(store: PlanStore, taskId: string, aadObjectId: string): Promise<Person> {
  const task: Task | undefined = await store.getTask(taskId);
  const onTask = task && [...task.owners, ...(task.accountableOfficer ? [task.accountableOfficer] : [])].find((p) => p.aadObjectId === aadObjectId);
  return onTask ?? { aadObjectId, displayName: 'Unknown', email: '' };
}

/** A refusal or a task that has gone, said on a card; anything else is a server error. */
function threadProblem(err: unknown): CardActionResult {
  if (err instanceof ForbiddenError) return { card: noticeCard('Not your task', err.message, 'error') };
  if (err instanceof NotFoundError) return { card: noticeCard('Task not found', 'This task is no longer in the action plan.', 'error') };
  throw err;
}
