/**
 * The log format: readable text lines in development (LOG_FORMAT's default outside production),
 * JSON lines in production, with the same scrubbing either way.
 */
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { readableLine } from '../../bot/readable-log';

function capture(format: 'json' | 'text'): { log: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const log = createLogger({ logLevel: 'debug', logFormat: format }, { write: (s: string) => void lines.push(...s.split('\n').filter(Boolean)) });
  return { log, lines };
}

describe('log format', () => {
  it('development and test default to text, production to JSON; LOG_FORMAT chooses, and is validated', () => {
    assert.equal(loadConfig({}).logFormat, 'text');
    assert.equal(loadConfig({ NODE_ENV: 'test' }).logFormat, 'text');
    const prod = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tid' };
    assert.equal(loadConfig(prod).logFormat, 'json');
    assert.equal(loadConfig({ ...prod, LOG_FORMAT: 'text' }).logFormat, 'text');
    assert.equal(loadConfig({ LOG_FORMAT: 'json' }).logFormat, 'json');
    assert.throws(() => loadConfig({ LOG_FORMAT: 'pretty' }), (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('LOG_FORMAT: must be "json" or "text"')));
  });

  it('text: one line per event, time, level, message, then the fields (request id last)', () => {
    const { log, lines } = capture('text');
    log.info({ reqId: 'r-1', method: 'GET', route: '/api/plan', status: 200, ms: 12 }, 'request');
    log.warn({ kind: 'not-found', detail: 'two words', empty: '' }, 'approval message not delivered');
    log.error({}, 'stopped');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{3} INFO  request  method=GET route=\/api\/plan status=200 ms=12 reqId=r-1$/);
    assert.match(lines[1]!, /^\d\d:\d\d:\d\d\.\d{3} WARN  approval message not delivered  kind=not-found detail="two words" empty=""$/);
    assert.match(lines[2]!, /^\d\d:\d\d:\d\d\.\d{3} ERROR stopped$/);
    for (const l of lines) assert.doesNotMatch(l, /^\{|app=edi-action-plan/, 'no JSON, no field every line has');
  });

  it('text: nested fields as compact JSON, and people\'s details still redacted', () => {
    const { log, lines } = capture('text');
    log.info({ config: { port: 3978, demo: { seed: true } }, displayName: 'Alex Morgan', comment: 'private words' }, 'starting');
    assert.match(lines[0]!, /starting {2}config=\{"port":3978,"demo":\{"seed":true\}\} displayName=\[redacted\] comment=\[redacted\]$/);
    assert.doesNotMatch(lines[0]!, /Alex Morgan|private words/);
  });

  it('JSON: one parseable record per line, as App Service and Log Analytics read them', () => {
    const { log, lines } = capture('json');
    log.info({ route: '/api/plan', displayName: 'Alex Morgan' }, 'request');
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepEqual([record.msg, record.level, record.route, record.displayName, record.app], ['request', 30, '/api/plan', '[redacted]', 'edi-action-plan']);
    assert.equal(typeof record.time, 'number');
  });

  it('text keeps a line that is not JSON as it is', () => {
    assert.equal(readableLine('not json\n'), 'not json');
  });
});
