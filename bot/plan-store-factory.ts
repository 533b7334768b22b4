import fs from 'node:fs';
import type { Logger } from '../core/ports/logger';
import type { PlanStore } from '../core/ports/plan-store';
import { type AccessTokenSource, createAccessTokenSource, type GraphAuthSettings } from '../core/store/sharepoint/graph/access-token';
import { GraphApi } from '../core/store/sharepoint/graph/graph-api';
import { SharePointPlanStore } from '../core/store/sharepoint/sharepoint-plan-store';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import type { AppConfig, GraphAuthConfig } from './config';

/** The one place that picks the PlanStore adapter: SQLite locally, SharePoint lists in production. */
export async function openPlanStore(config: AppConfig, log: Logger): Promise<PlanStore> {
  // PLAN_TITLE names the first plan when a store has none yet (one written before plans, or a new one).
  const firstPlanName = config.plan.title;
  if (config.store === 'sqlite' || !config.sharepoint) return SqlitePlanStore.open(config.dataDir, { firstPlanName });
  const sp = config.sharepoint;
  return SharePointPlanStore.connect(createGraphApi(sp.graphBaseUrl, sp.auth, log), {
    siteId: sp.siteId,
    firstPlanName,
    listNames: sp.listNames,
    refreshIntervalMs: sp.refreshMs,
  });
}

export function createGraphApi(baseUrl: string, auth: GraphAuthConfig, log: Logger, tokens: AccessTokenSource = createGraphTokens(auth)): GraphApi {
  return new GraphApi({
    baseUrl,
    tokens,
    onRetry: (status, delayMs) => log.warn({ status, delayMs: Math.round(delayMs) }, 'Microsoft Graph throttled or unavailable; retrying'),
  });
}

/** Graph access tokens for these credentials (shared with a GraphApi when the caller reads them too). */
export function createGraphTokens(auth: GraphAuthConfig): AccessTokenSource {
  return tokenSource(authSettings(auth));
}

/** `none`: a fixed placeholder token, accepted only by a local emulator (config enforces that). */
function tokenSource(settings: GraphAuthSettings | { kind: 'none' }): AccessTokenSource {
  return settings.kind === 'none' ? { getToken: async () => 'local-emulator' } : createAccessTokenSource(settings);
}

function authSettings(auth: GraphAuthConfig): GraphAuthSettings | { kind: 'none' } {
  if (auth.kind !== 'certificate') return auth;
  let privateKeyPem: string;
  try {
    privateKeyPem = fs.readFileSync(auth.privateKeyFile, 'utf8');
  } catch (err) {
    throw new Error(`GRAPH_CERT_PRIVATE_KEY_FILE: cannot read ${auth.privateKeyFile} (${(err as Error).message})`);
  }
  return { kind: 'certificate', tenantId: auth.tenantId, clientId: auth.clientId, thumbprintSha256: auth.thumbprintSha256, privateKeyPem };
}
