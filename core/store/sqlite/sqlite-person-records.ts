import type Database from 'better-sqlite3';
import { NotFoundError } from '../../errors';
import type { ConversationRecord, ConversationRecordInput, IsoInstant, ReminderLogEntry, ReminderLogInput, ReminderOutcome } from '../../model';
import { toDomain, toPersistence, type Row } from './sqlite-rows';

/** The reminder log and the bot's conversations: per person, shared by every plan in the file. */
export class SqlitePersonRecords {
  constructor(private readonly db: Database.Database) {}

  private writeTransaction<T>(fn: () => T): () => T {
    return this.db.transaction(fn).immediate;
  }

  tryAddReminder(entry: ReminderLogInput): boolean {
    const info = this.db
      .prepare('INSERT INTO reminder_log (version, key, task_id, data) VALUES (1, ?, ?, ?) ON CONFLICT (key) DO NOTHING')
      .run(entry.key, entry.taskId, toPersistence(entry));
    return info.changes === 1;
  }

  setReminderOutcome(key: string, outcome: ReminderOutcome, detail?: string): void {
    this.writeTransaction(() => {
      const row = this.db.prepare('SELECT id, version, data FROM reminder_log WHERE key = ?').get(key) as Row | undefined;
      if (!row) throw new NotFoundError('Reminder', key);
      const next: ReminderLogInput = { ...toDomain<ReminderLogInput>(row), outcome, detail };
      this.db.prepare('UPDATE reminder_log SET version = version + 1, data = ? WHERE id = ?').run(toPersistence(next), row.id);
    })();
  }

  reclaimReminder(key: string, expectedVersion: string, at?: IsoInstant): boolean {
    return this.writeTransaction(() => {
      const row = this.db.prepare('SELECT id, version, data FROM reminder_log WHERE key = ?').get(key) as Row | undefined;
      if (!row || String(row.version) !== expectedVersion) return false;
      const previous = toDomain<ReminderLogInput>(row);
      const next: ReminderLogInput = { ...previous, outcome: 'pending', detail: undefined, sentAt: at ?? previous.sentAt };
      this.db.prepare('UPDATE reminder_log SET version = version + 1, data = ? WHERE id = ?').run(toPersistence(next), row.id);
      return true;
    })();
  }

  listReminders(taskId?: string): ReminderLogEntry[] {
    const rows = (
      taskId === undefined
        ? this.db.prepare('SELECT id, version, data FROM reminder_log ORDER BY id').all()
        : this.db.prepare('SELECT id, version, data FROM reminder_log WHERE task_id = ? ORDER BY id').all(taskId)
    ) as Row[];
    return rows.map((r) => toDomain(r));
  }

  saveConversation(input: ConversationRecordInput): ConversationRecord {
    const row = this.db
      .prepare(
        `INSERT INTO conversations (version, aad_object_id, data) VALUES (1, ?, ?)
         ON CONFLICT (aad_object_id) DO UPDATE SET version = version + 1, data = excluded.data
         RETURNING id, version, data`,
      )
      .get(input.aadObjectId, toPersistence(input)) as Row;
    return toDomain(row);
  }

  getConversation(aadObjectId: string): ConversationRecord | undefined {
    const row = this.db.prepare('SELECT id, version, data FROM conversations WHERE aad_object_id = ?').get(aadObjectId) as Row | undefined;
    return row ? toDomain(row) : undefined;
  }

  deleteConversation(aadObjectId: string): boolean {
    return this.db.prepare('DELETE FROM conversations WHERE aad_object_id = ?').run(aadObjectId).changes > 0;
  }

  listConversations(): ConversationRecord[] {
    return (this.db.prepare('SELECT id, version, data FROM conversations ORDER BY id').all() as Row[]).map((r) => toDomain(r));
  }
}
