import type { Person } from '../../core/model';
import { DeliveryError, type Messenger, type OutboundCard } from '../../core/ports/messenger';

export interface CapturedCard {
  to: string;
  activityId: string;
  message: OutboundCard;
}

/** A Messenger that keeps every card it is asked to send or edit; people in `unreachable` fail as blocked. */
export class CapturingMessenger implements Messenger {
  readonly sent: CapturedCard[] = [];
  readonly edited: CapturedCard[] = [];
  readonly unreachable = new Set<string>();
  private next = 1;

  async sendCard(to: Person, message: OutboundCard): Promise<{ activityId: string }> {
    if (this.unreachable.has(to.aadObjectId)) throw new DeliveryError('blocked', `${to.displayName} blocked the bot`);
    const activityId = `act-${this.next++}`;
    this.sent.push({ to: to.aadObjectId, activityId, message });
    return { activityId };
  }

  async updateCard(to: Person, activityId: string, message: OutboundCard): Promise<void> {
    this.edited.push({ to: to.aadObjectId, activityId, message });
  }

  sentTo(person: Person): CapturedCard[] {
    return this.sent.filter((c) => c.to === person.aadObjectId);
  }
}
