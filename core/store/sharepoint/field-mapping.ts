import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  APPROVAL_STATES,
  APPROVER_ROUTES,
  RAG_VALUES,
  REMINDER_OUTCOMES,
  ROUND_STATES,
  TASK_KINDS,
  TASK_STATUSES,
  type ConversationRecordInput,
  type ObjectiveInput,
  type Person,
  type RagApprovalInput,
  type ReminderLogInput,
  type RoundScope,
  type RoundSnapshotLine,
  type TaskInput,
  type UpdateInput,
  type UpdateRoundInput,
} from '../../model';
import { PLAN_ZONE } from '../../plan/london-time';
import { NOTE_MAX_CHARS, ROUND_SCOPE_LABELS } from './list-schema';

/**
 * Domain <-> SharePoint list item fields, one pair per list. Reads are validated with zod: a
 * column someone edited by hand into nonsense is reported, not passed on.
 */

type Fields = Record<string, unknown>;

const personSchema = z.object({ aadObjectId: z.string().min(1), displayName: z.string(), email: z.string() });
const text = z.string().nullish().transform((v) => (v === null || v === undefined || v === '' ? undefined : v));
const requiredText = z.string().min(1);
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());

/** Date-only values are written at 12:00 UTC so every site time zone keeps the calendar day. */
export function toDateOnly(date: string | undefined): string | null {
  return date ? `${date}T12:00:00Z` : null;
}
const dateOnly = z
  .string()
  .nullish()
  .transform((v) => (v ? (DateTime.fromISO(v, { zone: 'utc' }).setZone(PLAN_ZONE).toISODate() ?? undefined) : undefined));
const instant = z
  .string()
  .nullish()
  .transform((v) => (v ? new Date(v).toISOString() : undefined));

function parse<T extends z.ZodType>(schema: T, fields: Fields, list: string, id: string): z.output<T> {
  const result = schema.safeParse(fields);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`SharePoint list "${list}" item ${id} has invalid columns (${where})`);
  }
  return result.data;
}

/** Strips undefined so a create sends only what is set; a patch sends null to clear. */
function clean(fields: Fields, forPatch: boolean): Fields {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => forPatch || (v !== undefined && v !== null))
      .map(([k, v]) => [k, v === undefined ? null : v]),
  );
}

// Objectives ------------------------------------------------------------------------------------

const objectiveFields = z.object({ Title: requiredText, Ref: requiredText, Description: text });
export function objectiveFromFields(f: Fields, id: string): ObjectiveInput {
  const o = parse(objectiveFields, f, 'objectives', id);
  return { ref: o.Ref, title: o.Title, ...(o.Description !== undefined && { description: o.Description }) };
}
/** Only the keys present in `o` are written (a patch); `undefined` values clear the column. */
export function objectiveToFields(o: Partial<ObjectiveInput>, forPatch = false): Fields {
  const f: Fields = {};
  if ('title' in o) f.Title = o.title;
  if ('ref' in o) f.Ref = o.ref;
  if ('description' in o) f.Description = o.description;
  return clean(f, forPatch);
}

// Tasks -----------------------------------------------------------------------------------------

const taskFields = z.object({
  Title: requiredText,
  Ref: requiredText,
  ObjectiveRef: requiredText,
  Indicator: text,
  Kind: z.enum(TASK_KINDS).nullish().transform((v) => v ?? 'Priority'),
  Description: text,
  DesiredOutcome: text,
  SuccessMeasure: text,
  OwnersJson: json(z.array(personSchema)),
  AccountableOfficerJson: json(personSchema),
  UnassignedOwnersJson: json(z.array(z.string())),
  OwnerText: text,
  AccountableOfficerText: text,
  LeadService: text,
  SupportingServices: text,
  GroupsImpacted: json(z.array(z.string())),
  Strategy: text,
  DueDate: dateOnly,
  DueText: text,
  Rag: z.enum(RAG_VALUES),
  Status: z.enum(TASK_STATUSES),
  PercentComplete: z.number().nullish().transform((v) => v ?? undefined),
  LatestUpdate: text,
  LatestUpdateAt: instant,
  LatestUpdateByJson: json(personSchema),
  Evidence: text,
  Risks: text,
  PendingRag: z.enum(RAG_VALUES).nullish().transform((v) => v ?? undefined),
  PendingApprovalId: text,
  DelegatedByJson: json(personSchema),
  DelegatedAt: instant,
});

export function taskFromFields(f: Fields, id: string): TaskInput {
  const t = parse(taskFields, f, 'tasks', id);
  const task: TaskInput = {
    ref: t.Ref,
    title: t.Title,
    objectiveRef: t.ObjectiveRef,
    indicator: t.Indicator,
    kind: t.Kind,
    description: t.Description,
    desiredOutcome: t.DesiredOutcome,
    successMeasure: t.SuccessMeasure,
    owners: t.OwnersJson ?? [],
    accountableOfficer: t.AccountableOfficerJson,
    unassignedOwners: t.UnassignedOwnersJson,
    ownerText: t.OwnerText,
    accountableOfficerText: t.AccountableOfficerText,
    leadService: t.LeadService,
    supportingServices: t.SupportingServices,
    groupsImpacted: t.GroupsImpacted ?? [],
    strategy: t.Strategy,
    dueDate: t.DueDate,
    dueText: t.DueText,
    rag: t.Rag,
    status: t.Status,
    percentComplete: t.PercentComplete,
    latestUpdate: t.LatestUpdate,
    latestUpdateAt: t.LatestUpdateAt,
    latestUpdateBy: t.LatestUpdateByJson,
    evidence: t.Evidence,
    risks: t.Risks,
    pendingRag: t.PendingRag,
    pendingApprovalId: t.PendingApprovalId,
    delegatedBy: t.DelegatedByJson,
    delegatedAt: t.DelegatedAt,
  };
  return Object.fromEntries(Object.entries(task).filter(([, v]) => v !== undefined)) as unknown as TaskInput;
}

/** Only the keys present in `t` are written (a patch); `undefined` values clear the column. */
export function taskToFields(t: Partial<TaskInput>, forPatch = false): Fields {
  const has = (k: keyof TaskInput) => k in t;
  const f: Fields = {};
  const set = (k: keyof TaskInput, column: string, value: unknown) => {
    if (has(k)) f[column] = value;
  };
  set('title', 'Title', t.title);
  set('ref', 'Ref', t.ref);
  set('objectiveRef', 'ObjectiveRef', t.objectiveRef);
  set('indicator', 'Indicator', t.indicator);
  set('kind', 'Kind', t.kind);
  set('description', 'Description', t.description);
  set('desiredOutcome', 'DesiredOutcome', t.desiredOutcome);
  set('successMeasure', 'SuccessMeasure', t.successMeasure);
  set('owners', 'OwnersJson', t.owners && JSON.stringify(t.owners));
  set('accountableOfficer', 'AccountableOfficerJson', t.accountableOfficer && JSON.stringify(t.accountableOfficer));
  set('unassignedOwners', 'UnassignedOwnersJson', t.unassignedOwners && JSON.stringify(t.unassignedOwners));
  set('ownerText', 'OwnerText', t.ownerText);
  set('accountableOfficerText', 'AccountableOfficerText', t.accountableOfficerText);
  set('leadService', 'LeadService', t.leadService);
  set('supportingServices', 'SupportingServices', t.supportingServices);
  set('groupsImpacted', 'GroupsImpacted', t.groupsImpacted && JSON.stringify(t.groupsImpacted));
  set('strategy', 'Strategy', t.strategy);
  set('dueDate', 'DueDate', toDateOnly(t.dueDate));
  set('dueText', 'DueText', t.dueText);
  set('rag', 'Rag', t.rag);
  set('status', 'Status', t.status);
  set('percentComplete', 'PercentComplete', t.percentComplete);
  set('latestUpdate', 'LatestUpdate', t.latestUpdate);
  set('latestUpdateAt', 'LatestUpdateAt', t.latestUpdateAt);
  set('latestUpdateBy', 'LatestUpdateByJson', t.latestUpdateBy && JSON.stringify(t.latestUpdateBy));
  set('evidence', 'Evidence', t.evidence);
  set('risks', 'Risks', t.risks);
  set('pendingRag', 'PendingRag', t.pendingRag);
  set('pendingApprovalId', 'PendingApprovalId', t.pendingApprovalId);
  set('delegatedBy', 'DelegatedByJson', t.delegatedBy && JSON.stringify(t.delegatedBy));
  set('delegatedAt', 'DelegatedAt', t.delegatedAt);
  return clean(f, forPatch);
}

// Updates ---------------------------------------------------------------------------------------

const updateFields = z.object({
  TaskId: requiredText,
  TaskRef: requiredText,
  Round: text,
  SubmittedByJson: json(personSchema),
  SubmittedAt: instant,
  Progress: requiredText,
  RagProposed: z.enum(RAG_VALUES).nullish().transform((v) => v ?? undefined),
  Evidence: text,
  Risks: text,
  SupportNeeded: text,
  RevisedDueDateRequested: dateOnly,
  IdempotencyKey: requiredText,
});

export function updateFromFields(f: Fields, id: string): UpdateInput {
  const u = parse(updateFields, f, 'updates', id);
  if (!u.SubmittedByJson || !u.SubmittedAt) throw new Error(`SharePoint list "updates" item ${id} has no submitter or date`);
  const update: UpdateInput = {
    taskId: u.TaskId,
    taskRef: u.TaskRef,
    round: u.Round,
    submittedBy: u.SubmittedByJson,
    submittedAt: u.SubmittedAt,
    progress: u.Progress,
    ragProposed: u.RagProposed,
    evidence: u.Evidence,
    risks: u.Risks,
    supportNeeded: u.SupportNeeded,
    revisedDueDateRequested: u.RevisedDueDateRequested,
    idempotencyKey: u.IdempotencyKey,
  };
  return Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) as unknown as UpdateInput;
}

export function updateToFields(u: UpdateInput): Fields {
  return clean(
    {
      Title: u.taskRef,
      TaskId: u.taskId,
      TaskRef: u.taskRef,
      Round: u.round,
      SubmittedByJson: JSON.stringify(u.submittedBy),
      SubmittedAt: u.submittedAt,
      Progress: u.progress,
      RagProposed: u.ragProposed,
      Evidence: u.evidence,
      Risks: u.risks,
      SupportNeeded: u.supportNeeded,
      RevisedDueDateRequested: toDateOnly(u.revisedDueDateRequested),
      IdempotencyKey: u.idempotencyKey,
    },
    false,
  );
}

// Reminder log ----------------------------------------------------------------------------------

const reminderFields = z.object({
  Key: requiredText,
  TaskId: requiredText,
  Trigger: text,
  RecipientJson: json(personSchema),
  SentAt: instant,
  Outcome: z.enum(REMINDER_OUTCOMES),
  Detail: text,
});

export function reminderFromFields(f: Fields, id: string): ReminderLogInput {
  const r = parse(reminderFields, f, 'reminders', id);
  if (!r.RecipientJson || !r.SentAt) throw new Error(`SharePoint list "reminders" item ${id} has no recipient or date`);
  return {
    key: r.Key,
    taskId: r.TaskId,
    recipient: r.RecipientJson as Person,
    trigger: r.Trigger ?? '',
    sentAt: r.SentAt,
    outcome: r.Outcome,
    ...(r.Detail !== undefined && { detail: r.Detail }),
  };
}

export function reminderToFields(r: ReminderLogInput): Fields {
  return clean(
    {
      Title: r.trigger || 'reminder',
      Key: r.key,
      TaskId: r.taskId,
      Trigger: r.trigger,
      RecipientJson: JSON.stringify(r.recipient),
      SentAt: r.sentAt,
      Outcome: r.outcome,
      Detail: r.detail,
    },
    false,
  );
}

// Conversations ---------------------------------------------------------------------------------

const conversationFields = z.object({
  AadObjectId: requiredText,
  TenantId: text,
  Title: text,
  ReferenceJson: json(z.record(z.string(), z.unknown())),
  UpdatedAt: instant,
});

export function conversationFromFields(f: Fields, id: string): ConversationRecordInput {
  const c = parse(conversationFields, f, 'conversations', id);
  return {
    aadObjectId: c.AadObjectId,
    ...(c.TenantId !== undefined && { tenantId: c.TenantId }),
    ...(c.Title !== undefined && c.Title !== c.AadObjectId && { displayName: c.Title }),
    reference: c.ReferenceJson ?? {},
    updatedAt: c.UpdatedAt ?? new Date(0).toISOString(),
  };
}

export function conversationToFields(c: ConversationRecordInput): Fields {
  return {
    Title: c.displayName ?? c.aadObjectId,
    AadObjectId: c.aadObjectId,
    TenantId: c.tenantId ?? null,
    ReferenceJson: JSON.stringify(c.reference),
    UpdatedAt: c.updatedAt,
  };
}

// Update rounds ---------------------------------------------------------------------------------

const snapshotLineSchema = z.object({
  taskId: z.string().min(1),
  taskRef: z.string().min(1),
  update: z.string().optional(),
  updateAt: z.string().optional(),
  updateBy: personSchema.optional(),
  updateId: z.string().optional(),
  rag: z.enum(RAG_VALUES),
});

const scopeKindByLabel = Object.fromEntries(Object.entries(ROUND_SCOPE_LABELS).map(([kind, label]) => [label, kind])) as Record<string, RoundScope['kind']>;

const roundFields = z.object({
  Title: requiredText,
  OpensAt: instant,
  DueDate: dateOnly,
  ScopeKind: z.enum(Object.values(ROUND_SCOPE_LABELS) as [string, ...string[]]),
  ScopeRefsJson: json(z.array(z.string())),
  State: z.enum(ROUND_STATES),
  ClosedAt: instant,
  SnapshotJson: json(z.array(snapshotLineSchema)),
});

/**
 * A round as stored. Snapshot lines may lack their update text (see `snapshotJson`): the store
 * fills it back in from Plan Updates by `updateId`.
 */
export function roundFromFields(f: Fields, id: string): UpdateRoundInput {
  const r = parse(roundFields, f, 'rounds', id);
  if (!r.OpensAt || !r.DueDate) throw new Error(`SharePoint list "rounds" item ${id} has no opening or due date`);
  const kind = scopeKindByLabel[r.ScopeKind]!;
  const scope: RoundScope = kind === 'all-open' ? { kind } : { kind, refs: r.ScopeRefsJson ?? [] };
  return {
    name: r.Title,
    opensAt: r.OpensAt,
    dueDate: r.DueDate,
    scope,
    state: r.State,
    ...(r.ClosedAt !== undefined && { closedAt: r.ClosedAt }),
    ...(r.SnapshotJson !== undefined && { snapshot: r.SnapshotJson.map(withoutUndefined) }),
  };
}

/** Only the keys present in `r` are written (a patch); `undefined` values clear the column. OpenKey is the store's. */
export function roundToFields(r: Partial<UpdateRoundInput>, forPatch = false): Fields {
  const f: Fields = {};
  if ('name' in r) f.Title = r.name;
  if ('opensAt' in r) f.OpensAt = r.opensAt;
  if ('dueDate' in r) f.DueDate = toDateOnly(r.dueDate);
  if (r.scope) {
    f.ScopeKind = ROUND_SCOPE_LABELS[r.scope.kind];
    f.ScopeRefsJson = r.scope.kind === 'all-open' ? undefined : JSON.stringify(r.scope.refs);
  }
  if ('state' in r) f.State = r.state;
  if ('closedAt' in r) f.ClosedAt = r.closedAt;
  if ('snapshot' in r) f.SnapshotJson = r.snapshot && snapshotJson(r.snapshot);
  return clean(f, forPatch);
}

/**
 * The snapshot as JSON for a multiple-lines-of-text column (63,999 characters). A whole plan's
 * updates can be longer than that; then lines that came from a Plan Updates item keep only its id
 * (the text stays in that list's history and is read back from there). Too long even so: an error
 * saying so, never a silently cut snapshot.
 */
export function snapshotJson(lines: RoundSnapshotLine[]): string {
  const full = JSON.stringify(lines);
  if (full.length <= NOTE_MAX_CHARS) return full;
  const compact = JSON.stringify(lines.map(({ update, updateBy, ...rest }) => (rest.updateId ? rest : { ...rest, update, updateBy })));
  if (compact.length <= NOTE_MAX_CHARS) return compact;
  throw new Error(
    `The round's snapshot of ${lines.length} tasks needs ${compact.length.toLocaleString('en-GB')} characters, more than the ${NOTE_MAX_CHARS.toLocaleString('en-GB')} a SharePoint multiple-lines-of-text column holds. Use a narrower scope (some objectives) for rounds this large.`,
  );
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// RAG approvals ---------------------------------------------------------------------------------

const approvalFields = z.object({
  Key: requiredText,
  TaskId: requiredText,
  TaskRef: requiredText,
  UpdateId: text,
  FromRag: z.enum(RAG_VALUES),
  ToRag: z.enum(RAG_VALUES),
  RequestedByJson: json(personSchema),
  RequestedAt: instant,
  Justification: text,
  ApproverJson: json(personSchema),
  Route: z.enum(APPROVER_ROUTES),
  State: z.enum(APPROVAL_STATES),
  DecidedByJson: json(personSchema),
  DecidedAt: instant,
  Comment: text,
  SupersededBy: text,
  ApproverActivityId: text,
  OwnerActivityId: text,
  ChasedAt: instant,
  EscalatedAt: instant,
});

export function approvalFromFields(f: Fields, id: string): RagApprovalInput {
  const a = parse(approvalFields, f, 'approvals', id);
  if (!a.RequestedByJson || !a.ApproverJson || !a.RequestedAt) throw new Error(`SharePoint list "approvals" item ${id} has no requester, approver or request date`);
  return withoutUndefined({
    key: a.Key,
    taskId: a.TaskId,
    taskRef: a.TaskRef,
    updateId: a.UpdateId,
    fromRag: a.FromRag,
    toRag: a.ToRag,
    requestedBy: a.RequestedByJson,
    requestedAt: a.RequestedAt,
    justification: a.Justification,
    approver: a.ApproverJson,
    route: a.Route,
    state: a.State,
    decidedBy: a.DecidedByJson,
    decidedAt: a.DecidedAt,
    comment: a.Comment,
    supersededBy: a.SupersededBy,
    approverActivityId: a.ApproverActivityId,
    ownerActivityId: a.OwnerActivityId,
    chasedAt: a.ChasedAt,
    escalatedAt: a.EscalatedAt,
  });
}

/** Only the keys present in `a` are written (a patch); `undefined` values clear the column. */
export function approvalToFields(a: Partial<RagApprovalInput>, forPatch = false): Fields {
  const f: Fields = {};
  const set = (k: keyof RagApprovalInput, column: string, value: unknown) => {
    if (k in a) f[column] = value;
  };
  set('key', 'Key', a.key);
  set('taskId', 'TaskId', a.taskId);
  set('taskRef', 'TaskRef', a.taskRef);
  set('updateId', 'UpdateId', a.updateId);
  set('fromRag', 'FromRag', a.fromRag);
  set('toRag', 'ToRag', a.toRag);
  set('requestedBy', 'RequestedByJson', a.requestedBy && JSON.stringify(a.requestedBy));
  set('requestedAt', 'RequestedAt', a.requestedAt);
  set('justification', 'Justification', a.justification);
  set('approver', 'ApproverJson', a.approver && JSON.stringify(a.approver));
  set('approver', 'ApproverId', a.approver?.aadObjectId);
  set('route', 'Route', a.route);
  set('state', 'State', a.state);
  set('decidedBy', 'DecidedByJson', a.decidedBy && JSON.stringify(a.decidedBy));
  set('decidedAt', 'DecidedAt', a.decidedAt);
  set('comment', 'Comment', a.comment);
  set('supersededBy', 'SupersededBy', a.supersededBy);
  set('approverActivityId', 'ApproverActivityId', a.approverActivityId);
  set('ownerActivityId', 'OwnerActivityId', a.ownerActivityId);
  set('chasedAt', 'ChasedAt', a.chasedAt);
  set('escalatedAt', 'EscalatedAt', a.escalatedAt);
  if (a.taskRef !== undefined && a.fromRag !== undefined && a.toRag !== undefined) f.Title = `${a.taskRef}: ${a.fromRag} to ${a.toRag}`;
  return clean(f, forPatch);
}
