import { Writable } from 'node:stream';
import { createLogger } from '../../../bot/logger';
import type { Logger } from '../../../core/ports/logger';

/** The real JSON logger writing into memory: `lines` are the parsed log records. */
export function capturedLogger(level: 'debug' | 'info' = 'debug'): { log: Logger; lines: Array<Record<string, unknown>>; text(): string } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ logLevel: level }, stream);
  return {
    log,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join('\n'),
  };
}
