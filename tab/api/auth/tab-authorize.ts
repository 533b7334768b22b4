import type { Person } from '../../../core/model';
import type { Logger } from '../../../core/ports/logger';
import type { Authorize } from '../api-route';
import { createAuthorize } from './authorize';
import { createTokenValidator, entraIssuers } from './token-validator';

/** The tab's sign-in settings (from the app's config): Teams SSO, or locally a demo user. */
export interface TabAuthSettings {
  /** Local only: the demo user every request runs as (no token read). */
  devUser?: Person;
  devTenantId?: string;
  tenantId: string;
  clientId: string;
  appIdUri?: string;
  authority: string;
  jwksUrl: string;
  officerIds: string[];
  officerGroupId?: string;
}

export function createTabAuthorize(settings: TabAuthSettings, log?: Logger): Authorize {
  const officers = { ids: settings.officerIds, groupId: settings.officerGroupId };
  if (settings.devUser) {
    return createAuthorize({ devIdentity: { person: settings.devUser, tenantId: settings.devTenantId ?? settings.tenantId }, officers, log });
  }
  const validate = createTokenValidator({
    tenantId: settings.tenantId,
    audiences: [settings.appIdUri, settings.clientId].filter((a): a is string => Boolean(a)),
    issuers: entraIssuers(settings.tenantId, settings.authority),
    keys: new URL(settings.jwksUrl),
  });
  return createAuthorize({ validate, officers, log });
}
