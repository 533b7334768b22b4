import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { Fields } from './columns/column';
import { batchError, type BatchResponse, type GraphApi } from './graph/graph-api';
import { GraphRequestError, mayHaveBeenApplied } from './graph/graph-error';
import type { ListItems } from './list-items';
import { graphItemSchema, type MirroredItem } from './list-mirror';
import { holdsCreate, holdsPatch } from './write-outcome';

/** The history lists whose items are written together with a task: Plan Updates, Plan Changes. */
export type HistoryList = 'updates' | 'changes';

/** A task write and the history item saying what it was: both or neither. */
export interface TaskWithHistoryWrite {
  taskId: string;
  expectedVersion: string;
  taskFields: Fields;
  history: {
    list: HistoryList;
    fields: Fields;
    /** The item's unique key (IdempotencyKey, Key): what settles a write whose answer was lost. */
    key: string;
    /** Names the record in a DuplicateError ("Update", "Plan change"). */
    entity: string;
  };
  /** The error for a task patch refused because another task holds one of its unique values (an edit's new Ref). */
  duplicateTask?: () => Error;
}

export interface WrittenTaskWithHistory {
  task: MirroredItem;
  history: MirroredItem;
}

const JSON_BODY = { 'Content-Type': 'application/json' };

/**
 * A task write and its history item in one $batch (https://learn.microsoft.com/graph/json-batching):
 * the task's fields (If-Match) first, then the history item and a read of the task, both depending
 * on it. A stale task fails the first with 412 and Graph skips the rest (424, "Failed Dependency",
 * as that page says of a request whose dependency failed): nothing written. The read brings the
 * task's new version, which the PATCH answer need not carry (listitem-update). Used for a progress
 * update (Plan Updates) and an officer's edit (Plan Changes).
 */
export async function writeTaskWithHistory(api: GraphApi, items: ListItems, w: TaskWithHistoryWrite): Promise<WrittenTaskWithHistory> {
  const taskPath = `${items.paths.tasks}/items/${w.taskId}`;
  const historyPath = `${items.paths[w.history.list]}/items`;
  let responses: Map<string, BatchResponse>;
  try {
    responses = await api.batch([
      { id: 'task', method: 'PATCH', url: `${taskPath}/fields`, headers: { ...JSON_BODY, 'If-Match': w.expectedVersion }, body: w.taskFields },
      { id: 'history', method: 'POST', url: historyPath, headers: JSON_BODY, body: { fields: w.history.fields }, dependsOn: ['task'] },
      { id: 'read', method: 'GET', url: items.mirrors.tasks.itemRequest(w.taskId), dependsOn: ['task'] },
    ]);
  } catch (err) {
    if (err instanceof GraphRequestError && (err.ambiguous || mayHaveBeenApplied(err.status))) return settle(items, w, err);
    throw err;
  }
  const [patched, created, read] = ['task', 'history', 'read'].map((id) => responses.get(id));
  if (!patched || !created) throw new Error('Microsoft Graph did not answer the task write');
  if (patched.status >= 300) {
    const err = batchError(patched, taskPath);
    if (patched.ambiguous || mayHaveBeenApplied(patched.status)) return settle(items, w, err);
    throw await taskWriteError(items, w, err);
  }
  const readTask = read?.status === 200 ? items.mirrors.tasks.apply(graphItemSchema.parse(read.body)) : undefined;
  const task = readTask ?? (await items.applyFields('tasks', w.taskId, w.taskFields, patched.body));
  // The task's fields are written; the history item is settled like any create.
  const { list, fields, key } = w.history;
  const history = created.status < 300 ? await items.created(list, created.body) : await items.settleCreate(list, fields, key, batchError(created, historyPath));
  return { task, history };
}

/** A refused task write as the domain's error; a unique value another task holds as the caller names it. */
async function taskWriteError(items: ListItems, w: TaskWithHistoryWrite, err: unknown): Promise<unknown> {
  const mapped = await items.writeError('tasks', w.taskId, w.expectedVersion, err, w.taskFields);
  return mapped instanceof DuplicateError && w.duplicateTask ? w.duplicateTask() : mapped;
}

/** Graph may have run part of the batch before its answer was lost: what the lists hold decides. */
async function settle(items: ListItems, w: TaskWithHistoryWrite, err: GraphRequestError): Promise<WrittenTaskWithHistory> {
  const { list, fields, key, entity } = w.history;
  const history = await items.uniqueHolder(list, fields);
  if (history && !holdsCreate(list, fields, history.fields)) throw new DuplicateError(entity, key);
  const task = await items.reread('tasks', w.taskId);
  if (!task) throw new NotFoundError('Task', w.taskId);
  // The history item depends on the task write: when it exists, both were applied.
  if (history) return { task, history };
  if (!holdsPatch('tasks', w.expectedVersion, w.taskFields, task)) {
    if (task.etag !== w.expectedVersion) throw new ConflictError('Task', w.taskId, w.expectedVersion, task.etag);
    throw await taskWriteError(items, w, err); // nothing was written (a 500 may still say why: a unique Ref)
  }
  // The task's fields were written and the history item was not: write it now.
  return { task, history: await items.createItem(list, fields, key) };
}
