import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

// The built server (bot/build.ts) is bundled flat into dist/ with migrations/ copied beside it, so
// this holds there too.
const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Numbered `NNNN-name.sql` files, in order. A gap or duplicate number is a packaging error. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      id: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`SQLite migrations must be numbered 0001, 0002, …; found ${m.id} at position ${i + 1}`);
  });
  return migrations;
}

/**
 * Applies pending migrations, each in its own transaction; returns the ids applied. Two processes
 * may open a new file at once (two server instances, or the server and `npm run remind`): each
 * migration takes the write lock first (BEGIN IMMEDIATE waits for the other process) and checks
 * inside it whether the other process has applied it meanwhile.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const appliedIds = () => new Set(db.prepare('SELECT id FROM schema_migrations').all().map((r) => (r as { id: number }).id));
  const newest = Math.max(0, ...appliedIds());
  if (newest > migrations.length) {
    throw new Error(`The database is at schema version ${newest}, newer than this app (${migrations.length}). Upgrade the app.`);
  }
  const done: number[] = [];
  for (const m of migrations) {
    const applied = db
      .transaction(() => {
        if (appliedIds().has(m.id)) return false;
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
        return true;
      })
      .immediate();
    if (applied) done.push(m.id);
  }
  return done;
}
