import { z } from 'zod';

/**
 * Where the server listens. Outside production the tab runs every request as a demo user (an EDI
 * officer by default) and `/api/messages` may check no token, so anyone who could reach the port
 * could read and change the plan: locally it listens on loopback only unless told otherwise, and
 * another address without sign-in needs ALLOW_UNAUTHENTICATED_NETWORK=true (and is warned about).
 * In production (App Service, a container) it listens on every interface, behind the platform's
 * front end, with Teams SSO and Bot Framework tokens checked on every request.
 */
export const networkEnv = {
  HOST: z.string().trim().min(1).optional(),
  ALLOW_UNAUTHENTICATED_NETWORK: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .optional(),
};

interface NetworkEnv {
  NODE_ENV: 'development' | 'production' | 'test';
  HOST?: string;
  ALLOW_UNAUTHENTICATED_NETWORK?: boolean;
  TAB_DEV_USER?: string;
  MicrosoftAppId?: string;
}

/** Nobody signs in: the tab's dev identity is on (the default outside production), or the bot has no app id to check tokens against. */
function unauthenticated(e: NetworkEnv): boolean {
  return e.NODE_ENV !== 'production' && (e.TAB_DEV_USER !== 'off' || !e.MicrosoftAppId);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function listenHost(e: NetworkEnv): string {
  return e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}

/**
 * Without sign-in (the tab's dev identity, or a bot with no app id), any
 * address but loopback is refused unless ALLOW_UNAUTHENTICATED_NETWORK says the risk is understood.
 */
export function networkProblems(e: NetworkEnv): string[] {
  const host = listenHost(e);
  if (!unauthenticated(e) || isLoopback(host) || e.ALLOW_UNAUTHENTICATED_NETWORK) return [];
  return [
    `HOST: ${host} would let anyone on your network use the plan as the demo EDI officer (outside production nobody signs in and the bot checks no token). ` +
      'Leave HOST unset to listen on 127.0.0.1 only, or set ALLOW_UNAUTHENTICATED_NETWORK=true if that is what you want.',
  ];
}

/** The start-up warning when an unauthenticated server listens beyond this machine. */
export function networkWarning(e: NetworkEnv): string | undefined {
  const host = listenHost(e);
  if (!unauthenticated(e) || isLoopback(host)) return undefined;
  return `Listening on ${host} with no sign-in (ALLOW_UNAUTHENTICATED_NETWORK=true): anyone who can reach this port can read and change the plan as the demo EDI officer.`;
}
