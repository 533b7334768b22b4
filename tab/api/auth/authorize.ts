import type { Person } from '../../../core/model';
import type { Logger } from '../../../core/ports/logger';
import { failure } from '../api-responses';
import type { ApiRequest, Authorize, Caller } from '../api-route';
import { officerRoles, type OfficerRule } from './officer-roles';
import { TokenRejectedError, type TokenProblem, type TokenValidator } from './token-validator';

export interface AuthorizeOptions {
  /** Teams SSO: every request carries `Authorization: Bearer <token>`. */
  validate?: TokenValidator;
  /**
   * Local only (refused in production by the config): no token is read, every request is this
   * demo user. Roles follow the same officer rule as real users.
   */
  devIdentity?: { person: Person; tenantId: string };
  officers: OfficerRule;
  log?: Logger;
}

const SIGN_IN_AGAIN = 'Your sign-in could not be checked. Close and reopen the tab to sign in again; if it keeps happening, tell your IT service desk.';

const MESSAGES: Record<Exclude<TokenProblem, 'keys-unavailable'>, string> = {
  expired: 'Your sign-in has expired. Close and reopen the tab to sign in again.',
  'wrong-tenant': 'This plan belongs to another organisation: sign in with your council account.',
  'bad-signature': SIGN_IN_AGAIN,
  'wrong-audience': SIGN_IN_AGAIN,
  'wrong-issuer': SIGN_IN_AGAIN,
  'missing-scope': SIGN_IN_AGAIN,
  'not-a-user': SIGN_IN_AGAIN,
  malformed: SIGN_IN_AGAIN,
};

/**
 * The tab API's `Authorize`: 401 for a missing or invalid token, 403 when the caller lacks the
 * role, 503 when Entra ID's signing keys cannot be fetched (nobody is let in unchecked).
 */
export function createAuthorize(options: AuthorizeOptions): Authorize {
  const { validate, devIdentity, officers, log } = options;
  if (!validate && !devIdentity) throw new Error('The tab API needs either Teams SSO settings or the local dev identity.');

  const identify = async (request: ApiRequest): Promise<Caller | { status: number; message: string; problem: string }> => {
    if (devIdentity) {
      const { person, tenantId } = devIdentity;
      return { ...person, tenantId, roles: officerRoles(officers, { oid: person.aadObjectId }) };
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return { status: 401, message: 'Sign in to Teams to see the action plan: this request had no sign-in token.', problem: 'missing' };
    try {
      const claims = await validate!(token);
      return {
        aadObjectId: claims.oid,
        tenantId: claims.tid,
        displayName: claims.name ?? claims.username ?? '',
        email: claims.username ?? '',
        roles: officerRoles(officers, claims),
      };
    } catch (err) {
      if (!(err instanceof TokenRejectedError)) throw err;
      if (err.problem === 'keys-unavailable') {
        log?.error({ err: err.message }, 'tab sign-in keys could not be fetched');
        return { status: 503, message: 'Sign-in could not be checked just now (Microsoft sign-in did not answer). Try again in a minute.', problem: err.problem };
      }
      // Expired tokens are routine (the tab renews them); the others may be someone probing.
      log?.[err.problem === 'expired' ? 'info' : 'warn']({ problem: err.problem, err: err.message }, 'tab API token rejected');
      return { status: 401, message: MESSAGES[err.problem], problem: err.problem };
    }
  };

  return async (request, need) => {
    const caller = await identify(request);
    if ('status' in caller) {
      // RFC 6750: no error code when no token was sent.
      const challenge = caller.problem === 'missing' ? 'Bearer' : `Bearer error="invalid_token", error_description="${caller.problem}"`;
      const headers: Record<string, string> = caller.status === 401 ? { 'WWW-Authenticate': challenge } : {};
      return { ok: false, response: failure(caller.status, caller.message, headers) };
    }
    if (need === 'officer' && !caller.roles.includes('officer')) {
      return { ok: false, response: failure(403, 'Only EDI officers can do this. Ask your EDI officer if you need it done.') };
    }
    return { ok: true, caller };
  };
}
