import assert from 'node:assert/strict';
import { createTokenValidator, entraIssuers, TokenRejectedError, type TokenProblem, type TokenValidator } from '../../tab/api/auth/token-validator';
import { APP_ID_URI, CLIENT_ID, OTHER_TENANT, startFakeEntra, TENANT, type FakeEntra } from './support/fake-entra';

describe('Teams SSO token validation (local keys and JWKS endpoint)', () => {
  let entra: FakeEntra;
  let validate: TokenValidator;

  before(async () => {
    entra = await startFakeEntra();
    validate = createTokenValidator({ tenantId: TENANT, audiences: [APP_ID_URI, CLIENT_ID], issuers: entraIssuers(TENANT), keys: new URL(entra.jwksUrl) });
  });
  after(() => entra.close());

  const rejected = async (token: string | Promise<string>, problem: TokenProblem) =>
    assert.rejects(validate(await token), (err: unknown) => {
      assert.ok(err instanceof TokenRejectedError, String(err));
      assert.equal(err.problem, problem, err.message);
      return true;
    });

  it('accepts a v2 token (audience = client id) and reads the user from it', async () => {
    const claims = await validate(await entra.token({ groups: ['g-1', 'g-2'] }));
    assert.deepEqual(claims, { oid: 'oid-kim', tid: TENANT, name: 'Kim Patel', username: 'kim.patel@example.gov.uk', groups: ['g-1', 'g-2'] });
  });

  it('accepts a v1 token (sts.windows.net issuer, audience = App ID URI), with upn as the user name', async () => {
    const claims = await validate(await entra.token({}, { version: 1 }));
    assert.equal(claims.oid, 'oid-kim');
    assert.equal(claims.username, 'kim.patel@example.gov.uk');
    assert.equal(claims.groups, undefined);
  });

  it('fetches the keys once and reuses them', async () => {
    const before = entra.jwksRequests;
    await validate(await entra.token());
    await validate(await entra.token());
    assert.ok(entra.jwksRequests - before <= 1, `JWKS fetched ${entra.jwksRequests - before} times for two tokens`);
  });

  it('rejects an expired token (beyond the minute of clock skew allowed)', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await rejected(entra.token({ iat: past - 3600, nbf: past - 3600, exp: past }), 'expired');
    // Within the allowed skew it still passes.
    await validate(await entra.token({ exp: Math.floor(Date.now() / 1000) - 30 }));
  });

  it('rejects a token for another audience (e.g. a Microsoft Graph token)', async () => {
    await rejected(entra.token({ aud: 'https://graph.microsoft.com' }), 'wrong-audience');
    await rejected(entra.token({ aud: 'api://plan.example.gov.uk/another-app' }, { version: 1 }), 'wrong-audience');
  });

  it('rejects a token from another tenant, even one issued by Entra ID for that tenant', async () => {
    await rejected(entra.token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'wrong-tenant');
    await rejected(entra.token({ tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` }, { version: 1 }), 'wrong-tenant');
  });

  it('rejects a token from an issuer that is not Entra ID for the tenant', async () => {
    await rejected(entra.token({ iss: 'https://evil.example/v2.0' }), 'wrong-issuer');
  });

  it('rejects a bad signature: a key that is not published, or a tampered payload', async () => {
    await rejected(entra.token({}, { key: entra.rogueKey }), 'bad-signature');
    await rejected(entra.token({}, { key: entra.rogueKey, kid: 'unknown-kid' }), 'bad-signature');
    const [header, , signature] = (await entra.token()).split('.');
    const forged = Buffer.from(JSON.stringify({ aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: 'oid-admin', scp: 'access_as_user', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await rejected(`${header}.${forged}.${signature}`, 'bad-signature');
  });

  it('rejects an unsigned token ("alg": "none") as badly signed, and garbage as malformed', async () => {
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ aud: CLIENT_ID, tid: TENANT, oid: 'x' })).toString('base64url')}.`;
    await rejected(none, 'bad-signature');
    await rejected('not-a-token', 'malformed');
  });

  it('rejects a token without the access_as_user scope, and app-only tokens', async () => {
    await rejected(entra.token({ scp: 'User.Read' }), 'missing-scope');
    await rejected(entra.token({ scp: undefined, roles: ['Plan.Read'], idtyp: 'app' }), 'not-a-user');
    await rejected(entra.token({ oid: undefined }), 'not-a-user');
  });

  it('says the keys are unavailable (not that the token is bad) when the JWKS endpoint fails', async () => {
    const fresh = createTokenValidator({ tenantId: TENANT, audiences: [CLIENT_ID], issuers: entraIssuers(TENANT), keys: new URL(entra.jwksUrl) });
    entra.failWith = 500;
    try {
      await assert.rejects(fresh(await entra.token()), (err: unknown) => err instanceof TokenRejectedError && err.problem === 'keys-unavailable');
    } finally {
      entra.failWith = undefined;
    }
  });
});
