import type { PlanStore } from '../../ports/plan-store';
import type { Fields } from './columns/column';
import type { GraphApi } from './graph/graph-api';
import { ListItems, type StoredOf } from './list-items';
import { ListMirror } from './list-mirror';
import { LIST_KEYS, LISTS, listOf, type ListKey, type RecordOf } from './list-schema';
import { schemaGaps } from './schema-check';
import { SharePointPlans } from './sharepoint-plans';
import { findSiteLists } from './site-lists';
import { SitePeople } from './site-people';

export interface SharePointStoreOptions {
  siteId: string;
  /** Display names per list when a council renamed them; defaults from list-schema.ts. */
  listNames?: Partial<Record<ListKey, string>>;
  /** How often the read model pulls changes (delta). Our own writes show at once regardless. */
  refreshIntervalMs?: number;
  /** How long "not in the site yet" is remembered for a person before asking again (default 10 min). */
  peopleRecheckMs?: number;
  /** The first plan's name, when the site has no plan yet (core/plan/plans.ts firstPlanInput). */
  firstPlanName?: string;
  /** When the first plan is made (its period starts in that council year); now by default. */
  now?: Date;
}

const provisionHint = 'Run "npm run provision -- --site <site>"';

/**
 * One SharePoint site and what every plan's store shares: the Graph client, the delta-synced list
 * mirrors (one read model for all plans: a plan's store filters by PlanId), the people look-ups,
 * the refresh timer and the Plans catalogue.
 */
export class SharePointSite {
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  readonly plans: SharePointPlans;

  private constructor(
    readonly api: GraphApi,
    readonly items: ListItems,
    readonly people: SitePeople,
    makeStore: (site: SharePointSite, planId: string) => PlanStore,
  ) {
    this.plans = new SharePointPlans(this, (planId) => makeStore(this, planId));
  }

  /**
   * Resolves the lists (they must be provisioned), loads the read model, makes the first plan when
   * the site has none (data from before plans becomes it: nothing else is written) and starts
   * refreshing.
   */
  static async open(api: GraphApi, options: SharePointStoreOptions, makeStore: (site: SharePointSite, planId: string) => PlanStore): Promise<SharePointSite> {
    const { names, ids } = await findSiteLists(api, options.siteId, options.listNames);
    const paths = {} as Record<ListKey, string>;
    const mirrors = {} as Record<ListKey, ListMirror>;
    const missing = LIST_KEYS.filter((key) => !ids[key]).map((key) => names[key]);
    if (missing.length) throw new Error(`SharePoint site ${options.siteId} has no list named ${missing.map((m) => `"${m}"`).join(', ')}. ${provisionHint} first.`);
    for (const key of LIST_KEYS) {
      paths[key] = `/sites/${options.siteId}/lists/${ids[key]}`;
      mirrors[key] = new ListMirror(api, `${paths[key]}/items`, LISTS[key].selected);
    }
    const gaps = await schemaGaps(api, paths, names);
    if (gaps.missing.length) throw new Error(`SharePoint site ${options.siteId} lacks columns this release needs (${gaps.missing.join('; ')}). ${provisionHint} (ADMIN.md, "Deploy and upgrade").`);
    if (gaps.stillUnique.length) throw new Error(`SharePoint site ${options.siteId} has columns still enforcing unique values that this release repeats across plans (${gaps.stillUnique.join('; ')}). ${provisionHint} (ADMIN.md, "Plans").`);
    const site = new SharePointSite(api, new ListItems(api, paths, mirrors), new SitePeople(api, options.siteId, options.peopleRecheckMs), makeStore);
    await site.refresh();
    await site.plans.adoptFirstPlan((options.now ?? new Date()).toISOString(), options.firstPlanName);
    if (options.refreshIntervalMs && options.refreshIntervalMs > 0) {
      site.timer = setInterval(() => void site.refresh().catch(() => undefined), options.refreshIntervalMs);
      site.timer.unref();
    }
    return site;
  }

  /**
   * Pulls every list's changes since the last refresh: one $batch of delta queries, one per list (one
   * Graph request when nothing changed much), then any further pages list by list.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshAll().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshAll(): Promise<void> {
    const { mirrors } = this.items;
    const responses = await this.api.batch(LIST_KEYS.map((key) => ({ id: key, method: 'GET' as const, url: mirrors[key].deltaRequest() })));
    await Promise.all(
      LIST_KEYS.map((key) => {
        const response = responses.get(key);
        return response ? mirrors[key].continueFrom(response.status, response.body) : mirrors[key].sync();
      }),
    );
  }

  /** Reads come from the mirrors, so their change counts say everything a read can see (any plan's). */
  changeStamp(): string {
    return LIST_KEYS.map((key) => this.items.mirrors[key].changeCount).join('.');
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A record's fields, with the Person columns' lookup ids for the people in it. */
  async fields<K extends ListKey>(list: K, record: Partial<RecordOf<K>>, forPatch = false): Promise<Fields> {
    const fields = listOf(list).toFields(record, forPatch);
    return { ...fields, ...(await this.people.lookupFields(LISTS[list].columns, record, forPatch)) };
  }

  async create<K extends ListKey>(list: K, input: RecordOf<K>, key: string, extra: Fields = {}): Promise<StoredOf<K>> {
    return this.items.create(list, { ...(await this.fields(list, input)), ...extra }, key);
  }

  async update<K extends ListKey>(list: K, id: string, expectedVersion: string, patch: Partial<RecordOf<K>>, extra: Fields = {}): Promise<StoredOf<K>> {
    return this.items.patch(list, id, expectedVersion, { ...(await this.fields(list, patch, true)), ...extra });
  }
}
