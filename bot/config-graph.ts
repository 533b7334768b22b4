import type { Env } from './config';

/** The Microsoft Graph parts of the configuration (bot/config.ts reads and validates the environment). */

export interface TeamsAppsConfig {
  /** The manifest `id` (TEAMS_APP_ID): the catalog id is looked up from it. */
  manifestAppId?: string;
  /** The app's id in the organisation's app catalog (TEAMS_APP_CATALOG_ID): skips the lookup. */
  catalogAppId?: string;
  /** The manifest's `webApplicationInfo.id` (TAB_SSO_CLIENT_ID, else MicrosoftAppId): Graph must sign in as it. */
  webApplicationId?: string;
  graphBaseUrl: string;
  auth: GraphAuthConfig;
}

/** Graph credentials: their own settings, else the bot's app registration. */
export type GraphAuthConfig =
  | { kind: 'none' }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; thumbprintSha256: string; privateKeyFile: string }
  | { kind: 'managed-identity'; clientId?: string };

/** App-only Graph credentials (problems named once even when several features need Graph). */
export function graphAuth(e: Env, problems: string[]): GraphAuthConfig {
  const clientId = e.GRAPH_CLIENT_ID || e.MicrosoftAppId;
  const tenantId = e.GRAPH_TENANT_ID || e.MicrosoftAppTenantId;
  let auth: GraphAuthConfig = { kind: 'managed-identity', clientId: e.GRAPH_MANAGED_IDENTITY_CLIENT_ID || undefined };
  if (e.GRAPH_AUTH === 'none') {
    // For a Graph emulator on this machine only (like the bot running open for the playground).
    const host = new URL(e.GRAPH_BASE_URL).hostname;
    if (e.NODE_ENV === 'production' || !['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      problems.push('GRAPH_AUTH: "none" is only for a local Graph emulator (GRAPH_BASE_URL on 127.0.0.1/localhost), never in production');
    }
    auth = { kind: 'none' };
  } else if (e.GRAPH_AUTH !== 'managed-identity') {
    if (!clientId) problems.push('GRAPH_CLIENT_ID: required for Graph app-only auth (or set MicrosoftAppId)');
    if (!tenantId) problems.push('GRAPH_TENANT_ID: required for Graph app-only auth (or set MicrosoftAppTenantId)');
  }
  if (e.GRAPH_AUTH === 'client-secret') {
    const clientSecret = e.GRAPH_CLIENT_SECRET || e.MicrosoftAppPassword;
    if (!clientSecret) problems.push('GRAPH_CLIENT_SECRET: required with GRAPH_AUTH=client-secret (or set MicrosoftAppPassword)');
    auth = { kind: 'client-secret', clientId: clientId ?? '', tenantId: tenantId ?? '', clientSecret };
  }
  if (e.GRAPH_AUTH === 'certificate') {
    if (!e.GRAPH_CERT_THUMBPRINT_SHA256) problems.push('GRAPH_CERT_THUMBPRINT_SHA256: required with GRAPH_AUTH=certificate');
    if (!e.GRAPH_CERT_PRIVATE_KEY_FILE) problems.push('GRAPH_CERT_PRIVATE_KEY_FILE: required with GRAPH_AUTH=certificate');
    auth = { kind: 'certificate', clientId: clientId ?? '', tenantId: tenantId ?? '', thumbprintSha256: e.GRAPH_CERT_THUMBPRINT_SHA256 ?? '', privateKeyFile: e.GRAPH_CERT_PRIVATE_KEY_FILE ?? '' };
  }
  return auth;
}

export function teamsAppsSettings(e: Env, auth: GraphAuthConfig): TeamsAppsConfig {
  const webApplicationId = e.TAB_SSO_CLIENT_ID || e.MicrosoftAppId || undefined;
  return { manifestAppId: e.TEAMS_APP_ID, catalogAppId: e.TEAMS_APP_CATALOG_ID, webApplicationId, graphBaseUrl: e.GRAPH_BASE_URL, auth };
}
