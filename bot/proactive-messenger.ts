import { CardFactory, type CloudAdapter, type ConversationReference, MessageFactory } from 'botbuilder';
import type { Person } from '../core/model';
import { DeliveryError, type Messenger, type OutboundCard } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/plan-store';

/**
 * Proactive 1:1 cards through the stored conversation reference, with failures classified so
 * callers know what to retry: 403 (blocked / app removed), 404 (conversation gone), 429, 5xx.
 */
export class ProactiveMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: PlanStore,
  ) {}

  async sendCard(to: Person, message: OutboundCard): Promise<{ activityId: string }> {
    const conversation = await this.store.getConversation(to.aadObjectId);
    if (!conversation) throw new DeliveryError('no-conversation', `The app is not installed for ${to.displayName}`);
    let activityId = '';
    // The adapter hands errors thrown inside a turn to onTurnError, so catch them in the turn.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation.reference as Partial<ConversationReference>, async (context) => {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
        activity.summary = message.summary;
        try {
          activityId = (await context.sendActivity(activity))?.id ?? '';
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw classify(failure);
    return { activityId };
  }
}

export function classify(err: unknown): DeliveryError {
  const e = err as { statusCode?: number; response?: { status?: number; headers?: { get?(n: string): string | null } }; message?: string };
  const status = e.statusCode ?? e.response?.status;
  const message = e.message ?? String(err);
  if (status === 403) return new DeliveryError('blocked', message);
  if (status === 404) return new DeliveryError('not-found', message);
  if (status === 429) {
    const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
    return new DeliveryError('throttled', message, Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
  }
  return new DeliveryError('transient', message);
}
