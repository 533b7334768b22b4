import type { Person } from '../../model';
import type { Column, Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import { GraphRequestError } from './graph/graph-error';
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
  /** Set once the site refused the lookup by e-mail (past the list view threshold). */
  private scanOnly = false;
  private directory?: { at: number; ids: Promise<Map<string, number>> };

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

  /**
   * The person's item in the User Information List: its id is their lookup id (a listItem id is a
   * string). EMail is not indexed in every site, so past SharePoint's 5,000-item list view threshold
   * the filter is refused even with the Prefer header (a council-wide site can have more people than
   * that); from then on the whole list is read and kept as a map instead.
   * (SPQueryThrottledException, https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee570450(v=office.15)).
   */
  private async fetch(email: string): Promise<number | undefined> {
    if (!this.scanOnly) {
      try {
        const { value } = await this.api.get<{ value: { id?: unknown }[] }>(
          `/sites/${this.siteId}/lists('User Information List')/items?expand=fields(select=EMail)&$filter=${fieldEquals('EMail', email)}&$top=1`,
          { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
        );
        return lookupIdOf(value[0]?.id);
      } catch (err) {
        // The threshold's refusal is undocumented in Graph: 500 generalException or 400 invalidRequest.
        if (!(err instanceof GraphRequestError && (err.status === 400 || err.status === 500))) throw err;
        this.scanOnly = true;
      }
    }
    return (await this.everyone()).get(email);
  }

  /** Every person's lookup id by e-mail, read page by page; read again once older than `missRetryMs`. */
  private everyone(): Promise<Map<string, number>> {
    if (!this.directory || this.now() - this.directory.at >= this.missRetryMs) {
      const ids = this.readEveryone();
      this.directory = { at: this.now(), ids };
      ids.catch(() => {
        if (this.directory?.ids === ids) this.directory = undefined; // do not remember a failure
      });
    }
    return this.directory.ids;
  }

  private async readEveryone(): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    let next: string | undefined = `/sites/${this.siteId}/lists('User Information List')/items?expand=fields(select=EMail)&$top=500`;
    while (next) {
      const page: { value: { id?: unknown; fields?: { EMail?: unknown } }[]; '@odata.nextLink'?: string } = await this.api.get(next);
      for (const item of page.value) {
        const id = lookupIdOf(item.id);
        if (id !== undefined && typeof item.fields?.EMail === 'string' && item.fields.EMail) ids.set(item.fields.EMail.trim().toLowerCase(), id);
      }
      next = page['@odata.nextLink'];
    }
    return ids;
  }
}
