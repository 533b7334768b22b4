-- Mirrors the SharePoint lists (DESIGN.md §3): integer item ids exposed as strings, a version
-- per item, unique/indexed columns where SharePoint has them; the rest of a record is JSON.
CREATE TABLE objectives (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  ref TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  ref TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  due_date TEXT,
  data TEXT NOT NULL
);
CREATE INDEX tasks_due_date ON tasks (due_date);
CREATE INDEX tasks_status ON tasks (status);

-- Owner is a multi-person column in SharePoint; here a join table so "my tasks" is indexed.
CREATE TABLE task_owners (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  aad_object_id TEXT NOT NULL,
  PRIMARY KEY (task_id, aad_object_id)
);
CREATE INDEX task_owners_person ON task_owners (aad_object_id);

CREATE TABLE updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  task_id INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
CREATE INDEX updates_task ON updates (task_id, submitted_at);
CREATE INDEX updates_submitted_at ON updates (submitted_at);

CREATE TABLE reminder_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX reminder_log_task ON reminder_log (task_id);

CREATE TABLE conversations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  aad_object_id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
