-- Plan Changes and Task Comments (DESIGN.md §3): an officer's edits as history, and each task's
-- comment thread. Unique keys make a retried write land once.
CREATE TABLE plan_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX plan_changes_subject ON plan_changes (subject, subject_id, changed_at);
CREATE INDEX plan_changes_changed_at ON plan_changes (changed_at);

CREATE TABLE task_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX task_comments_task ON task_comments (task_id, posted_at);
