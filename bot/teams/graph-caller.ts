import { decodeJwt } from 'jose';
import type { AccessTokenSource } from '../../core/store/sharepoint/graph/access-token';
import type { GraphAuthConfig } from '../config';

/**
 * The app Microsoft Graph sees as the caller: the access token's `appid` (v1 tokens) or `azp` (v2)
 * claim, which also covers a system-assigned managed identity; else the configured client id.
 * Only read, never trusted for anything but this start-up check.
 */
export async function graphCallerAppId(tokens: AccessTokenSource, auth: GraphAuthConfig): Promise<string | undefined> {
  const configured = auth.kind === 'none' ? undefined : auth.clientId || undefined;
  try {
    const claims = decodeJwt(await tokens.getToken());
    const id = claims.appid ?? claims.azp;
    return typeof id === 'string' && id !== '' ? id : configured;
  } catch {
    return configured;
  }
}
