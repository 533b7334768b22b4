import { DomainError } from '../errors';
import type { ConversationRecord, FieldChange, PlanChange, Task } from '../model';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { PlanStore } from '../ports/plan-store';
import { findPerson, isThem, loadHoldings, type PersonFound, type PlanHoldings, type StoreHoldings } from './person-holdings';

/**
 * Everything the app holds about one person, for a subject access request (UK GDPR Art. 15): what
 * they own or answer for, what they wrote, what was decided about their proposals, what the bot
 * sent them and the chat it keeps with them. Read through the PlanStore port, so the same on
 * SQLite and SharePoint. Logs and telemetry are not in it: they hold ids and counts, never names
 * or text (ADMIN.md, "Personal data").
 */
export interface PersonExportDeps {
  store: PlanStore;
  directory: Directory;
  clock: Clock;
}

/** No record and no directory entry has this address. */
export class UnknownPersonError extends DomainError {
  constructor(readonly email: string) {
    super(`No one with the e-mail address ${email} is in the directory or in any plan's records. Check the address (it is matched whole, in any case).`);
  }
}

export type TaskRole = 'owner' | 'accountable officer' | 'handed it over' | 'wrote the latest update' | 'added evidence' | 'named in the imported wording';

const README = {
  about: 'This file: who it is about, when it was exported, and what each part holds.',
  person: 'The e-mail address asked about, the Entra (Azure AD) object ids it was found with, and the names the records give.',
  counts: 'How many items of each kind follow.',
  plans: 'One entry per plan that holds anything about them (open and closed plans alike).',
  'plans[].plan': 'The plan, and whether they are its owner (the EDI officer responsible for it).',
  'plans[].tasks': 'Tasks they own, are accountable for, handed over, wrote the latest update on or added evidence to, or whose imported owner wording names them, with their role.',
  'plans[].updates': 'Progress updates they submitted, as stored: progress, RAG proposed, evidence, risks, support needed.',
  'plans[].approvals': 'RAG changes they proposed, were asked to decide or decided, with the decision and comment.',
  'plans[].comments': 'Comments they posted on task threads.',
  'plans[].changesMade': 'History items (Plan Changes) recording edits they made.',
  'plans[].changesNamingThem': 'History items whose before or after values name them (an owner or accountable officer changed).',
  'plans[].roundSnapshots': 'Closed update rounds that kept one of their updates for a board report.',
  reminders: 'Reminders and approval messages the bot sent (or tried to send) them: when, why and the outcome.',
  conversation: "The bot's record of its personal chat with them (what it needs to message them), or null. No secrets are stored there.",
};

const NOTES = [
  'Times are UTC (ISO 8601); dates are calendar dates (yyyy-mm-dd).',
  "Other people's names appear only where they are part of a record about this person (who decided their RAG change). Review before sending.",
  'Application logs and telemetry hold ids and counts, not names, e-mail addresses or update text, so they are not part of this export.',
];

export async function exportPerson(deps: PersonExportDeps, email: string) {
  const holdings = await loadHoldings(deps.store);
  const found = await findPerson(holdings, deps.directory, email);
  if (!found) throw new UnknownPersonError(email.trim());
  return buildExport(holdings, found, deps.clock.now().toISOString());
}

export type PersonExport = ReturnType<typeof buildExport>;

/** The document, from records already read: `exportedAt` says when. */
export function buildExport(holdings: StoreHoldings, found: PersonFound, exportedAt: string) {
  const plans = holdings.plans.map((h) => planPart(h, found)).filter((p) => p.plan.isOwner || Object.values(p).some((v) => Array.isArray(v) && v.length > 0));
  const taskRefs = new Map(holdings.plans.flatMap((h) => h.tasks.map((t) => [t.id, t.ref] as const)));
  const reminders = holdings.reminders
    .filter((r) => isThem(found, r.recipient))
    .map((r) => ({ id: r.id, taskRef: taskRefs.get(r.taskId), trigger: r.trigger, sentAt: r.sentAt, outcome: r.outcome, ...(r.detail && { detail: r.detail }) }));
  const conversation = holdings.conversations.find((c) => found.aadObjectIds.includes(c.aadObjectId));
  const sum = (pick: (p: (typeof plans)[number]) => unknown[]) => plans.reduce((n, p) => n + pick(p).length, 0);
  const counts = {
    plans: plans.length,
    plansOwned: plans.filter((p) => p.plan.isOwner).length,
    tasks: sum((p) => p.tasks),
    updates: sum((p) => p.updates),
    approvals: sum((p) => p.approvals),
    comments: sum((p) => p.comments),
    changesMade: sum((p) => p.changesMade),
    changesNamingThem: sum((p) => p.changesNamingThem),
    roundSnapshots: sum((p) => p.roundSnapshots),
    reminders: reminders.length,
    conversation: conversation ? 1 : 0,
  };
  return {
    about: { title: 'Personal data held by EDI Action Plan for Teams', exportedAt, readme: README, notes: NOTES },
    person: { email: found.email, aadObjectIds: found.aadObjectIds, displayNames: found.displayNames, inDirectory: found.inDirectory },
    counts,
    plans,
    reminders,
    conversation: conversation ? conversationPart(conversation) : null,
  };
}

function planPart(h: PlanHoldings, found: PersonFound) {
  const refOf = new Map(h.tasks.map((t) => [t.id, t.ref] as const));
  const names = found.displayNames.filter((n) => n.trim().length > 0);
  const naming = (c: FieldChange) => names.some((n) => c.from?.includes(n) || c.to?.includes(n));
  return {
    plan: { id: h.plan.id, key: h.plan.key, name: h.plan.name, state: h.plan.state, isOwner: isThem(found, h.plan.owner) },
    tasks: h.tasks.map((t) => taskPart(t, found, names)).filter((t) => t.roles.length > 0),
    updates: h.updates
      .filter((u) => isThem(found, u.submittedBy))
      .map(({ id, taskRef, round, submittedAt, submittedBy, progress, ragProposed, evidence, risks, supportNeeded, revisedDueDateRequested, measureValue }) => ({
        id, taskRef, round, submittedAt, submittedAs: submittedBy.displayName, progress, ragProposed, evidence, risks, supportNeeded, revisedDueDateRequested, measureValue,
      })),
    approvals: h.approvals.flatMap((a) => {
      const roles = [isThem(found, a.requestedBy) && 'proposed it', isThem(found, a.approver) && 'asked to decide', isThem(found, a.decidedBy) && 'decided it'].filter((r): r is string => !!r);
      if (!roles.length) return [];
      const { id, taskRef, fromRag, toRag, state, requestedAt, decidedAt } = a;
      // The proposer's words are theirs: only in the proposer's export. The decision's comment is about the proposal, so in either's.
      const proposed = isThem(found, a.requestedBy);
      const comment = proposed || isThem(found, a.decidedBy) ? a.comment : undefined;
      return [{ id, taskRef, roles, fromRag, toRag, state, requestedAt, requestedBy: a.requestedBy.displayName, justification: proposed ? a.justification : undefined, approver: a.approver.displayName, decidedBy: a.decidedBy?.displayName, decidedAt, comment }];
    }),
    comments: h.comments.filter((c) => isThem(found, c.author)).map(({ id, taskRef, postedAt, text }) => ({ id, taskRef, postedAt, text })),
    changesMade: h.changes.filter((c) => isThem(found, c.changedBy)).map(changePart),
    changesNamingThem: h.changes.filter((c) => !isThem(found, c.changedBy) && c.changes.some(naming)).map((c) => ({ ...changePart(c), changedBy: c.changedBy.displayName })),
    roundSnapshots: h.rounds.flatMap((r) =>
      (r.snapshot ?? []).filter((l) => isThem(found, l.updateBy)).map((l) => ({ round: r.name, closedAt: r.closedAt, taskRef: l.taskRef ?? refOf.get(l.taskId), update: l.update, updateAt: l.updateAt })),
    ),
  };
}

function taskPart(t: Task, found: PersonFound, names: string[]) {
  const evidence = (t.evidenceLinks ?? []).filter((l) => isThem(found, l.addedBy));
  // An imported plan's owner wording, kept verbatim until an officer assigns someone ("Alex Morgan (Research)").
  const wording = [t.ownerText, t.accountableOfficerText, ...(t.unassignedOwners ?? [])].filter((w): w is string => !!w && names.some((n) => w.includes(n)));
  const roles: TaskRole[] = [];
  if (t.owners.some((o) => isThem(found, o))) roles.push('owner');
  if (isThem(found, t.accountableOfficer)) roles.push('accountable officer');
  if (isThem(found, t.delegatedBy)) roles.push('handed it over');
  if (isThem(found, t.latestUpdateBy)) roles.push('wrote the latest update');
  if (evidence.length) roles.push('added evidence');
  if (wording.length) roles.push('named in the imported wording');
  return {
    id: t.id,
    ref: t.ref,
    title: t.title,
    roles,
    status: t.status,
    rag: t.rag,
    dueDate: t.dueDate,
    ...(isThem(found, t.delegatedBy) && { handedOverAt: t.delegatedAt }),
    ...(isThem(found, t.latestUpdateBy) && { latestUpdate: t.latestUpdate, latestUpdateAt: t.latestUpdateAt }),
    ...(evidence.length > 0 && { evidenceAdded: evidence.map(({ url, title, addedAt }) => ({ url, title, addedAt })) }),
    ...(wording.length > 0 && { importedWording: wording }),
  };
}

function changePart(c: PlanChange) {
  return { id: c.id, subject: c.subject, subjectRef: c.subjectRef, action: c.action, changedAt: c.changedAt, changes: c.changes, reason: c.reason };
}

/**
 * The chat record without anything that is not about the chat: the reference's ids and service URL
 * (where Teams takes the bot's messages for this person), never a token (none is stored).
 */
function conversationPart(c: ConversationRecord) {
  const ref = c.reference as { serviceUrl?: unknown; channelId?: unknown; locale?: unknown; conversation?: Record<string, unknown>; user?: Record<string, unknown>; bot?: Record<string, unknown> };
  const pick = (o: Record<string, unknown> | undefined, keys: string[]) => (o ? Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) : undefined);
  return {
    aadObjectId: c.aadObjectId,
    tenantId: c.tenantId,
    displayName: c.displayName,
    teamsUserId: c.teamsUserId,
    updatedAt: c.updatedAt,
    reference: pick(
      {
        channelId: ref.channelId,
        serviceUrl: ref.serviceUrl,
        locale: ref.locale,
        conversation: pick(ref.conversation, ['id', 'conversationType', 'tenantId']),
        user: pick(ref.user, ['id', 'aadObjectId', 'name']),
        bot: pick(ref.bot, ['id', 'name']),
      },
      ['channelId', 'serviceUrl', 'locale', 'conversation', 'user', 'bot'],
    ),
  };
}
