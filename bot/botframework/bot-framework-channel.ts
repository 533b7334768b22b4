import type { PlanStore } from '../../core/ports/plan-store';
import type { Logger } from '../../core/ports/logger';
import type { BotChannel } from '../bot-channel';
import type { AppConfig } from '../config';
import { createBotAdapter } from './bot-adapter';
import { ProactiveMessenger } from './proactive-messenger';
import { withSingleAttemptSends } from './single-attempt-adapter';
import { EdiBot } from './teams-bot';

/**
 * The app's bot channel on the Bot Framework SDK (botbuilder): one CloudAdapter authenticates
 * incoming activities and makes proactive calls through the Bot Connector. The only folder that
 * imports botbuilder.
 */
export function createBotFrameworkChannel(config: Pick<AppConfig, 'bot'>, store: PlanStore, log: Logger): BotChannel {
  const adapter = createBotAdapter(config, log);
  const { appId, tenantId, serviceUrl, openChats } = config.bot;
  return {
    messenger: new ProactiveMessenger(withSingleAttemptSends(adapter, log), appId, store, { tenantId, serviceUrl, openChats }),
    endpoint: (deps) => {
      const bot = new EdiBot(deps);
      return { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) };
    },
  };
}
