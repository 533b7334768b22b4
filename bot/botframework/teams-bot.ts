import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  type InvokeResponse,
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
import { helpCard, welcomeCard } from '../cards/help-card';
import { myTasksCard } from '../cards/my-tasks-card';
import { noticeCard } from '../cards/notice-card';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const FOREIGN_TITLE = 'Not available to your organisation';
const FOREIGN_TEXT = 'This EDI action plan app serves one organisation, and your Teams account belongs to another, so nothing was done or saved.';

/**
 * The Teams-facing bot: parses an activity, calls a use case, renders a card. No rules live here.
 */
export class EdiBot extends TeamsActivityHandler {
  /** People welcomed since start: the announcements of one install arrive in any order. */
  private readonly welcomed = new Set<string>();
  /** Foreign chats told about an install since start: one install can announce itself twice. */
  private readonly refusedInstalls = new Set<string>();

  constructor(private readonly deps: BotDeps) {
    super();

    this.onMessage(async (context, next) => {
      if (await this.rememberIfPersonal(context)) {
        await this.answerText(context);
      } else {
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

  /** One tenant, always: an activity from any other changes nothing and is answered with why. */
  override async run(context: TurnContext): Promise<void> {
    if (fromTenant(context, this.deps.tenantId)) {
      await super.run(context);
      return;
    }
    await this.refuseForeign(context);
  }

  /**
   * `adaptiveCard/action` (Action.Execute and card refresh): the HTTP status is 200 whenever the bot
   * processed the invoke, and the outcome is the body's `statusCode` with a `type` per the universal
   * action model's response format (botbuilder would send the body's status as the HTTP status).
   * https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const value = context.activity.value as Partial<AdaptiveCardInvokeValue> | undefined;
    if (value?.action?.type !== 'Action.Execute') return { status: 200, body: errorResponse(400, 'This card action is not supported. It may come from an older version of the app.') };
    return { status: 200, body: await this.cardAction(context, value as AdaptiveCardInvokeValue) };
  }

  private async cardAction(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    // Who clicked is the authenticated activity's sender, never the card's data.
    const actor = context.activity.from?.aadObjectId;
    // No 401: Teams' 401 answer is a loginRequest carrying an OAuthCard for a sign-in connection,
    // which this app has none of; a work account always carries aadObjectId, so say so on a card.
    // https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/authentication-flow-in-universal-action-for-adaptive-cards
    if (!actor) return cardResponse(noticeCard('Sign in with your work account', 'Sign in to Microsoft Teams with your work account to use this card.', 'error'));
    await this.rememberIfPersonal(context);
    try {
      const result = await handleCardAction(this.deps, { aadObjectId: actor, cardActivityId: context.activity.replyToId }, invoke.action.verb ?? '', invoke.action.data);
      return 'error' in result ? errorResponse(result.error.status, result.error.message) : cardResponse(result.card);
    } catch (err) {
      this.deps.log.error({ err: String(err), verb: invoke.action.verb }, 'card action failed');
      return errorResponse(500, 'Something went wrong and nothing was saved. Please try again in a moment.');
    }
  }

  /**
   * Logged, and answered where the sender would otherwise wait or wonder: a card click gets a card
   * (shown only to that clicker's client, so nobody else's copy changes), a message or an install
   * gets a reply. A reply into another organisation may be refused by the Bot Connector: logged.
   * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
   */
  private async refuseForeign(context: TurnContext): Promise<void> {
    const { activity } = context;
    this.deps.log.warn({ tenant: [...new Set(tenantsOf(context))].join(',') || '(none)', activityType: activity.type, name: activity.name }, 'activity from another tenant refused');
    if (activity.type === 'invoke') {
      const body = activity.name === 'adaptiveCard/action' ? cardResponse(noticeCard(FOREIGN_TITLE, FOREIGN_TEXT, 'error')) : undefined;
      await context.sendActivity({ type: 'invokeResponse', value: body ? { status: 200, body } : { status: 403 } });
      return;
    }
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    const install = activity.type === 'installationUpdate' && (activity.action ?? 'add').startsWith('add');
    if (activity.type !== 'message' && !install && !botAdded) return;
    if (activity.type !== 'message') {
      if (this.refusedInstalls.has(activity.conversation?.id ?? '')) return;
      if (this.refusedInstalls.size > 10_000) this.refusedInstalls.clear();
      this.refusedInstalls.add(activity.conversation?.id ?? '');
    }
    try {
      await context.sendActivity(FOREIGN_TEXT);
    } catch (err) {
      this.deps.log.warn({ err: err instanceof Error ? err.message : String(err), activityType: activity.type }, 'refusal to another tenant not delivered');
    }
  }

  private async welcomeIfNew(context: TurnContext): Promise<void> {
    const aadObjectId = context.activity.from?.aadObjectId;
    if (!(await this.rememberIfPersonal(context)) || !aadObjectId || this.welcomed.has(aadObjectId)) return;
    if (this.welcomed.size > 10_000) this.welcomed.clear();
    this.welcomed.add(aadObjectId);
    // A short greeting that points to `help`: the full list is what `help` answers.
    await context.sendActivity(cardMessage(welcomeCard(context.activity.from.name), 'Welcome to the EDI action plan assistant'));
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
      tenantId: this.deps.tenantId,
      displayName: activity.from.name,
      // The activity's from.id is the user's MRI, what card refresh userIds take (see approval-card.ts).
      teamsUserId: activity.from.id || undefined,
      reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
    });
    return true;
  }
}

/**
 * A Teams activity's tenant: `channelData.tenant.id` ("passed in all contexts", though the same page
 * says personal chats carry no channelData) and `conversation.tenantId`, as in its samples
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages#teams-channel-data).
 * Either may be missing: every one present must be ours, and at least one must be there.
 */
function fromTenant(context: TurnContext, tenantId: string): boolean {
  const tenants = tenantsOf(context);
  return tenants.length > 0 && tenants.every((t) => t.toLowerCase() === tenantId.toLowerCase());
}

function tenantsOf(context: TurnContext): string[] {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  return [channelData?.tenant?.id, context.activity.conversation?.tenantId].filter((t): t is string => typeof t === 'string' && t !== '');
}

function cardMessage(card: AdaptiveCardJson, summary: string) {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  message.summary = summary;
  return message;
}

function cardResponse(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

/** 400 (the request was invalid) and 500 (unexpected): `application/vnd.microsoft.error` with `{ code, message }`. */
function errorResponse(statusCode: 400 | 500, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code: statusCode === 400 ? 'BadRequest' : 'InternalServerError', message } };
}
