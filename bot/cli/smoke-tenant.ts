/**
 * `npm run smoke:tenant`: a round trip against a real SharePoint site through Graph, when the
 * settings for one are present (STORE=sharepoint, SHAREPOINT_SITE_ID, Graph credentials). Creates
 * a SMOKE-… task, records an update against it, reads both back, then withdraws the task. Says
 * plainly when it did not run.
 */
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../core/ports/clock';
import { silentLogger } from '../../core/ports/logger';
import { ConfigError, loadConfig } from '../config';
import { openPlanStore } from '../plan-store-factory';

async function main(): Promise<number> {
  if (process.env.STORE !== 'sharepoint' || !process.env.SHAREPOINT_SITE_ID) {
    console.log('smoke:tenant DID NOT RUN: set STORE=sharepoint, SHAREPOINT_SITE_ID and Graph credentials (see infra/sharepoint-access.md).');
    return 0;
  }
  const config = loadConfig();
  const store = await openPlanStore(config, silentLogger);
  const ref = `SMOKE-${systemClock.now().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  const me = { aadObjectId: 'smoke-test', displayName: 'Smoke test', email: 'smoke-test@invalid.example' };
  try {
    const task = await store.createTask({ ref, title: 'Smoke test task (safe to delete)', objectiveRef: 'SMOKE', kind: 'Priority', owners: [me], groupsImpacted: [], rag: 'Not started', status: 'Open' });
    console.log(`  created task ${ref} (item ${task.id})`);
    const { task: updated, update } = await store.recordUpdate({
      update: { taskId: task.id, taskRef: ref, submittedBy: me, submittedAt: systemClock.now().toISOString(), progress: 'Smoke test update', idempotencyKey: randomUUID() },
      task: { id: task.id, expectedVersion: task.version, patch: { latestUpdate: 'Smoke test update', rag: 'Green' } },
    });
    console.log(`  recorded update ${update.id}; task version ${task.version} -> ${updated.version}`);
    const again = await store.getTaskByRef(ref);
    if (again?.latestUpdate !== 'Smoke test update') throw new Error('the update did not read back');
    await store.updateTask(updated.id, updated.version, { status: 'Withdrawn' });
    console.log(`smoke:tenant PASSED against site ${config.sharepoint?.siteId}. Task ${ref} is left as Withdrawn; delete it in the list if you like.`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`smoke:tenant FAILED: ${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
