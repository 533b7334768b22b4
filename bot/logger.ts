import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../core/ports/logger';
import type { AppConfig } from './config';
import { readableDestination } from './readable-log';

/**
 * JSON lines (pino), or in development readable text (readable-log.ts). Every line written while an HTTP request is handled carries its `reqId`
 * (the server runs each handler inside `withRequestId`), so one request's lines can be found
 * together in App Service logs or Log Analytics.
 *
 * Logs never hold people's words: fields whose names mean free text or personal details (progress,
 * comments, names, emails, message text, tokens, secrets) are replaced with "[redacted]" at any
 * depth, and long strings are cut, so a stray error message cannot carry a whole update.
 */
const requestScope = new AsyncLocalStorage<string>();

export function withRequestId<T>(requestId: string, run: () => T): T {
  return requestScope.run(requestId, run);
}

const REDACTED_KEYS = new Set(
  [
    'progress', 'evidence', 'risks', 'supportneeded', 'comment', 'justification', 'text', 'body', 'title', 'description',
    'displayname', 'name', 'email', 'mail', 'userprincipalname', 'upn',
    'authorization', 'token', 'accesstoken', 'password', 'secret', 'clientsecret', 'apppassword', 'microsoftapppassword', 'connectionstring',
  ].map((k) => k.toLowerCase()),
);
const MAX_STRING = 300;
const MAX_DEPTH = 6;

/** A copy of `fields` safe to log (see above). Exported for tests. */
export function scrubFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (value instanceof Error) return scrubFields({ type: value.name, message: value.message }, depth);
  if (Array.isArray(value)) return value.map((v) => scrubFields(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.has(k.toLowerCase()) && v !== undefined && v !== '' ? '[redacted]' : scrubFields(v, depth + 1)]),
  );
}

/**
 * `logFormat` 'text' (development's default, see config.ts) writes readable lines instead of JSON;
 * `destination` (tests) receives whichever the format produces.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'> & Partial<Pick<AppConfig, 'logFormat'>>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { app: 'edi-action-plan' },
    mixin: () => {
      const reqId = requestScope.getStore();
      return reqId ? { reqId } : {};
    },
  };
  const text = config.logFormat === 'text';
  const log = text ? pino(options, readableDestination(destination)) : destination ? pino(options, destination) : pino(options);
  const safe = (fields: Record<string, unknown>) => scrubFields(fields) as Record<string, unknown>;
  return {
    debug: (f, m) => log.debug(safe(f), m),
    info: (f, m) => log.info(safe(f), m),
    warn: (f, m) => log.warn(safe(f), m),
    error: (f, m) => log.error(safe(f), m),
  };
}
