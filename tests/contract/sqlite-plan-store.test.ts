import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../core/store/sqlite/migrate';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { taskInput } from '../support/builders';
import { planStoreContract } from './plan-store.contract';
import { plansContract } from './plans.contract';

planStoreContract('SQLite (in memory)', async () => SqlitePlanStore.open(':memory:'));

describe('SqlitePlanStore specifics', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps data in DATA_DIR across reopen and does not re-run migrations', async () => {
    const a = SqlitePlanStore.open(dir);
    await a.createTask(taskInput());
    await a.close();
    const b = SqlitePlanStore.open(dir);
    assert.equal((await b.listTasks()).length, 1);
    await b.close();
    const db = new Database(path.join(dir, 'edi-plan.sqlite'));
    assert.deepEqual(migrate(db), []);
    db.close();
  });

  it('sees writes from a second connection to the same file (CLI and server share it)', async () => {
    const server = SqlitePlanStore.open(dir);
    const cli = SqlitePlanStore.open(dir);
    const t = await server.createTask(taskInput());
    const stamp = await server.changeStamp();
    assert.equal(await cli.tryAddReminder({ key: 'k', taskId: t.id, recipient: t.owners[0]!, trigger: 'due', sentAt: '2026-11-20T09:00:00Z', outcome: 'pending' }), true);
    assert.notEqual(await server.changeStamp(), stamp, "the other connection's write moves this one's change stamp");
    assert.equal(await server.tryAddReminder({ key: 'k', taskId: t.id, recipient: t.owners[0]!, trigger: 'due', sentAt: '2026-11-20T09:00:00Z', outcome: 'pending' }), false);
    await server.close();
    await cli.close();
  });

  it('refuses a database newer than the app', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (99, 'future', 'now')").run();
    assert.throws(() => migrate(db, loadMigrations()), /newer than this app/);
    db.close();
  });

  it('numbers its migrations from 0001 without gaps', () => {
    const ids = loadMigrations().map((m) => m.id);
    assert.deepEqual(ids, ids.map((_, i) => i + 1));
  });
});

plansContract('SQLite (in memory)', async () => SqlitePlanStore.open(':memory:'));
