/**
 * Every card the bot sends, one line each, built by its own builder from `CardData`. The browser test
 * draws each at 320 px (tests/browser/cards-narrow.test.ts) and the symbols test reads each one's
 * words (tests/unit/card-symbols.test.ts), with ordinary and with hostile data: a new card is one
 * more line here, and both tests cover it.
 */
import { approvalCard } from '../../bot/cards/approval-card';
import { approvalDecisionCard, approvalEscalationCard, delegatedToYouCard, pendingApprovalsCard } from '../../bot/cards/approval-notices';
import { approveAllConfirmCard, approveAllResultCard } from '../../bot/cards/approve-all-cards';
import { commentedCard } from '../../bot/cards/comment-cards';
import { commentThreadCard } from '../../bot/cards/comment-thread-card';
import { delegateCard } from '../../bot/cards/delegate-card';
import { helpCard, welcomeCard } from '../../bot/cards/help-card';
import { myTasksCard } from '../../bot/cards/my-tasks-card';
import { noticeCard } from '../../bot/cards/notice-card';
import { ownerLeftCard } from '../../bot/cards/owner-left-card';
import { reachReportCard } from '../../bot/cards/reach-report-card';
import { renderReminders } from '../../bot/cards/reminder-card';
import { statutoryReminderCard } from '../../bot/cards/statutory-reminder-card';
import { assignedCard, dueDateChangedCard } from '../../bot/cards/task-change-cards';
import { updateFormCard } from '../../bot/cards/update-form-card';
import { updateReceiptCard } from '../../bot/cards/update-receipt-card';
import { statutoryRemindersDue } from '../../core/calendar/statutory-reminders';
import type { Task } from '../../core/model';
import type { PlannedReminder } from '../../core/reminders/reminder-planner';
import { APPROVE_ALL_MAX } from '../../core/use-cases/approve-all';
import { noChangeProgress } from '../../core/updates/no-change';
import type { CardData } from './card-fixtures';

export { HOSTILE, REALISTIC, type CardData } from './card-fixtures';

export type CardCase = [name: string, build: (d: CardData) => unknown];

const TODAY = '2026-11-22';
const ask = (d: CardData, task: Task, daysUntilDue: number, round?: PlannedReminder['round']): PlannedReminder => ({
  key: `${task.id}:${daysUntilDue}:${round?.id ?? 'due'}`,
  kind: daysUntilDue < -7 ? 'escalation' : 'owner',
  task,
  recipient: d.owner,
  trigger: round ? 'round-open' : daysUntilDue < 0 ? 'overdue-1' : 'due-7',
  daysUntilDue,
  round,
});
const round = (d: CardData) => ({ id: 'r1', name: d.label === 'hostile' ? `Q3 board ${d.typed}` : 'Q3 board', dueDate: '2026-12-18' });
const fieldError = (d: CardData) => [
  { field: 'progress' as const, message: 'Progress since the last update must be 2,000 characters or fewer (this one is 2,417).' },
  { field: 'measureValue' as const, message: `Current value of the measure must be a number, such as 42 or 3.5 (it was "${d.typed}").` },
];

export const CARD_TYPES: CardCase[] = [
  ['welcome', (d) => welcomeCard(d.owner.displayName)],
  ['help', (d) => helpCard(d.owner.displayName)],
  ['notice (error)', (d) => noticeCard('That card is out of date', `The task changed after this card was sent. ${d.typed}`, 'error')],
  ['my tasks', (d) => myTasksCard(d.tasks, TODAY)],
  ['my tasks (none)', () => myTasksCard([], TODAY)],
  ['update form', (d) => updateFormCard({ task: d.task, nonce: 'n1', intro: 'Reminder: this task is due in 5 days. Please send a progress update.', commentCount: 3, today: TODAY })],
  ['update form (errors)', (d) => updateFormCard({ task: d.task, nonce: 'n1', values: { progress: d.update.progress, evidence: d.typed, measureValue: d.typed }, errors: fieldError(d), today: TODAY })],
  ['reminder (one task, deadline and round)', (d) => renderReminders('owner', d.owner, [ask(d, d.task, 5), ask(d, d.task, 26, round(d))], { commentCounts: new Map() }).card],
  ['reminder (several tasks)', (d) => renderReminders('owner', d.owner, d.tasks.flatMap((t, i) => [ask(d, t, i - 2), ...(i % 3 ? [] : [ask(d, t, 26, round(d))])])).card],
  ['overdue escalation', (d) => renderReminders('escalation', d.manager, d.tasks.map((t, i) => ask(d, t, -8 - i))).card],
  ['receipt (change awaiting approval)', (d) => updateReceiptCard(d.task, d.update, false, { approval: d.pending.approval }, 3)],
  ['receipt (nobody to approve)', (d) => updateReceiptCard(d.task, d.update, true, { noApprover: 'Red' })],
  ['receipt (no change)', (d) => updateReceiptCard(d.task, { ...d.update, progress: noChangeProgress(d.task, d.owner), ragProposed: undefined }, false, {}, 0)],
  ['approval request (chaser, comment error)', (d) => approvalCard(d.pending, { forApprover: true, chaser: true, comment: d.typed, commentError: 'Say why you are rejecting it: the owner will see your comment.' })],
  ['approval (for someone else)', (d) => approvalCard(d.pending, { forApprover: false, notice: `Only ${d.manager.displayName} can decide this.` })],
  ['approval (rejected)', (d) => approvalCard(d.rejected, { forApprover: true })],
  ['decision to the owner', (d) => approvalDecisionCard(d.approved)],
  ['approval escalation', (d) => approvalEscalationCard(d.approvals)],
  ['pending approvals', (d) => pendingApprovalsCard(d.approvals)],
  ['pending approvals (none)', () => pendingApprovalsCard([])],
  ['approve all: confirm', (d) => approveAllConfirmCard(d.approvals.slice(0, APPROVE_ALL_MAX), d.approvals.length)],
  ['approve all: result', (d) => approveAllResultCard(d.approvals.map((v, i) => ({ approvalId: v.approval.id, outcome: i % 4 ? 'approved' : 'already-decided', approval: i % 4 ? v.approval : d.rejected.approval, task: v.task })))],
  ['delegate form (error)', (d) => delegateCard(d.task, { value: d.typed, error: `Nobody called "${d.typed}" was found. Check the spelling, or use their work email.` })],
  ['handed to you', (d) => delegatedToYouCard(d.task, d.owner.displayName)],
  ['comment thread', (d) => commentThreadCard({ task: d.task, comments: d.comments, key: 'k1', notice: 'Your comment is posted.', text: d.typed, error: 'A comment is at most 4,000 characters.' })],
  ['commented', (d) => commentedCard(d.task, d.comments[0]!, d.comments)],
  ['assigned', (d) => assignedCard({ ...d.task, owners: [d.owner, d.manager] }, d.manager)],
  ['owner left (hand-over)', (d) => ownerLeftCard(d.task, d.manager, 'accountable-officer')],
  ['due date changed', (d) => dueDateChangedCard(d.task, '2026-10-31', d.manager)],
  ['statutory dates (7 and 30 days ahead, dates to check)', () => statutoryReminderCard([...statutoryRemindersDue('england', undefined, '2027-01-24'), ...statutoryRemindersDue('wales', 400, '2027-03-01')])],
  ['reach report', (d) => reachReportCard(d.tasks.slice(0, 3).map((t, i) => ({ person: i ? d.manager.displayName : d.owner.displayName, taskRefs: d.tasks.map((x) => x.ref), reason: ['no-chat', 'blocked', 'not-found'][i]! })))],
];
