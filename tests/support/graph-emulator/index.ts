import { EmulatorServer } from './emulator-server';
import { dumpSite, loadSite, type SiteDump } from './site-dump';
import { SiteStore } from './site-store';
import { DEFAULT_VARIANTS, type EmulatorVariants } from './variants';
import type { TimedOutWrite } from './write-timeouts';

export type { EmulatorVariants } from './variants';
export type { SiteDump } from './site-dump';
export { DEFAULT_VARIANTS } from './variants';

/**
 * A local Microsoft Graph emulator for one SharePoint site's lists, for tests. Lists and columns are
 * created through Graph calls, as in a real tenant; nothing about the product's lists is built in.
 * Each behaviour cites the Microsoft page it follows, in the module that implements it.
 */

export interface GraphEmulatorOptions {
  latencyMs?: number;
  /** Max items per page when `$top` is absent (default 200). */
  pageSize?: number;
  /** Behaviours the documentation leaves open (variants.ts); each defaults to what the docs show. */
  variants?: Partial<EmulatorVariants>;
}

export interface GraphEmulator {
  /** e.g. http://127.0.0.1:PORT/v1.0 (the adapter sets GRAPH_BASE_URL to this) */
  baseUrl: string;
  /** The site created at start, e.g. "contoso.sharepoint.com,<guid>,<guid>" */
  siteId: string;
  /** e.g. https://contoso.sharepoint.com/sites/edi */
  siteUrl: string;
  /** Every request, including each $batch sub-request (batched: true) and the $batch POST itself. */
  requests: { method: string; path: string; status: number; batched: boolean }[];
  /** SharePoint resource units consumed so far. */
  resourceUnits(): number;
  resetCounters(): void;
  /** The next n requests (each $batch sub-request counts) get 429/503 with Retry-After. */
  throttleNext(n: number, retryAfterSeconds: number, status?: 429 | 503): void;
  /** The variants this emulator runs with. */
  variants: Readonly<EmulatorVariants>;
  /** The next n writes of this kind are applied and then answered 504 (a `batch`: the whole $batch). */
  timeOutAfterWrite(n: number, kind?: TimedOutWrite): void;
  /** Every outstanding delta token now gets 410 Gone (resyncRequired). */
  expireDeltaTokens(): void;
  /** Adds a person to the site's User Information List; returns their lookup id. */
  addSiteUser(u: { email: string; displayName: string; aadObjectId: string }): number;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const stores = new WeakMap<GraphEmulator, SiteStore>();

export async function startGraphEmulator(options: GraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const pageSize = options.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('pageSize must be a positive whole number');
  const variants: EmulatorVariants = { ...DEFAULT_VARIANTS, ...options.variants };
  const store = new SiteStore(variants);
  const server = new EmulatorServer(store, options.latencyMs ?? 0, pageSize);
  server.timeouts.next(variants.gatewayTimeoutAfterWrite, 'create');
  server.timeouts.next(variants.gatewayTimeoutAfterUpdate, 'update');
  await server.listen();
  const emulator: GraphEmulator = {
    baseUrl: server.baseUrl,
    siteId: store.site.id,
    siteUrl: store.site.webUrl,
    requests: server.requests,
    resourceUnits: () => server.resourceUnits,
    resetCounters: () => server.resetCounters(),
    throttleNext: (n, retryAfterSeconds, status) => server.throttle.next(n, retryAfterSeconds, status),
    variants,
    timeOutAfterWrite: (n, kind = 'create') => server.timeouts.next(n, kind),
    expireDeltaTokens: () => {
      store.deltaGeneration += 1;
    },
    addSiteUser: (u) => store.addSiteUser(u),
    setLatency: (ms) => server.setLatency(ms),
    close: () => server.close(),
  };
  stores.set(emulator, store);
  return emulator;
}

/**
 * Test hook: creates items directly in a list (by id or display name), with the same validation as
 * `POST …/items` but no HTTP, no request log and no resource units. For seeding large lists fast.
 * Returns the new item ids.
 */
export function seedListItems(emulator: GraphEmulator, list: string, items: Record<string, unknown>[]): string[] {
  const store = stores.get(emulator);
  if (!store) throw new Error('seedListItems: not an emulator started by startGraphEmulator');
  const target = store.findList(list);
  return items.map((fields) => String(target.createItem(fields).id));
}

function storeOf(emulator: GraphEmulator, hook: string): SiteStore {
  const store = stores.get(emulator);
  if (!store) throw new Error(`${hook}: not an emulator started by startGraphEmulator`);
  return store;
}

/** Test hook: the site's lists, columns, items and people as JSON (site-dump.ts). */
export function dumpEmulatedSite(emulator: GraphEmulator): SiteDump {
  return dumpSite(storeOf(emulator, 'dumpEmulatedSite'));
}

/** Test hook: replaces the site's lists and people with a dump's; no HTTP, no request log. */
export function loadEmulatedSite(emulator: GraphEmulator, dump: SiteDump): void {
  loadSite(storeOf(emulator, 'loadEmulatedSite'), dump);
}
