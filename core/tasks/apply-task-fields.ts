import type { FieldError } from '../errors';
import type { EvidenceLink, Objective, Person, TaskEditPatch, TaskInput } from '../model';
import { TASK_FIELD_LABELS, type EditableTaskField, type TaskFieldsRequest } from './task-fields';
import { nextStatus, ragNeedsReason, REASON_MESSAGES, statusNeedsReason } from './task-rules';

/** What the fields need from outside: the people they name (resolved from the directory), the objectives. */
export interface TaskFieldContext {
  people: ReadonlyMap<string, Person>;
  objectives: readonly Objective[];
  actor: Person;
  now: string;
}

export interface AppliedFields {
  patch: TaskEditPatch;
  /** The fields the officer's request set (what the history compares). */
  fields: EditableTaskField[];
  errors: FieldError[];
}

const TEXT_FIELDS = ['title', 'ref', 'objectiveRef', 'description', 'indicator', 'leadService', 'supportingServices', 'dueText', 'desiredOutcome', 'successMeasure', 'startingPosition', 'dueDate'] as const;

/**
 * The officer's checked fields applied to a task (undefined: a new task): the patch to store and
 * the rules that need the task or the plan — an objective that exists and is not retired, a reason
 * for a RAG set directly and for a task withdrawn or carried forward, Complete meaning Complete.
 */
export function applyTaskFields(current: TaskInput | undefined, request: TaskFieldsRequest, ctx: TaskFieldContext): AppliedFields {
  const { fields: values } = request;
  const patch: TaskEditPatch = {};
  const errors: FieldError[] = [];
  const set = patch as Record<string, unknown>;
  for (const key of TEXT_FIELDS) if (values[key] !== undefined) set[key] = values[key] ?? undefined;
  if (values.kind) patch.kind = values.kind;
  if (values.groupsImpacted) patch.groupsImpacted = values.groupsImpacted;
  if (values.percentComplete !== undefined) patch.percentComplete = values.percentComplete ?? undefined;
  if (values.measure !== undefined) patch.measure = values.measure ?? undefined;
  if (values.owners) {
    patch.owners = values.owners.map((id) => ctx.people.get(id)!).filter(Boolean);
    // The officer has now said who owns it: the import's unmatched names are settled.
    if (current?.unassignedOwners?.length) patch.unassignedOwners = undefined;
  }
  if (values.accountableOfficer !== undefined) patch.accountableOfficer = values.accountableOfficer === null ? undefined : ctx.people.get(values.accountableOfficer);
  if (values.evidenceLinks) patch.evidenceLinks = keepProvenance(current?.evidenceLinks ?? [], values.evidenceLinks, ctx);
  if (values.eflg !== undefined) patch.eflg = values.eflg?.length ? values.eflg : undefined;

  if (patch.objectiveRef !== undefined && patch.objectiveRef !== current?.objectiveRef) {
    const objective = ctx.objectives.find((o) => o.ref === patch.objectiveRef);
    if (!objective) errors.push({ field: 'objectiveRef', message: `There is no objective ${patch.objectiveRef} in the plan. Pick one from the list.` });
    else if (objective.retired) errors.push({ field: 'objectiveRef', message: `Objective ${objective.ref} has been retired: pick a current objective.` });
  }
  statusAndRag(current, request, patch, errors);
  // In the edit panel's order, so the history reads as the form does.
  const fields = (Object.keys(TASK_FIELD_LABELS) as EditableTaskField[]).filter((k) => k in patch);
  return { patch, fields, errors };
}

/** Status and RAG move together: Complete is both; leaving the live plan or setting RAG needs a reason (core/tasks/task-rules.ts). */
function statusAndRag(current: TaskInput | undefined, { fields: values, reason }: TaskFieldsRequest, patch: TaskEditPatch, errors: FieldError[]): void {
  const { status, rag } = values;
  if (rag !== undefined) patch.rag = rag;
  if (status !== undefined || rag === 'Complete') patch.status = nextStatus(current?.status, values);
  if (patch.status === 'Complete' && rag === undefined) patch.rag = 'Complete';
  if (patch.status === 'Complete' && values.percentComplete === undefined) patch.percentComplete = 100;

  const statusChanged = patch.status !== undefined && patch.status !== (current?.status ?? 'Open');
  const whyStatus = values.statusReason ?? reason;
  if (statusNeedsReason(current?.status, values)) {
    if (!whyStatus) errors.push({ field: 'statusReason', message: REASON_MESSAGES.status(patch.status!) });
    else patch.statusReason = whyStatus;
  } else if (statusChanged) {
    patch.statusReason = undefined;
  } else if (values.statusReason !== undefined) {
    patch.statusReason = values.statusReason ?? undefined;
  }
  if (ragNeedsReason(current, values) && !reason) errors.push({ field: 'reason', message: REASON_MESSAGES.rag(rag!) });
  if (current?.pendingApprovalId && (patch.rag !== undefined || (patch.status !== undefined && patch.status !== 'Open'))) {
    // The officer's decision replaces the owner's pending proposal (the use case marks it superseded).
    patch.pendingRag = undefined;
    patch.pendingApprovalId = undefined;
  }
}

/** Links already on the task keep who added them and when; new ones are the officer's, now. */
function keepProvenance(existing: EvidenceLink[], wanted: { url: string; title: string }[], ctx: TaskFieldContext): EvidenceLink[] {
  return wanted.map((w) => {
    const before = existing.find((e) => e.url === w.url);
    return before ? { ...before, title: w.title } : { url: w.url, title: w.title, addedBy: ctx.actor, addedAt: ctx.now };
  });
}
