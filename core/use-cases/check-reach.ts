import type { Person, ReminderLogEntry } from '../model';
import { activePlanStores } from '../plan/plan-stores';
import type { PlanStore } from '../ports/plan-store';

export type ReachStatus = 'reachable' | 'no-chat' | 'failing';

export interface ReachEntry {
  person: Person;
  roles: ('owner' | 'accountable')[];
  openTasks: string[];
  status: ReachStatus;
  /** The last permanent delivery failure, when the status is 'failing'. */
  lastFailure?: { reason: string; at: string };
}

const PERMANENT = new Set(['blocked', 'not-found']);

/**
 * Who the bot can reach before a round or a sweep: everyone who owns or answers for an open task,
 * with a stored chat ('reachable'), none yet ('no-chat': the app is not installed for them, or
 * never told us), or a chat whose last reminder failed for good ('failing': blocked, uninstalled).
 */
export async function checkReach(store: PlanStore): Promise<ReachEntry[]> {
  // Every running plan's: a person is reached (or not) once, whichever plans they are in.
  const openTasks = async () => (await Promise.all((await activePlanStores(store)).map((p) => p.store.listTasks({ statuses: ['Open'] })))).flat();
  const [tasks, conversations, reminders] = await Promise.all([openTasks(), store.listConversations(), store.listReminders()]);
  const entries = new Map<string, ReachEntry>();
  const note = (person: Person, role: 'owner' | 'accountable', ref: string) => {
    const entry = entries.get(person.aadObjectId) ?? { person, roles: [], openTasks: [], status: 'no-chat' as ReachStatus };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    if (!entry.openTasks.includes(ref)) entry.openTasks.push(ref);
    entries.set(person.aadObjectId, entry);
  };
  for (const t of tasks) {
    for (const o of t.owners) note(o, 'owner', t.ref);
    if (t.accountableOfficer) note(t.accountableOfficer, 'accountable', t.ref);
  }
  const chats = new Map(conversations.map((c) => [c.aadObjectId, c]));
  // Each person's latest permanent failure, in one pass over the log (it grows with every sweep).
  const lastFailure = new Map<string, ReminderLogEntry>();
  for (const r of reminders) {
    if (r.outcome !== 'failed' || !PERMANENT.has(r.detail ?? '')) continue;
    const seen = lastFailure.get(r.recipient.aadObjectId);
    if (!seen || r.sentAt > seen.sentAt) lastFailure.set(r.recipient.aadObjectId, r);
  }
  for (const entry of entries.values()) {
    const chat = chats.get(entry.person.aadObjectId);
    if (!chat) continue;
    const failure = lastFailure.get(entry.person.aadObjectId);
    // A chat captured again after the failure (reinstalled) counts as reachable.
    entry.status = failure && failure.sentAt >= chat.updatedAt ? 'failing' : 'reachable';
    if (entry.status === 'failing' && failure) entry.lastFailure = { reason: failure.detail ?? 'failed', at: failure.sentAt };
  }
  const order: Record<ReachStatus, number> = { failing: 0, 'no-chat': 1, reachable: 2 };
  return [...entries.values()].sort((a, b) => order[a.status] - order[b.status] || a.person.displayName.localeCompare(b.person.displayName));
}
