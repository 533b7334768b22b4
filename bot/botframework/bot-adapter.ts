import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../../core/ports/logger';
import type { AppConfig } from '../config';

/**
 * The Bot Framework adapter. With an app id it authenticates every incoming activity and outgoing
 * call (Entra ID); without one (local only: config refuses it in production) it runs open, which is
 * what the Agents Playground and the tests use.
 */
export function createBotAdapter(config: Pick<AppConfig, 'bot'>, log: Logger): CloudAdapter {
  const { appId, appPassword, appType, tenantId } = config.bot;
  // With no app id, botbuilder's only credential-free path is its "MultiTenant" type with an empty
  // id (authentication off). That is no multi-tenant registration: EdiBot still refuses other tenants.
  const settings = appId
    ? { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, MicrosoftAppType: appType, MicrosoftAppTenantId: tenantId }
    : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error.message, activityType: context.activity.type }, 'unhandled error in bot turn');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on our side and nothing was changed. Please try again in a moment.');
    }
  };
  return adapter;
}
