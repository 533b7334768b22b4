import { NotFoundError } from '../errors';
import { measureStatus, type MeasureStatus } from '../measures/measure-facts';
import type { IsoInstant, Person, PlanChange, RagApproval, ReminderOutcome, Task, TaskComment, TaskInput, Update } from '../model';
import { londonDate } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';
import { storeOf } from '../plan/plan-stores';

/** One task as `/api/tasks/:id` shows it: every field, its full update history, approvals and reminders. */
export type TaskDetail = Omit<TaskInput, 'pendingApprovalId' | 'carriedFrom' | 'carriedTo'> & {
  id: string;
  /** The version read (the API sends it as the ETag a PATCH must carry in If-Match). */
  version: string;
  objectiveTitle?: string;
  /** Open and past its due date (London calendar day). */
  overdue: boolean;
  /** Newest first. */
  updates: UpdateHistoryItem[];
  /** Newest first. */
  approvals: ApprovalHistoryItem[];
  /** Newest first. */
  reminders: ReminderHistoryItem[];
  /** Officers' changes, newest first. */
  changes: ChangeHistoryItem[];
  /** The comment thread, oldest first. */
  comments: CommentItem[];
  /** The task's item in the SharePoint list (production store only). */
  sharePointUrl?: string;
  /** The measure against its target, and every value owners gave (tasks with a measure). */
  measureStatus?: MeasureStatus;
  /** The task this one was carried forward from: its plan and its updates (newest first), the task's earlier history. */
  carriedFrom?: { planId: string; planName: string; taskId: string; ref: string; updates: UpdateHistoryItem[] };
  /** The task this one was carried into, and its plan's name (the link stored on the task names only the plan's id). */
  carriedTo?: { planId: string; planName: string; taskId: string; ref: string };
};

/** An update as the history shows it (its idempotency key and task fields stay in the store). */
export type UpdateHistoryItem = Pick<Update, 'id' | 'round' | 'submittedAt' | 'submittedBy' | 'progress' | 'ragProposed' | 'evidence' | 'risks' | 'supportNeeded' | 'revisedDueDateRequested' | 'measureValue'>;

/** A RAG approval as the history shows it: who asked, who decides, what they decided and why. */
export type ApprovalHistoryItem = Pick<RagApproval, 'id' | 'fromRag' | 'toRag' | 'requestedBy' | 'requestedAt' | 'justification' | 'approver' | 'state' | 'decidedBy' | 'decidedAt' | 'comment'>;

/** An officer's change as the history shows it. */
export type ChangeHistoryItem = Pick<PlanChange, 'id' | 'action' | 'changedBy' | 'changedAt' | 'changes' | 'reason'>;

export type CommentItem = Pick<TaskComment, 'id' | 'author' | 'postedAt' | 'text'>;

export interface ReminderHistoryItem {
  id: string;
  sentAt: IsoInstant;
  /** As stored ("due-14", "overdue-1", "round-open"…) and in words. */
  trigger: string;
  triggerLabel: string;
  recipientName: string;
  recipient: Person;
  /** 'pending': claimed, and not (yet) confirmed sent. */
  outcome: ReminderOutcome;
  detail?: string;
}

export interface TaskDetailDeps {
  store: PlanStore;
  clock: Clock;
  /** The task's item in the council's SharePoint list, when the plan lives there. */
  sharePointItemUrl?: (task: Task) => string;
}

/** Newest first; records made in the same instant by the later item id (the later write). */
const newestFirst = <T extends { id: string }>(items: T[], at: (item: T) => string) => [...items].sort((a, b) => at(b).localeCompare(at(a)) || Number(b.id) - Number(a.id));

/** One task with its whole history. Throws NotFoundError for an unknown id. */
export async function getTaskDetail(deps: TaskDetailDeps, taskId: string): Promise<TaskDetail> {
  const task = await deps.store.getTask(taskId);
  if (!task) throw new NotFoundError('Task', taskId);
  const store = storeOf(deps.store, task);
  const [updates, approvals, reminders, objectives, changes, comments, earlier, later] = await Promise.all([
    store.listUpdates(task.id),
    store.listApprovals({ taskId: task.id }),
    store.listReminders(task.id),
    store.listObjectives(),
    store.listChanges({ subject: 'task', subjectId: task.id }),
    store.listComments(task.id),
    earlierHistory(store, task),
    laterTask(store, task),
  ]);
  const { pendingApprovalId: _pending, carriedFrom: _from, carriedTo: _to, ...fields } = task;
  const today = londonDate(deps.clock.now());
  return {
    ...fields,
    objectiveTitle: objectives.find((o) => o.ref === task.objectiveRef)?.title,
    overdue: task.status === 'Open' && task.dueDate !== undefined && task.dueDate < today,
    updates: historyOf(updates),
    approvals: newestFirst(approvals, (a) => a.requestedAt).map((a) => ({
      id: a.id,
      fromRag: a.fromRag,
      toRag: a.toRag,
      requestedBy: a.requestedBy,
      requestedAt: a.requestedAt,
      justification: a.justification,
      approver: a.approver,
      state: a.state,
      decidedBy: a.decidedBy,
      decidedAt: a.decidedAt,
      comment: a.comment,
    })),
    reminders: newestFirst(reminders, (r) => r.sentAt).map((r) => ({
      id: r.id,
      sentAt: r.sentAt,
      trigger: r.trigger,
      triggerLabel: describeTrigger(r.trigger),
      recipientName: r.recipient.displayName,
      recipient: r.recipient,
      outcome: r.outcome,
      detail: r.detail,
    })),
    changes: newestFirst(changes, (c) => c.changedAt).map((c) => ({ id: c.id, action: c.action, changedBy: c.changedBy, changedAt: c.changedAt, changes: c.changes, ...(c.reason && { reason: c.reason }) })),
    comments: comments.map((c) => ({ id: c.id, author: c.author, postedAt: c.postedAt, text: c.text })),
    ...(deps.sharePointItemUrl && { sharePointUrl: deps.sharePointItemUrl(task) }),
    ...(task.measure && { measureStatus: measureStatus(task, updates, today) }),
    ...(earlier && { carriedFrom: earlier }),
    ...(later && { carriedTo: later }),
  };
}

function historyOf(updates: Update[]): UpdateHistoryItem[] {
  return newestFirst(updates, (u) => u.submittedAt).map((u) => ({
    id: u.id,
    round: u.round,
    submittedAt: u.submittedAt,
    submittedBy: u.submittedBy,
    progress: u.progress,
    ragProposed: u.ragProposed,
    evidence: u.evidence,
    risks: u.risks,
    supportNeeded: u.supportNeeded,
    revisedDueDateRequested: u.revisedDueDateRequested,
    measureValue: u.measureValue,
  }));
}

/** A carried-forward task's history before it was carried: the old task's updates, in its plan. */
async function earlierHistory(store: PlanStore, task: Task): Promise<TaskDetail['carriedFrom']> {
  const link = task.carriedFrom;
  if (!link) return undefined;
  const [plan, updates] = await Promise.all([store.plans.getPlan(link.planId), store.listUpdates(link.taskId)]);
  return { planId: link.planId, planName: plan?.name ?? 'an earlier plan', taskId: link.taskId, ref: link.ref, updates: historyOf(updates) };
}

/** Where a carried-forward task went: the task in the later plan, and that plan's name. */
async function laterTask(store: PlanStore, task: Task): Promise<TaskDetail['carriedTo']> {
  const link = task.carriedTo;
  if (!link) return undefined;
  const plan = await store.plans.getPlan(link.planId);
  return { planId: link.planId, planName: plan?.name ?? 'a later plan', taskId: link.taskId, ref: link.ref };
}

/** The approval flow's messages (core/use-cases/approval-messages.ts, chase-approvals.ts). */
const APPROVAL_TRIGGERS = new Map([
  ['approval-request', 'RAG change sent for approval'],
  ['approval-chase', 'Approver reminded of a RAG change'],
  ['approval-decision', 'Owner told the RAG decision'],
  ['approval-escalation', 'EDI lead told a RAG decision is waiting'],
]);

/** A reminder log trigger in words, for people reading a task's history. */
export function describeTrigger(trigger: string): string {
  const days = (n: string) => `${n} ${n === '1' ? 'day' : 'days'}`;
  let m: RegExpExecArray | null;
  if ((m = /^due-(\d+)$/.exec(trigger))) return `${days(m[1]!)} before the due date`;
  if ((m = /^overdue-(\d+)$/.exec(trigger))) return `${days(m[1]!)} overdue`;
  if ((m = /^escalate-(\d+)$/.exec(trigger))) return `Escalated at ${days(m[1]!)} overdue`;
  if (trigger === 'round-open') return 'Update round opened';
  const approval = APPROVAL_TRIGGERS.get(trigger);
  if (approval) return approval;
  if ((m = /^round-chase-(\d+)$/.exec(trigger))) return `Update round chaser, ${days(m[1]!)} before it is due`;
  return trigger;
}
