import type { Person } from '../model';
import type { Clock } from '../ports/clock';
import { DeliveryError, type Messenger } from '../ports/messenger';
import type { PlanStore } from '../ports/plan-store';

/** A stored chat, or one opened now (the app is installed for them but never told us). */
export async function ensureChat(deps: { store: PlanStore; messenger: Messenger; clock: Clock }, person: Person): Promise<boolean> {
  if (await deps.store.getConversation(person.aadObjectId)) return true;
  if (!deps.messenger.openConversation) return false;
  try {
    const opened = await deps.messenger.openConversation(person);
    await deps.store.saveConversation({ aadObjectId: person.aadObjectId, displayName: person.displayName, ...opened, updatedAt: deps.clock.now().toISOString() });
    return true;
  } catch (err) {
    if (err instanceof DeliveryError) return false;
    throw err;
  }
}
