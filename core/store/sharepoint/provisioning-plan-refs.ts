import { firstPlanInput } from '../../plan/plans';
import { batchError, type GraphApi, MAX_BATCH_REQUESTS } from './graph/graph-api';
import { LISTS } from './list-schema';
import { PLAN_REF, planRef } from './lists/plan-columns';
import { findSiteLists } from './site-lists';

/** Fills in PlanRef on the items of a list written before plans (see `fillPlanRefs`). */
export interface FillPlanRefs {
  kind: 'fill-plan-refs';
  list: 'objectives' | 'tasks';
  listId: string;
  /** PlanRef. */
  column: string;
  columnId: string;
}

export interface PlanRefsContext {
  siteId: string;
  /** The Plans list's display name in this site. */
  plansList: string;
  firstPlanName?: string;
}

const JSON_BODY = { 'Content-Type': 'application/json' };

interface Page {
  value: { id: string; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

/** Every item of a list, with the fields asked for (https://learn.microsoft.com/graph/api/listitem-list), page by page. */
async function allItems(api: GraphApi, listPath: string, select: string[]): Promise<Page['value']> {
  const items: Page['value'] = [];
  let next: string | undefined = `${listPath}/items?expand=fields(select=${select.join(',')})&$top=500`;
  while (next) {
    const page: Page = await api.get<Page>(next);
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return items;
}

/**
 * The first plan's id (the lowest Plans item id), making it when there is none, as the store does
 * at connect (sharepoint-plans.ts adoptFirstPlan; of two writers PlanKey lets one win).
 */
async function firstPlanId(api: GraphApi, plansPath: string, name?: string): Promise<string> {
  const lowest = async () => (await allItems(api, plansPath, ['PlanKey'])).map((i) => Number(i.id)).sort((a, b) => a - b)[0];
  let id = await lowest();
  if (id === undefined) {
    const fields = LISTS.plans.toFields(firstPlanInput(new Date().toISOString(), name));
    await api.post(`${plansPath}/items`, { fields }).catch(() => undefined); // another writer's first plan does as well
    id = await lowest();
  }
  if (id === undefined) throw new Error('Could not make the first plan in the Plans list');
  return String(id);
}

/**
 * Only for a site whose SharePoint counts empty values as duplicates in a unique column (Graph does
 * not say whether it does: variants.ts `uniqueBlankValues`): PlanRef cannot be made unique while
 * items from before plans have none, so each gets `<first plan>:<Ref>` (the plan they are read as),
 * 20 PATCHes to a $batch (https://learn.microsoft.com/graph/json-batching). Where empty values do
 * not collide this never runs, and those items are left as they are.
 */
export async function fillPlanRefs(api: GraphApi, context: PlanRefsContext, action: FillPlanRefs): Promise<void> {
  const site = `/sites/${context.siteId}`;
  const listPath = `${site}/lists/${action.listId}`;
  const lacking = (await allItems(api, listPath, ['Ref', PLAN_REF])).filter((i) => !i.fields?.[PLAN_REF] && typeof i.fields?.Ref === 'string');
  if (lacking.length === 0) return; // duplicates of another kind: reported when uniqueness is refused again
  const { ids } = await findSiteLists(api, context.siteId, { plans: context.plansList });
  if (!ids.plans) throw new Error(`The site has no list named "${context.plansList}"`);
  const first = await firstPlanId(api, `${site}/lists/${ids.plans}`, context.firstPlanName);
  for (let i = 0; i < lacking.length; i += MAX_BATCH_REQUESTS) {
    const chunk = lacking.slice(i, i + MAX_BATCH_REQUESTS);
    const responses = await api.batch(
      chunk.map((item) => ({
        id: item.id,
        method: 'PATCH' as const,
        url: `${listPath}/items/${item.id}/fields`,
        headers: { ...JSON_BODY, 'If-Match': '*' },
        body: { [PLAN_REF]: planRef(first, item.fields!.Ref as string) },
      })),
    );
    for (const item of chunk) {
      const r = responses.get(item.id);
      if (!r || r.status >= 300) throw r ? batchError(r, `${listPath}/items/${item.id}/fields`) : new Error(`Microsoft Graph did not answer for item ${item.id}`);
    }
  }
}
