import type { PlanStore } from '../../core/ports/plan-store';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import type { RetryPolicy } from '../../core/store/sharepoint/graph/retry-policy';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './graph-emulator';

export interface EmulatedSharePoint {
  emulator: GraphEmulator;
  api: GraphApi;
  store: SharePointPlanStore;
}

/** Retries fast enough for tests, still honouring Retry-After. */
export const FAST_RETRY: RetryPolicy = { maxRetries: 5, baseDelayMs: 20, maxDelayMs: 5000 };

/** A GraphApi pointed at the emulator (a fixed bearer token: the emulator only checks one is present). */
export function emulatorApi(emulator: GraphEmulator, retry: RetryPolicy = FAST_RETRY, onRetry?: (status: number, delayMs: number) => void): GraphApi {
  return new GraphApi({ baseUrl: emulator.baseUrl, tokens: { getToken: async () => 'emulator-token' }, retry, onRetry });
}

/**
 * A provisioned site on a fresh Graph emulator and a SharePoint store connected to it; `seed` runs
 * before the store connects (so its first read loads what it seeds).
 */
export async function openEmulatedSharePoint(
  options: GraphEmulatorOptions & { refreshIntervalMs?: number; seed?: (emulator: GraphEmulator) => void } = {},
): Promise<EmulatedSharePoint> {
  const emulator = await startGraphEmulator(options);
  const api = emulatorApi(emulator);
  await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
  options.seed?.(emulator);
  const store = await SharePointPlanStore.connect(api, { siteId: emulator.siteId, refreshIntervalMs: options.refreshIntervalMs });
  return { emulator, api, store };
}

/** For the contract suite: closing the store also stops its emulator. */
export async function sharePointStoreForContract(variants: GraphEmulatorOptions['variants'] = {}): Promise<PlanStore> {
  const { emulator, store } = await openEmulatedSharePoint({ variants });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await emulator.close();
  };
  return store;
}
