import pino from 'pino';
import type { Logger } from '../core/ports/logger';
import type { AppConfig } from './config';

export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  const log = pino({ level: config.logLevel, base: { app: 'edi-action-plan' }, redact: ['*.appPassword', '*.MicrosoftAppPassword'] });
  return {
    debug: (f, m) => log.debug(f, m),
    info: (f, m) => log.info(f, m),
    warn: (f, m) => log.warn(f, m),
    error: (f, m) => log.error(f, m),
  };
}
