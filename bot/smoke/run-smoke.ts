import { randomUUID } from 'node:crypto';
import type { Person } from '../../core/model';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import { classifyWriteFailure } from '../../core/store/sharepoint/graph/graph-error';
import type { AppConfig } from '../config';
import { createAppContext } from '../app-context';
import { createGraphApi } from '../plan-store-factory';
import { GraphProbes, SMOKE_PERSON } from './graph-probes';
import { formatTable, runProbes, type Probe, type ProbeRow } from './probe';
import { TeamsProbes } from './teams-probes';

export interface SmokeOptions {
  /** Runs the list-creation probe (needs the provisioning grant). */
  provisioning?: boolean;
  /** Someone to install the app for, open a chat with and send a card to (`--user`). */
  user?: Person;
  /** Where progress and the table go (console.log in the CLI). */
  print(line: string): void;
  log: Logger;
  now?: () => Date;
}

/**
 * Every probe of `npm run smoke:tenant`, then the table. Scratch items are deleted at the end,
 * whatever failed. Returns the rows; the CLI exits 1 when any is a FAIL.
 */
export async function runSmoke(config: AppConfig, options: SmokeOptions): Promise<ProbeRow[]> {
  const sp = config.sharepoint;
  if (!sp) throw new Error('smoke:tenant needs STORE=sharepoint and SHAREPOINT_SITE_ID');
  const now = options.now ?? (() => new Date());
  const stamp = now().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
  const api = createGraphApi(sp.graphBaseUrl, sp.auth, options.log);
  const graph = new GraphProbes({ api, siteId: sp.siteId, listNames: sp.listNames, stamp, provisioning: options.provisioning, classify: classifyWriteFailure });
  const ctx = await createAppContext(config, { log: options.log });
  const teams = new TeamsProbes(ctx, options.user);
  const probes: Probe[] = [...graph.probes(), storeRoundTrip(ctx.store, stamp), ...teams.probes()];
  try {
    const rows = await runProbes(probes, (row) => options.print(`  ${row.result.padEnd(7)} ${row.assumption}`));
    options.print('');
    options.print(formatTable(rows));
    return rows;
  } finally {
    await ctx.close();
    const left = await graph.cleanup();
    if (left.length) options.print(`Could not delete scratch items (delete them by hand): ${left.join(', ')}`);
  }
}

/** The app's own path end to end: create a task, record an update, read it back, withdraw it. */
function storeRoundTrip(store: PlanStore, stamp: string): Probe {
  return {
    assumption: "The app's store: create a task, record an update, read back",
    run: async () => {
      const ref = `SMOKE-${stamp}-store`;
      const me = SMOKE_PERSON;
      const task = await store.createTask({ ref, title: 'smoke:tenant task (safe to delete)', objectiveRef: 'SMOKE', kind: 'Priority', owners: [me], groupsImpacted: [], rag: 'Not started', status: 'Open' });
      const { task: updated } = await store.recordUpdate({
        update: { taskId: task.id, taskRef: ref, submittedBy: me, submittedAt: new Date().toISOString(), progress: 'smoke:tenant update', idempotencyKey: randomUUID() },
        task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'smoke:tenant update', rag: 'Green' } },
      });
      const again = await store.getTaskByRef(ref);
      await store.updateTask(updated.id, updated.version, { status: 'Withdrawn' });
      return { observed: `task ${ref} (item ${task.id}) left as Withdrawn; version ${task.version} -> ${updated.version}`, pass: again?.latestUpdate === 'smoke:tenant update' };
    },
  };
}
