import type { GraphApi } from './graph/graph-api';
import { LIST_KEYS, LISTS, type ListKey } from './list-schema';

/** The product's lists in one site: each list's display name (configurable) and its id when the site has it. */
export interface SiteLists {
  names: Record<ListKey, string>;
  ids: Partial<Record<ListKey, string>>;
}

/**
 * Finds the product's lists by display name (https://learn.microsoft.com/graph/api/list-list): what
 * the store connects to, what provisioning creates when missing, what smoke:tenant probes.
 */
export async function findSiteLists(api: GraphApi, siteId: string, listNames: Partial<Record<ListKey, string>> = {}): Promise<SiteLists> {
  const { value } = await api.get<{ value: { id: string; displayName: string }[] }>(`/sites/${siteId}/lists?$select=id,displayName`);
  const names = {} as Record<ListKey, string>;
  const ids: SiteLists['ids'] = {};
  for (const key of LIST_KEYS) {
    names[key] = listNames[key] ?? LISTS[key].displayName;
    const id = value.find((l) => l.displayName === names[key])?.id;
    if (id) ids[key] = id;
  }
  return { names, ids };
}
