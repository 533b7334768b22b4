import type { PlanStore } from '../../core/ports/plan-store';
import type { Logger } from '../../core/ports/logger';
import type { BotChannel } from '../bot-channel';
import type { AppConfig } from '../config';
import { createBotAdapter } from './bot-adapter';
import { botFrameworkAuthentication, refusalOf, type BotKeySources } from './bot-authentication';
import { ProactiveMessenger } from './proactive-messenger';
import { withSingleAttemptSends } from './single-attempt-adapter';
import { EdiBot } from './teams-bot';

/**
 * The app's bot channel on the Bot Framework SDK (botbuilder): one CloudAdapter authenticates
 * incoming activities and makes proactive calls through the Bot Connector. The only folder that
 * imports botbuilder. `keys`: where incoming tokens' signing keys are published (tests only; the public
 * cloud's otherwise).
 */
export function createBotFrameworkChannel(config: Pick<AppConfig, 'bot'>, store: PlanStore, log: Logger, keys?: BotKeySources): BotChannel {
  const auth = botFrameworkAuthentication(config.bot, keys);
  const adapter = createBotAdapter(config, log, auth);
  const { appId, tenantId, serviceUrl, openChats } = config.bot;
  return {
    messenger: new ProactiveMessenger(withSingleAttemptSends(adapter, log), appId, store, { tenantId, serviceUrl, openChats }),
    endpoint: (deps) => {
      const bot = new EdiBot(deps);
      return {
        process: async (req, res) => {
          // botbuilder's own answer to a body that is no activity is a note to developers.
          if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
            res.status(400);
            res.send({ message: 'This address takes one Bot Framework activity, as a JSON object.' });
            res.end();
            return;
          }
          // Refused before the adapter: a 401 in plain words, the reason logged once, nothing run.
          const refused = await refusalOf(auth, config.bot, req);
          if (refused) {
            log.warn({ reason: refused, activityType: typeof req.body?.type === 'string' ? req.body.type.slice(0, 40) : undefined }, 'bot request refused: not authenticated as the Bot Framework');
            res.status(401);
            res.send({ message: 'Only Microsoft Teams, through the Bot Framework, may post to this address.' });
            res.end();
            return;
          }
          await adapter.process(req, res, (context) => bot.run(context));
        },
      };
    },
  };
}
