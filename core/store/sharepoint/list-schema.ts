import { APPROVAL_STATES, APPROVER_ROUTES, RAG_VALUES, REMINDER_OUTCOMES, TASK_KINDS, TASK_STATUSES } from '../../model';

/**
 * The SharePoint lists the product keeps in the council's site (DESIGN.md §3): one definition used
 * by provisioning (`npm run provision`), the SharePoint adapter's mapping, and the Graph emulator
 * in tests. Internal column names are stable; display names of lists are configurable.
 */

export type ColumnType = 'text' | 'note' | 'number' | 'dateTime' | 'boolean' | 'choice' | 'person';

export interface ColumnDef {
  name: string; // internal name, used in `fields`
  type: ColumnType;
  required?: boolean;
  /** Indexed: the only columns a query may filter or order on past the 5,000-item view threshold. */
  indexed?: boolean;
  /** Enforce unique values (implies indexed). */
  unique?: boolean;
  choices?: readonly string[];
  multi?: boolean; // person columns allowing several people
  dateOnly?: boolean;
}

export interface ListDef {
  key: ListKey;
  /** Default display name; overridable per site in config. */
  displayName: string;
  description: string;
  columns: ColumnDef[];
}

export const LIST_KEYS = ['objectives', 'tasks', 'updates', 'reminders', 'conversations', 'rounds', 'approvals'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const RAG = RAG_VALUES;

/** The most a multiple-lines-of-text column holds (SharePoint limits). */
export const NOTE_MAX_CHARS = 63_999;

/** How a round's scope reads in Microsoft Lists (ScopeKind column), by domain kind. */
export const ROUND_SCOPE_LABELS = { 'all-open': 'All open tasks', objectives: 'Objectives', tasks: 'Tasks' } as const;

export const LISTS: Record<ListKey, ListDef> = {
  objectives: {
    key: 'objectives',
    displayName: 'Plan Objectives',
    description: 'EDI action plan objectives (Title is the objective).',
    columns: [
      { name: 'Ref', type: 'text', required: true, unique: true },
      { name: 'Description', type: 'note' },
    ],
  },
  tasks: {
    key: 'tasks',
    displayName: 'Plan Tasks',
    description: 'EDI action plan tasks (Title is the task).',
    columns: [
      { name: 'Ref', type: 'text', required: true, unique: true },
      { name: 'ObjectiveRef', type: 'text', required: true, indexed: true },
      { name: 'Indicator', type: 'text' },
      { name: 'Kind', type: 'choice', choices: TASK_KINDS },
      { name: 'Description', type: 'note' },
      { name: 'DesiredOutcome', type: 'note' },
      { name: 'SuccessMeasure', type: 'note' },
      { name: 'Owner', type: 'person', multi: true },
      // People as the domain knows them (AAD object id, name, email): the Person column's lookup
      // ids cannot be turned back into AAD object ids through Graph.
      { name: 'OwnersJson', type: 'note' },
      { name: 'AccountableOfficer', type: 'person' },
      { name: 'AccountableOfficerJson', type: 'note' },
      { name: 'UnassignedOwnersJson', type: 'note' },
      { name: 'OwnerText', type: 'note' },
      { name: 'AccountableOfficerText', type: 'note' },
      { name: 'LeadService', type: 'note' },
      { name: 'SupportingServices', type: 'note' },
      { name: 'GroupsImpacted', type: 'note' },
      { name: 'Strategy', type: 'text' },
      { name: 'DueDate', type: 'dateTime', dateOnly: true, indexed: true },
      { name: 'DueText', type: 'text' },
      { name: 'Rag', type: 'choice', choices: RAG, required: true },
      { name: 'Status', type: 'choice', choices: TASK_STATUSES, required: true, indexed: true },
      { name: 'PercentComplete', type: 'number' },
      { name: 'LatestUpdate', type: 'note' },
      { name: 'LatestUpdateAt', type: 'dateTime' },
      { name: 'LatestUpdateByJson', type: 'note' },
      { name: 'Evidence', type: 'note' },
      { name: 'Risks', type: 'note' },
      { name: 'PendingRag', type: 'choice', choices: RAG },
      { name: 'PendingApprovalId', type: 'text' },
      { name: 'DelegatedByJson', type: 'note' },
      { name: 'DelegatedAt', type: 'dateTime' },
    ],
  },
  updates: {
    key: 'updates',
    displayName: 'Plan Updates',
    description: 'Every progress update submitted, one item each (Title is the task ref).',
    columns: [
      { name: 'TaskId', type: 'text', required: true, indexed: true },
      { name: 'TaskRef', type: 'text', required: true, indexed: true },
      { name: 'Round', type: 'text' },
      { name: 'SubmittedBy', type: 'person' },
      { name: 'SubmittedByJson', type: 'note', required: true },
      { name: 'SubmittedAt', type: 'dateTime', required: true, indexed: true },
      { name: 'Progress', type: 'note', required: true },
      { name: 'RagProposed', type: 'choice', choices: RAG },
      { name: 'Evidence', type: 'note' },
      { name: 'Risks', type: 'note' },
      { name: 'SupportNeeded', type: 'note' },
      { name: 'RevisedDueDateRequested', type: 'dateTime', dateOnly: true },
      { name: 'IdempotencyKey', type: 'text', required: true, unique: true },
    ],
  },
  reminders: {
    key: 'reminders',
    displayName: 'Reminder Log',
    description: 'One item per reminder; the unique Key makes reminders exactly-once across app instances.',
    columns: [
      { name: 'Key', type: 'text', required: true, unique: true },
      { name: 'TaskId', type: 'text', required: true, indexed: true },
      { name: 'Trigger', type: 'text' },
      { name: 'RecipientJson', type: 'note', required: true },
      { name: 'SentAt', type: 'dateTime', required: true },
      { name: 'Outcome', type: 'choice', choices: REMINDER_OUTCOMES, required: true },
      { name: 'Detail', type: 'text' },
    ],
  },
  conversations: {
    key: 'conversations',
    displayName: 'Bot Conversations',
    description: 'Teams conversation references, one per person, captured when the app is installed.',
    columns: [
      { name: 'AadObjectId', type: 'text', required: true, unique: true },
      { name: 'TenantId', type: 'text' },
      { name: 'ReferenceJson', type: 'note', required: true },
      { name: 'UpdatedAt', type: 'dateTime', required: true },
    ],
  },
  rounds: {
    key: 'rounds',
    displayName: 'Update Rounds',
    description: 'Update rounds: progress collected from owners before a board meeting (Title is the round name).',
    columns: [
      { name: 'OpensAt', type: 'dateTime', required: true, indexed: true },
      { name: 'DueDate', type: 'dateTime', dateOnly: true, required: true },
      { name: 'ScopeKind', type: 'choice', choices: Object.values(ROUND_SCOPE_LABELS), required: true },
      { name: 'ScopeRefsJson', type: 'note' },
      { name: 'State', type: 'choice', choices: ['Open', 'Closed'], required: true, indexed: true },
      // "open" while the round is open, else "closed-<item>": unique, so at most one round is open
      // even when two app instances open one at the same moment.
      { name: 'OpenKey', type: 'text', required: true, unique: true },
      { name: 'ClosedAt', type: 'dateTime' },
      // Each in-scope task's latest update and RAG when the round closed (JSON).
      { name: 'SnapshotJson', type: 'note' },
    ],
  },
  approvals: {
    key: 'approvals',
    displayName: 'RAG Approvals',
    description: 'Every proposed RAG change and its decision: who asked, who decided, when and why (Title is "<ref>: <from> to <to>").',
    columns: [
      { name: 'Key', type: 'text', required: true, unique: true },
      { name: 'TaskId', type: 'text', required: true, indexed: true },
      { name: 'TaskRef', type: 'text', required: true, indexed: true },
      { name: 'UpdateId', type: 'text' },
      { name: 'FromRag', type: 'choice', choices: RAG, required: true },
      { name: 'ToRag', type: 'choice', choices: RAG, required: true },
      { name: 'RequestedByJson', type: 'note', required: true },
      { name: 'RequestedAt', type: 'dateTime', required: true },
      { name: 'Justification', type: 'note' },
      { name: 'ApproverJson', type: 'note', required: true },
      // The approver's AAD object id, indexed so "my pending decisions" is a cheap query.
      { name: 'ApproverId', type: 'text', required: true, indexed: true },
      { name: 'Route', type: 'choice', choices: APPROVER_ROUTES, required: true },
      { name: 'State', type: 'choice', choices: APPROVAL_STATES, required: true, indexed: true },
      { name: 'DecidedByJson', type: 'note' },
      { name: 'DecidedAt', type: 'dateTime' },
      { name: 'Comment', type: 'note' },
      { name: 'SupersededBy', type: 'text' },
      { name: 'ApproverActivityId', type: 'text' },
      { name: 'OwnerActivityId', type: 'text' },
      { name: 'ChasedAt', type: 'dateTime' },
      { name: 'EscalatedAt', type: 'dateTime' },
    ],
  },
};

/** Columns a query may filter on: indexed or unique ones, plus the built-in id. */
export function filterableColumns(list: ListDef): Set<string> {
  return new Set(['id', ...list.columns.filter((c) => c.indexed || c.unique).map((c) => c.name)]);
}
