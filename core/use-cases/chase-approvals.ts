import type { ApprovalPolicy } from '../approvals/approval-policy';
import { resolveApprover } from '../approvals/resolve-approver';
import { workingDaysSince } from '../approvals/working-days';
import { DuplicateError } from '../errors';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, RagApproval, ReminderLogEntry, Task } from '../model';
import { DeliveryError } from '../ports/messenger';
import { londonDate } from '../plan/london-time';
import type { Directory } from '../ports/directory';
import type { WorkingCalendar } from '../reminders/working-calendar';
import { sendApprovalRequest, loadApprovalView, tellOwner, patchApproval, type ApprovalMessagingDeps, type ApprovalView } from './approval-messages';
import { settleTask } from './decide-approval';

export interface ChaseApprovalsDeps extends ApprovalMessagingDeps {
  policy: ApprovalPolicy;
  calendar: WorkingCalendar;
  directory: Directory;
}

export interface ChaseApprovalsResult {
  /** Requests whose first card had not gone out (a crash, or the approver was unreachable then). */
  requested: number;
  /** Decisions whose owner could not be told then and has a new chat now. */
  told: number;
  chased: number;
  /** Approvals the EDI leads were told about. */
  escalated: number;
  /** Decided approvals whose task had not taken the decision, and proposals whose record was missing. */
  repaired: number;
}

// A request younger than this is still being sent by the instance that took it.
const REQUEST_GRACE_MS = 2 * 60_000;

/**
 * The approvals part of each sweep: finish what a crash left half done, send requests that never
 * went out, chase the approver once after `chaseAfterWorkingDays`, and after as many working days
 * again tell the EDI leads. Every message is claimed in the reminder log first, so several
 * instances sweeping at once send each one exactly once.
 */
export async function chaseApprovals(deps: ChaseApprovalsDeps): Promise<ChaseApprovalsResult> {
  const total: ChaseApprovalsResult = { requested: 0, told: 0, chased: 0, escalated: 0, repaired: 0 };
  // Every plan's, closed ones too: a decision asked for before a plan closed is still owed.
  for (const plan of await deps.store.plans.listPlans()) {
    const one = await chasePlanApprovals({ ...deps, store: plan.id === deps.store.planId ? deps.store : deps.store.plans.forPlan(plan.id) });
    for (const k of Object.keys(total) as (keyof ChaseApprovalsResult)[]) total[k] += one[k];
  }
  return total;
}

async function chasePlanApprovals(deps: ChaseApprovalsDeps): Promise<ChaseApprovalsResult> {
  const result: ChaseApprovalsResult = { requested: 0, told: 0, chased: 0, escalated: 0, repaired: 0 };
  result.repaired = await repairHalfDone(deps);
  const approvals = await deps.store.listApprovals();

  const now = deps.clock.now();
  const today = londonDate(now);
  const log = new Map((await deps.store.listReminders()).filter((r) => r.key.startsWith('approval:')).map((r) => [r.key, r] as const));
  /** A message that failed, to someone who has opened a chat with the bot since: worth one more try. */
  const newChatSince = async (entry: ReminderLogEntry | undefined, person: Person) => {
    if (entry?.outcome !== 'failed') return false;
    const chat = await deps.store.getConversation(person.aadObjectId);
    return chat !== undefined && chat.updatedAt > entry.sentAt;
  };
  for (const decided of approvals.filter((a) => a.state === 'Approved' || a.state === 'Rejected')) {
    if ((await newChatSince(log.get(`approval:${decided.key}:decision`), decided.requestedBy)) && (await tellOwner(deps, decided, undefined, true)) === 'sent') result.told++;
  }
  const toEscalate: RagApproval[] = [];
  for (const approval of approvals.filter((a) => a.state === 'Pending')) {
    const request = log.get(`approval:${approval.key}:request`);
    const chase = log.get(`approval:${approval.key}:chase`);
    if (!request) {
      if (now.getTime() - Date.parse(approval.requestedAt) >= REQUEST_GRACE_MS && (await sendApprovalRequest(deps, approval)) === 'sent') result.requested++;
      continue;
    }
    // The approver could not be reached then and may be now (they have opened a chat since): try
    // again. Still unreachable: the chaser and then the EDI leads follow as for anyone who does not answer.
    if (await newChatSince(request, approval.approver)) {
      if ((await sendApprovalRequest(deps, approval, { retryFailed: true })) === 'sent') {
        result.requested++;
        continue;
      }
    }
    const waited = workingDaysSince(londonDate(new Date(approval.requestedAt)), today, deps.calendar);
    if (!chase) {
      if (waited >= deps.policy.chaseAfterWorkingDays && (await sendApprovalRequest(deps, approval, { chaser: true })) === 'sent') result.chased++;
      continue;
    }
    if (workingDaysSince(londonDate(new Date(chase.sentAt)), today, deps.calendar) >= deps.policy.chaseAfterWorkingDays) toEscalate.push(approval);
  }
  result.escalated = await escalate(deps, toEscalate, log);
  return result;
}

/** One card per EDI lead listing the decisions left waiting; each approval claimed per lead first. */
async function escalate(deps: ChaseApprovalsDeps, approvals: RagApproval[], log: Map<string, ReminderLogEntry>): Promise<number> {
  const escalated = new Set<string>();
  for (const lead of deps.policy.ediLeads) {
    const claims: { key: string; view: ApprovalView }[] = [];
    for (const approval of approvals) {
      const key = `approval:${approval.key}:escalate:${lead.aadObjectId}`;
      if (log.has(key)) continue;
      const claimed = await deps.store.tryAddReminder({ key, taskId: approval.taskId, recipient: lead, trigger: 'approval-escalation', sentAt: deps.clock.now().toISOString(), outcome: 'pending' });
      const view = claimed ? await loadApprovalView(deps.store, approval) : undefined;
      if (view) claims.push({ key, view });
    }
    if (!claims.length) continue;
    const person = (await deps.directory.findById(lead.aadObjectId)) ?? lead;
    let failure: string | undefined;
    if (!(await ensureChat(deps, person))) failure = 'The app is not installed for them and their chat could not be opened';
    else {
      try {
        await deps.messenger.sendCard(person, deps.cards.escalation(claims.map((c) => c.view)));
      } catch (err) {
        failure = (err instanceof DeliveryError ? `${err.kind}: ${err.message}` : String(err)).slice(0, 250);
      }
    }
    for (const { key, view } of claims) {
      await deps.store.setReminderOutcome(key, failure ? 'failed' : 'sent', failure);
      if (failure) continue;
      escalated.add(view.approval.id);
      await patchApproval(deps.store, view.approval.id, { escalatedAt: deps.clock.now().toISOString() });
    }
  }
  return escalated.size;
}

/**
 * What a stopped process can leave half done, found from the tasks still pointing at an approval:
 * a decision the task never took (settled now), or no approval record at all, because the process
 * stopped between storing the update and creating the approval (re-created from that update).
 */
async function repairHalfDone(deps: ChaseApprovalsDeps): Promise<number> {
  const pointing = (await deps.store.listTasks()).filter((t) => t.pendingApprovalId && t.pendingRag);
  if (!pointing.length) return 0;
  const byKey = new Map((await deps.store.listApprovals()).map((a) => [a.key, a] as const));
  let repaired = 0;
  for (const task of pointing) {
    const approval = byKey.get(task.pendingApprovalId!) ?? (await deps.store.findApprovalByKey(task.pendingApprovalId!));
    if (approval?.state === 'Approved' || approval?.state === 'Rejected') {
      await settleTask(deps.store, approval);
      repaired++;
    } else if (!approval && (await recreateApproval(deps, task))) {
      repaired++;
    }
  }
  return repaired;
}

/** The approval a task points at, rebuilt from the update that proposed it; false when nobody can approve. */
async function recreateApproval(deps: ChaseApprovalsDeps, task: Task): Promise<boolean> {
  const update = (await deps.store.listUpdates(task.id)).filter((u) => u.ragProposed === task.pendingRag).at(-1);
  const requester = update?.submittedBy ?? task.latestUpdateBy;
  const resolved = requester && (await resolveApprover(task, requester, deps.directory, deps.policy.ediLeads));
  if (!requester || !resolved) return false;
  try {
    await deps.store.createApproval({
      key: task.pendingApprovalId!,
      taskId: task.id,
      taskRef: task.ref,
      ...(update && { updateId: update.id, justification: update.progress }),
      fromRag: task.rag,
      toRag: task.pendingRag!,
      requestedBy: requester,
      requestedAt: update?.submittedAt ?? deps.clock.now().toISOString(),
      ...resolved,
      state: 'Pending',
    });
    return true;
  } catch (err) {
    // Another instance re-created it first: nothing to do.
    if (!(err instanceof DuplicateError)) throw err;
    return false;
  }
}
