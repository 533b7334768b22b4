import type { Person } from '../../core/model';
import { silentLogger, type Logger } from '../../core/ports/logger';
import { DeliveryError, type Messenger, type OpenedConversation, type OutboundCard, type SendOptions } from '../../core/ports/messenger';
import { atLeast, backoffMs, type BackoffPolicy } from './backoff';
import { realTimer, type DeliveryTimer } from './delivery-timer';
import { SendGate } from './send-gate';
import { SlidingWindowLog } from './sliding-window-log';
import { DEFAULT_SENDS_PER_SECOND, perSecond, TEAMS_PER_CONVERSATION_LIMITS, type RateWindow } from './teams-limits';

export interface DeliveryLimits {
  /** Limits per conversation (a 1:1 chat, so per recipient). Default: Teams' 7/1 s, 8/2 s, 60/30 s, 1800/h. */
  perConversation?: readonly RateWindow[];
  /** Limits across all sends of this app instance. Default: 30 per second. */
  global?: readonly RateWindow[];
  /** Attempts per send when failures are transient (5xx, network), including the first. Default 4. */
  maxAttempts?: number;
  /** 429s tolerated for one send before it fails as 'throttled' (retried at the next sweep). Default 5. */
  maxThrottledAttempts?: number;
  /** Backoff between transient retries, and after a 429 without Retry-After. */
  backoff?: BackoffPolicy;
  timer?: DeliveryTimer;
  random?: () => number;
  log?: Logger;
}

export interface DeliveryStats {
  /** Calls to Teams that succeeded (cards sent, chats opened). */
  sent: number;
  /** Sends that failed for good (permanent, or retries exhausted). */
  failed: number;
  /** Transient failures retried. */
  retried: number;
  /** 429 answers received. */
  throttled: number;
  /** Times a 429 paused (or extended the pause of) every send, and for how long in total. */
  pauses: number;
  pausedMs: number;
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 };

/**
 * A Messenger that keeps within Teams' limits: sends to one person go one at a time and are spaced
 * to that conversation's limits; sends to different people go in parallel within the app's global
 * limit. A 429 pauses every send for Retry-After; transient failures are retried with jittered
 * backoff up to a cap; permanent failures (blocked, not found, no conversation) are thrown at once.
 *
 * Why not a rate-limiting library: Teams applies four sliding windows to every conversation at
 * once, and measures them where the message arrives. The libraries at hand count one window per
 * instance (p-queue/p-throttle strict mode), or fixed windows and token buckets that allow a burst
 * of up to twice the limit across a window boundary (bottleneck, limiter, rate-limiter-flexible),
 * and they stamp a send when it starts. Stacking them per window counts admissions, not sends.
 * The log here checks all windows against one record of finished sends, in ~50 lines.
 */
export class RateLimitedMessenger implements Messenger {
  /** Present when the inner messenger can open chats: a call to Teams too, so through the same gate, pauses and retries. */
  readonly openConversation?: (to: Person) => Promise<OpenedConversation>;
  private readonly perConversation: readonly RateWindow[];
  private readonly gate: SendGate;
  private readonly conversations = new Map<string, SlidingWindowLog>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly timer: DeliveryTimer;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly maxAttempts: number;
  private readonly maxThrottledAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly counts: DeliveryStats = { sent: 0, failed: 0, retried: 0, throttled: 0, pauses: 0, pausedMs: 0 };
  private sendsSinceTidy = 0;

  constructor(
    private readonly inner: Messenger,
    limits: DeliveryLimits = {},
  ) {
    this.perConversation = limits.perConversation ?? TEAMS_PER_CONVERSATION_LIMITS;
    this.timer = limits.timer ?? realTimer;
    this.random = limits.random ?? Math.random;
    this.log = limits.log ?? silentLogger;
    this.maxAttempts = Math.max(1, limits.maxAttempts ?? 4);
    this.maxThrottledAttempts = Math.max(1, limits.maxThrottledAttempts ?? 5);
    this.backoff = limits.backoff ?? DEFAULT_BACKOFF;
    this.gate = new SendGate(limits.global ?? perSecond(DEFAULT_SENDS_PER_SECOND), this.timer);
    const open = inner.openConversation?.bind(inner);
    if (open) this.openConversation = (to) => this.withinLimits(undefined, () => open(to));
    const update = inner.updateCard?.bind(inner);
    if (update) this.updateCard = (to, activityId, message) => this.inLane(to.aadObjectId, () => this.withinLimits(this.conversationLog(to.aadObjectId), () => update(to, activityId, message)));
  }

  /** Edits count against the same limits as sends, in the person's lane. */
  readonly updateCard?: (to: Person, activityId: string, message: OutboundCard) => Promise<void>;

  stats(): DeliveryStats {
    return { ...this.counts };
  }

  get preparesBeforeSend(): boolean {
    return this.inner.preparesBeforeSend === true;
  }

  sendCard(to: Person, message: OutboundCard, options?: SendOptions): Promise<{ activityId: string; skipped?: boolean }> {
    const key = to.aadObjectId;
    return this.inLane(key, () => this.withinLimits(this.conversationLog(key), () => this.inner.sendCard(to, message, options)));
  }

  /** One lane per person: their sends and edits run one after another, in the order asked. */
  private inLane<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.lanes.get(key) ?? Promise.resolve()).then(work);
    const lane = run.then(
      () => undefined,
      () => undefined,
    );
    this.lanes.set(key, lane);
    void lane.then(() => {
      if (this.lanes.get(key) === lane) this.lanes.delete(key);
    });
    return run;
  }

  /** One call to Teams, within the limits, retried as its failure allows. */
  private async withinLimits<T>(conversation: SlidingWindowLog | undefined, call: () => Promise<T>): Promise<T> {
    let transientFailures = 0;
    let throttles = 0;
    let retrying = false;
    for (;;) {
      if (conversation) {
        for (let at = conversation.earliestStart(this.timer.now()); at > this.timer.now(); at = conversation.earliestStart(this.timer.now())) {
          await this.timer.sleep(at - this.timer.now());
        }
      }
      await this.gate.enter(retrying);
      conversation?.start(this.timer.now());
      let outcome: { ok: true; value: T } | { ok: false; failure: unknown };
      try {
        outcome = { ok: true, value: await call() };
      } catch (failure) {
        outcome = { ok: false, failure };
      }
      conversation?.finish(this.timer.now());
      this.gate.leave();

      if (outcome.ok) {
        this.counts.sent += 1;
        return outcome.value;
      }
      const { failure } = outcome;
      if (!(failure instanceof DeliveryError) || failure.permanent) {
        this.counts.failed += 1;
        throw failure;
      }
      retrying = true;
      if (failure.kind === 'throttled') {
        this.counts.throttled += 1;
        throttles += 1;
        const pause = failure.retryAfterMs !== undefined ? atLeast(failure.retryAfterMs, this.random) : backoffMs(throttles, this.backoff, this.random);
        const extendedBy = this.gate.pauseFor(pause);
        if (extendedBy > 0) {
          this.counts.pauses += 1;
          this.counts.pausedMs += extendedBy;
          this.log.warn({ retryAfterMs: failure.retryAfterMs, pauseMs: pause }, 'Teams throttled the bot (429): pausing every send');
        }
        if (throttles >= this.maxThrottledAttempts) {
          this.counts.failed += 1;
          throw failure;
        }
        continue;
      }
      transientFailures += 1;
      if (transientFailures >= this.maxAttempts) {
        this.counts.failed += 1;
        this.log.warn({ attempts: transientFailures }, 'send failed after retries (transient)');
        throw failure;
      }
      this.counts.retried += 1;
      const wait = backoffMs(transientFailures, this.backoff, this.random);
      this.log.info({ attempt: transientFailures, waitMs: wait }, 'transient send failure: retrying');
      await this.timer.sleep(wait);
    }
  }

  private conversationLog(key: string): SlidingWindowLog {
    this.tidy();
    let log = this.conversations.get(key);
    if (!log) {
      log = new SlidingWindowLog(this.perConversation);
      this.conversations.set(key, log);
    }
    return log;
  }

  /** Forgets conversations whose sends are all older than the longest window (bounded memory). */
  private tidy(): void {
    this.sendsSinceTidy += 1;
    if (this.sendsSinceTidy < 1_000) return;
    this.sendsSinceTidy = 0;
    const now = this.timer.now();
    for (const [key, log] of this.conversations) {
      if (!this.lanes.has(key) && log.idle(now)) this.conversations.delete(key);
    }
  }
}
