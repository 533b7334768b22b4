import { CardFactory, type CloudAdapter, type ConversationParameters, type ConversationReference, MessageFactory, TeamsInfo, TurnContext } from 'botbuilder';
import type { Person } from '../../core/model';
import { DeliveryError, type Messenger, type OpenedConversation, type OutboundCard, type SendOptions } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/plan-store';

/**
 * Proactive 1:1 cards through the stored conversation reference, with failures classified so
 * callers know what to retry: 403 (blocked / app removed), 404 (conversation gone), 429, 5xx.
 */
export class ProactiveMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: PlanStore,
    /** For opening chats: the tenant, and Teams' service URL when no chat tells us a better one. */
    private readonly teams: { tenantId?: string; serviceUrl: string; openChats?: boolean } = { serviceUrl: 'https://smba.trafficmanager.net/teams/' },
  ) {
    // The Agents Playground hosts only its signed-in user: opening chats for others leads nowhere.
    if (teams.openChats === false) this.openConversation = undefined;
  }

  /**
   * createConversation with the person's Entra id: Teams returns the existing 1:1 chat with the
   * bot when the app is installed for them (403 when it is not). The service URL and bot id come
   * from any chat we already hold in the tenant, as Teams uses one per region.
   */
  openConversation?: (to: Person) => Promise<OpenedConversation> = (to) => this.openChat(to);

  private async openChat(to: Person): Promise<OpenedConversation> {
    const known = (await this.store.listConversations()).find((c) => !this.teams.tenantId || c.tenantId === this.teams.tenantId)?.reference as
      | Partial<ConversationReference>
      | undefined;
    const serviceUrl = known?.serviceUrl ?? this.teams.serviceUrl;
    const tenantId = this.teams.tenantId ?? (known?.conversation as { tenantId?: string } | undefined)?.tenantId;
    const parameters = {
      isGroup: false,
      bot: known?.bot ?? { id: `28:${this.botAppId}`, name: 'EDI Action Plan' },
      members: [{ id: to.aadObjectId, name: to.displayName }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let reference: Record<string, unknown> | undefined;
    let teamsUserId: string | undefined;
    try {
      await this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, 'https://api.botframework.com', parameters, async (context) => {
        reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
        teamsUserId = await teamsUserIdOf(context, to);
      });
    } catch (err) {
      throw classify(err);
    }
    if (!reference) throw new DeliveryError('transient', `Teams opened no chat with ${to.displayName}`);
    // The reference's user is the person as Teams names them in chats (29:…), never their Entra id.
    const user = { ...(teamsUserId && { id: teamsUserId }), aadObjectId: to.aadObjectId, name: to.displayName };
    return { tenantId, ...(teamsUserId && { teamsUserId }), reference: { ...reference, user } };
  }

  readonly preparesBeforeSend = true;

  async sendCard(to: Person, given: OutboundCard, options: SendOptions = {}): Promise<{ activityId: string; skipped?: boolean }> {
    let activityId = '';
    let skipped = false;
    await this.inTurn(to, async (context) => {
      const message = options.prepare ? await options.prepare() : given;
      if (!message) {
        skipped = true;
        return;
      }
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
      activity.summary = message.summary;
      activityId = (await context.sendActivity(activity))?.id ?? '';
    });
    return skipped ? { activityId: '', skipped } : { activityId };
  }

  /** Edits a card the bot sent before (Teams: PUT /v3/conversations/{id}/activities/{activityId}). */
  async updateCard(to: Person, activityId: string, message: OutboundCard): Promise<void> {
    await this.inTurn(to, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
      activity.id = activityId;
      activity.summary = message.summary;
      await context.updateActivity(activity);
    });
  }

  /** Runs `work` in a proactive turn in the person's personal chat; failures come back classified. */
  private async inTurn(to: Person, work: (context: TurnContext) => Promise<void>): Promise<void> {
    const conversation = await this.store.getConversation(to.aadObjectId);
    if (!conversation) throw new DeliveryError('no-conversation', `The app is not installed for ${to.displayName}`);
    // The adapter hands errors thrown inside a turn to onTurnError, so catch them in the turn.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation.reference as Partial<ConversationReference>, async (context) => {
        try {
          await work(context);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure = err;
    }
    if (failure !== undefined) throw failure instanceof DeliveryError ? failure : classify(failure);
  }
}

/**
 * The chat Teams opens names no user: their Teams user id (29:…) is the chat member's id, looked up
 * by Entra object id ("Get single member details" accepts the Teams user id, UPN or Entra object id:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details).
 * If that lookup fails the chat still works; the id is captured from their next activity instead.
 */
async function teamsUserIdOf(context: TurnContext, to: Person): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, to.aadObjectId);
    return typeof member?.id === 'string' && member.id !== '' ? member.id : undefined;
  } catch {
    return undefined;
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
