import { ensureChat } from '../messaging/ensure-chat';
import type { RagApproval } from '../model';
import { silentLogger } from '../ports/logger';
import { DeliveryError } from '../ports/messenger';
import { loadApprovalView, patchApproval, type ApprovalMessagingDeps } from './approval-messages';

const UNREACHABLE = 'The app is not installed for them and their chat could not be opened';

/**
 * A decision re-routed from someone who left: its new approver is sent the request card. The
 * approval's own request was claimed (`approval:<key>:request`) when the leaver was asked, so this
 * one is claimed per new approver (`approval:<key>:rerouted:<id>`): once, however often the leaver
 * hand-over runs. Chasers and escalation follow from the sweep as for any request. False when the
 * approver could not be reached: the sweep's chaser and the EDI leads' escalation still follow.
 */
export async function sendReroutedRequest(deps: ApprovalMessagingDeps, approval: RagApproval): Promise<boolean> {
  const to = approval.approver;
  const key = `approval:${approval.key}:rerouted:${to.aadObjectId}`;
  const claimed = await deps.store.tryAddReminder({ key, taskId: approval.taskId, recipient: to, trigger: 'approval-request', sentAt: deps.clock.now().toISOString(), outcome: 'pending' });
  if (!claimed) return (await deps.store.listReminders(approval.taskId)).find((r) => r.key === key)?.outcome === 'sent';
  const view = await loadApprovalView(deps.store, approval);
  if (!view || !(await ensureChat(deps, to))) {
    await deps.store.setReminderOutcome(key, 'failed', view ? UNREACHABLE : 'The task is gone');
    return false;
  }
  try {
    const { activityId } = await deps.messenger.sendCard(to, deps.cards.request(view, { chaser: false }));
    await deps.store.setReminderOutcome(key, 'sent');
    await patchApproval(deps.store, approval.id, { approverActivityId: activityId });
    return true;
  } catch (err) {
    (deps.log ?? silentLogger).warn({ key, kind: err instanceof DeliveryError ? err.kind : 'error' }, 're-routed approval request not delivered');
    await deps.store.setReminderOutcome(key, 'failed', (err instanceof DeliveryError ? `${err.kind}: ${err.message}` : String(err)).slice(0, 250));
    return false;
  }
}
