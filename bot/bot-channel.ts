import type { Messenger } from '../core/ports/messenger';
import type { CardActionDeps } from './card-actions';

/**
 * What the app needs from a bot SDK, in the SDK's absence. Only `bot/botframework/` knows the SDK
 * (botbuilder 4.23 today); moving to the Microsoft 365 Agents SDK (`@microsoft/agents-hosting`)
 * means a second folder that builds the same BotChannel (see ADMIN.md, "The bot SDK").
 */
export interface BotChannel {
  /** Proactive cards to people (reminders, approvals): one HTTP attempt per send; the caller owns retries. */
  messenger: Messenger;
  /** The handler of `/api/messages`: authenticates the activity and answers it with the Teams bot. */
  endpoint(deps: BotDeps): BotEndpoint;
}

export interface BotDeps extends CardActionDeps {
  /** The one tenant served: activities from any other are refused (answered with why, and logged). */
  tenantId: string;
}

/** The request and response as both bot SDKs take them (Express-shaped; restify's fit). */
export interface BotHttpRequest {
  body?: Record<string, unknown>;
  headers: Record<string, string[] | string | undefined>;
  method?: string;
}

export interface BotHttpResponse {
  socket: unknown;
  end(...args: unknown[]): unknown;
  header(name: string, value: unknown): unknown;
  send(...args: unknown[]): unknown;
  status(code: number): unknown;
}

export interface BotEndpoint {
  process(req: BotHttpRequest, res: BotHttpResponse): Promise<void>;
}
