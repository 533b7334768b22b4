import type Database from 'better-sqlite3';

/**
 * Settings for a SQLite file that several processes open at once (server instances, `npm run
 * remind`): WAL so readers never wait for the writer, and a busy timeout so writers queue.
 *
 * Switching a new file to WAL needs it to itself for a moment, and SQLite answers SQLITE_BUSY to
 * a second process switching at the same instant without waiting for the busy timeout: retried
 * here for up to five seconds (once the file is in WAL mode the switch is a no-op).
 */
export function shareFile(db: Database.Database, waitMs = 5000): void {
  db.pragma(`busy_timeout = ${waitMs}`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.random() * 20); // opening is synchronous
    }
  }
}

function isBusy(err: unknown): boolean {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_BUSY');
}
