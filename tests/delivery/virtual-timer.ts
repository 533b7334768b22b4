import type { DeliveryTimer } from '../../bot/delivery/delivery-timer';

/**
 * Virtual time for delivery tests: sleeping costs nothing, and `run` moves the clock straight to
 * the next timer whenever everything else is waiting, so an hour of rate limits runs in
 * milliseconds and every timestamp is exact.
 */
export class VirtualTimer implements DeliveryTimer {
  private time = 0;
  private seq = 0;
  private timers: { at: number; seq: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Runs `work` to completion, advancing virtual time whenever nothing else can happen. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) return work;
      if (this.timers.length === 0) throw new Error('deadlock: work is waiting but no timer is set');
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.wake();
    }
  }
}
