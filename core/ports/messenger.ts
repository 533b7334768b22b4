import type { Person } from '../model';

/** An Adaptive Card as JSON (built by a card function, validated in tests). */
export type AdaptiveCardJson = Record<string, unknown>;

export interface OutboundCard {
  card: AdaptiveCardJson;
  /** Plain-text summary shown in notifications and activity feeds. */
  summary: string;
}

const DELIVERY_FAILURES = ['no-conversation', 'blocked', 'not-found', 'throttled', 'transient'] as const;
export type DeliveryFailureKind = (typeof DELIVERY_FAILURES)[number];

/** A classified send failure: permanent ones (no-conversation, blocked, not-found) are not retried. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }

  get permanent(): boolean {
    return this.kind === 'no-conversation' || this.kind === 'blocked' || this.kind === 'not-found';
  }
}

export interface SendOptions {
  /**
   * Called once, immediately before the message goes out (after any wait for Teams' rate limits):
   * returns the message to send, or undefined to send nothing. Lets a caller claim what it sends at
   * the last moment, so a crash leaves as little as possible claimed but unsent.
   */
  prepare?: () => Promise<OutboundCard | undefined>;
}

/** Proactive 1:1 messages to people who have the app installed. */
export interface Messenger {
  /**
   * Sends a card to the person's personal chat with the bot; resolves to the sent activity id, or
   * `skipped` when `options.prepare` returned nothing.
   */
  sendCard(to: Person, message: OutboundCard, options?: SendOptions): Promise<{ activityId: string; skipped?: boolean }>;
  /** True when `sendCard` honours `options.prepare`; callers then leave the claim to it. */
  readonly preparesBeforeSend?: boolean;
  /**
   * Replaces a card sent earlier in the person's personal chat (a decision shown on the card it was
   * asked on). DeliveryError as for `sendCard`. Absent when the channel cannot edit messages.
   */
  updateCard?(to: Person, activityId: string, message: OutboundCard): Promise<void>;
  /**
   * Opens (or finds) the personal chat with someone whose conversation reference we lack, when the
   * app is installed for them; resolves to the reference to store (and their Teams user id, when
   * the channel could look it up). DeliveryError when it cannot.
   */
  openConversation?(to: Person): Promise<OpenedConversation>;
}

export interface OpenedConversation {
  tenantId?: string;
  /** The person's Teams user id (`29:…`), when known. */
  teamsUserId?: string;
  reference: Record<string, unknown>;
}
