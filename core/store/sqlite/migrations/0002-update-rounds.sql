-- Update Rounds (DESIGN.md §3): progress collected before a board meeting. The rest of a round
-- (scope, closing snapshot) is JSON, as in the SharePoint list's JSON columns.
CREATE TABLE update_rounds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  opens_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX update_rounds_opens_at ON update_rounds (opens_at);
-- At most one open round: two officers opening a round at once cannot both win.
CREATE UNIQUE INDEX update_rounds_one_open ON update_rounds (state) WHERE state = 'Open';
