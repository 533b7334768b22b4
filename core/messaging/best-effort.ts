import { silentLogger, type Logger } from '../ports/logger';

/**
 * Follow-up messages never undo what was stored: a failure is logged and the sweep catches up
 * (approval requests and decisions are claimed in the reminder log, so the next sweep resends).
 */
export async function bestEffort(log: Logger | undefined, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    (log ?? silentLogger).warn({ err: String(err) }, what);
  }
}
