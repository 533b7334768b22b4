import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate } from './support/arm-expressions';
import { checkInfra, PLATFORM_SETTINGS, type ArmTemplate, type EvaluatedTemplate } from './support/infra-drift';

const ROOT = path.join(__dirname, '..', '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const template = () => readJson<ArmTemplate>('infra/azuredeploy.json');
const exampleParameters = () => readJson<{ parameters: Record<string, { value?: unknown }> }>('infra/azuredeploy.parameters.example.json');
const appSettingsOf = (t: ArmTemplate) => t.resources!.find((r) => r.type === 'Microsoft.Web/sites/config')!.properties as Record<string, string>;

describe('Azure deployment (infra/azuredeploy.json)', () => {
  let evaluated: EvaluatedTemplate;

  it('parses, uses every parameter and variable, and its app settings are exactly what the app\'s config requires', () => {
    const report = checkInfra(template(), exampleParameters());
    assert.deepEqual(report.problems, []);
    evaluated = report.evaluated!;
    assert.ok(Object.keys(evaluated.appSettings).length > Object.keys(PLATFORM_SETTINGS).length);
  });

  it('fails when any app setting is removed, naming what breaks', () => {
    for (const name of Object.keys(appSettingsOf(template()))) {
      const t = template();
      delete appSettingsOf(t)[name];
      const { problems } = checkInfra(t, exampleParameters());
      assert.ok(problems.length > 0, `removing ${name} went unnoticed`);
    }
    const t = template();
    delete appSettingsOf(t).MicrosoftAppTenantId;
    const { problems } = checkInfra(t, exampleParameters());
    assert.ok(problems.some((p) => /would not start.*MicrosoftAppTenantId: required/.test(p)), problems.join('\n'));
  });

  it('fails on a setting the app does not read, a redundant default, or a secret written into the template', () => {
    const cases: Array<[string, (s: Record<string, string>) => void, RegExp]> = [
      ['a misspelt setting', (s) => (s.MicrosoftAppTenantID = s.MicrosoftAppTenantId!), /MicrosoftAppTenantID: not a setting the app reads/],
      ['a setting at its default', (s) => (s.REMINDER_CRON = '0 9 * * 1-5'), /REMINDER_CRON: has no effect/],
      ['an inline secret', (s) => (s.MicrosoftAppPassword = "[parameters('botAppPassword')]"), /MicrosoftAppPassword: a secret must be a Key Vault reference/],
      ['a demo setting', (s) => (s.DEMO_DATA = 'true'), /DEMO_DATA: must not be true in production/],
      ['the wrong store', (s) => (s.STORE = 'sqlite'), /SharePoint \(STORE=sharepoint\)/],
      ['a platform setting changed', (s) => (s.SCM_DO_BUILD_DURING_DEPLOYMENT = 'true'), /SCM_DO_BUILD_DURING_DEPLOYMENT: must be "false"/],
    ];
    for (const [what, change, expected] of cases) {
      const t = template();
      change(appSettingsOf(t));
      const { problems } = checkInfra(t, exampleParameters());
      assert.ok(problems.some((p) => expected.test(p)), `${what}: expected ${expected} in\n${problems.join('\n')}`);
    }
  });

  it('fails on an unused parameter, a parameter without a value, or an unknown function', () => {
    const t = template();
    t.parameters!.spare = { type: 'string', defaultValue: 'x' };
    assert.ok(checkInfra(t, exampleParameters()).problems.includes('parameter "spare" is not used by any resource or output'));
    const p = exampleParameters();
    delete p.parameters.botAppId;
    assert.ok(checkInfra(template(), p).problems.includes('parameters file: no value for the required parameter "botAppId"'));
    const typo = template();
    appSettingsOf(typo).NODE_ENV = "[toLowr('production')]";
    assert.ok(checkInfra(typo, exampleParameters()).problems.some((x) => /unknown template function toLowr/.test(x)));
    assert.throws(() => evaluate("[concat('a', ]", { parameters: {}, variables: {}, simulated: {} }), /expected a name/);
  });

  it('runs the built server alone on Node 24 LTS with a managed identity that reads the secret from Key Vault', () => {
    const site = evaluated.resources.find((r) => r.type === 'Microsoft.Web/sites')!;
    assert.equal(site.identity.type, 'SystemAssigned');
    assert.equal(site.properties.httpsOnly, true);
    assert.match(site.properties.siteConfig.linuxFxVersion, /^NODE\|24-lts$/);
    const pkg = readJson<{ scripts: Record<string, string> }>('package.json');
    assert.equal(site.properties.siteConfig.appCommandLine, pkg.scripts['start:prod'], 'the web app runs what `npm run start:prod` runs (dist/, plain node)');
    const vault = evaluated.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults')!;
    assert.equal(vault.properties.enableRbacAuthorization, true);
    const grant = evaluated.resources.find((r) => r.type === 'Microsoft.Authorization/roleAssignments')!;
    assert.match(grant.properties.roleDefinitionId, /4633458b-17de-408a-b874-0445c86b69e6$/, 'Key Vault Secrets User');
    assert.equal(grant.scope, `Microsoft.KeyVault/vaults/${vault.name}`);
    assert.ok(!evaluated.resources.some((r) => r.type === 'Microsoft.KeyVault/vaults/secrets'), 'no secret given (a later deployment): the one in Key Vault is kept');
    const withSecret = exampleParameters();
    withSecret.parameters.botAppPassword = { value: 'first-deployment-secret' };
    const first = checkInfra(template(), withSecret).evaluated!;
    const secret = first.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')!;
    assert.equal(secret.properties.value, 'first-deployment-secret');
    assert.equal(evaluated.appSettings.MicrosoftAppPassword, `@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${String(secret.name).split('/')[1]})`);
  });

  it('registers a single-tenant Azure Bot for the same app, on the web app\'s /api/messages, with Teams enabled', () => {
    const bot = evaluated.resources.find((r) => r.type === 'Microsoft.BotService/botServices')!;
    assert.equal(bot.properties.msaAppType, 'SingleTenant');
    assert.equal(bot.properties.msaAppId, evaluated.appSettings.MicrosoftAppId);
    assert.equal(bot.properties.msaAppTenantId, evaluated.appSettings.MicrosoftAppTenantId);
    const host = new URL(String(evaluated.outputs.TAB_ENDPOINT)).host;
    assert.equal(bot.properties.endpoint, `https://${host}/api/messages`);
    assert.equal(evaluated.appSettings.TAB_SSO_APP_ID_URI, `api://${host}/botid-${evaluated.appSettings.MicrosoftAppId}`);
    const teams = evaluated.resources.find((r) => r.type === 'Microsoft.BotService/botServices/channels')!;
    assert.deepEqual(teams.properties, { channelName: 'MsTeamsChannel', properties: { isEnabled: true } });
  });

  it('the Agents Toolkit parameters file sets the same parameters as the example', () => {
    const toolkit = readJson<{ parameters: Record<string, unknown> }>('infra/azuredeploy.parameters.json');
    const declared = Object.keys(template().parameters!);
    for (const name of Object.keys(toolkit.parameters)) assert.ok(declared.includes(name), `${name} is not a template parameter`);
    for (const [name, p] of Object.entries(template().parameters!)) if (!('defaultValue' in p)) assert.ok(name in toolkit.parameters, `${name} has no value in the toolkit parameters file`);
  });
});
