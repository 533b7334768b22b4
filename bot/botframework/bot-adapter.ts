import { CloudAdapter, type ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from '../../core/ports/logger';
import type { AppConfig } from '../config';
import { botFrameworkAuthentication } from './bot-authentication';

/**
 * The Bot Framework adapter. With an app id it authenticates every incoming activity and outgoing
 * call (Entra ID); without one (local only: config refuses it in production) it runs open, which is
 * what the Agents Playground and the tests use.
 */
export function createBotAdapter(config: Pick<AppConfig, 'bot'>, log: Logger, auth: ConfigurationBotFrameworkAuthentication = botFrameworkAuthentication(config.bot)): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error.message, activityType: context.activity.type }, 'unhandled error in bot turn');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side and nothing was changed. Please try again in a moment.');
    }
  };
  return adapter;
}
