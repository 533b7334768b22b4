import type { Person } from '../../model';
import type { Column, Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import { fieldEquals } from './odata';

/**
 * Person columns are written as `<Column>LookupId`: ids in the site's User Information List. A
 * person gets a row there when SharePoint first sees them in the site; Graph cannot add one
 * ("ensure user" is SharePoint REST), so people not yet in the site are kept in the *Json columns
 * only and their Person column stays empty until they are.
 */
export class SitePeople {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  /** When a person was last found missing: asked again after `missRetryMs`, as they may join the site. */
  private readonly misses = new Map<string, number>();

  constructor(
    private readonly api: GraphApi,
    private readonly siteId: string,
    private readonly missRetryMs = 10 * 60_000,
    private readonly now = () => Date.now(),
  ) {}

  /**
   * The `<Column>LookupId` fields for the Person columns whose people `record` carries: a multi
   * column gets every id found, a single one its id, or null on a patch when there is none.
   */
  async lookupFields(columns: readonly Column[], record: object, forPatch: boolean): Promise<Fields> {
    const fields: Fields = {};
    for (const c of columns) {
      if (c.type !== 'person' || c.key === undefined || !(c.key in record)) continue;
      const value = (record as Record<string, unknown>)[c.key] as Person | Person[] | undefined;
      if (c.multi) {
        if (!value) continue;
        fields[`${c.name}LookupId@odata.type`] = 'Collection(Edm.String)';
        fields[`${c.name}LookupId`] = await this.lookupIds(value as Person[]);
      } else {
        const [id] = value ? await this.lookupIds([value as Person]) : [];
        if (id !== undefined || forPatch) fields[`${c.name}LookupId`] = id ?? null;
      }
    }
    return fields;
  }

  async lookupIds(people: Person[]): Promise<string[]> {
    const ids = await Promise.all(people.map((p) => this.lookupId(p.email)));
    return ids.filter((id): id is string => id !== undefined);
  }

  lookupId(email: string): Promise<string | undefined> {
    const key = email.trim().toLowerCase();
    if (!key) return Promise.resolve(undefined);
    const missedAt = this.misses.get(key);
    if (missedAt !== undefined && this.now() - missedAt >= this.missRetryMs) {
      this.misses.delete(key);
      this.cache.delete(key);
    }
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.fetch(key).then(
        (id) => {
          if (id === undefined) this.misses.set(key, this.now());
          return id;
        },
        (err: unknown) => {
          this.cache.delete(key); // do not remember a failure
          throw err;
        },
      );
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async fetch(email: string): Promise<string | undefined> {
    const { value } = await this.api.get<{ value: { id: string }[] }>(
      `/sites/${this.siteId}/lists('User Information List')/items?expand=fields(select=EMail)&$filter=${fieldEquals('EMail', email)}&$top=1`,
      // EMail is not indexed in every site; this list is small, so the query is safe.
      { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    );
    return value[0]?.id;
  }
}
