import type Database from 'better-sqlite3';
import type { PlanChange, PlanChangeInput, TaskComment, TaskCommentInput } from '../../model';
import type { ChangeQuery } from '../../ports/plan-store';
import { toDomain, toPersistence, unique, type Row } from './sqlite-rows';

/** The Plan Changes and Task Comments tables: appended to, never rewritten. */
export class SqliteHistory {
  constructor(private readonly db: Database.Database) {}

  insertChange(input: PlanChangeInput): PlanChange {
    const insert = () =>
      this.db.prepare('INSERT INTO plan_changes (version, key, subject, subject_id, changed_at, data) VALUES (1, ?, ?, ?, ?, ?)').run(input.key, input.subject, input.subjectId, input.changedAt, toPersistence(input)).lastInsertRowid;
    return { ...input, id: String(unique('Plan change', input.key, insert)), version: '1' };
  }

  listChanges(query: ChangeQuery = {}): PlanChange[] {
    const where: string[] = [];
    const args: string[] = [];
    if (query.subject !== undefined) (where.push('subject = ?'), args.push(query.subject));
    if (query.subjectId !== undefined) (where.push('subject_id = ?'), args.push(query.subjectId));
    const sql = `SELECT id, version, data FROM plan_changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY changed_at, id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => toDomain<PlanChangeInput>(r));
  }

  addComment(input: TaskCommentInput): TaskComment {
    const insert = () => this.db.prepare('INSERT INTO task_comments (version, key, task_id, posted_at, data) VALUES (1, ?, ?, ?, ?)').run(input.key, input.taskId, input.postedAt, toPersistence(input)).lastInsertRowid;
    return { ...input, id: String(unique('Comment', input.key, insert)), version: '1' };
  }

  listComments(taskId?: string): TaskComment[] {
    const rows = (
      taskId === undefined
        ? this.db.prepare('SELECT id, version, data FROM task_comments ORDER BY posted_at, id').all()
        : this.db.prepare('SELECT id, version, data FROM task_comments WHERE task_id = ? ORDER BY posted_at, id').all(taskId)
    ) as Row[];
    return rows.map((r) => toDomain<TaskCommentInput>(r));
  }
}
