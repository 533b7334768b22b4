import type { Column } from './column-definition';
import type { StoredValue } from './field-writes';
import type { ItemState, ListState, Tombstone } from './list-state';
import type { SiteStore } from './site-store';

/**
 * The emulated site's lists, columns and items (and the User Information List's people) as JSON,
 * and back: so a test can start from a site an older release wrote (tests/fixtures/stores/). Ids,
 * item GUIDs and versions are kept, so ETags read back as they were; delta tokens are not (a
 * client connecting to the loaded site starts from a full read, as after a 410).
 */

export const SITE_DUMP_FORMAT = 'graph-emulator-site/1';

export interface ItemDump {
  id: number;
  uniqueId: string;
  version: number;
  created: string;
  modified: string;
  seq: number;
  values: Record<string, StoredValue>;
  changedAt: Record<string, number>;
}

export interface ListDump {
  id: string;
  displayName: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  seq: number;
  nextItemId: number;
  columns: Column[];
  items: ItemDump[];
  tombstones: Tombstone[];
}

export interface SiteDump {
  format: typeof SITE_DUMP_FORMAT;
  lists: ListDump[];
  users: { nextItemId: number; items: ItemDump[] };
}

function dumpItem(item: ItemState): ItemDump {
  const { values, changedAt, ...rest } = item;
  return { ...rest, values: Object.fromEntries(values), changedAt: Object.fromEntries(changedAt) };
}

function restoreItems(list: ListState, items: ItemDump[], nextItemId: number): void {
  list.items.clear();
  for (const { values, changedAt, ...rest } of items) {
    list.items.set(rest.id, { ...rest, values: new Map(Object.entries(values)), changedAt: new Map(Object.entries(changedAt)) });
  }
  list.nextItemId = nextItemId;
  list.reindexAll();
}

export function dumpSite(store: SiteStore): SiteDump {
  return {
    format: SITE_DUMP_FORMAT,
    lists: store.visibleLists().map((l) => ({
      id: l.id,
      displayName: l.displayName,
      description: l.description,
      template: l.template,
      created: l.created,
      modified: l.modified,
      seq: l.seq,
      nextItemId: l.nextItemId,
      columns: structuredClone(l.columns),
      items: [...l.items.values()].map(dumpItem),
      tombstones: [...l.tombstones],
    })),
    users: { nextItemId: store.users.list.nextItemId, items: [...store.users.list.items.values()].map(dumpItem) },
  };
}

/** Replaces the site's lists and people with a dump's. */
export function loadSite(store: SiteStore, dump: SiteDump): void {
  if (dump.format !== SITE_DUMP_FORMAT) throw new Error(`not an emulator site dump (${String(dump.format)})`);
  const lists = dump.lists.map((d) => {
    const list = store.newList({ id: d.id, displayName: d.displayName, description: d.description, template: d.template });
    Object.assign(list, { created: d.created, modified: d.modified, seq: d.seq, columns: structuredClone(d.columns) });
    list.tombstones.push(...d.tombstones);
    restoreItems(list, d.items, d.nextItemId);
    return list;
  });
  store.replaceLists(lists);
  restoreItems(store.users.list, dump.users.items, dump.users.nextItemId);
}
