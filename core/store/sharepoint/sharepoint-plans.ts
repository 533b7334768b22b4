import { DuplicateError } from '../../errors';
import type { IsoInstant } from '../../model';
import { firstPlanInput } from '../../plan/plans';
import type { PlanCatalogue, PlanStore } from '../../ports/plan-store';
import type { SharePointSite } from './sharepoint-site';

/**
 * The Plans list: one item per plan, its item id the plan's id (what the other lists' PlanId
 * holds). PlanKey is unique, so of two writers of one key SharePoint lets one win (DuplicateError).
 */
export class SharePointPlans implements PlanCatalogue {
  /** One store per plan, made once, all on the site's client and mirrors. */
  private readonly stores = new Map<string, PlanStore>();

  constructor(
    private readonly site: SharePointSite,
    private readonly makeStore: (planId: string) => PlanStore,
  ) {}

  listPlans: PlanCatalogue['listPlans'] = async () => this.site.items.all('plans');
  getPlan: PlanCatalogue['getPlan'] = async (id) => this.site.items.get('plans', id);

  createPlan: PlanCatalogue['createPlan'] = async (input) => {
    if (this.keyHolder(input.key)) throw new DuplicateError('Plan', input.key);
    return this.site.create('plans', input, input.key);
  };

  updatePlan: PlanCatalogue['updatePlan'] = async (id, expectedVersion, patch) => {
    if (patch.key !== undefined && this.keyHolder(patch.key, id)) throw new DuplicateError('Plan', patch.key);
    return this.site.update('plans', id, expectedVersion, patch);
  };

  forPlan: PlanCatalogue['forPlan'] = (planId) => {
    let store = this.stores.get(planId);
    if (!store) this.stores.set(planId, (store = this.makeStore(planId)));
    return store;
  };

  /**
   * Makes the first plan when the site has none: a new site, or one written before plans existed
   * (its items, having no PlanId, are this plan's). Every connect calls it and only the first writes,
   * so a re-run changes nothing. Two instances connecting at once both try: the unique PlanKey lets
   * one win, and the other reads the winner's.
   */
  async adoptFirstPlan(at: IsoInstant, name?: string): Promise<void> {
    const plans = this.site.items.mirrors.plans;
    if (plans.all().length > 0) return;
    try {
      await this.createPlan(firstPlanInput(at, name));
    } catch (err) {
      if (!(err instanceof DuplicateError)) throw err;
      await plans.sync();
      if (plans.all().length === 0) throw err;
    }
  }

  /** Another plan whose key is `key` (SharePoint compares unique text ignoring case). */
  private keyHolder(key: string, selfId?: string): boolean {
    const wanted = key.toLowerCase();
    return this.site.items.mirrors.plans.all().some((i) => i.id !== selfId && String(i.fields.PlanKey ?? '').toLowerCase() === wanted);
  }
}
