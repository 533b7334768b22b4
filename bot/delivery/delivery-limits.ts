import type { Logger } from '../../core/ports/logger';
import type { AppConfig } from '../config';
import type { DeliveryLimits } from './rate-limited-messenger';
import { perSecond, TEAMS_PER_CONVERSATION_LIMITS } from './teams-limits';

/** The delivery limits the configuration asks for (REMINDER_SENDS_PER_SECOND, REMINDER_SEND_ATTEMPTS). */
export function deliveryLimits(reminders: Pick<AppConfig['reminders'], 'sendsPerSecond' | 'sendAttempts'>, log: Logger): DeliveryLimits {
  return { perConversation: TEAMS_PER_CONVERSATION_LIMITS, global: perSecond(reminders.sendsPerSecond), maxAttempts: reminders.sendAttempts, log };
}
