import { batchError, type GraphApi } from './graph/graph-api';
import { LIST_KEYS, LISTS, type ListKey } from './list-schema';

/** What a site lacks for this release, as `"List": Column, …` lines. */
export interface SchemaGaps {
  /** Columns a release added that the site does not have yet. */
  missing: string[];
  /** Columns still unique that this release writes one value to more than once (Ref: one per plan). */
  stillUnique: string[];
}

/**
 * One $batch of GET …/columns (https://learn.microsoft.com/graph/api/list-list-columns). Writing a
 * field the list lacks fails every save of that list, and a Ref still unique would refuse a second
 * plan's task 1.1, so the store refuses to start instead, naming what `npm run provision` will fix.
 */
export async function schemaGaps(api: GraphApi, paths: Record<ListKey, string>, names: Record<ListKey, string>): Promise<SchemaGaps> {
  const responses = await api.batch(LIST_KEYS.map((key) => ({ id: key, method: 'GET' as const, url: `${paths[key]}/columns?$select=name,enforceUniqueValues` })));
  const gaps: SchemaGaps = { missing: [], stillUnique: [] };
  for (const key of LIST_KEYS) {
    const response = responses.get(key);
    if (!response || response.status >= 300) throw response ? batchError(response, `${paths[key]}/columns`) : new Error(`Microsoft Graph did not answer for the columns of "${names[key]}"`);
    const have = new Map(((response.body as { value?: { name?: unknown; enforceUniqueValues?: unknown }[] })?.value ?? []).map((c) => [c.name, c.enforceUniqueValues === true]));
    const lacking = LISTS[key].columns.filter((c) => !have.has(c.name)).map((c) => c.name);
    if (lacking.length) gaps.missing.push(`"${names[key]}": ${lacking.join(', ')}`);
    const unique = LISTS[key].columns.filter((c) => !c.unique && have.get(c.name) === true).map((c) => c.name);
    if (unique.length) gaps.stillUnique.push(`"${names[key]}": ${unique.join(', ')}`);
  }
  return gaps;
}
