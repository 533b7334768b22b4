/**
 * A stand-in for Entra ID in tests: RSA keys made here, a JWKS endpoint on 127.0.0.1, and tokens
 * shaped like Teams SSO tokens for the tab's API (v1 and v2).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const TENANT = '5f1d0c4e-0000-4000-8000-00000000aaaa';
export const OTHER_TENANT = '5f1d0c4e-0000-4000-8000-00000000bbbb';
export const CLIENT_ID = '9a8b7c6d-0000-4000-8000-0000000000c1';
export const APP_ID_URI = `api://plan.example.gov.uk/${CLIENT_ID}`;
export const V1_ISSUER = `https://sts.windows.net/${TENANT}/`;
export const V2_ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

export interface FakeEntra {
  jwksUrl: string;
  /** How many times the JWKS was fetched. */
  jwksRequests: number;
  /** Answer the JWKS with this status (e.g. 500) instead of the keys. */
  failWith?: number;
  /** A token signed with the published key; claims override the defaults of a v2 user token. */
  token(claims?: JWTPayload & { exp?: number }, options?: { version?: 1 | 2; kid?: string; key?: CryptoKey }): Promise<string>;
  /** A key pair that is not published (for forged signatures). */
  rogueKey: CryptoKey;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const [signing, rogue] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  const state = { jwksRequests: 0, failWith: undefined as number | undefined };
  const server: Server = createServer((req, res) => {
    // writeHead and end apart: instrumentation loaded by the app can wrap writeHead without returning `this`.
    const answer = (status: number, body?: string) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    if (req.url !== `/${TENANT}/discovery/v2.0/keys`) return answer(404);
    state.jwksRequests += 1;
    if (state.failWith) return answer(state.failWith);
    answer(200, JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const now = () => Math.floor(Date.now() / 1000);
  return {
    jwksUrl: `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`,
    get jwksRequests() {
      return state.jwksRequests;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(status: number | undefined) {
      state.failWith = status;
    },
    rogueKey: rogue.privateKey,
    token: async (claims = {}, options = {}) => {
      const v1 = options.version === 1;
      const defaults: JWTPayload = v1
        ? { aud: APP_ID_URI, iss: V1_ISSUER, ver: '1.0', upn: 'kim.patel@example.gov.uk', unique_name: 'kim.patel@example.gov.uk' }
        : { aud: CLIENT_ID, iss: V2_ISSUER, ver: '2.0', preferred_username: 'kim.patel@example.gov.uk' };
      const payload = { ...defaults, tid: TENANT, oid: 'oid-kim', name: 'Kim Patel', scp: 'access_as_user', iat: now() - 60, nbf: now() - 60, exp: now() + 3600, ...claims };
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1', typ: 'JWT' }).sign(options.key ?? signing.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
