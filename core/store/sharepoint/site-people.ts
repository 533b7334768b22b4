import type { Person } from '../../model';
import type { Column, Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import { fieldEquals } from './odata';

/**
 * A lookup id as Graph may give it: the integer or its digits as a string (`"AuthorLookupId": "13"`
 * in https://learn.microsoft.com/graph/api/resources/fieldvalueset), or a lookup object
 * `{ LookupId, LookupValue, Email }` (how multi-person columns read under their bare name).
 */
export function lookupIdOf(value: unknown): number | undefined {
  const raw = typeof value === 'object' && value !== null && 'LookupId' in value ? (value as { LookupId: unknown }).LookupId : value;
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * Person columns are written as `<Column>LookupId`: ids in the site's User Information List. A
 * person gets a row there when SharePoint first sees them in the site; Graph cannot add one
 * ("ensure user" is SharePoint REST), so people not yet in the site are kept in the *Json columns
 * only and their Person column stays empty until they are.
 *
 * Ids are written as integers, and a multi-person column as an array annotated
 * `Collection(Edm.Int32)`: a lookup id is an Int32 (SharePoint's FieldLookupValue.LookupId,
 * https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee540280(v=office.15)), and
 * OData JSON wants a collection's values in its annotated type (OData JSON Format 4.01 §7.1,
 * "Control Information: type"). Graph's reference pages show no write of a person column; the
 * `Collection(Edm.String)` form with string ids also circulates in Microsoft Q&A answers.
 */
export class SitePeople {
  private readonly cache = new Map<string, Promise<number | undefined>>();
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
        fields[`${c.name}LookupId@odata.type`] = 'Collection(Edm.Int32)';
        fields[`${c.name}LookupId`] = await this.lookupIds(value as Person[]);
      } else {
        const [id] = value ? await this.lookupIds([value as Person]) : [];
        if (id !== undefined || forPatch) fields[`${c.name}LookupId`] = id ?? null;
      }
    }
    return fields;
  }

  async lookupIds(people: Person[]): Promise<number[]> {
    const ids = await Promise.all(people.map((p) => this.lookupId(p.email)));
    return [...new Set(ids.filter((id): id is number => id !== undefined))];
  }

  lookupId(email: string): Promise<number | undefined> {
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

  /** The person's item in the User Information List: its id is their lookup id (a listItem id is a string). */
  private async fetch(email: string): Promise<number | undefined> {
    const { value } = await this.api.get<{ value: { id?: unknown }[] }>(
      `/sites/${this.siteId}/lists('User Information List')/items?expand=fields(select=EMail)&$filter=${fieldEquals('EMail', email)}&$top=1`,
      // EMail is not indexed in every site; this list is small, so the query is safe.
      { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    );
    return lookupIdOf(value[0]?.id);
  }
}
