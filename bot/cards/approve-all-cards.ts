import { formatInstant } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import type { ApprovalView } from '../../core/use-cases/approval-messages';
import { APPROVE_ALL_MAX, type ApproveAllItem } from '../../core/use-cases/approve-all';
import { approvalOutcome, ragChange } from './approval-card';
import { CARD_SCHEMA, CARD_VERSION, cardText, factText } from './card-text';
import { CardVerb } from './card-verbs';

const card = (body: unknown[], actions: unknown[]): AdaptiveCardJson => ({ type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, actions });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const backToPending = (title: string) => ({ type: 'Action.Execute', title, verb: CardVerb.showPendingApprovals, data: {} });

/** The pending list's button: "Approve all (3)", or "Approve 10 of 14" when there are more than one confirm takes. */
export function approveAllLabel(total: number): string {
  return total > APPROVE_ALL_MAX ? `Approve ${APPROVE_ALL_MAX} of ${total}` : `Approve all (${total})`;
}

/**
 * The one confirmation step of "Approve all": exactly which changes Confirm approves, each as the
 * store has it now. Only their ids go back in the data; who confirms comes from the activity, and
 * each is checked again when confirmed.
 */
export function approveAllConfirmCard(views: ApprovalView[], total: number): AdaptiveCardJson {
  const n = views.length;
  return card(
    [
      { type: 'TextBlock', text: `Approve ${n === 1 ? 'this RAG change' : `these ${n} RAG changes`}?`, weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'Each is approved with no comment, as if you pressed its own Approve button: the task takes the new RAG and its owner is told. To reject one or add a comment, cancel and use Review.',
      },
      ...(total > n ? [{ type: 'TextBlock', wrap: true, isSubtle: true, text: `${total} are waiting; these are the first ${n}. The rest stay in your pending list.` }] : []),
      ...views.map(({ approval, task }) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `${cardText(task.ref)}: ${cardText(task.title)}`, weight: 'Bolder', wrap: true },
          {
            type: 'FactSet',
            facts: [
              { title: 'Change', value: ragChange(approval) },
              { title: 'Asked by', value: `${factText(approval.requestedBy.displayName)}, ${formatInstant(approval.requestedAt)}` },
            ],
          },
        ],
      })),
    ],
    [
      { type: 'Action.Execute', title: `Confirm: approve ${n}`, verb: CardVerb.approveAll, data: { approvalIds: views.map((v) => v.approval.id) }, style: 'positive' },
      backToPending('Cancel'),
    ],
  );
}

/** Why one change was not approved, in words for the approver. */
function notApprovedBecause(item: ApproveAllItem): string {
  switch (item.outcome) {
    case 'already-decided':
      return item.approval ? `Decided before you confirmed: ${approvalOutcome(item.approval)}.` : 'Decided before you confirmed.';
    case 'superseded':
      return 'The owner has since proposed something else: it is in your pending list if it needs you.';
    case 'not-yours':
      return `Only ${item.approval?.approver.displayName ?? 'its approver'} can decide this.`;
    case 'not-found':
      return 'It is no longer in the action plan: its task may have been removed.';
    default:
      return 'It could not be saved just now, so nothing changed for it. Try again from your pending list.';
  }
}

function itemTitle(item: ApproveAllItem): string {
  if (!item.task) return 'A RAG change';
  return item.task.title ? `${cardText(item.task.ref)}: ${cardText(item.task.title)}` : cardText(item.task.ref);
}

/** What "Approve all" did: which changes were approved, and which were not and why. */
export function approveAllResultCard(items: ApproveAllItem[]): AdaptiveCardJson {
  const approved = items.filter((i) => i.outcome === 'approved');
  const others = items.filter((i) => i.outcome !== 'approved');
  const heading = others.length === 0 ? `${plural(approved.length, 'RAG change', 'RAG changes')} approved` : `${approved.length} of ${plural(items.length, 'RAG change', 'RAG changes')} approved`;
  return card(
    [
      { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(approved.length
        ? [
            {
              type: 'Container',
              style: 'good',
              items: [
                { type: 'TextBlock', text: 'Approved: each task has its new RAG, and its owner is sent your decision', weight: 'Bolder', wrap: true },
                ...approved.map((i) => ({ type: 'TextBlock', wrap: true, text: `✓ ${itemTitle(i)}${i.approval ? ` (${ragChange(i.approval)})` : ''}` })),
              ],
            },
          ]
        : []),
      ...(others.length
        ? [
            {
              type: 'Container',
              style: 'emphasis',
              items: [
                { type: 'TextBlock', text: 'Not approved', weight: 'Bolder', wrap: true },
                ...others.flatMap((i) => [
                  { type: 'TextBlock', wrap: true, weight: 'Bolder', text: itemTitle(i), spacing: 'Medium' },
                  { type: 'TextBlock', wrap: true, spacing: 'None', text: cardText(notApprovedBecause(i)) },
                ]),
              ],
            },
          ]
        : []),
    ],
    [backToPending('Pending decisions')],
  );
}
