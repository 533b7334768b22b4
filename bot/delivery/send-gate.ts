import type { DeliveryTimer } from './delivery-timer';
import { SlidingWindowLog } from './sliding-window-log';
import type { RateWindow } from './teams-limits';

/**
 * The app-wide gate every send passes: first come, first served, within the global limit, and
 * closed to everyone while Teams has asked the bot to back off (429 + Retry-After).
 */
export class SendGate {
  private readonly log: SlidingWindowLog;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private wakeAt = Number.POSITIVE_INFINITY;

  constructor(
    limits: readonly RateWindow[],
    private readonly timer: DeliveryTimer,
    /** Spread sends evenly (1 s / limit apart) rather than in bursts of the whole limit. */
    pace = true,
  ) {
    const perSecond = limits.find((l) => l.windowMs === 1_000);
    this.log = new SlidingWindowLog(limits, pace && perSecond ? 1_000 / perSecond.limit : 0);
  }

  /** Resolves when the caller may send; `first` puts it at the head of the queue (a retry). */
  enter(first = false): Promise<void> {
    return new Promise((resolve) => {
      if (first) this.waiting.unshift(resolve);
      else this.waiting.push(resolve);
      this.pump();
    });
  }

  /** The send that entered has finished (whatever its outcome). */
  leave(): void {
    this.log.finish(this.timer.now());
    this.pump();
  }

  /** Nobody sends before `ms` from now. Returns how far the pause moved (0 if already paused longer). */
  pauseFor(ms: number): number {
    const until = this.timer.now() + ms;
    const extendedBy = Math.max(0, until - Math.max(this.pausedUntil, this.timer.now()));
    this.pausedUntil = Math.max(this.pausedUntil, until);
    return extendedBy;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const now = this.timer.now();
      const at = Math.max(this.pausedUntil, this.log.earliestStart(now));
      if (at <= now) {
        this.log.start(now);
        this.waiting.shift()!();
        continue;
      }
      // Infinity: sends in flight fill the window; the next leave() pumps again.
      if (at < this.wakeAt) {
        this.wakeAt = at;
        void this.timer.sleep(at - now).then(() => {
          if (this.wakeAt === at) this.wakeAt = Number.POSITIVE_INFINITY;
          this.pump();
        });
      }
      return;
    }
  }
}
