import { Cron } from 'croner';
import type { Logger } from '../core/ports/logger';

/**
 * Runs the reminder sweep on a cron schedule in the plan's time zone. `protect` skips a tick while
 * the previous sweep is still running; other instances are kept honest by the reminder log's key.
 */
export function scheduleReminders(cron: string, timezone: string, sweep: () => Promise<unknown>, log: Logger): { stop(): void; nextRun(): Date | null } {
  const job = new Cron(cron, { timezone, protect: true, catch: (err) => log.error({ err: String(err) }, 'scheduled reminder sweep failed') }, async () => {
    log.info({}, 'scheduled reminder sweep starting');
    await sweep();
  });
  return { stop: () => job.stop(), nextRun: () => job.nextRun() };
}

/** Throws a readable error for an invalid cron expression or time zone (checked at start). */
export function assertValidSchedule(cron: string, timezone: string): void {
  try {
    new Cron(cron, { timezone, paused: true }).stop();
  } catch (err) {
    throw new Error(`REMINDER_CRON "${cron}" with REMINDER_TIMEZONE "${timezone}" is not a valid schedule: ${(err as Error).message}`);
  }
}
