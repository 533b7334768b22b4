-- Plans (DESIGN.md §3, issue 20): a store holds several plans. Objectives, tasks and rounds belong
-- to one (plan_id); what was here before is plan 1, which the store names when it opens
-- (sqlite-plans.ts). Refs are unique within a plan, and one round per plan may be open.
CREATE TABLE plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE COLLATE NOCASE,
  state TEXT NOT NULL,
  data TEXT NOT NULL
);

-- SQLite cannot change a column's UNIQUE in place: the table is rebuilt. Dropping `tasks` while
-- foreign keys are on would delete its owners (ON DELETE CASCADE), so they are set aside first;
-- AUTOINCREMENT's high-water marks are kept so no deleted id is ever reused.
CREATE TEMP TABLE seq_keep AS SELECT name, seq FROM sqlite_sequence WHERE name IN ('objectives', 'tasks');
CREATE TEMP TABLE owners_keep AS SELECT task_id, aad_object_id FROM task_owners;
DROP TABLE task_owners;

CREATE TABLE objectives_v5 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  plan_id INTEGER NOT NULL DEFAULT 1,
  ref TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (plan_id, ref)
);
INSERT INTO objectives_v5 (id, version, plan_id, ref, data) SELECT id, version, 1, ref, data FROM objectives;
DROP TABLE objectives;
ALTER TABLE objectives_v5 RENAME TO objectives;

CREATE TABLE tasks_v5 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  plan_id INTEGER NOT NULL DEFAULT 1,
  ref TEXT NOT NULL,
  status TEXT NOT NULL,
  due_date TEXT,
  data TEXT NOT NULL,
  UNIQUE (plan_id, ref)
);
INSERT INTO tasks_v5 (id, version, plan_id, ref, status, due_date, data) SELECT id, version, 1, ref, status, due_date, data FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_v5 RENAME TO tasks;
CREATE INDEX tasks_due_date ON tasks (due_date);
CREATE INDEX tasks_status ON tasks (status);

CREATE TABLE task_owners (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  aad_object_id TEXT NOT NULL,
  PRIMARY KEY (task_id, aad_object_id)
);
CREATE INDEX task_owners_person ON task_owners (aad_object_id);
INSERT INTO task_owners (task_id, aad_object_id) SELECT task_id, aad_object_id FROM owners_keep;
DROP TABLE owners_keep;

UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT k.seq FROM seq_keep k WHERE k.name = sqlite_sequence.name))
  WHERE name IN (SELECT name FROM seq_keep);
INSERT INTO sqlite_sequence (name, seq) SELECT k.name, k.seq FROM seq_keep k WHERE k.name NOT IN (SELECT name FROM sqlite_sequence);
DROP TABLE seq_keep;

ALTER TABLE update_rounds ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 1;
DROP INDEX update_rounds_one_open;
CREATE UNIQUE INDEX update_rounds_one_open ON update_rounds (plan_id, state) WHERE state = 'Open';
CREATE INDEX update_rounds_plan ON update_rounds (plan_id, opens_at);

-- Records that follow a task carry its plan too, so a read over one plan needs no join (and one
-- whose task has gone still belongs somewhere).
ALTER TABLE updates ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 1;
CREATE INDEX updates_plan ON updates (plan_id, submitted_at);
ALTER TABLE rag_approvals ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 1;
CREATE INDEX rag_approvals_plan ON rag_approvals (plan_id, state);
ALTER TABLE plan_changes ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 1;
CREATE INDEX plan_changes_plan ON plan_changes (plan_id, changed_at);
ALTER TABLE task_comments ADD COLUMN plan_id INTEGER NOT NULL DEFAULT 1;
CREATE INDEX task_comments_plan ON task_comments (plan_id, posted_at);
