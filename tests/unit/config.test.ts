import assert from 'node:assert/strict';
import { LIST_KEYS } from '../../core/store/sharepoint/list-schema';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, describeConfig, loadConfig } from '../../bot/config';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env, '/srv/app');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail('expected a ConfigError');
};

describe('loadConfig', () => {
  it('runs locally with sensible defaults and no credentials', () => {
    const c = loadConfig({}, '/srv/app');
    assert.equal(c.env, 'development');
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, path.resolve('/srv/app', 'data'));
    assert.deepEqual(c.reminders, {
      cron: '0 9 * * 1-5',
      timezone: 'Europe/London',
      daysBefore: [14, 7, 1],
      daysOverdue: [1, 7],
      roundChaserDays: [7, 2],
      escalateAfterDays: 14,
      sendWindow: { startHour: 9, endHour: 17 },
      bankHolidays: 'ENG',
      ediLeadIds: ['2b7c6f1e-0007-4c1a-9d1e-000000000007'], // the demo council's EDI lead, Ruth Adeyemi
      sendsPerSecond: 30,
      sendAttempts: 4,
      schedulerEnabled: true,
    });
    assert.deepEqual(c.demo, { seed: true, playground: true, playgroundPort: 56150, playgroundUser: 'alex' });
  });

  it('refuses production without bot credentials, naming every missing setting', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    assert.ok(problems.some((p) => p.startsWith('MicrosoftAppId:')));
    assert.ok(problems.some((p) => p.startsWith('MicrosoftAppPassword:')));
    assert.ok(problems.some((p) => p.startsWith('MicrosoftAppTenantId:')));
  });

  it('serves one tenant always: MultiTenant is refused, and a bot registration needs its tenant in every mode', () => {
    const multi = problemsOf({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    assert.ok(multi.some((p) => /^MicrosoftAppType: MultiTenant is not supported.*SingleTenant/.test(p)), multi.join('\n'));
    assert.ok(multi.some((p) => p.startsWith('MicrosoftAppTenantId: required')));
    assert.ok(problemsOf({ MicrosoftAppType: 'MultiTenant' }).some((p) => p.startsWith('MicrosoftAppType:')), 'refused locally too');
    for (const env of ['development', 'test'] as const) {
      assert.ok(problemsOf({ NODE_ENV: env, MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).some((p) => p.startsWith('MicrosoftAppTenantId: required')), env);
    }
    assert.equal(loadConfig({ MicrosoftAppTenantId: ' tid ' }).bot.tenantId, 'tid');
  });

  it("pins the local demo (no bot registration) to the Agents Playground's tenant", () => {
    // What the playground puts in conversation.tenantId and channelData.tenant.id: the config file's tenantId.
    const yaml = fs.readFileSync(path.join(__dirname, '../../.m365agentsplayground.yml'), 'utf8');
    const playgroundTenant = /^tenantId:\s*"([^"]+)"/m.exec(yaml)?.[1];
    assert.ok(playgroundTenant);
    assert.equal(loadConfig({}).bot.tenantId, playgroundTenant);
    assert.equal(loadConfig({ NODE_ENV: 'test' }).bot.tenantId, playgroundTenant);
    assert.equal(loadConfig({}).tab.auth.tenantId, '', 'the tab sign-in still needs a real tenant set');
  });

  it('installs the Teams app from the manifest id, with TEAMS_APP_CATALOG_ID as an override', () => {
    const base = { MicrosoftAppId: 'bot-app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tid' };
    const byManifest = loadConfig({ ...base, TEAMS_APP_ID: 'manifest-id' }).teamsApps;
    assert.deepEqual({ ...byManifest, auth: byManifest?.auth.kind }, { manifestAppId: 'manifest-id', catalogAppId: undefined, webApplicationId: 'bot-app', graphBaseUrl: 'https://graph.microsoft.com/v1.0', auth: 'client-secret' });
    assert.equal(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: 'catalog-id', TAB_SSO_CLIENT_ID: 'tab-app' }).teamsApps?.webApplicationId, 'tab-app');
    assert.equal(loadConfig({ ...base, TEAMS_APP_CATALOG_ID: 'catalog-id' }).teamsApps?.catalogAppId, 'catalog-id');
    assert.equal(loadConfig(base).teamsApps, undefined);
  });

  it('treats blank variables as unset', () => {
    assert.ok(problemsOf({ NODE_ENV: 'production', MicrosoftAppId: '  ' }).some((p) => p.startsWith('MicrosoftAppId:')));
  });

  it('accepts production with credentials and turns the demo off', () => {
    const c = loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tid' }, '/srv/app');
    assert.deepEqual(c.demo, { seed: false, playground: false, playgroundPort: 56150, playgroundUser: 'alex' });
    assert.ok(!JSON.stringify(describeConfig(c)).includes('secret'), 'the summary never shows the secret');
  });

  it('accepts a managed identity without a password, and refuses one with a password', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).bot.appType, 'UserAssignedMSI');
    assert.ok(problemsOf({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', MicrosoftAppPassword: 'x' }).some((p) => p.includes('must not be set')));
  });

  it('refuses the demo and the playground in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 'c', DEMO_DATA: 'true', PLAYGROUND: 'true' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]), ['DEMO_DATA', 'PLAYGROUND']);
  });

  it('names malformed values', () => {
    const problems = problemsOf({ PORT: 'eighty', REMINDER_DAYS_BEFORE: '14,seven', SCHEDULER_ENABLED: 'maybe', NODE_ENV: 'staging' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['NODE_ENV', 'PORT', 'REMINDER_DAYS_BEFORE', 'SCHEDULER_ENABLED']);
  });

  it('parses the reminder policy settings and checks the send window', () => {
    const r = loadConfig({ REMINDER_ESCALATE_AFTER_DAYS: '0', REMINDER_BANK_HOLIDAYS: 'SCT', EDI_LEAD_IDS: ' id-1, id-2 ,' }).reminders;
    assert.equal(r.escalateAfterDays, undefined, '0 turns escalation off');
    assert.equal(r.bankHolidays, 'SCT');
    assert.deepEqual(r.ediLeadIds, ['id-1', 'id-2']);
    assert.deepEqual(problemsOf({ REMINDER_SEND_FROM_HOUR: '17', REMINDER_SEND_UNTIL_HOUR: '9' }).map((p) => p.split(':')[0]), ['REMINDER_SEND_FROM_HOUR']);
    assert.deepEqual(problemsOf({ REMINDER_BANK_HOLIDAYS: 'XYZ' }).map((p) => p.split(':')[0]), ['REMINDER_BANK_HOLIDAYS']);
  });

  it('parses reminder offsets', () => {
    assert.deepEqual(loadConfig({ REMINDER_DAYS_BEFORE: '21, 7', REMINDER_DAYS_OVERDUE: '' }).reminders.daysBefore, [21, 7]);
  });
});

describe('loadConfig: SharePoint store', () => {
  it('needs a site id and Graph credentials, defaulting to the bot registration', () => {
    const problems = problemsOf({ STORE: 'sharepoint' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET', 'GRAPH_TENANT_ID', 'SHAREPOINT_SITE_ID']);
    const c = loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'site', MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tid', SHAREPOINT_LIST_TASKS: 'Actions' });
    assert.deepEqual(c.sharepoint?.auth, { kind: 'client-secret', clientId: 'app', tenantId: 'tid', clientSecret: 'pw' });
    assert.deepEqual(c.sharepoint?.listNames, { tasks: 'Actions' });
    assert.equal(c.sharepoint?.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
    assert.ok(!JSON.stringify(describeConfig(c)).includes('pw'));
  });

  it('lets every list be renamed: SHAREPOINT_LIST_<KEY> for each list the store keeps', () => {
    const env = Object.fromEntries(LIST_KEYS.map((key) => [`SHAREPOINT_LIST_${key.toUpperCase()}`, `Council ${key}`]));
    const c = loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'site', MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tid', ...env });
    assert.deepEqual(c.sharepoint?.listNames, Object.fromEntries(LIST_KEYS.map((key) => [key, `Council ${key}`])));
  });

  it('allows GRAPH_AUTH=none only for a local emulator outside production', () => {
    assert.equal(loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 's', GRAPH_AUTH: 'none', GRAPH_BASE_URL: 'http://127.0.0.1:4000/v1.0' }).sharepoint?.auth.kind, 'none');
    assert.ok(problemsOf({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 's', GRAPH_AUTH: 'none' }).some((p) => p.startsWith('GRAPH_AUTH')));
    assert.ok(
      problemsOf({ NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 'c', STORE: 'sharepoint', SHAREPOINT_SITE_ID: 's', GRAPH_AUTH: 'none', GRAPH_BASE_URL: 'http://localhost:1/v1.0' }).some((p) =>
        p.startsWith('GRAPH_AUTH'),
      ),
    );
  });

  it('names a certificate setting that is missing', () => {
    const problems = problemsOf({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 's', GRAPH_AUTH: 'certificate', GRAPH_CLIENT_ID: 'a', GRAPH_TENANT_ID: 't' });
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['GRAPH_CERT_PRIVATE_KEY_FILE', 'GRAPH_CERT_THUMBPRINT_SHA256']);
  });
});
