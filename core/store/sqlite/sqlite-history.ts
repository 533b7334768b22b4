import type Database from 'better-sqlite3';
import type { PlanChange, PlanChangeInput, TaskComment, TaskCommentInput } from '../../model';
import type { ChangeQuery } from '../../ports/plan-store';
import { toDomain, toPersistence, unique, type Row } from './sqlite-rows';

/** The Plan Changes and Task Comments tables: appended to, never rewritten. */
export class SqliteHistory {
  /** Reads over the whole plan see `planId`'s; a read naming a task or objective finds it in any plan (ids are store-wide). */
  constructor(
    private readonly db: Database.Database,
    private readonly planId: number,
    private readonly planOf: (table: 'tasks' | 'objectives', id: string) => number,
  ) {}

  insertChange(input: PlanChangeInput): PlanChange {
    const insert = () =>
      this.db
        .prepare('INSERT INTO plan_changes (version, plan_id, key, subject, subject_id, changed_at, data) VALUES (1, ?, ?, ?, ?, ?, ?)')
        .run(this.planOf(input.subject === 'task' ? 'tasks' : 'objectives', input.subjectId), input.key, input.subject, input.subjectId, input.changedAt, toPersistence(input)).lastInsertRowid;
    return { ...input, id: String(unique('Plan change', input.key, insert)), version: '1' };
  }

  listChanges(query: ChangeQuery = {}): PlanChange[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.subject !== undefined) (where.push('subject = ?'), args.push(query.subject));
    if (query.subjectId !== undefined) (where.push('subject_id = ?'), args.push(query.subjectId));
    else (where.push('plan_id = ?'), args.push(this.planId));
    const sql = `SELECT id, version, data FROM plan_changes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY changed_at, id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => toDomain<PlanChangeInput>(r));
  }

  addComment(input: TaskCommentInput): TaskComment {
    const insert = () =>
      this.db.prepare('INSERT INTO task_comments (version, plan_id, key, task_id, posted_at, data) VALUES (1, ?, ?, ?, ?, ?)').run(this.planOf('tasks', input.taskId), input.key, input.taskId, input.postedAt, toPersistence(input)).lastInsertRowid;
    return { ...input, id: String(unique('Comment', input.key, insert)), version: '1' };
  }

  listComments(taskId?: string): TaskComment[] {
    const rows = (
      taskId === undefined
        ? this.db.prepare('SELECT id, version, data FROM task_comments WHERE plan_id = ? ORDER BY posted_at, id').all(this.planId)
        : this.db.prepare('SELECT id, version, data FROM task_comments WHERE task_id = ? ORDER BY posted_at, id').all(taskId)
    ) as Row[];
    return rows.map((r) => toDomain<TaskCommentInput>(r));
  }
}
