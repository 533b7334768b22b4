import { randomUUID } from 'node:crypto';
import { needsApproval, type ApprovalPolicy } from '../approvals/approval-policy';
import { resolveApprover, type ResolvedApprover } from '../approvals/resolve-approver';
import { ConflictError, DuplicateError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import { requireOwner } from '../plan/task-owner';
import { type Person, type Rag, type RagApproval, type Task, type TaskPatch, type Update } from '../model';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import { storeOf } from '../plan/plan-stores';
import type { PlanStore } from '../ports/plan-store';
import { matchesScope } from '../rounds/round-rules';
import { noChangeProgress } from '../updates/no-change';
import { validateUpdateForm, type UpdateFormValues, type ValidUpdateForm } from '../updates/update-form';
import { announceSuperseded, sendApprovalRequest, type ApprovalMessagingDeps } from './approval-messages';

export interface SubmitUpdateDeps {
  store: PlanStore;
  clock: Clock;
  /** RAG approvals; without them a proposed RAG applies at once. */
  approvals?: { policy: ApprovalPolicy; directory: Directory };
  /** Sends the approver the request and edits a superseded request's card; without it, the sweep sends. */
  notify?: ApprovalMessagingDeps;
}

export interface SubmitUpdateCommand {
  /** Who submitted: from the authenticated activity, never from card data. */
  actorAadObjectId: string;
  taskId: string;
  /** The task version the form was rendered from. */
  taskVersion: string;
  /** The card's idempotency key: a retried or double-clicked submit carries the same one. */
  idempotencyKey: string;
  values: UpdateFormValues;
  /** The card the owner submitted on: their receipt, redrawn with the decision once it is made. */
  cardActivityId?: string;
}

/** What became of a RAG the owner proposed. */
export interface ApprovalOutcome {
  /** The approval this update asked for (or, for a repeated submit, had asked for). */
  requested?: RagApproval;
  /** A pending proposal this update replaced: its approver's card should say so. */
  superseded?: RagApproval;
  /** The change needs approval but nobody but the requester could give it: the RAG was left as it was. */
  noApprover?: Rag;
}

export type SubmitUpdateResult =
  | ({ outcome: 'recorded'; task: Task; update: Update } & ApprovalOutcome)
  /** The same card was submitted before (double click, Teams retry): nothing new stored. */
  | ({ outcome: 'already-recorded'; task: Task; update: Update } & ApprovalOutcome);

/** The answers did not validate; `task` (when it still exists) is what to render the form again from. */
export class InvalidUpdateError extends ValidationError {
  constructor(fields: FieldError[], readonly task: Task | undefined) {
    super(fields);
  }
}

/** The task changed after the form was rendered; the owner's answers come back with the new task. */
export class StaleFormError extends ConflictError {
  constructor(readonly current: Task) {
    super('Task', current.id, 'form', current.version);
  }
}

/**
 * An owner's progress update: validate, check the task and the owner, then store the update and
 * the task's latest fields together, then (with `notify`) send the approval request it asks for.
 * Throws InvalidUpdateError, NotFoundError, ForbiddenError or StaleFormError; on any of them
 * nothing is stored.
 */
export async function submitUpdate(deps: SubmitUpdateDeps, cmd: SubmitUpdateCommand): Promise<SubmitUpdateResult> {
  const { store, clock } = deps;
  const previous = await store.findUpdateByIdempotencyKey(cmd.idempotencyKey);
  if (previous) return alreadyRecorded(store, previous);

  const task = await store.getTask(cmd.taskId);
  const form = validForm(cmd.values, task);
  if (!task) throw new NotFoundError('Task', cmd.taskId);
  const actor = requireOwner(task, cmd.actorAadObjectId, 'update');
  if (task.version !== cmd.taskVersion) throw new StaleFormError(task);

  const submittedAt = clock.now().toISOString();
  const rag = await ragDecision(deps, task, actor, form.rag);
  const saved = await saveUpdate(store, cmd.idempotencyKey, { task, actor, form, rag, submittedAt, round: await openRoundFor(store, task, submittedAt) });
  if ('outcome' in saved) return saved;

  // The task now points at the new approval; write its record (the chase sweep re-creates it from
  // the task and the update if this process stops before it does).
  const requested =
    rag.request && (await store.createApproval({ ...rag.request, updateId: saved.update.id, justification: form.progress, ...(cmd.cardActivityId && { ownerActivityId: cmd.cardActivityId }) }));
  const superseded = rag.replacesPending ? await supersede(store, task.pendingApprovalId!, requested?.key) : undefined;
  const result: SubmitUpdateResult = { outcome: 'recorded', ...saved, requested, superseded, ...(rag.noApprover && { noApprover: rag.noApprover }) };
  return deps.notify ? notifyApprovers(deps.notify, result) : result;
}

export type ConfirmNoChangeCommand = Omit<SubmitUpdateCommand, 'values'>;

/**
 * "No change since my last update", one press: the checks of a submit (the owner from the activity,
 * the card's task version, its key recorded once, the open round), then an update whose progress
 * says it was confirmed unchanged and quotes the last one (core/updates/no-change.ts). The RAG, a
 * pending proposal, evidence, risks, the support asked for and the measure stay as they are.
 * Throws NotFoundError, ForbiddenError or StaleFormError; on any of them nothing is stored.
 */
export async function confirmNoChange(deps: SubmitUpdateDeps, cmd: ConfirmNoChangeCommand): Promise<SubmitUpdateResult> {
  const { store, clock } = deps;
  const previous = await store.findUpdateByIdempotencyKey(cmd.idempotencyKey);
  if (previous) return alreadyRecorded(store, previous);
  const task = await store.getTask(cmd.taskId);
  if (!task) throw new NotFoundError('Task', cmd.taskId);
  const actor = requireOwner(task, cmd.actorAadObjectId, 'update');
  // The card showed the task at this version: a change since (a colleague's update) is not confirmed unseen.
  if (task.version !== cmd.taskVersion) throw new StaleFormError(task);
  const submittedAt = clock.now().toISOString();
  const form = { progress: noChangeProgress(task, actor) };
  const round = await openRoundFor(store, task, submittedAt);
  const saved = await saveUpdate(store, cmd.idempotencyKey, { task, actor, form, rag: { replacesPending: false }, submittedAt, round, unchanged: true });
  return 'outcome' in saved ? saved : { outcome: 'recorded', ...saved };
}

function validForm(values: UpdateFormValues, task: Task | undefined): ValidUpdateForm {
  try {
    return validateUpdateForm(values, task ? { task } : {});
  } catch (err) {
    throw err instanceof ValidationError ? new InvalidUpdateError(err.fields, task) : err;
  }
}

interface UpdateToSave {
  task: Task;
  actor: Person;
  form: ValidUpdateForm;
  rag: RagDecision;
  submittedAt: string;
  round?: string;
  /** A "no change" confirmation: the support asked for last time still stands. */
  unchanged?: boolean;
}

/** The update and the task's latest fields in one write; a lost race comes back as its winner. */
async function saveUpdate(store: PlanStore, idempotencyKey: string, u: UpdateToSave): Promise<{ task: Task; update: Update } | SubmitUpdateResult> {
  const { task, actor, form, rag, submittedAt } = u;
  const patch: TaskPatch = {
    latestUpdate: form.progress,
    latestUpdateAt: submittedAt,
    latestUpdateBy: actor,
    ...(form.evidence !== undefined && { evidence: form.evidence }),
    ...(form.risks !== undefined && { risks: form.risks }),
    // The ask is per update: an update without one clears the last one's (undefined clears a field).
    ...(!u.unchanged && { supportNeeded: form.supportNeeded }),
    ...(form.measureValue !== undefined && { measureValue: form.measureValue, measureValueAt: submittedAt }),
    ...(rag.apply !== undefined && ragPatch(rag.apply)),
    ...(rag.request && { pendingRag: rag.request.toRag, pendingApprovalId: rag.request.key }),
    ...(rag.replacesPending && !rag.request && { pendingRag: undefined, pendingApprovalId: undefined }),
  };
  const update = {
    taskId: task.id,
    taskRef: task.ref,
    ...(u.round && { round: u.round }),
    submittedBy: actor,
    submittedAt,
    progress: form.progress,
    ragProposed: form.rag,
    evidence: form.evidence,
    risks: form.risks,
    supportNeeded: form.supportNeeded,
    revisedDueDateRequested: form.revisedDueDate,
    ...(form.measureValue !== undefined && { measureValue: form.measureValue }),
    idempotencyKey,
  };
  try {
    return await store.recordUpdate({ update, task: { id: task.id, expectedVersion: task.version, patch } });
  } catch (err) {
    // A concurrent submit of the same card won the race: answer as if this one had.
    if (err instanceof DuplicateError) {
      const winner = await store.findUpdateByIdempotencyKey(idempotencyKey);
      if (winner) return alreadyRecorded(store, winner);
    }
    if (err instanceof ConflictError) {
      const current = await store.getTask(task.id);
      if (current) throw new StaleFormError(current);
    }
    throw err;
  }
}

/** The approver gets the request now (the sweep retries a failure); a replaced request's card says so. */
async function notifyApprovers(notify: ApprovalMessagingDeps, result: SubmitUpdateResult): Promise<SubmitUpdateResult> {
  let { requested } = result;
  if (requested) {
    const request = requested;
    await bestEffort(notify.log, 'approval request not sent', () => sendApprovalRequest(notify, request));
    requested = (await notify.store.getApproval(request.id)) ?? request;
  }
  const { superseded } = result;
  if (superseded) await bestEffort(notify.log, 'superseded approval card not updated', () => announceSuperseded(notify, superseded));
  return { ...result, requested };
}

interface RagDecision {
  /** Applied to the task now. */
  apply?: Rag;
  /** Asked for: the approval to create (its key goes on the task now). */
  request?: Omit<RagApproval, 'id' | 'version' | 'updateId' | 'justification'> & { requestedAt: string };
  /** The task's pending proposal is replaced (by `request`, or by a RAG applied at once). */
  replacesPending: boolean;
  noApprover?: Rag;
}

/**
 * What to do with the RAG on the form. Unchanged (or the same as the pending proposal): nothing.
 * A change the policy lets through: applied now. Otherwise a new approval request for the
 * resolved approver, replacing any pending one. Nobody to approve: the RAG stays as it is.
 */
async function ragDecision(deps: SubmitUpdateDeps, task: Task, actor: Person, proposed: Rag | undefined): Promise<RagDecision> {
  if (proposed === undefined || proposed === task.rag || (task.pendingApprovalId && proposed === task.pendingRag)) return { replacesPending: false };
  const replacesPending = task.pendingApprovalId !== undefined;
  if (!deps.approvals || !needsApproval(task.rag, proposed, deps.approvals.policy)) return { apply: proposed, replacesPending };
  const resolved: ResolvedApprover | undefined = await resolveApprover(task, actor, deps.approvals.directory, deps.approvals.policy.ediLeads);
  if (!resolved) return { replacesPending: false, noApprover: proposed };
  return {
    replacesPending,
    request: {
      key: randomUUID(),
      taskId: task.id,
      taskRef: task.ref,
      fromRag: task.rag,
      toRag: proposed,
      requestedBy: actor,
      requestedAt: deps.clock.now().toISOString(),
      ...resolved,
      state: 'Pending',
    },
  };
}

/** The task fields a RAG sets: Complete also completes the task. */
export function ragPatch(rag: Rag): TaskPatch {
  return { rag, ...(rag === 'Complete' && { status: 'Complete' as const, percentComplete: 100 }) };
}

/** Marks a pending proposal as replaced; undefined when it was decided first (its decision stands). */
async function supersede(store: PlanStore, key: string, by: string | undefined): Promise<RagApproval | undefined> {
  const old = await store.findApprovalByKey(key);
  if (!old || old.state !== 'Pending') return undefined;
  try {
    return await store.updateApproval(old.id, old.version, { state: 'Superseded', ...(by && { supersededBy: by }) });
  } catch (err) {
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
}

/** The open update round's name when the task is in its scope: the update answers that round. */
async function openRoundFor(store: PlanStore, task: Task, submittedAt: string): Promise<string | undefined> {
  // The task's own plan's round: a card names only the task, and this store may be another plan's.
  const [open] = await storeOf(store, task).listRounds({ state: 'Open' });
  return open && matchesScope(open.scope, task) && Date.parse(submittedAt) >= Date.parse(open.opensAt) ? open.name : undefined;
}

async function alreadyRecorded(store: PlanStore, update: Update): Promise<SubmitUpdateResult> {
  const task = await store.getTask(update.taskId);
  if (!task) throw new NotFoundError('Task', update.taskId);
  const requested = (await store.listApprovals({ taskId: task.id })).find((a) => a.updateId === update.id);
  return { outcome: 'already-recorded', task, update, ...(requested && { requested }) };
}
