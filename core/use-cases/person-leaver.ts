import { resolveApprover, type ResolvedApprover } from '../approvals/resolve-approver';
import { ConflictError, DomainError } from '../errors';
import { bestEffort } from '../messaging/best-effort';
import { ensureChat } from '../messaging/ensure-chat';
import type { Person, Plan, RagApproval, Task } from '../model';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { Logger } from '../ports/logger';
import type { Messenger, OutboundCard } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';
import { fieldChanges } from '../tasks/field-changes';
import type { ApprovalCards } from './approval-messages';
import { UnknownPersonError } from './person-export';
import { findPerson, isThem, loadHoldings, type PersonFound, type PlanHoldings } from './person-holdings';
import { sendReroutedRequest } from './person-reroute';

/**
 * Someone leaves the council: each OPEN task they own, in every plan, passes on (co-owners keep it
 * alone; else to its accountable officer, the person named with `--to`, the plan's owner, or an
 * EDI lead), recorded in the plan's history and told to the new owner through the bot; decisions
 * waiting on them are re-routed as a new request would be (core/approvals/resolve-approver.ts).
 * What they wrote stays as written, under their name: that is the record. Running it again
 * changes nothing: they own nothing open and decide nothing pending any more.
 */
export const LEAVER_REASON = 'Owner left the council';

/** Who the history names as making the change: the hand-over, run by an administrator from the CLI. */
export const LEAVER_ACTOR: Person = { aadObjectId: 'app:person-leaver', displayName: 'Leaver hand-over (npm run person)', email: '' };

/** Why the new owner has the task: the route the hand-over took. */
export type SuccessorRoute = 'co-owners' | 'accountable-officer' | 'named' | 'plan-owner' | 'edi-lead';

/** The bot's card telling someone they now own a task whose owner left. */
export interface LeaverCards {
  ownerLeft(task: Task, leaver: Person, via: Exclude<SuccessorRoute, 'co-owners'>): OutboundCard;
}

export interface PersonLeaverDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
  ediLeads: readonly Person[];
  /** Tells new owners and new approvers; without it nobody is told. */
  notify?: { messenger: Messenger; cards: LeaverCards; approvalCards: ApprovalCards; log?: Logger };
}

export interface PersonLeaverCommand {
  email: string;
  /** E-mail of who takes tasks that have no accountable officer (before the plan's owner and the EDI leads). */
  to?: string;
  dryRun?: boolean;
}

interface PlanRef {
  planKey: string;
  planName: string;
}

export interface HandedOver extends PlanRef {
  taskId: string;
  ref: string;
  title: string;
  owners: Person[];
  via: SuccessorRoute;
  /** The new owner was sent the card (false: could not be reached; undefined: co-owners, or a dry run). */
  told?: boolean;
}

export interface Rerouted extends PlanRef {
  approvalId: string;
  taskRef: string;
  to: Person;
  route: ResolvedApprover['route'];
  told?: boolean;
}

export interface LeaverResult {
  leaver: Person;
  dryRun: boolean;
  handedOver: HandedOver[];
  /** Open tasks nobody could take (no accountable officer, no `--to`, no plan owner, no EDI lead). */
  notHandedOver: (PlanRef & { ref: string; title: string })[];
  rerouted: Rerouted[];
  notRerouted: (PlanRef & { approvalId: string; taskRef: string })[];
  /** Left as they are, for an officer to look at: the record of what they did stands. */
  stillNamed: {
    accountableFor: (PlanRef & { ref: string })[];
    plansOwned: PlanRef[];
    proposalsPending: (PlanRef & { taskRef: string })[];
  };
  /** The bot's chat record: deleted (they can no longer be reminded, and it is personal data), or would be on a dry run. */
  conversation: 'none' | 'deleted' | 'to-delete';
}

/** `--to` names nobody the directory knows. */
export class UnknownSuccessorError extends DomainError {}

export async function handleLeaver(deps: PersonLeaverDeps, cmd: PersonLeaverCommand): Promise<LeaverResult> {
  const holdings = await loadHoldings(deps.store);
  const found = await findPerson(holdings, deps.directory, cmd.email);
  if (!found) throw new UnknownPersonError(cmd.email.trim());
  const named = cmd.to === undefined ? undefined : await successorNamed(deps.directory, cmd.to, found);
  const dryRun = cmd.dryRun ?? false;
  const result: LeaverResult = {
    leaver: found.person,
    dryRun,
    handedOver: [],
    notHandedOver: [],
    rerouted: [],
    notRerouted: [],
    stillNamed: { accountableFor: [], plansOwned: [], proposalsPending: [] },
    conversation: 'none',
  };
  for (const h of holdings.plans) {
    const where = { planKey: h.plan.key, planName: h.plan.name };
    await handOverTasks(deps, h, found, named, dryRun, result);
    await rerouteApprovals(deps, h, found, dryRun, result);
    const open = h.tasks.filter((t) => t.status === 'Open');
    result.stillNamed.accountableFor.push(...open.filter((t) => isThem(found, t.accountableOfficer)).map((t) => ({ ...where, ref: t.ref })));
    if (isThem(found, h.plan.owner)) result.stillNamed.plansOwned.push(where);
    result.stillNamed.proposalsPending.push(...h.approvals.filter((a) => a.state === 'Pending' && isThem(found, a.requestedBy)).map((a) => ({ ...where, taskRef: a.taskRef })));
  }
  // Last, once their work has been handed on (the new owners were told through their own chats).
  for (const chat of holdings.conversations.filter((c) => found.aadObjectIds.includes(c.aadObjectId))) {
    if (dryRun) result.conversation = 'to-delete';
    else if (await deps.store.deleteConversation(chat.aadObjectId)) result.conversation = 'deleted';
  }
  return result;
}

async function successorNamed(directory: Directory, email: string, leaver: PersonFound): Promise<Person> {
  const wanted = email.trim().toLowerCase();
  const matches = (await directory.search(wanted)).filter((p) => p.email.toLowerCase() === wanted);
  if (matches.length !== 1) throw new UnknownSuccessorError(`--to ${email}: ${matches.length ? 'several people have that address' : 'no one in the directory has that e-mail address'}. Give the work e-mail address of who should take their tasks.`);
  if (isThem(leaver, matches[0])) throw new UnknownSuccessorError(`--to ${email} is the person leaving: name someone else.`);
  return matches[0]!;
}

/** The owners a task has once the leaver is gone, and why; undefined when nobody can take it. */
function ownersAfter(task: Task, plan: Plan, leaver: PersonFound, named: Person | undefined, leads: readonly Person[]): { owners: Person[]; via: SuccessorRoute; successor?: Person } | undefined {
  const others = task.owners.filter((o) => !isThem(leaver, o));
  if (others.length) return { owners: others, via: 'co-owners' };
  const candidates: [Exclude<SuccessorRoute, 'co-owners'>, Person | undefined][] = [
    ['accountable-officer', task.accountableOfficer],
    ['named', named],
    ['plan-owner', plan.owner],
    ...leads.map((l): ['edi-lead', Person] => ['edi-lead', l]),
  ];
  const [via, successor] = candidates.find(([, p]) => p !== undefined && !isThem(leaver, p)) ?? [];
  return via && successor ? { owners: [successor], via, successor } : undefined;
}

async function handOverTasks(deps: PersonLeaverDeps, h: PlanHoldings, leaver: PersonFound, named: Person | undefined, dryRun: boolean, result: LeaverResult): Promise<void> {
  const where = { planKey: h.plan.key, planName: h.plan.name };
  for (const read of h.tasks.filter((t) => t.status === 'Open' && t.owners.some((o) => isThem(leaver, o)))) {
    const planned = ownersAfter(read, h.plan, leaver, named, deps.ediLeads);
    if (!planned) {
      result.notHandedOver.push({ ...where, ref: read.ref, title: read.title });
      continue;
    }
    const line: HandedOver = { ...where, taskId: read.id, ref: read.ref, title: read.title, owners: planned.owners, via: planned.via };
    if (dryRun) {
      result.handedOver.push(line);
      continue;
    }
    const done = await writeHandOver(deps, h, read, leaver, named);
    if (!done) continue; // changed hands meanwhile: not theirs any more
    const { task, successor, via } = done;
    result.handedOver.push({ ...line, owners: task.owners, via, ...(successor && via !== 'co-owners' && { told: await tellNewOwner(deps, task, leaver.person, successor, via) }) });
  }
}

/** The task's owners and its history item together (PlanStore.editTask); re-read and again when it changed meanwhile. */
async function writeHandOver(deps: PersonLeaverDeps, h: PlanHoldings, first: Task, leaver: PersonFound, named: Person | undefined) {
  for (let attempt = 0; ; attempt++) {
    const task = attempt === 0 ? first : await h.store.getTask(first.id);
    if (!task || task.status !== 'Open' || !task.owners.some((o) => isThem(leaver, o))) return undefined;
    const after = ownersAfter(task, h.plan, leaver, named, deps.ediLeads);
    if (!after) return undefined;
    try {
      const saved = await h.store.editTask({
        task: { id: task.id, expectedVersion: task.version, patch: { owners: after.owners } },
        change: {
          key: `leaver:${leaver.person.aadObjectId}:${task.id}:${task.version}`,
          subject: 'task',
          subjectId: task.id,
          subjectRef: task.ref,
          action: 'edited',
          changedBy: LEAVER_ACTOR,
          changedAt: deps.clock.now().toISOString(),
          changes: fieldChanges(task, { ...task, owners: after.owners }, ['owners']),
          reason: LEAVER_REASON,
        },
      });
      return { task: saved.task, via: after.via, successor: after.successor };
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 4) throw err;
    }
  }
}

/** Best effort: the hand-over stands whether or not the card arrives; an unreachable owner is reported. */
async function tellNewOwner(deps: PersonLeaverDeps, task: Task, leaver: Person, to: Person, via: Exclude<SuccessorRoute, 'co-owners'>): Promise<boolean> {
  const notify = deps.notify;
  if (!notify) return false;
  let told = false;
  await bestEffort(notify.log, 'leaver hand-over notice not sent', async () => {
    if (!(await ensureChat({ store: deps.store, clock: deps.clock, messenger: notify.messenger }, to))) return;
    await notify.messenger.sendCard(to, notify.cards.ownerLeft(task, leaver, via));
    told = true;
  });
  return told;
}

/** Who decides instead: as for a new request, skipping the leaver wherever they would come up. */
async function newApprover(deps: PersonLeaverDeps, task: Task | undefined, approval: RagApproval, leaver: PersonFound): Promise<ResolvedApprover | undefined> {
  const accountable = task?.accountableOfficer && !isThem(leaver, task.accountableOfficer) ? task.accountableOfficer : undefined;
  const directory: Directory = {
    ...deps.directory,
    managerOf: async (id) => {
      const manager = await deps.directory.managerOf(id);
      return manager && !isThem(leaver, manager) ? manager : undefined;
    },
  };
  return resolveApprover({ accountableOfficer: accountable }, approval.requestedBy, directory, deps.ediLeads.filter((l) => !isThem(leaver, l)));
}

async function rerouteApprovals(deps: PersonLeaverDeps, h: PlanHoldings, leaver: PersonFound, dryRun: boolean, result: LeaverResult): Promise<void> {
  const where = { planKey: h.plan.key, planName: h.plan.name };
  for (const read of h.approvals.filter((a) => a.state === 'Pending' && isThem(leaver, a.approver))) {
    const resolved = await newApprover(deps, await h.store.getTask(read.taskId), read, leaver);
    if (!resolved) {
      result.notRerouted.push({ ...where, approvalId: read.id, taskRef: read.taskRef });
      continue;
    }
    const line: Rerouted = { ...where, approvalId: read.id, taskRef: read.taskRef, to: resolved.approver, route: resolved.route };
    if (dryRun) {
      result.rerouted.push(line);
      continue;
    }
    const saved = await writeReroute(h.store, read, resolved, leaver);
    if (!saved) continue; // decided (or re-routed) meanwhile
    const told = deps.notify ? await sendReroutedRequest({ ...deps.notify, store: h.store, clock: deps.clock, cards: deps.notify.approvalCards }, saved) : undefined;
    result.rerouted.push({ ...line, ...(told !== undefined && { told }) });
  }
}

async function writeReroute(store: PlanStore, first: RagApproval, resolved: ResolvedApprover, leaver: PersonFound): Promise<RagApproval | undefined> {
  for (let attempt = 0; ; attempt++) {
    const approval = attempt === 0 ? first : await store.getApproval(first.id);
    if (!approval || approval.state !== 'Pending' || !isThem(leaver, approval.approver)) return undefined;
    try {
      return await store.updateApproval(approval.id, approval.version, { approver: resolved.approver, route: resolved.route });
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 4) throw err;
    }
  }
}
