import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../core/store/sqlite/migrate';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { alice, taskInput } from '../support/builders';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Another process (as a second server instance would be) takes the file's write lock, runs `sql`
 * inside it, holds it for `holdMs`, then commits. Resolves once the lock is held.
 */
async function anotherProcessWrites(file: string, sql: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    db.exec(process.argv[2]);
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[3]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, sql, String(holdMs)], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const committed = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr)))));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => c.toString().includes('locked') && resolve());
    committed.catch(reject);
  });
  return { committed };
}

describe('SQLite file shared by several processes', function () {
  this.timeout(20_000);
  let dir: string;
  const file = () => path.join(dir, 'edi-plan.sqlite');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-shared-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A deferred transaction reads first; once another process holds the write lock SQLite cannot
  // upgrade it and fails at once ("database is locked"), ignoring the busy timeout. A sweep then
  // recorded reminders it had delivered as failed.
  it('a read-then-write (recording a reminder outcome, a task patch) waits for the other writer instead of failing', async () => {
    const store = SqlitePlanStore.open(dir);
    const task = await store.createTask(taskInput());
    await store.tryAddReminder({ key: 'k1', taskId: task.id, recipient: alice, trigger: 'due-7', sentAt: '2026-11-20T09:00:00Z', outcome: 'pending' });

    const k2 = JSON.stringify({ key: 'k2', taskId: task.id, recipient: alice, trigger: 'due-7', sentAt: '2026-11-20T09:00:00Z', outcome: 'pending' });
    const other = await anotherProcessWrites(file(), `INSERT INTO reminder_log (version, key, task_id, data) VALUES (1, 'k2', '${task.id}', '${k2}')`, 300);
    await store.setReminderOutcome('k1', 'sent');
    const other2 = await anotherProcessWrites(file(), `UPDATE reminder_log SET version = version + 1 WHERE key = 'k2'`, 300);
    await store.updateTask(task.id, task.version, { rag: 'Amber' });
    await Promise.all([other.committed, other2.committed]);

    const log = await store.listReminders();
    assert.deepEqual(log.map((r) => [r.key, r.outcome, r.version]), [['k1', 'sent', '2'], ['k2', 'pending', '2']]);
    assert.equal((await store.getTask(task.id))?.rag, 'Amber');
    await store.close();
  });

  // Two instances started together on a new data folder: the second waits for the first's
  // migration and sees it applied, instead of creating the same tables again.
  it('opening a new file while another process is migrating it waits, then applies nothing twice', async () => {
    const [first] = loadMigrations();
    const other = await anotherProcessWrites(
      file(),
      `CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
       ${first!.sql};
       INSERT INTO schema_migrations (id, name, applied_at) VALUES (1, '${first!.name}', 'now');`,
      300,
    );
    const store = SqlitePlanStore.open(dir);
    await other.committed;
    await store.createTask(taskInput());
    await store.close();
    const db = new Database(file());
    assert.deepEqual(
      db.prepare('SELECT id FROM schema_migrations ORDER BY id').all().map((r) => (r as { id: number }).id),
      loadMigrations().map((m) => m.id),
    );
    db.close();
  });

  it('rounds parsed once are read again when another process changes them (closing a round, a new round)', async () => {
    const mine = SqlitePlanStore.open(dir);
    const theirs = SqlitePlanStore.open(dir);
    try {
      const opened = await theirs.createRound({ name: 'Board report March 2027', opensAt: '2027-03-01T09:00:00.000Z', dueDate: '2027-03-20', scope: { kind: 'all-open' }, state: 'Open' });
      assert.deepEqual((await mine.listRounds()).map((r) => r.state), ['Open']);
      await theirs.updateRound(opened.id, opened.version, { state: 'Closed', closedAt: '2027-03-21T09:00:00.000Z', snapshot: [{ taskId: '1', taskRef: '1.1', rag: 'Red' }] });
      const [closed] = await mine.listRounds();
      assert.equal(closed?.state, 'Closed');
      assert.deepEqual(closed?.snapshot, [{ taskId: '1', taskRef: '1.1', rag: 'Red' }]);
      assert.deepEqual(await mine.listRounds({ state: 'Open' }), []);
      await theirs.createRound({ name: 'Board report June 2027', opensAt: '2027-06-01T09:00:00.000Z', dueDate: '2027-06-20', scope: { kind: 'all-open' }, state: 'Open' });
      assert.deepEqual((await mine.listRounds()).map((r) => r.name), ['Board report March 2027', 'Board report June 2027']);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });
});
