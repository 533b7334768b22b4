/**
 * Who a tab API request counts against, for rate limiting (bot/server.ts applies the limits with
 * restify's token-bucket `throttle`). Framework-free so it can be tested alone.
 */
export interface ApiRateLimit {
  /** Requests per second per signed-in person (bursts of 10x); 0 = no limit. */
  perUser: number;
  /** Requests per second per client address (bursts of 10x); 0 = no limit. */
  perAddress: number;
  /** Behind App Service's front end, the client's address is the last X-Forwarded-For entry. */
  trustForwardedFor: boolean;
}

/**
 * The client's address: the socket's peer, or behind a trusted proxy the entry the proxy appended
 * (the last one: earlier entries come from the client and can be forged). App Service writes
 * "address:port"; the port is dropped so one client is one key.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, trustForwardedFor: boolean): string {
  const forwarded = headers['x-forwarded-for'];
  const last = trustForwardedFor && typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return withoutPort(last || socketAddress || 'unknown');
}

function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 ? v4[1]! : address;
}

/**
 * The signed-in person, from the bearer token's tenant and object id claims, read *without*
 * verifying the token: only to pick a bucket. A forged token gets its own bucket and is then
 * refused with 401 by the route; the per-address limit still bounds a flood of forgeries.
 * Undefined without a readable token (the address limit applies alone).
 */
export function callerKey(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/.exec(authorization ?? '');
  if (!token) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token[2]!, 'base64url').toString('utf8')) as { tid?: unknown; oid?: unknown };
    return typeof claims.oid === 'string' && typeof claims.tid === 'string' ? `${claims.tid}:${claims.oid}` : undefined;
  } catch {
    return undefined;
  }
}
