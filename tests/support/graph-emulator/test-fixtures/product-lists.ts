import { type ColumnDef, LISTS, type ListDef, type ListKey } from '../../../../core/store/sharepoint/list-schema';
import type { GraphTestClient } from './graph-test-client';

/**
 * Realistic input for the emulator's own tests: the product's lists (core/store/sharepoint/list-schema.ts)
 * turned into Graph `columnDefinition`s and created with `POST /sites/{id}/lists`, as provisioning
 * would. The emulator itself never imports the product schema.
 */

export function columnDefinition(c: ColumnDef): Record<string, unknown> {
  const common = { name: c.name, required: c.required === true, indexed: c.indexed === true || c.unique === true, enforceUniqueValues: c.unique === true };
  switch (c.type) {
    case 'text':
      return { ...common, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...common, text: { allowMultipleLines: true } };
    case 'number':
      return { ...common, number: {} };
    case 'dateTime':
      return { ...common, dateTime: { format: c.dateOnly ? 'dateOnly' : 'dateTime' } };
    case 'boolean':
      return { ...common, boolean: {} };
    case 'choice':
      return { ...common, choice: { choices: [...(c.choices ?? [])] } };
    case 'person':
      return { ...common, personOrGroup: { allowMultipleSelection: c.multi === true, chooseFromType: 'peopleOnly' } };
  }
}

export function listBody(def: ListDef): Record<string, unknown> {
  return { displayName: def.displayName, description: def.description, columns: def.columns.map(columnDefinition), list: { template: 'genericList' } };
}

/** Creates every product list; returns list ids by key. */
export async function provisionProductLists(client: GraphTestClient, siteId: string): Promise<Record<ListKey, string>> {
  const ids = {} as Record<ListKey, string>;
  for (const def of Object.values(LISTS)) {
    const res = await client.post(`/sites/${siteId}/lists`, listBody(def));
    if (res.status !== 201) throw new Error(`creating ${def.displayName}: ${res.status} ${JSON.stringify(res.body)}`);
    ids[def.key] = res.body.id as string;
  }
  return ids;
}

/** The required fields of a Plan Tasks item, and its unique PlanRef (plan 1) as the store writes it; overridable. */
export function taskFields(ref: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Title: `Task ${ref}`, Ref: ref, PlanRef: `1:${ref}`, ObjectiveRef: '1', Rag: 'Green', Status: 'Open', ...extra };
}
