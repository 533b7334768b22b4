import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { DomainError, NotFoundError, ValidationError } from '../../core/errors';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { listMyTasks } from '../../core/use-cases/list-my-tasks';
import { rememberConversation } from '../../core/use-cases/remember-conversation';
import { londonDate } from '../../core/plan/london-time';
import type { BotDeps } from '../bot-channel';
import { handleCardAction, handOver } from '../card-actions';
import { CardVerb } from '../cards/card-verbs';
import { helpCard } from '../cards/help-card';
import { myTasksCard } from '../cards/my-tasks-card';
import { noticeCard } from '../cards/notice-card';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The Teams-facing bot: parses an activity, calls a use case, renders a card. No rules live here.
 */
export class EdiBot extends TeamsActivityHandler {
  /** People welcomed since start: the announcements of one install arrive in any order. */
  private readonly welcomed = new Set<string>();

  constructor(private readonly deps: BotDeps) {
    super();

    this.onMessage(async (context, next) => {
      if (this.acceptedTenant(context) && (await this.rememberIfPersonal(context))) {
        await this.answerText(context);
      } else if (this.acceptedTenant(context)) {
        await context.sendActivity('Please message me in a personal chat: that is where your tasks and reminders are.');
      }
      await next();
    });

    // An install arrives as installationUpdate and/or conversationUpdate (membersAdded), in either
    // order and sometimes twice: both capture the reference, and the first one welcomes.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeIfNew(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.welcomeIfNew(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!this.acceptedTenant(context)) return errorResponse(403, 'This app is not available to your organisation.');
    const actor = context.activity.from.aadObjectId;
    if (!actor) return errorResponse(401, 'Sign in to Microsoft Teams with your work account to use this card.');
    await this.rememberIfPersonal(context);
    try {
      const result = await handleCardAction(this.deps, { aadObjectId: actor, cardActivityId: context.activity.replyToId }, invoke.action.verb ?? '', invoke.action.data);
      if ('error' in result) return errorResponse(result.error.status, result.error.message);
      return { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card };
    } catch (err) {
      this.deps.log.error({ err: String(err), verb: invoke.action.verb }, 'card action failed');
      return errorResponse(500, 'Something went wrong and nothing was saved. Please try again in a moment.');
    }
  }

  private async welcomeIfNew(context: TurnContext): Promise<void> {
    if (!this.acceptedTenant(context)) return;
    const aadObjectId = context.activity.from?.aadObjectId;
    if (!(await this.rememberIfPersonal(context)) || !aadObjectId || this.welcomed.has(aadObjectId)) return;
    if (this.welcomed.size > 10_000) this.welcomed.clear();
    this.welcomed.add(aadObjectId);
    await context.sendActivity(cardMessage(helpCard(context.activity.from.name), 'Welcome to the EDI action plan assistant'));
  }

  private async answerText(context: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity)?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
    const aadObjectId = context.activity.from.aadObjectId;
    if (/^(my )?tasks?$|^mytasks$/.test(text)) {
      if (!aadObjectId) {
        await context.sendActivity('Sign in to Microsoft Teams with your work account to see your tasks.');
        return;
      }
      const tasks = await listMyTasks(this.deps.store, aadObjectId);
      await context.sendActivity(cardMessage(myTasksCard(tasks, londonDate(this.deps.clock.now())), `You have ${tasks.length} open tasks`));
      return;
    }
    if (/^pending( approvals?| decisions?)?$|^approvals?$/.test(text)) {
      if (!aadObjectId) {
        await context.sendActivity('Sign in to Microsoft Teams with your work account to see your pending decisions.');
        return;
      }
      const result = await handleCardAction(this.deps, { aadObjectId }, CardVerb.showPendingApprovals, {});
      if ('card' in result) await context.sendActivity(cardMessage(result.card, 'RAG changes waiting for your decision'));
      return;
    }
    const delegation = /^(?:delegate|hand|handover|hand over|give)\s+(\S+)\s+to\s+(.+)$/i.exec(TurnContext.removeRecipientMention(context.activity)?.trim() ?? '');
    if (delegation) {
      if (!aadObjectId) {
        await context.sendActivity('Sign in to Microsoft Teams with your work account to hand over a task.');
        return;
      }
      try {
        const result = await handOver(this.deps, aadObjectId, { ref: delegation[1]! }, delegation[2]!);
        await context.sendActivity(cardMessage(noticeCard(`${result.ref} handed over`, result.message), result.message));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const message =
          err instanceof NotFoundError
            ? `There is no task ${delegation[1]} in the action plan. Type "my tasks" to see your tasks and their refs.`
            : err instanceof ValidationError
              ? (err.fields[0]?.message ?? err.message)
              : err.message;
        await context.sendActivity(cardMessage(noticeCard('Task not handed over', message, 'error'), message));
      }
      return;
    }
    if (text === 'help' || text === '?' || text === 'hi' || text === 'hello') {
      await context.sendActivity(cardMessage(helpCard(context.activity.from.name), 'What I can do'));
      return;
    }
    await context.sendActivity(
      cardMessage(noticeCard('I did not recognise that', 'Try "my tasks" to see and update your tasks, or "help".'), 'Try "my tasks" or "help"'),
    );
  }

  /** Saves the personal-chat reference (serviceUrl can change, so on every activity). */
  private async rememberIfPersonal(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.conversation?.conversationType && activity.conversation.conversationType !== 'personal') return false;
    const aadObjectId = activity.from?.aadObjectId;
    if (!aadObjectId) return true;
    await rememberConversation(this.deps, {
      aadObjectId,
      tenantId: tenantOf(context),
      displayName: activity.from.name,
      reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
    });
    return true;
  }

  private acceptedTenant(context: TurnContext): boolean {
    if (!this.deps.tenantId) return true;
    const ok = tenantOf(context) === this.deps.tenantId;
    if (!ok) this.deps.log.warn({ tenant: tenantOf(context) ?? '(none)' }, 'activity from another tenant refused');
    return ok;
  }
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

function cardMessage(card: AdaptiveCardJson, summary: string) {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  message.summary = summary;
  return message;
}

function errorResponse(statusCode: number, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code: String(statusCode), message } as never };
}
