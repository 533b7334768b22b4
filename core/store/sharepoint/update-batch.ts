import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { Fields } from './columns/column';
import { batchError, type BatchResponse, type GraphApi } from './graph/graph-api';
import { GraphRequestError, mayHaveBeenApplied } from './graph/graph-error';
import type { ListItems } from './list-items';
import { graphItemSchema, type MirroredItem } from './list-mirror';
import { holdsCreate, holdsPatch } from './write-outcome';

export interface UpdateWrite {
  taskId: string;
  expectedVersion: string;
  taskFields: Fields;
  updateFields: Fields;
  idempotencyKey: string;
}

export interface WrittenUpdate {
  task: MirroredItem;
  update: MirroredItem;
}

/**
 * A progress update in one $batch (https://learn.microsoft.com/graph/json-batching): the task's
 * latest fields (If-Match) first, then the update item and a read of the task, both depending on
 * it. A stale task fails the first with 412 and Graph skips the rest (424): nothing written. The
 * read brings the task's new version, which the PATCH answer need not carry (listitem-update).
 */
export async function writeUpdateWithTask(api: GraphApi, items: ListItems, w: UpdateWrite): Promise<WrittenUpdate> {
  const taskPath = `${items.paths.tasks}/items/${w.taskId}`;
  const json = { 'Content-Type': 'application/json' };
  let responses: Map<string, BatchResponse>;
  try {
    responses = await api.batch([
      { id: 'task', method: 'PATCH', url: `${taskPath}/fields`, headers: { ...json, 'If-Match': w.expectedVersion }, body: w.taskFields },
      { id: 'update', method: 'POST', url: `${items.paths.updates}/items`, headers: json, body: { fields: w.updateFields }, dependsOn: ['task'] },
      { id: 'read', method: 'GET', url: items.mirrors.tasks.itemRequest(w.taskId), dependsOn: ['task'] },
    ]);
  } catch (err) {
    if (err instanceof GraphRequestError && (err.ambiguous || mayHaveBeenApplied(err.status))) return settle(items, w, err);
    throw err;
  }
  const [patched, created, read] = ['task', 'update', 'read'].map((id) => responses.get(id));
  if (!patched || !created) throw new Error('Microsoft Graph did not answer the update write');
  if (patched.status >= 300) {
    const err = batchError(patched, taskPath);
    if (patched.ambiguous || mayHaveBeenApplied(patched.status)) return settle(items, w, err);
    throw await items.writeError('tasks', w.taskId, w.expectedVersion, err, w.taskFields);
  }
  const readTask = read?.status === 200 ? items.mirrors.tasks.apply(graphItemSchema.parse(read.body)) : undefined;
  const task = readTask ?? (await items.applyFields('tasks', w.taskId, w.taskFields, patched.body));
  // The task's latest fields are written; the history item is settled like any create.
  const update =
    created.status < 300
      ? await items.created('updates', created.body)
      : await items.settleCreate('updates', w.updateFields, w.idempotencyKey, batchError(created, `${items.paths.updates}/items`));
  return { task, update };
}

/** Graph may have run part of the batch before its answer was lost: what the lists hold decides. */
async function settle(items: ListItems, w: UpdateWrite, err: GraphRequestError): Promise<WrittenUpdate> {
  const update = await items.uniqueHolder('updates', w.updateFields);
  if (update && !holdsCreate('updates', w.updateFields, update.fields)) throw new DuplicateError('Update', w.idempotencyKey);
  const task = await items.reread('tasks', w.taskId);
  if (!task) throw new NotFoundError('Task', w.taskId);
  // The update item depends on the task write: when it exists, both were applied.
  if (update) return { task, update };
  if (!holdsPatch('tasks', w.expectedVersion, w.taskFields, task)) {
    if (task.etag !== w.expectedVersion) throw new ConflictError('Task', w.taskId, w.expectedVersion, task.etag);
    throw err; // nothing was written
  }
  // The task's fields were written and the history item was not: write it now.
  return { task, update: await items.createItem('updates', w.updateFields, w.idempotencyKey) };
}
