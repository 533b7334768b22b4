import { z } from 'zod';
import type { GraphApi } from './graph/graph-api';
import { LIST_KEYS, LISTS, type ColumnDef, type ColumnType, type ListKey } from './list-schema';

/** What `npm run provision` would do, or did, to one site: idempotent by construction. */
export interface ProvisioningPlan {
  siteId: string;
  actions: ProvisioningAction[];
  /** Differences we will not fix silently (e.g. a column of the wrong type). */
  problems: string[];
}

export type ProvisioningAction =
  | { kind: 'create-list'; list: ListKey; displayName: string; body: unknown }
  | { kind: 'add-column'; list: ListKey; listId: string; column: string; body: unknown }
  | { kind: 'index-column'; list: ListKey; listId: string; column: string; columnId: string };

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

/** Reads the site and works out what is missing. Never alters a column that exists with another type. */
export async function planProvisioning(api: GraphApi, siteId: string, listNames: Partial<Record<ListKey, string>> = {}): Promise<ProvisioningPlan> {
  const site = `/sites/${siteId}`;
  const { value: lists } = await api.get<{ value: { id: string; displayName: string }[] }>(`${site}/lists?$select=id,displayName`);
  const plan: ProvisioningPlan = { siteId, actions: [], problems: [] };
  for (const key of LIST_KEYS) {
    const def = LISTS[key];
    const displayName = listNames[key] ?? def.displayName;
    const existing = lists.find((l) => l.displayName === displayName);
    if (!existing) {
      plan.actions.push({
        kind: 'create-list',
        list: key,
        displayName,
        body: { displayName, description: def.description, columns: def.columns.map(columnDefinition), list: { template: 'genericList' } },
      });
      continue;
    }
    const { value } = await api.get<{ value: unknown[] }>(`${site}/lists/${existing.id}/columns`);
    const columns = z.array(existingColumn).parse(value);
    for (const wanted of def.columns) {
      const found = columns.find((c) => c.name === wanted.name);
      if (!found) {
        plan.actions.push({ kind: 'add-column', list: key, listId: existing.id, column: wanted.name, body: columnDefinition(wanted) });
        continue;
      }
      const actual = typeOf(found);
      if (actual !== wanted.type) {
        plan.problems.push(`"${displayName}" column ${wanted.name} is ${actual}, expected ${wanted.type}: change or remove it by hand (not altered automatically)`);
        continue;
      }
      if (wanted.unique && !found.enforceUniqueValues) {
        plan.problems.push(`"${displayName}" column ${wanted.name} must enforce unique values: turn that on in the list settings`);
      }
      if ((wanted.indexed || wanted.unique) && !found.indexed) {
        plan.actions.push({ kind: 'index-column', list: key, listId: existing.id, column: wanted.name, columnId: found.id });
      }
    }
  }
  return plan;
}

export async function applyProvisioning(api: GraphApi, plan: ProvisioningPlan, onProgress?: (done: number, total: number, action: ProvisioningAction) => void): Promise<void> {
  const site = `/sites/${plan.siteId}`;
  for (const [i, action] of plan.actions.entries()) {
    if (action.kind === 'create-list') await api.post(`${site}/lists`, action.body);
    if (action.kind === 'add-column') await api.post(`${site}/lists/${action.listId}/columns`, action.body);
    if (action.kind === 'index-column') await api.patch(`${site}/lists/${action.listId}/columns/${action.columnId}`, { indexed: true });
    onProgress?.(i + 1, plan.actions.length, action);
  }
}

export function describeAction(a: ProvisioningAction): string {
  switch (a.kind) {
    case 'create-list':
      return `create list "${a.displayName}" with ${LISTS[a.list].columns.length} columns`;
    case 'add-column':
      return `add column ${a.column} to "${LISTS[a.list].displayName}"`;
    case 'index-column':
      return `index column ${a.column} of "${LISTS[a.list].displayName}"`;
  }
}
