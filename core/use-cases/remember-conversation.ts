import type { ConversationRecord } from '../model';
import type { Clock } from '../ports/clock';
import type { PlanStore } from '../ports/plan-store';

export interface ConversationSeen {
  aadObjectId: string;
  tenantId?: string;
  displayName?: string;
  /** Their Teams user id (`29:…`), from the activity's `from.id`. */
  teamsUserId?: string;
  /** The Bot Framework conversation reference of the personal chat. */
  reference: Record<string, unknown>;
}

/** Keeps the latest personal-chat reference per person, so reminders can reach them proactively. */
export async function rememberConversation(deps: { store: PlanStore; clock: Clock }, seen: ConversationSeen): Promise<ConversationRecord> {
  return deps.store.saveConversation({ ...seen, updatedAt: deps.clock.now().toISOString() });
}
