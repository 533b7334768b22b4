import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { Stored } from '../../model';
import type { Fields } from './columns/column';
import type { StringKeys } from './columns/list-definition';
import type { GraphApi } from './graph/graph-api';
import { classifyWriteFailure, GraphRequestError, mayHaveBeenApplied } from './graph/graph-error';
import { graphItemSchema, type ListMirror, type MirroredItem } from './list-mirror';
import { listOf, type ListKey, type RecordOf } from './list-schema';
import { fieldEquals } from './odata';
import { PlanScope, READS_PLAN } from './plan-scope';
import { holdsCreate, holdsPatch } from './write-outcome';

export type StoredOf<K extends ListKey> = RecordOf<K> & Stored;
export type KeyOf<K extends ListKey> = StringKeys<RecordOf<K>>;

/**
 * The product's list items as domain records: read from the delta-synced mirrors, written to Graph
 * with If-Match ETags, failures turned into ConflictError / DuplicateError / NotFoundError by one
 * classifier (graph-error.ts), every answer folded back into the mirror so a write shows at once.
 */
export class ListItems {
  /** Mirrored items are replaced on every change, so each is validated and mapped only once. */
  private readonly mapped = new WeakMap<MirroredItem, unknown>();

  constructor(
    private readonly api: GraphApi,
    readonly paths: Record<ListKey, string>,
    readonly mirrors: Record<ListKey, ListMirror>,
    readonly scope = new PlanScope(mirrors),
  ) {}

  all<K extends ListKey>(list: K): StoredOf<K>[] {
    return this.mirrors[list]
      .all()
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((i) => this.stored(list, i));
  }

  /** One plan's records of a list, by id (PlanScope: items from before plans are the first plan's). */
  inPlan<K extends ListKey>(list: K, planId: string): StoredOf<K>[] {
    return this.scope.itemsOf(list, planId).map((i) => this.stored(list, i));
  }

  get<K extends ListKey>(list: K, id: string): StoredOf<K> | undefined {
    const item = this.mirrors[list].get(id);
    return item && this.stored(list, item);
  }

  /** The mirrored item whose column for `key` holds `value`. */
  mirrored<K extends ListKey>(list: K, key: KeyOf<K>, value: string): MirroredItem | undefined {
    const column = listOf(list).indexedColumn(key);
    return this.mirrors[list].all().find((i) => i.fields[column] === value);
  }

  /** The mirror, then (another instance may have just written it) the indexed column in Graph. */
  async find<K extends ListKey>(list: K, key: KeyOf<K>, value: string): Promise<StoredOf<K> | undefined> {
    const column = listOf(list).indexedColumn(key);
    const item = this.mirrored(list, key, value) ?? (await this.queryOne(list, column, value));
    // SharePoint compares text case-insensitively; keys are exact, as in every other store.
    return item && item.fields[column] === value ? this.stored(list, item) : undefined;
  }

  stored<K extends ListKey>(list: K, item: MirroredItem): StoredOf<K> {
    let domain = this.mapped.get(item) as StoredOf<K> | undefined;
    if (!domain) {
      domain = { ...listOf(list).fromFields(item.fields, item.id), id: item.id, version: item.etag };
      this.mapped.set(item, domain);
    }
    // The plan is read apart from the cached record: it is not a field of the domain mapping.
    return READS_PLAN.has(list) ? ({ ...domain, planId: this.scope.planOf(item) } as StoredOf<K>) : { ...domain };
  }

  async create<K extends ListKey>(list: K, fields: Fields, key: string): Promise<StoredOf<K>> {
    return this.stored(list, await this.createItem(list, fields, key));
  }

  /** Creates an item; a failure is settled by looking our unique values up in Graph (settleCreate). */
  async createItem(list: ListKey, fields: Fields, key: string): Promise<MirroredItem> {
    let body: unknown;
    try {
      body = await this.api.post<unknown>(`${this.paths[list]}/items`, { fields });
    } catch (err) {
      return this.settleCreate(list, fields, key, err);
    }
    return this.created(list, body);
  }

  /** The item a create answered with. The listitem-create example shows no fields in the answer: then it is read. */
  async created(list: ListKey, body: unknown): Promise<MirroredItem> {
    const item = graphItemSchema.parse(body);
    return this.mirrors[list].apply(item) ?? (await this.readBack(list, item.id));
  }

  /**
   * After a failed create (classifyWriteFailure): another writer's item holding one of our unique
   * values is a DuplicateError; our own, written by an attempt whose answer we never saw, is the
   * created item; no holder at all, and the error stands. Used for every list, so each list's
   * unique column (PlanRef, Key, IdempotencyKey, OpenKey, AadObjectId, PlanKey) is the one looked up.
   */
  async settleCreate(list: ListKey, sent: Fields, key: string, err: unknown): Promise<MirroredItem> {
    const failure = classifyWriteFailure(err);
    if (failure !== 'duplicate' && failure !== 'unclear') throw err;
    const minePossible = err instanceof GraphRequestError && (err.ambiguous || (failure === 'unclear' && mayHaveBeenApplied(err.status)));
    const holder = await this.uniqueHolder(list, sent).catch(() => {
      throw err; // could not look: the write's own error says more
    });
    if (holder && minePossible && holdsCreate(list, sent, holder.fields)) return holder;
    if (holder || failure === 'duplicate') throw new DuplicateError(listOf(list).displayName, key);
    throw err;
  }

  async patch<K extends ListKey>(list: K, id: string, expectedVersion: string, fields: Fields): Promise<StoredOf<K>> {
    if (!this.mirrors[list].get(id)) throw new NotFoundError(listOf(list).displayName, id);
    let body: unknown;
    try {
      body = await this.api.patch<unknown>(`${this.paths[list]}/items/${id}/fields`, fields, expectedVersion);
    } catch (err) {
      const mine = await this.settlePatch(list, id, expectedVersion, fields, err);
      if (mine) return this.stored(list, mine);
      throw await this.writeError(list, id, expectedVersion, err, fields);
    }
    return this.stored(list, await this.applyFields(list, id, fields, body));
  }

  /**
   * Deletes an item (https://learn.microsoft.com/graph/api/listitem-delete: 204; If-Match `*` for
   * any version). Already gone (404) counts as deleted: a retry after a lost answer lands there.
   */
  async remove(list: ListKey, id: string): Promise<boolean> {
    try {
      await this.api.delete(`${this.paths[list]}/items/${id}`, '*');
    } catch (err) {
      if (!(err instanceof GraphRequestError && err.status === 404)) throw err;
    }
    this.mirrors[list].forget(id);
    return true;
  }

  /**
   * Our patch after all, when an attempt may have been applied unseen (a retry then gets 412, or the
   * final answer is a 5xx): the item is now the next version and holds what we sent.
   */
  async settlePatch(list: ListKey, id: string, expectedVersion: string, sent: Fields, err: unknown): Promise<MirroredItem | undefined> {
    if (!(err instanceof GraphRequestError)) return undefined;
    if (!mayHaveBeenApplied(err.status) && !(err.ambiguous && classifyWriteFailure(err) === 'conflict')) return undefined;
    const current = await this.reread(list, id);
    return current && holdsPatch(list, expectedVersion, sent, current) ? current : undefined;
  }

  /**
   * Folds a PATCH …/fields answer (the item's fieldValueSet) into the mirror. The example in
   * https://learn.microsoft.com/graph/api/listitem-update has no `@odata.etag` in it: without the
   * version, the item is read back.
   */
  async applyFields(list: ListKey, id: string, sent: Fields, body: unknown): Promise<MirroredItem> {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Fields;
    const etag = fields['@odata.etag'];
    const previous = this.mirrors[list].get(id);
    const saved = typeof etag === 'string' ? this.mirrors[list].apply({ id, '@odata.etag': etag, fields: { ...previous?.fields, ...sent, ...fields } }) : undefined;
    return saved ?? (await this.readBack(list, id));
  }

  /** A failed write as the domain's error (classifyWriteFailure); a conflict re-reads the item so the next read is current. */
  async writeError(list: ListKey, id: string, expectedVersion: string, err: unknown, sent?: Fields): Promise<unknown> {
    if (!(err instanceof GraphRequestError)) return err ?? new Error(`Writing ${list} item ${id} failed`);
    const { displayName } = listOf(list);
    switch (classifyWriteFailure(err)) {
      case 'conflict':
        return new ConflictError(displayName, id, expectedVersion, (await this.reread(list, id))?.etag);
      case 'notFound':
        return new NotFoundError(displayName, id);
      case 'duplicate':
        return new DuplicateError(displayName, id);
      case 'unclear':
        return sent && (await this.uniqueHolder(list, sent, id).catch(() => undefined)) ? new DuplicateError(displayName, id) : err;
      default:
        return err;
    }
  }

  /** The item as Graph holds it now, or undefined when it cannot be read. */
  async reread(list: ListKey, id: string): Promise<MirroredItem | undefined> {
    try {
      return await this.mirrors[list].read(id);
    } catch {
      return undefined;
    }
  }

  /** An item other than `selfId` holding a value we write to a unique column, straight from Graph. */
  async uniqueHolder(list: ListKey, fields: Fields, selfId?: string): Promise<MirroredItem | undefined> {
    for (const c of listOf(list).columns) {
      const value = fields[c.name];
      if (!c.unique || typeof value !== 'string' || value === '') continue;
      const holder = await this.queryOne(list, c.name, value);
      if (holder && holder.id !== selfId) return holder;
    }
    return undefined;
  }

  private async readBack(list: ListKey, id: string): Promise<MirroredItem> {
    const item = await this.mirrors[list].read(id);
    if (!item) throw new NotFoundError(listOf(list).displayName, id);
    return item;
  }

  /** One item by an indexed column, straight from Graph (the value is escaped: see odata.ts). */
  private async queryOne(list: ListKey, column: string, value: string): Promise<MirroredItem | undefined> {
    return (await this.query(list, column, value, 1))[0];
  }

  /**
   * The items whose indexed column holds `value`, straight from Graph, into the mirror: up to `top`
   * of them (a ref is held once per plan, so a look-up by Ref may find one in each).
   */
  async query(list: ListKey, column: string, value: string, top: number): Promise<MirroredItem[]> {
    const { value: items } = await this.api.get<{ value: unknown[] }>(
      `${this.paths[list]}/items?expand=fields(select=${listOf(list).selected.join(',')})&$filter=${fieldEquals(column, value)}&$top=${top}`,
    );
    return items.map((i) => this.mirrors[list].apply(graphItemSchema.parse(i))).filter((i): i is MirroredItem => i !== undefined);
  }
}
