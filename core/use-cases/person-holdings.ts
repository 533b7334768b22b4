import type { ConversationRecord, Person, Plan, PlanChange, RagApproval, ReminderLogEntry, Task, TaskComment, Update, UpdateRound } from '../model';
import type { Directory } from '../ports/directory';
import type { PlanStore } from '../ports/plan-store';

/** One plan's records, read once (the person export and the leaver both look through all of them). */
export interface PlanHoldings {
  plan: Plan;
  store: PlanStore;
  tasks: Task[];
  updates: Update[];
  approvals: RagApproval[];
  comments: TaskComment[];
  changes: PlanChange[];
  rounds: UpdateRound[];
}

/** Everything the store holds, through the PlanStore port only (the same on SQLite and SharePoint). */
export interface StoreHoldings {
  plans: PlanHoldings[];
  /** The reminder log and the bot's chats are per person, shared by every plan. */
  reminders: ReminderLogEntry[];
  conversations: ConversationRecord[];
}

/** Someone found by e-mail: every Entra id that address was seen with, and how they were named. */
export interface PersonFound {
  email: string;
  aadObjectIds: string[];
  /** As the directory names them, else as the store's first record naming them does. */
  person: Person;
  displayNames: string[];
  inDirectory: boolean;
}

/** Every plan, closed ones too: a person's data in a plan that has ended is still held. */
export async function loadHoldings(store: PlanStore): Promise<StoreHoldings> {
  const plans: PlanHoldings[] = [];
  for (const plan of await store.plans.listPlans()) {
    const s = plan.id === store.planId ? store : store.plans.forPlan(plan.id);
    const [tasks, updates, approvals, comments, changes, rounds] = await Promise.all([
      s.listTasks(),
      // The plan's updates, all of them: newest first, so put back in the order they came.
      s.listRecentUpdates(Number.MAX_SAFE_INTEGER).then((u) => u.reverse()),
      s.listApprovals(),
      s.listComments(),
      s.listChanges(),
      s.listRounds(),
    ]);
    plans.push({ plan, store: s, tasks, updates, approvals, comments, changes, rounds });
  }
  const [reminders, conversations] = await Promise.all([store.listReminders(), store.listConversations()]);
  return { plans, reminders, conversations };
}

/** Every person a plan's records name (owners, approvers, authors…), for finding someone by e-mail. */
export function peopleNamed(h: PlanHoldings): Person[] {
  const out: (Person | undefined)[] = [h.plan.owner];
  for (const t of h.tasks) out.push(...t.owners, t.accountableOfficer, t.latestUpdateBy, t.delegatedBy, ...(t.evidenceLinks ?? []).map((l) => l.addedBy));
  for (const u of h.updates) out.push(u.submittedBy);
  for (const a of h.approvals) out.push(a.requestedBy, a.approver, a.decidedBy);
  for (const c of h.comments) out.push(c.author);
  for (const c of h.changes) out.push(c.changedBy);
  for (const r of h.rounds) for (const line of r.snapshot ?? []) out.push(line.updateBy);
  return out.filter((p): p is Person => p !== undefined);
}

const sameEmail = (a: string | undefined, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The person with this e-mail address (case-insensitive): from the directory when it knows them, and
 * from every record the store holds (someone who has left may be gone from the directory but not
 * from the plan's history). Undefined when neither knows the address.
 */
export async function findPerson(holdings: StoreHoldings, directory: Directory, email: string): Promise<PersonFound | undefined> {
  const wanted = email.trim();
  const inStore = [...holdings.plans.flatMap(peopleNamed), ...holdings.reminders.map((r) => r.recipient)].filter((p) => sameEmail(p.email, wanted));
  let listed: Person[] = [];
  try {
    listed = (await directory.search(wanted)).filter((p) => sameEmail(p.email, wanted));
  } catch {
    // The directory not answering must not stop a leaver or an export: the store's records stand.
  }
  const all = [...listed, ...inStore];
  if (!all.length) return undefined;
  const ids = [...new Set(all.map((p) => p.aadObjectId))];
  const names = [...new Set(all.map((p) => p.displayName).filter(Boolean))];
  return { email: all[0]!.email, aadObjectIds: ids, person: all[0]!, displayNames: names, inDirectory: listed.length > 0 };
}

/** Whether a record's person is them: by Entra id, or by e-mail for a record written without the id. */
export function isThem(found: Pick<PersonFound, 'aadObjectIds' | 'email'>, p: Person | undefined): p is Person {
  return p !== undefined && (found.aadObjectIds.includes(p.aadObjectId) || sameEmail(p.email, found.email));
}
