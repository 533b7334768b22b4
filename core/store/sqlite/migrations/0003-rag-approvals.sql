-- RAG Approvals (DESIGN.md §3): one row per proposed RAG change and its decision. The version
-- column makes "first decision wins" a conditional update.
CREATE TABLE rag_approvals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL,
  state TEXT NOT NULL,
  approver_id TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX rag_approvals_task ON rag_approvals (task_id);
CREATE INDEX rag_approvals_approver ON rag_approvals (approver_id, state);
