import { z } from 'zod';
import type { GraphApi } from './graph/graph-api';
import { GraphRequestError } from './graph/graph-error';
import { LIST_KEYS, LISTS, type ColumnDef, type ColumnType, type ListKey } from './list-schema';
import { PLAN_REF } from './lists/plan-columns';
import { fillPlanRefs, type FillPlanRefs, type PlanRefsContext } from './provisioning-plan-refs';
import { findSiteLists } from './site-lists';

/** What `npm run provision` would do, or did, to one site: idempotent by construction. */
export interface ProvisioningPlan {
  siteId: string;
  actions: ProvisioningAction[];
  /** Differences we will not fix silently (e.g. a column of the wrong type). */
  problems: string[];
  /** The lists' display names in this site (the Plans list's is needed to fill in PlanRef). */
  names?: Record<ListKey, string>;
}

export type ProvisioningAction =
  | { kind: 'create-list'; list: ListKey; displayName: string; body: unknown }
  | { kind: 'add-column'; list: ListKey; listId: string; column: string; body: unknown }
  | { kind: 'index-column'; list: ListKey; listId: string; column: string; columnId: string }
  | { kind: 'enforce-unique'; list: ListKey; listId: string; column: string; columnId: string; afterFill?: boolean }
  | { kind: 'allow-duplicates'; list: ListKey; listId: string; column: string; columnId: string }
  | FillPlanRefs;

const existingColumn = z
  .object({
    id: z.string(),
    name: z.string(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    text: z.object({ allowMultipleLines: z.boolean().optional() }).passthrough().optional(),
    number: z.object({}).passthrough().optional(),
    dateTime: z.object({}).passthrough().optional(),
    boolean: z.object({}).passthrough().optional(),
    choice: z.object({ choices: z.array(z.string()).optional() }).passthrough().optional(),
    personOrGroup: z.object({ allowMultipleSelection: z.boolean().optional() }).passthrough().optional(),
  })
  .passthrough();
type ExistingColumn = z.infer<typeof existingColumn>;

const createdList = z.object({ id: z.string() }).passthrough();

/** Graph's columnDefinition for one of our columns. */
export function columnDefinition(c: ColumnDef): Record<string, unknown> {
  const facet: Record<ColumnType, Record<string, unknown>> = {
    text: { text: { allowMultipleLines: false, maxLength: 255 } },
    note: { text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } },
    number: { number: {} },
    dateTime: { dateTime: { format: c.dateOnly ? 'dateOnly' : 'dateTime' } },
    boolean: { boolean: {} },
    choice: { choice: { choices: [...(c.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: false } },
    person: { personOrGroup: { allowMultipleSelection: Boolean(c.multi), chooseFromType: 'peopleOnly' } },
  };
  return {
    name: c.name,
    ...facet[c.type],
    required: Boolean(c.required),
    indexed: Boolean(c.indexed || c.unique),
    ...(c.unique && { enforceUniqueValues: true }),
  };
}

function typeOf(c: ExistingColumn): ColumnType | 'other' {
  if (c.text) return c.text.allowMultipleLines ? 'note' : 'text';
  if (c.number) return 'number';
  if (c.dateTime) return 'dateTime';
  if (c.boolean) return 'boolean';
  if (c.choice) return 'choice';
  if (c.personOrGroup) return 'person';
  return 'other';
}

/**
 * The PATCHes that give an existing column of the right type its index and uniqueness, or take away
 * a uniqueness the schema no longer wants (a task's Ref, unique within its plan through PlanRef
 * since plans: each plan may have a task 1.1).
 * columndefinition-update lets a list column's every property but id change
 * (https://learn.microsoft.com/graph/api/columndefinition-update), enforceUniqueValues included.
 * Whether uniqueness may be turned on in the same request as the index, Graph does not say;
 * SharePoint's own API wants the column indexed as well ("when you set this property to true, you
 * should also set the Indexed property to true",
 * https://learn.microsoft.com/previous-versions/office/sharepoint-csom/ee543809(v=office.15)),
 * so the index goes first, in a request of its own.
 */
function columnFixes(list: ListKey, listId: string, wanted: ColumnDef, found: ExistingColumn): ProvisioningAction[] {
  const fixes: ProvisioningAction[] = [];
  const ref = { list, listId, column: wanted.name, columnId: found.id };
  if ((wanted.indexed || wanted.unique) && !found.indexed) fixes.push({ kind: 'index-column', ...ref });
  if (wanted.unique && !found.enforceUniqueValues) fixes.push({ kind: 'enforce-unique', ...ref });
  // columndefinition-update: "enforceUniqueValues" is a property like the others (https://learn.microsoft.com/en-us/graph/api/columndefinition-update).
  if (!wanted.unique && found.enforceUniqueValues) fixes.push({ kind: 'allow-duplicates', ...ref });
  return fixes;
}

/** What one list's columns lack: missing columns, indexes, uniqueness; a wrong type is a problem. */
function planColumns(list: ListKey, displayName: string, listId: string, columns: ExistingColumn[]): Pick<ProvisioningPlan, 'actions' | 'problems'> {
  const out: Pick<ProvisioningPlan, 'actions' | 'problems'> = { actions: [], problems: [] };
  for (const wanted of LISTS[list].columns) {
    const found = columns.find((c) => c.name === wanted.name);
    if (!found) {
      // Uniqueness follows as a PATCH of its own (columnFixes): the list may hold items, and SharePoint
      // refuses uniqueness while values repeat, which may include empty ones (Graph does not say).
      const { enforceUniqueValues: _later, ...body } = columnDefinition(wanted);
      out.actions.push({ kind: 'add-column', list, listId, column: wanted.name, body });
      continue;
    }
    const actual = typeOf(found);
    if (actual !== wanted.type) {
      out.problems.push(`"${displayName}" column ${wanted.name} is ${actual}, expected ${wanted.type}: change or remove it by hand (not altered automatically)`);
      continue;
    }
    out.actions.push(...columnFixes(list, listId, wanted, found));
  }
  return out;
}

/** https://learn.microsoft.com/graph/api/list-list-columns */
async function readColumns(api: GraphApi, site: string, listId: string): Promise<ExistingColumn[]> {
  const { value } = await api.get<{ value: unknown[] }>(`${site}/lists/${listId}/columns`);
  return z.array(existingColumn).parse(value);
}

/** Reads the site and works out what is missing. Never alters a column that exists with another type. */
export async function planProvisioning(api: GraphApi, siteId: string, listNames: Partial<Record<ListKey, string>> = {}): Promise<ProvisioningPlan> {
  const site = `/sites/${siteId}`;
  const { names, ids } = await findSiteLists(api, siteId, listNames);
  const plan: ProvisioningPlan = { siteId, actions: [], problems: [], names };
  for (const key of LIST_KEYS) {
    const def = LISTS[key];
    const displayName = names[key];
    const listId = ids[key];
    if (!listId) {
      plan.actions.push({
        kind: 'create-list',
        list: key,
        displayName,
        body: { displayName, description: def.description, columns: def.columns.map(columnDefinition), list: { template: 'genericList' } },
      });
      continue;
    }
    const { actions, problems } = planColumns(key, displayName, listId, await readColumns(api, site, listId));
    plan.actions.push(...actions);
    plan.problems.push(...problems);
  }
  return plan;
}

export interface ProvisioningResult {
  /** Every action run, the follow-ups found on the way included. */
  done: ProvisioningAction[];
  /** What could not be fixed (e.g. uniqueness refused because duplicates exist). */
  problems: string[];
}

/**
 * Runs one action; returns the follow-ups it calls for. Graph documents that a list can be created
 * with its columns (https://learn.microsoft.com/graph/api/list-create), not that `indexed` and
 * `enforceUniqueValues` survive that, nor a column POST (list-post-columns): what was made is read
 * back and anything that did not take is PATCHed.
 */
async function runAction(api: GraphApi, context: PlanRefsContext, action: ProvisioningAction): Promise<FollowUps> {
  const site = `/sites/${context.siteId}`;
  const none = { actions: [], problems: [] };
  switch (action.kind) {
    case 'create-list': {
      const { id } = createdList.parse(await api.post<unknown>(`${site}/lists`, action.body));
      return planColumns(action.list, action.displayName, id, await readColumns(api, site, id));
    }
    case 'add-column': {
      const made = existingColumn.parse(await api.post<unknown>(`${site}/lists/${action.listId}/columns`, action.body));
      const wanted = LISTS[action.list].columns.find((c) => c.name === action.column)!;
      return { actions: columnFixes(action.list, action.listId, wanted, made), problems: [] };
    }
    case 'index-column':
      await api.patch(`${site}/lists/${action.listId}/columns/${action.columnId}`, { indexed: true });
      return none;
    case 'enforce-unique':
      return enforceUnique(api, site, action);
    case 'allow-duplicates':
      await api.patch(`${site}/lists/${action.listId}/columns/${action.columnId}`, { enforceUniqueValues: false });
      return none;
    case 'fill-plan-refs':
      await fillPlanRefs(api, context, action);
      return { actions: [{ kind: 'enforce-unique', list: action.list, listId: action.listId, column: PLAN_REF, columnId: action.columnId, afterFill: true }], problems: [] };
  }
}

/** What an action calls for: follow-ups to run next, some (`last`) once every other action has run. */
type FollowUps = Pick<ProvisioningPlan, 'actions' | 'problems'> & { last?: ProvisioningAction[] };

/**
 * SharePoint refuses uniqueness while duplicate values exist: that is a problem to report, not a
 * crash. A new PlanRef's only duplicates are the empty values of items written before plans, should
 * SharePoint count those (variants.ts `uniqueBlankValues`): they are filled in, once every list
 * (Plans too) is in place, and uniqueness asked for again.
 */
async function enforceUnique(api: GraphApi, site: string, action: Extract<ProvisioningAction, { kind: 'enforce-unique' }>): Promise<FollowUps> {
  try {
    await api.patch(`${site}/lists/${action.listId}/columns/${action.columnId}`, { enforceUniqueValues: true });
    return { actions: [], problems: [] };
  } catch (err) {
    if (!(err instanceof GraphRequestError && err.permanent)) throw err;
    if (action.column === PLAN_REF && !action.afterFill && (action.list === 'objectives' || action.list === 'tasks')) {
      return { actions: [], problems: [], last: [{ kind: 'fill-plan-refs', list: action.list, listId: action.listId, column: PLAN_REF, columnId: action.columnId }] };
    }
    const name = LISTS[action.list].displayName;
    return { actions: [], problems: [`"${name}" column ${action.column} could not be made unique (${err.status} ${err.graphMessage}): remove duplicate values, then run provision again`] };
  }
}

/** Applies the plan in order; follow-ups run right after the action that found them. */
export async function applyProvisioning(
  api: GraphApi,
  plan: ProvisioningPlan,
  onProgress?: (done: number, total: number, action: ProvisioningAction) => void,
  options: { firstPlanName?: string } = {},
): Promise<ProvisioningResult> {
  const context: PlanRefsContext = { siteId: plan.siteId, plansList: plan.names?.plans ?? LISTS.plans.displayName, firstPlanName: options.firstPlanName };
  const queue = [...plan.actions];
  const result: ProvisioningResult = { done: [], problems: [] };
  for (let i = 0; i < queue.length; i++) {
    const action = queue[i]!;
    const next = await runAction(api, context, action);
    queue.splice(i + 1, 0, ...next.actions);
    queue.push(...(next.last ?? []));
    result.problems.push(...next.problems);
    result.done.push(action);
    onProgress?.(i + 1, queue.length, action);
  }
  return result;
}

export function describeAction(a: ProvisioningAction): string {
  switch (a.kind) {
    case 'create-list':
      return `create list "${a.displayName}" with ${LISTS[a.list].columns.length} columns`;
    case 'add-column':
      return `add column ${a.column} to "${LISTS[a.list].displayName}"`;
    case 'index-column':
      return `index column ${a.column} of "${LISTS[a.list].displayName}"`;
    case 'enforce-unique':
      return `make column ${a.column} of "${LISTS[a.list].displayName}" enforce unique values`;
    case 'allow-duplicates':
      return `let column ${a.column} of "${LISTS[a.list].displayName}" repeat values${a.column === 'Ref' ? ` (a ref is unique within its plan now, through ${PLAN_REF})` : ''}`;
    case 'fill-plan-refs':
      return `fill in ${PLAN_REF} on the "${LISTS[a.list].displayName}" items written before plans`;
  }
}
