import type { Person } from '../../model';
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

  constructor(
    private readonly api: GraphApi,
    private readonly siteId: string,
  ) {}

  async lookupIds(people: Person[]): Promise<string[]> {
    const ids = await Promise.all(people.map((p) => this.lookupId(p.email)));
    return ids.filter((id): id is string => id !== undefined);
  }

  lookupId(email: string): Promise<string | undefined> {
    const key = email.trim().toLowerCase();
    if (!key) return Promise.resolve(undefined);
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.fetch(key).catch((err: unknown) => {
        this.cache.delete(key); // do not remember a failure
        throw err;
      });
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
