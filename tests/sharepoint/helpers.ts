import type { Person } from '../../core/model';
import assert from 'node:assert/strict';
import type { GraphApi } from '../../core/store/sharepoint/graph/graph-api';
import { SharePointPlanStore } from '../../core/store/sharepoint/sharepoint-plan-store';
import type { EmulatorVariants, GraphEmulator } from '../support/graph-emulator';
import { type EmulatedSharePoint, emulatorApi, openEmulatedSharePoint } from '../support/sharepoint-over-emulator';

/**
 * Small helpers for the SharePoint adapter tests: a GraphApi pointed at the emulator (a fixed bearer
 * token; the emulator only checks one is present), a second app instance on the same site, and
 * Plan Tasks rows valid for both the emulator (list-schema.ts: required Ref, ObjectiveRef, Rag,
 * Status) and the adapter's reader (field-mapping.ts taskFromFields: Title too).
 */

export { emulatorApi as apiFor, FAST_RETRY } from '../support/sharepoint-over-emulator';

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

/** Another app instance: its own GraphApi, its own read model, the same site. */
export async function connectAnotherInstance(emulator: GraphEmulator): Promise<SharePointPlanStore> {
  return SharePointPlanStore.connect(emulatorApi(emulator), { siteId: emulator.siteId });
}

/**
 * Emulated sites for one describe block, each opened with the emulator variants a test names, and
 * further app instances on them; everything is closed after each test.
 */
export function emulatedSites() {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });
  return {
    async open(variants: Partial<EmulatorVariants> = {}, pageSize?: number, seed?: (e: GraphEmulator) => void): Promise<EmulatedSharePoint> {
      const site = await openEmulatedSharePoint({ variants, pageSize, seed });
      cleanup.push(() => site.emulator.close(), () => site.store.close());
      return site;
    },
    async another(emulator: GraphEmulator): Promise<SharePointPlanStore> {
      const store = await connectAnotherInstance(emulator);
      cleanup.push(() => store.close());
      return store;
    },
  };
}

export async function listIdOf(api: GraphApi, siteId: string, displayName: string): Promise<string> {
  const { value } = await api.get<{ value: { id: string; displayName: string }[] }>(`/sites/${siteId}/lists?$select=id,displayName`);
  const list = value.find((l) => l.displayName === displayName);
  if (!list) throw new Error(`no list "${displayName}" in the emulated site`);
  return list.id;
}

export function person(n: number): Person {
  return { aadObjectId: `aad-owner-${n}`, displayName: `Owner ${n}`, email: `owner${n}@council.example.gov.uk` };
}

/** The fields of a Plan Tasks item as the adapter writes them (taskToFields), for seedListItems. */
export function taskRow(ref: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Title: `Task ${ref}`,
    Ref: ref,
    ObjectiveRef: '1',
    Kind: 'Priority',
    OwnersJson: JSON.stringify([person(1)]),
    GroupsImpacted: JSON.stringify(['Age']),
    DueDate: '2026-12-01T12:00:00Z',
    Rag: 'Green',
    Status: 'Open',
    ...extra,
  };
}

