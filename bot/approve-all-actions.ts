import { z } from 'zod';
import { APPROVE_ALL_MAX, approveAll, listApprovableAtOnce } from '../core/use-cases/approve-all';
import type { Actor, CardActionDeps, CardActionResult } from './card-actions';
import { approvalCards } from './cards/approval-cards';
import { pendingApprovalsCard } from './cards/approval-notices';
import { approveAllConfirmCard, approveAllResultCard } from './cards/approve-all-cards';

const confirmData = z.object({ approvalIds: z.array(z.string().trim().min(1).max(64)).min(1).max(APPROVE_ALL_MAX) });

/**
 * "Approve all (N)" on the pending list: the confirm card, from the store as it is now (not from the
 * list the button was on). Nothing waiting any more: the pending list again, which says so.
 */
export async function confirmApproveAll(deps: CardActionDeps, actor: Actor): Promise<CardActionResult> {
  const { views, total } = await listApprovableAtOnce(deps.store, actor.aadObjectId);
  return { card: views.length ? approveAllConfirmCard(views, total) : pendingApprovalsCard([]) };
}

/**
 * Confirm: each listed approval decided on its own by the clicker (from the activity), each checked
 * again; the card answers with what was approved and what was not, and why.
 */
export async function approveAllFromCard(deps: CardActionDeps, actor: Actor, data: Record<string, unknown>): Promise<CardActionResult> {
  const parsed = confirmData.safeParse(data);
  if (!parsed.success) return { error: { status: 400, message: 'This button is missing the changes it was to approve. Type "pending" to see them again.' } };
  const notify = { store: deps.store, clock: deps.clock, messenger: deps.messenger, cards: approvalCards, log: deps.log };
  const items = await approveAll({ store: deps.store, clock: deps.clock, notify, log: deps.log }, { actorAadObjectId: actor.aadObjectId, approvalIds: parsed.data.approvalIds });
  return { card: approveAllResultCard(items) };
}
