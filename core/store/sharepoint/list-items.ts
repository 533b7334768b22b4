import { ConflictError, DuplicateError, NotFoundError } from '../../errors';
import type { Stored } from '../../model';
import type { Fields } from './columns/column';
import type { StringKeys } from './columns/list-definition';
import type { GraphApi } from './graph/graph-api';
import { GraphRequestError } from './graph/graph-error';
import { graphItemSchema, type GraphItem, type ListMirror, type MirroredItem } from './list-mirror';
import { listOf, type ListKey, type RecordOf } from './list-schema';
import { fieldEquals } from './odata';

export type StoredOf<K extends ListKey> = RecordOf<K> & Stored;
export type KeyOf<K extends ListKey> = StringKeys<RecordOf<K>>;

/**
 * The product's list items as domain records: read from the delta-synced mirrors, written to Graph
 * (If-Match ETags; 412 -> ConflictError, 409 -> DuplicateError), every answer folded back into the
 * mirror so a write shows at once.
 */
export class ListItems {
  /** Mirrored items are replaced on every change, so each is validated and mapped only once. */
  private readonly mapped = new WeakMap<MirroredItem, unknown>();

  constructor(
    private readonly api: GraphApi,
    readonly paths: Record<ListKey, string>,
    readonly mirrors: Record<ListKey, ListMirror>,
  ) {}

  all<K extends ListKey>(list: K): StoredOf<K>[] {
    return this.mirrors[list]
      .all()
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((i) => this.stored(list, i));
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
    return { ...domain };
  }

  async create<K extends ListKey>(list: K, fields: Fields, key: string): Promise<StoredOf<K>> {
    try {
      const item = graphItemSchema.parse(await this.api.post<unknown>(`${this.paths[list]}/items`, { fields }));
      const saved = this.mirrors[list].apply(item);
      if (!saved) throw new Error(`Microsoft Graph returned the new ${list} item without its fields`);
      return this.stored(list, saved);
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 409) throw new DuplicateError(listOf(list).displayName, key);
      throw err;
    }
  }

  async patch<K extends ListKey>(list: K, id: string, expectedVersion: string, fields: Fields): Promise<StoredOf<K>> {
    if (!this.mirrors[list].get(id)) throw new NotFoundError(listOf(list).displayName, id);
    try {
      const body = await this.api.patch<unknown>(`${this.paths[list]}/items/${id}/fields`, fields, expectedVersion);
      return this.stored(list, this.applyFields(list, id, fields, body));
    } catch (err) {
      throw await this.writeError(list, id, expectedVersion, err);
    }
  }

  /** PATCH …/fields answers with the fields (and their @odata.etag): fold what we sent and got into the mirror. */
  applyFields(list: ListKey, id: string, sent: Fields, body: unknown): MirroredItem {
    const fields = body as Fields;
    const previous = this.mirrors[list].get(id);
    const saved = this.mirrors[list].apply({ id, '@odata.etag': fields['@odata.etag'] as string, fields: { ...previous?.fields, ...sent, ...fields } } as GraphItem);
    if (!saved) throw new Error(`Microsoft Graph returned ${list} item ${id} without its version`);
    return saved;
  }

  /** 412 -> ConflictError (after re-reading the item so the next read is current); 404/409 typed. */
  async writeError(list: ListKey, id: string, expectedVersion: string, err: unknown): Promise<unknown> {
    if (!(err instanceof GraphRequestError)) return err ?? new Error(`Writing ${list} item ${id} failed`);
    const { displayName } = listOf(list);
    if (err.status === 412) {
      const current = await this.reread(list, id);
      return new ConflictError(displayName, id, expectedVersion, current?.etag);
    }
    if (err.status === 404) return new NotFoundError(displayName, id);
    if (err.status === 409) return new DuplicateError(displayName, id);
    return err;
  }

  private async reread(list: ListKey, id: string): Promise<MirroredItem | undefined> {
    try {
      return this.mirrors[list].apply(graphItemSchema.parse(await this.api.get<unknown>(`${this.paths[list]}/items/${id}?expand=fields`)));
    } catch {
      return undefined;
    }
  }

  /** One item by an indexed column, straight from Graph (the value is escaped: see odata.ts). */
  private async queryOne(list: ListKey, column: string, value: string): Promise<MirroredItem | undefined> {
    const { value: items } = await this.api.get<{ value: unknown[] }>(
      `${this.paths[list]}/items?expand=fields(select=${listOf(list).selected.join(',')})&$filter=${fieldEquals(column, value)}&$top=1`,
    );
    const found = items[0] === undefined ? undefined : graphItemSchema.parse(items[0]);
    return found && this.mirrors[list].apply(found);
  }
}
