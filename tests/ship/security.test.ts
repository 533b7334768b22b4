import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';
import { scrubFields } from '../../bot/logger';
import { callerKey, clientAddress } from '../../bot/rate-limit-keys';

const ROOT = path.join(__dirname, '..', '..');

/** A production configuration that starts; each case below spoils one thing. */
const PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'from-key-vault',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/app');
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
}

/** What a leaked secret looks like; the scan below reads every tracked text file for these. */
const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['a private key', /-----BEGIN (?:RSA |EC |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/],
  ['a Microsoft Entra client secret', /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/],
  ['a storage or Service Bus key', /(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{20,}/],
  ['a filled-in secret setting', /^(?:SECRET_[A-Z_]+|MicrosoftAppPassword|GRAPH_CLIENT_SECRET)=\S+/m],
];

describe('security hygiene', () => {
  it('keeps secrets out of the repository', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    assert.ok(files.length > 50);
    const userEnvFiles = files.filter((f) => /(^|\/)\.env\.[^/]+\.user$/.test(f));
    assert.deepEqual(userEnvFiles, [], '.env.*.user files hold secrets and are git-ignored');
    const found: string[] = [];
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (!fs.existsSync(full) || fs.statSync(full).size > 2_000_000) continue;
      const text = fs.readFileSync(full);
      if (text.includes(0)) continue; // binary (icons, fixtures)
      for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text.toString('utf8'))) found.push(`${file}: ${what}`);
    }
    assert.deepEqual(found, []);
  });

  it('the secret scan would catch a committed client secret, private key or filled-in secret setting', () => {
    // Built at run time, so this file itself never holds a match.
    const entraSecret = `Ab17${'Q~'}${'k'.repeat(34)}`;
    const samples = [`const s = "${entraSecret}";`, `-----BEGIN ${'PRIVATE'} KEY-----`, `SECRET_BOT_${'PASSWORD'}=${'x'.repeat(12)}`];
    for (const sample of samples) assert.ok(SECRET_PATTERNS.some(([, p]) => p.test(sample)), sample);
    assert.ok(!SECRET_PATTERNS.some(([, p]) => p.test('SECRET_BOT_PASSWORD=\nBOT_ID=00000000-0000-0000-0000-000000000001')), 'empty settings are fine');
  });

  it('production refuses unsafe settings, naming each', () => {
    assert.deepEqual(problemsOf(PRODUCTION), []);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ DEMO_DATA: 'true' }, /^DEMO_DATA: must not be true in production/],
      [{ PLAYGROUND: 'true' }, /^PLAYGROUND: must not be true in production/],
      [{ TAB_DEV_USER: 'priya' }, /^TAB_DEV_USER: the dev identity is refused in production/],
      [{ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'x.sharepoint.com,a,b', GRAPH_AUTH: 'none', GRAPH_BASE_URL: 'http://127.0.0.1:9000/v1.0' }, /^GRAPH_AUTH: "none" is only for a local Graph emulator/],
      [{ GRAPH_BASE_URL: 'http://graph.example.com/v1.0' }, /^GRAPH_BASE_URL: must be an https:\/\/ URL in production/],
      [{ BOT_SERVICE_URL: 'http://smba.example.com/teams/' }, /^BOT_SERVICE_URL: must be an https:\/\/ URL in production/],
      [{ API_RATE_LIMIT_PER_USER: '0' }, /^API_RATE_LIMIT_PER_USER: must not be 0 \(no limit\) in production/],
      [{ API_RATE_LIMIT_PER_ADDRESS: '0' }, /^API_RATE_LIMIT_PER_ADDRESS: must not be 0 \(no limit\) in production/],
      [{ MicrosoftAppId: '' }, /^MicrosoftAppId: required in production/],
      [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' }, /^APPLICATIONINSIGHTS_CONNECTION_STRING: must be an Application Insights connection string/],
    ];
    for (const [change, expected] of cases) {
      const problems = problemsOf({ ...PRODUCTION, ...change });
      assert.ok(problems.some((p) => expected.test(p)), `${JSON.stringify(change)}: expected ${expected} in ${JSON.stringify(problems)}`);
    }
    // The same settings are fine on a developer's machine.
    assert.deepEqual(problemsOf({ API_RATE_LIMIT_PER_USER: '0', GRAPH_BASE_URL: 'http://127.0.0.1:9000/v1.0' }), []);
  });

  it('operations settings: rate limits on by default, telemetry and the forwarded address only when set', () => {
    assert.deepEqual(loadConfig({}, '/srv/app').operations, { telemetryConnectionString: undefined, trustForwardedFor: false, apiRateLimit: { perUser: 10, perAddress: 100 } });
    const c = loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=0b7e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/', TRUST_X_FORWARDED_FOR: 'true', API_RATE_LIMIT_PER_USER: '2' }, '/srv/app');
    assert.equal(c.operations.trustForwardedFor, true);
    assert.equal(c.operations.apiRateLimit.perUser, 2);
    assert.match(c.operations.telemetryConnectionString ?? '', /^InstrumentationKey=/);
  });

  it('rate-limit keys: the proxy-appended address (port dropped), never a forged one; the token\'s person, unverified', () => {
    assert.equal(clientAddress({ 'x-forwarded-for': '203.0.113.9:50211' }, '10.0.0.4', true), '203.0.113.9');
    assert.equal(clientAddress({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9:1' }, '10.0.0.4', true), '203.0.113.9');
    assert.equal(clientAddress({ 'x-forwarded-for': '[2001:db8::1]:443' }, '10.0.0.4', true), '2001:db8::1');
    assert.equal(clientAddress({ 'x-forwarded-for': '6.6.6.6' }, '10.0.0.4', false), '10.0.0.4', 'not behind a proxy: the header is ignored');
    const claims = Buffer.from(JSON.stringify({ tid: 't1', oid: 'o1' })).toString('base64url');
    assert.equal(callerKey(`Bearer e30.${claims}.sig`), 't1:o1');
    assert.equal(callerKey('Bearer not-a-jwt'), undefined);
    assert.equal(callerKey(undefined), undefined);
  });

  it('logs: personal fields are redacted at any depth, long text is cut, errors keep only type and message', () => {
    const scrubbed = scrubFields({
      taskRef: '1.1.2',
      update: { progress: 'Private words', submittedBy: { displayName: 'Alex Morgan', email: 'alex@example.gov.uk', aadObjectId: 'abc' } },
      detail: 'x'.repeat(1000),
      err: new TypeError('boom'),
      Authorization: 'Bearer secret',
    }) as Record<string, any>;
    assert.deepEqual(scrubbed.update, { progress: '[redacted]', submittedBy: { displayName: '[redacted]', email: '[redacted]', aadObjectId: 'abc' } });
    assert.equal(scrubbed.taskRef, '1.1.2');
    assert.match(scrubbed.detail, /^x{300}… \(1000 characters\)$/);
    assert.deepEqual(scrubbed.err, { type: 'TypeError', message: 'boom' });
    assert.equal(scrubbed.Authorization, '[redacted]');
  });
});
