import { silentLogger, type Logger } from '../ports/logger';
import { DeliveryError } from '../ports/messenger';

/**
 * Follow-up messages never undo what was stored: a failure is logged and the sweep catches up
 * (approval requests and decisions are claimed in the reminder log, so the next sweep resends).
 */
export async function bestEffort(log: Logger | undefined, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    // A delivery failure's message names the person ("The app is not installed for …"): logs keep its kind.
    (log ?? silentLogger).warn(err instanceof DeliveryError ? { kind: err.kind } : { err: String(err) }, what);
  }
}
