import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Checks a Teams SSO token (`authentication.getAuthToken()`) for the tab's own API: signed by a
 * key from the tenant's JWKS, not expired, issued for this app (v1 tokens carry the Application ID
 * URI as audience, v2 tokens the client id), by Entra ID for the configured tenant, on behalf of a
 * user who consented to `access_as_user`.
 */
export interface TokenValidatorOptions {
  tenantId: string;
  /** The App ID URI and/or the client id. */
  audiences: string[];
  /** The v1 and v2 issuers for the tenant (see `entraIssuers`). */
  issuers: string[];
  /** Where the signing keys come from: a JWKS URL (cached and refreshed on an unknown key id by jose), or a key getter. */
  keys: URL | JWTVerifyGetKey;
  requiredScope?: string;
  /** Allowed clock skew between Entra ID and this server. */
  clockToleranceSeconds?: number;
}

/** The claims the API uses, from a token that passed every check. */
export interface ValidatedToken {
  oid: string;
  tid: string;
  name?: string;
  /** preferred_username (v2) or upn / unique_name (v1): the sign-in name, usually the email. */
  username?: string;
  /** Group object ids, when the app registration emits the groups claim and there was no overage. */
  groups?: string[];
}

export type TokenProblem = 'expired' | 'bad-signature' | 'wrong-audience' | 'wrong-issuer' | 'wrong-tenant' | 'missing-scope' | 'not-a-user' | 'malformed' | 'keys-unavailable';

export class TokenRejectedError extends Error {
  constructor(readonly problem: TokenProblem, detail: string) {
    super(`${problem}: ${detail}`);
    this.name = 'TokenRejectedError';
  }
}

export type TokenValidator = (token: string) => Promise<ValidatedToken>;

/** Entra ID's issuers for one tenant: v1 (`sts.windows.net`) and v2 (`<authority>/<tenant>/v2.0`). */
export function entraIssuers(tenantId: string, authority = 'https://login.microsoftonline.com'): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `${authority.replace(/\/+$/, '')}/${tenantId}/v2.0`];
}

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const keys = options.keys instanceof URL ? createRemoteJWKSet(options.keys, { timeoutDuration: 5_000, cooldownDuration: 30_000 }) : options.keys;
  const scope = options.requiredScope ?? 'access_as_user';
  const audiences = options.audiences.filter(Boolean);
  if (audiences.length === 0) throw new Error('The token validator needs at least one audience (the App ID URI or the client id).');

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], audience: audiences, clockTolerance: options.clockToleranceSeconds ?? 60, requiredClaims: ['exp', 'iss', 'tid'] }));
    } catch (err) {
      throw classify(err);
    }
    // Tenant before issuer, so a token from another organisation is named as such.
    if (payload.tid !== options.tenantId) throw new TokenRejectedError('wrong-tenant', `token is from tenant ${String(payload.tid)}`);
    if (!payload.iss || !options.issuers.includes(payload.iss)) throw new TokenRejectedError('wrong-issuer', `issuer ${String(payload.iss)}`);
    const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
    // App-only tokens carry roles, not scp: they are not a person and never reach the tab API.
    if (!oid || payload.idtyp === 'app') throw new TokenRejectedError('not-a-user', 'no user object id (oid) in the token');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(scope)) throw new TokenRejectedError('missing-scope', `scp does not include ${scope}`);
    return {
      oid,
      tid: options.tenantId,
      name: stringClaim(payload.name),
      username: stringClaim(payload.preferred_username) ?? stringClaim(payload.upn) ?? stringClaim(payload.unique_name),
      groups: Array.isArray(payload.groups) ? payload.groups.filter((g): g is string => typeof g === 'string') : undefined,
    };
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function classify(err: unknown): TokenRejectedError {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof errors.JWTExpired) return new TokenRejectedError('expired', message);
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return new TokenRejectedError('wrong-audience', message);
    if (err.claim === 'iss') return new TokenRejectedError('wrong-issuer', message);
    return new TokenRejectedError('malformed', message);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JOSEAlgNotAllowed) return new TokenRejectedError('bad-signature', message);
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) return new TokenRejectedError('malformed', message);
  // A timeout, a network failure or a bad answer from the JWKS endpoint: not the caller's fault.
  return new TokenRejectedError('keys-unavailable', message);
}
