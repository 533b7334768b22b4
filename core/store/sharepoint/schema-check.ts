import { batchError, type GraphApi } from './graph/graph-api';
import { LIST_KEYS, LISTS, type ListKey } from './list-schema';

/**
 * The columns a release added that the site does not have yet, as `"List": Column, …` lines: one
 * $batch of GET …/columns (https://learn.microsoft.com/graph/api/list-list-columns). Writing a field
 * the list lacks fails every save of that list, so the store refuses to start instead, naming what
 * `npm run provision` will add.
 */
export async function missingColumns(api: GraphApi, paths: Record<ListKey, string>, names: Record<ListKey, string>): Promise<string[]> {
  const responses = await api.batch(LIST_KEYS.map((key) => ({ id: key, method: 'GET' as const, url: `${paths[key]}/columns?$select=name` })));
  const missing: string[] = [];
  for (const key of LIST_KEYS) {
    const response = responses.get(key);
    if (!response || response.status >= 300) throw response ? batchError(response, `${paths[key]}/columns`) : new Error(`Microsoft Graph did not answer for the columns of "${names[key]}"`);
    const have = new Set(((response.body as { value?: { name?: unknown }[] })?.value ?? []).map((c) => c.name));
    const lacking = LISTS[key].columns.filter((c) => !have.has(c.name)).map((c) => c.name);
    if (lacking.length) missing.push(`"${names[key]}": ${lacking.join(', ')}`);
  }
  return missing;
}
