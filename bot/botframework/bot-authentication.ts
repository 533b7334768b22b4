import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import type { AppConfig } from '../config';
import type { BotHttpRequest } from '../bot-channel';

/**
 * Where the signing keys of the tokens on incoming activities are published: the Bot Connector's
 * (channel tokens, issuer https://api.botframework.com) and Entra ID's (tokens a single-tenant bot
 * can get from its own tenant). The public cloud's unless given; tests give a local key server.
 */
export interface BotKeySources {
  channelOpenIdMetadataUrl: string;
  entraOpenIdMetadataUrl: string;
}

/** botbuilder's public-cloud settings (AuthenticationConstants), needed all together once one of them is set. */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};
const CHANNEL_ISSUER = PUBLIC_CLOUD.ToBotFromChannelTokenIssuer;

/** The Bot Framework's own tenants, whose Entra-issued tokens botbuilder accepts (tokenValidationParameters.ts). */
const BOT_FRAMEWORK_TENANTS = ['d6d49420-f39b-4df7-a1dc-d59a935871db', 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'];

type BotSettings = AppConfig['bot'];
type Claims = readonly { type: string; value: string }[];

/** The settings botbuilder reads; with no app id, authentication off (local only: config refuses it in production). */
export function botSdkSettings(bot: BotSettings) {
  return bot.appId
    ? { MicrosoftAppId: bot.appId, MicrosoftAppPassword: bot.appPassword, MicrosoftAppType: bot.appType, MicrosoftAppTenantId: bot.tenantId }
    : // botbuilder's only credential-free path is its "MultiTenant" type with an empty id (authentication off).
      // That is no multi-tenant registration: EdiBot still refuses other tenants.
      { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
}

/**
 * How incoming activities are authenticated: botbuilder's checks (signature, issuer, audience,
 * expiry, the token's serviceurl against the activity's), plus ours on the claims. botbuilder takes
 * an Entra-issued token from any tenant whose `tid` it sees (emulatorValidation.ts adds that
 * tenant's issuer to its list), so a token is refused unless the Bot Connector or this bot's own
 * tenant (or the Bot Framework's) issued it; and tokens from other bots (skills) are refused, as
 * botbuilder does when no claims check is given.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export function botFrameworkAuthentication(bot: BotSettings, keys?: BotKeySources): ConfigurationBotFrameworkAuthentication {
  const settings = botSdkSettings(bot);
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const endpoints = keys && { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: keys.channelOpenIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: keys.entraOpenIdMetadataUrl };
  const validateClaims = async (claims: Claims) => {
    const problem = claimsProblem(claims, bot);
    if (problem) throw new Error(problem);
  };
  return new ConfigurationBotFrameworkAuthentication({ ...settings, ...endpoints }, credentials, { requiredEndorsements: [], validateClaims });
}

function claimsProblem(claims: Claims, bot: BotSettings): string | undefined {
  const claim = (type: string) => claims.find((c) => c.type === type)?.value;
  const issuer = claim('iss');
  if (issuer === CHANNEL_ISSUER) return undefined;
  const tenants = [bot.tenantId, ...BOT_FRAMEWORK_TENANTS].map((t) => t.toLowerCase());
  const tenant = /^https:\/\/(?:sts\.windows\.net\/([^/]+)\/|login\.microsoftonline\.com\/([^/]+)\/v2\.0)$/.exec(issuer ?? '');
  const issuedBy = (tenant?.[1] ?? tenant?.[2])?.toLowerCase();
  if (!issuedBy || !tenants.includes(issuedBy)) return 'the token was issued by another tenant';
  const tid = claim('tid');
  if (tid !== undefined && tid.toLowerCase() !== issuedBy) return 'the token names another tenant';
  // Another bot calling this one as a skill: the audience is this bot, the caller another app.
  const caller = claim('ver') === '2.0' ? claim('azp') : claim('appid');
  if (caller !== bot.appId) return 'the token is from another app';
  return undefined;
}

/**
 * Authenticates an activity before botbuilder's adapter runs it, so every refusal is a 401 with
 * the reason logged once (the adapter answers a forged signature with 500, and logs to the console).
 * Undefined when the request may go on: authentication off (locally), a body the adapter itself
 * refuses (400), or a token that passed.
 */
export async function refusalOf(auth: ConfigurationBotFrameworkAuthentication, bot: BotSettings, req: BotHttpRequest): Promise<string | undefined> {
  if (!bot.appId) return undefined;
  const activity = req.body;
  if (typeof activity !== 'object' || activity === null || Array.isArray(activity)) return undefined;
  const header = req.headers.authorization ?? req.headers.Authorization;
  const authorization = typeof header === 'string' ? header : '';
  if (!authorization.trim()) return 'no Authorization header';
  // botbuilder compares the token's serviceurl with the activity's only when the activity has one.
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl === '') return 'the activity has no serviceUrl';
  try {
    await auth.authenticateRequest(activity as unknown as Activity, authorization);
    return undefined;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).slice(0, 200);
  }
}
