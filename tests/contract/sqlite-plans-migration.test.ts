import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateError } from '../../core/errors';
import { SqlitePlanStore } from '../../core/store/sqlite/sqlite-plan-store';
import { taskInput } from '../support/builders';

/**
 * A file the previous release wrote (tests/fixtures/stores/release-0.1-demo.sqlite: the demo plan
 * seeded by commit 4d7cc73's code, with an open round, a pending approval, a conversation and a
 * reminder) opens as one plan with everything kept, and opening it again changes nothing.
 */
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'stores', 'release-0.1-demo.sqlite');

function rows(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const table of ['objectives', 'tasks', 'task_owners', 'updates', 'update_rounds', 'rag_approvals', 'plan_changes', 'task_comments', 'reminder_log', 'conversations']) {
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  }
  db.close();
  return out;
}

/** The columns the old release had, so old and new rows compare like for like. */
const withoutPlan = (list: unknown[]) => list.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => k !== 'plan_id')));

describe('SQLite: a file from before plans', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-migrate-'));
    file = path.join(dir, 'edi-plan.sqlite');
    fs.copyFileSync(FIXTURE, file);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens as one Active plan holding every record, unchanged', async () => {
    const before = rows(file);
    assert.ok((before.tasks ?? []).length > 30, 'the fixture holds the demo plan');
    const store = SqlitePlanStore.open(dir, { now: new Date('2026-12-07T10:00:00Z') });
    const plans = await store.plans.listPlans();
    assert.deepEqual(plans.map((p) => [p.id, p.state, p.periodStart, p.periodEnd]), [['1', 'Active', '2026-04-01', '2030-03-31']]);
    assert.equal(store.planId, '1');
    assert.equal((await store.listTasks()).length, before.tasks!.length);
    assert.equal((await store.listObjectives()).length, before.objectives!.length);
    assert.equal((await store.listRounds()).length, before.update_rounds!.length);
    assert.equal((await store.listRounds({ state: 'Open' })).length, 1, 'the open round is still open');
    assert.equal((await store.listApprovals({ state: 'Pending' })).length, before.rag_approvals!.length);
    assert.equal((await store.listComments()).length, before.task_comments!.length);
    assert.equal((await store.listChanges()).length, before.plan_changes!.length);
    assert.equal((await store.listRecentUpdates(10_000)).length, before.updates!.length);
    assert.equal((await store.listConversations()).length, 1);
    assert.equal((await store.listReminders()).length, 1);
    const task = (await store.listTasks())[0]!;
    assert.equal(task.planId, '1');
    await assert.rejects(store.createTask(taskInput({ ref: task.ref })), DuplicateError, 'refs stay unique within the plan');
    await assert.rejects(store.createRound({ name: 'Second', opensAt: '2026-12-07T10:00:00Z', dueDate: '2027-01-10', scope: { kind: 'all-open' }, state: 'Open' }), DuplicateError);
    await store.close();
    const after = rows(file);
    for (const [table, list] of Object.entries(before)) assert.deepEqual(withoutPlan(after[table]!), list, `${table} kept as it was`);
    for (const table of ['objectives', 'tasks', 'updates', 'update_rounds', 'rag_approvals', 'plan_changes', 'task_comments']) {
      assert.ok(after[table]!.every((r) => (r as { plan_id: number }).plan_id === 1), `${table} belong to plan 1`);
    }
  });

  it('a second open changes nothing', async () => {
    (await SqlitePlanStore.open(dir, { now: new Date('2026-12-07T10:00:00Z') })).close();
    const once = { ...rows(file), plans: new Database(file, { readonly: true }).prepare('SELECT * FROM plans').all() };
    const store = SqlitePlanStore.open(dir, { now: new Date('2027-06-01T10:00:00Z') });
    await store.close();
    const twice = { ...rows(file), plans: new Database(file, { readonly: true }).prepare('SELECT * FROM plans').all() };
    assert.deepEqual(twice, once);
  });

  it('keeps AUTOINCREMENT high-water marks: a deleted task id is never reused', async () => {
    const raw = new Database(file);
    const top = (raw.prepare('SELECT MAX(id) AS id FROM tasks').get() as { id: number }).id;
    raw.prepare('DELETE FROM tasks WHERE id = ?').run(top);
    raw.close();
    const store = SqlitePlanStore.open(dir);
    const created = await store.createTask(taskInput({ ref: 'new-after-delete' }));
    assert.equal(Number(created.id), top + 1);
    await store.close();
  });
});
