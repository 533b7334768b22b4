import type { Person } from '../../core/model';
import type { Messenger, OutboundCard } from '../../core/ports/messenger';
import type { DeliveryTimer } from '../../bot/delivery/delivery-timer';

export interface Call {
  to: string;
  start: number;
  end?: number;
  summary: string;
}

/**
 * A fake inner Messenger: records when each send started and finished (on the injected timer),
 * takes `latencyMs`, and fails when `fail` says so.
 */
export class RecordingMessenger implements Messenger {
  readonly calls: Call[] = [];
  private inFlight = 0;
  maxInFlight = 0;
  readonly maxInFlightPerPerson = new Map<string, number>();
  private readonly inFlightPerPerson = new Map<string, number>();

  constructor(
    private readonly timer: DeliveryTimer,
    private readonly latencyMs = 0,
    private readonly fail: (call: Call, index: number) => Error | undefined = () => undefined,
  ) {}

  async sendCard(to: Person, message: OutboundCard): Promise<{ activityId: string }> {
    const call: Call = { to: to.aadObjectId, start: this.timer.now(), summary: message.summary };
    const index = this.calls.push(call) - 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const mine = (this.inFlightPerPerson.get(call.to) ?? 0) + 1;
    this.inFlightPerPerson.set(call.to, mine);
    this.maxInFlightPerPerson.set(call.to, Math.max(this.maxInFlightPerPerson.get(call.to) ?? 0, mine));
    try {
      if (this.latencyMs > 0) await this.timer.sleep(this.latencyMs);
      const failure = this.fail(call, index);
      if (failure) throw failure;
      return { activityId: `a-${index}` };
    } finally {
      call.end = this.timer.now();
      this.inFlight -= 1;
      this.inFlightPerPerson.set(call.to, (this.inFlightPerPerson.get(call.to) ?? 1) - 1);
    }
  }
}

export function person(n: number | string): Person {
  return { aadObjectId: `aad-${n}`, displayName: `Person ${n}`, email: `person${n}@example.gov.uk` };
}

export const card = (summary = 'reminder'): OutboundCard => ({ card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary });

/** The most sends found in any sliding window (t - windowMs, t] over `times`. */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
