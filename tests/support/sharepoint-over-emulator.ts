import type { PlanStore } from '../../core/ports/plan-store';
import { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { applyProvisioning, planProvisioning } from '../../core/store/sharepoint/provisioning';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './graph-emulator';

export interface EmulatedSharePoint {
  emulator: GraphEmulator;
  api: GraphApi;
  store: SharePointPlanStore;
}

/** A provisioned site on a fresh Graph emulator and a SharePoint store connected to it. */
export async function openEmulatedSharePoint(options: GraphEmulatorOptions & { refreshIntervalMs?: number } = {}): Promise<EmulatedSharePoint> {
  const emulator = await startGraphEmulator(options);
  const api = new GraphApi({
    baseUrl: emulator.baseUrl,
    tokens: { getToken: async () => 'emulator-token' },
    retry: { maxRetries: 5, baseDelayMs: 20, maxDelayMs: 5000 },
  });
  await applyProvisioning(api, await planProvisioning(api, emulator.siteId));
  const store = await SharePointPlanStore.connect(api, { siteId: emulator.siteId, refreshIntervalMs: options.refreshIntervalMs });
  return { emulator, api, store };
}

/** For the contract suite: closing the store also stops its emulator. */
export async function sharePointStoreForContract(): Promise<PlanStore> {
  const { emulator, store } = await openEmulatedSharePoint();
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await emulator.close();
  };
  return store;
}
