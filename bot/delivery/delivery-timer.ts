/**
 * Time as the delivery layer sees it: milliseconds and a way to wait. Injectable so tests can run
 * limits of 30 s and 1 h in virtual time; production uses the wall clock.
 */
export interface DeliveryTimer {
  /** Milliseconds since an arbitrary origin; only differences matter. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: DeliveryTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
