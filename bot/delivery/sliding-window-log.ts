import type { RateWindow } from './teams-limits';

/**
 * A log of sends checked against several sliding windows at once (Teams' 7/1 s, 8/2 s, 60/30 s and
 * 1800/h all apply to every send). A send is stamped when it *finishes*: the receiver counted it
 * somewhere between start and finish, so a new send starting `windowMs` after an earlier one
 * finished is outside that one's window however the network delayed either. A send still in flight
 * counts against every window.
 */
export class SlidingWindowLog {
  /** Finish times, oldest first. */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly horizonMs: number;

  /** `spacingMs` also keeps starts at least that far apart (pacing instead of bursts). */
  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly spacingMs = 0,
  ) {
    if (windows.some((w) => !(w.limit >= 1) || !(w.windowMs > 0))) throw new RangeError('every window needs a limit >= 1 and a positive length');
    this.horizonMs = Math.max(0, ...windows.map((w) => w.windowMs));
  }

  /**
   * The earliest time (>= now) at which one more send may start; Infinity when sends still in
   * flight fill a window by themselves (the next `finish` frees a place).
   */
  earliestStart(now: number): number {
    this.prune(now);
    let at = Math.max(now, this.lastStart + this.spacingMs);
    for (const { limit, windowMs } of this.windows) {
      // How many of the oldest finished sends must leave the window before one more fits.
      const excess = this.finished.length + this.inFlight - (limit - 1);
      if (excess <= 0) continue;
      if (excess > this.finished.length) return Number.POSITIVE_INFINITY;
      at = Math.max(at, this.finished[excess - 1]! + windowMs);
    }
    return at;
  }

  start(now: number): void {
    this.inFlight += 1;
    this.lastStart = Math.max(this.lastStart, now);
  }

  finish(now: number): void {
    if (this.inFlight === 0) throw new Error('finish() without start()');
    this.inFlight -= 1;
    // Finish times arrive almost in order: insert from the back.
    let i = this.finished.length;
    while (i > 0 && this.finished[i - 1]! > now) i -= 1;
    this.finished.splice(i, 0, now);
  }

  /** True when nothing in the log can affect a future send: it may be forgotten. */
  idle(now: number): boolean {
    this.prune(now);
    return this.inFlight === 0 && this.finished.length === 0 && now - this.lastStart >= this.spacingMs;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.finished.length && this.finished[drop]! <= now - this.horizonMs) drop += 1;
    if (drop > 0) this.finished.splice(0, drop);
  }
}
