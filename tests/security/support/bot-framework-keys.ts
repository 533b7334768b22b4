/**
 * A stand-in for the two places a bot's incoming tokens are checked against, on 127.0.0.1: the Bot
 * Connector's OpenID metadata and keys (each key endorsed for the channels it may sign for, as
 * login.botframework.com publishes them) and Entra ID's. Keys made here; tokens shaped like the
 * Bot Connector's (issuer https://api.botframework.com, audience the bot's app id, serviceurl) and
 * like Entra ID's app tokens (v1: appid, tid).
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { BotKeySources } from '../../../bot/botframework/bot-authentication';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface BotFrameworkKeys extends BotKeySources {
  /** A Bot Connector token; claims override the defaults (aud, serviceurl, an hour's validity). */
  channelToken(claims?: JWTPayload, options?: { kid?: string; key?: CryptoKey }): Promise<string>;
  /** An Entra ID app token (v1) issued by `tenant` for `appid`. */
  entraToken(tenant: string, claims?: JWTPayload): Promise<string>;
  /** Header and payload as given, and no signature (`alg` as the header says, e.g. none). */
  unsigned(header: Record<string, unknown>, claims?: JWTPayload): string;
  /** A key pair nobody publishes. */
  rogueKey: CryptoKey;
  /** A published key that is endorsed for Web Chat only, not Teams. */
  webChatKey: CryptoKey;
  close(): Promise<void>;
}

export async function startBotFrameworkKeys(appId: string, serviceUrl: string): Promise<BotFrameworkKeys> {
  const [teams, webChat, entra, rogue] = await Promise.all([1, 2, 3, 4].map(() => generateKeyPair('RS256', { extractable: true })));
  const jwk = async (key: CryptoKey, kid: string, endorsements?: string[]) => ({ ...(await exportJWK(key)), kid, kty: 'RSA', use: 'sig', ...(endorsements && { endorsements }) });
  const channelKeys = { keys: [await jwk(teams!.publicKey, 'bf-teams', ['msteams']), await jwk(webChat!.publicKey, 'bf-webchat', ['webchat'])] };
  const entraKeys = { keys: [await jwk(entra!.publicKey, 'entra-1')] };
  let base = '';
  const server: Server = createServer((req, res) => {
    const documents: Record<string, unknown> = {
      '/botframework/.well-known/openidconfiguration': { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/botframework/keys`, id_token_signing_alg_values_supported: ['RS256'] },
      '/botframework/keys': channelKeys,
      '/entra/v2.0/.well-known/openid-configuration': { issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/entra/keys` },
      '/entra/keys': entraKeys,
    };
    const body = documents[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(body ? JSON.stringify(body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return {
    channelOpenIdMetadataUrl: `${base}/botframework/.well-known/openidconfiguration`,
    entraOpenIdMetadataUrl: `${base}/entra/v2.0/.well-known/openid-configuration`,
    channelToken: (claims = {}, options = {}) =>
      new SignJWT({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now() - 60, iat: now() - 60, exp: now() + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'bf-teams', typ: 'JWT' })
        .sign(options.key ?? teams!.privateKey),
    entraToken: (tenant, claims = {}) =>
      new SignJWT({ iss: `https://sts.windows.net/${tenant}/`, aud: appId, appid: appId, tid: tenant, ver: '1.0', nbf: now() - 60, iat: now() - 60, exp: now() + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'entra-1', typ: 'JWT' })
        .sign(entra!.privateKey),
    unsigned: (header, claims = {}) => `${b64(header)}.${b64({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now() - 60, exp: now() + 3600, ...claims })}.`,
    rogueKey: rogue!.privateKey,
    webChatKey: webChat!.privateKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
