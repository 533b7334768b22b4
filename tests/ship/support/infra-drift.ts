import { ConfigError, loadConfig, SETTING_NAMES, tabSignInProblems, type AppConfig } from '../../../bot/config';
import { ArmExpressionError, evaluateDeep, type ArmScope } from './arm-expressions';

/**
 * Checks infra/azuredeploy.json against the app's own configuration schema (bot/config.ts), so the
 * template cannot drift from what the app needs: every app setting it sets is one the app reads,
 * the app would start with them (every setting required in production is there: derived by running
 * the app's config validation, so settings added later are caught), and none is redundant.
 */
export interface ArmTemplate {
  $schema?: string;
  contentVersion?: string;
  parameters?: Record<string, { type: string; defaultValue?: unknown }>;
  variables?: Record<string, unknown>;
  resources?: Array<Record<string, unknown>>;
  outputs?: Record<string, { type: string; value: unknown }>;
}

/** App Service settings for the platform, not the app: each with the value it must have, and why. */
export const PLATFORM_SETTINGS: Record<string, { value: string; why: string }> = {
  WEBSITE_RUN_FROM_PACKAGE: { value: '1', why: 'runs the deployed zip read-only and swaps it atomically on deploy' },
  SCM_DO_BUILD_DURING_DEPLOYMENT: { value: 'false', why: 'the zip is built before upload (infra/deploy-code.sh); no build on the server' },
};

/** Settings that hold secrets: only ever Key Vault references in the template. */
export const SECRET_SETTINGS = ['MicrosoftAppPassword', 'GRAPH_CLIENT_SECRET'];

/** What a deployment's reference() calls return (the values Azure fills in). */
export const SIMULATED_RESOURCES: ArmScope['simulated'] = {
  'Microsoft.Insights/components': { ConnectionString: 'InstrumentationKey=0b7e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/' },
  'Microsoft.Web/sites': { identity: { principalId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' } },
};

export interface EvaluatedTemplate {
  resources: Array<Record<string, any>>;
  outputs: Record<string, unknown>;
  appSettings: Record<string, string>;
}

export interface InfraReport {
  problems: string[];
  evaluated?: EvaluatedTemplate;
}

export function checkInfra(template: ArmTemplate, parameterFile: { parameters?: Record<string, { value?: unknown }> }): InfraReport {
  const problems: string[] = [];
  if (!/deploymentTemplate\.json#$/.test(template.$schema ?? '')) problems.push('$schema: not an ARM deployment template schema');
  if (!template.contentVersion) problems.push('contentVersion: missing');
  const resources = template.resources ?? [];
  resources.forEach((r, i) => {
    if (typeof r.type !== 'string' || typeof r.name !== 'string') problems.push(`resources[${i}]: needs a type and a name`);
    if (typeof r.apiVersion !== 'string' || !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(r.apiVersion)) problems.push(`resources[${i}] (${String(r.type)}): apiVersion must be a dated API version`);
  });

  // Parameter values: the parameters file over the template's defaults.
  const declared = template.parameters ?? {};
  const given = parameterFile.parameters ?? {};
  for (const name of Object.keys(given)) if (!(name in declared)) problems.push(`parameters file: "${name}" is not a parameter of the template`);
  const values: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(declared)) {
    if (name in given) values[name] = given[name]?.value;
    else if ('defaultValue' in p) values[name] = p.defaultValue;
    else problems.push(`parameters file: no value for the required parameter "${name}"`);
  }
  const used = { parameters: new Set<string>(), variables: new Set<string>() };
  const scope: ArmScope = { parameters: {}, variables: template.variables ?? {}, simulated: SIMULATED_RESOURCES, used };
  // Defaults may themselves be expressions ([resourceGroup().location]).
  scope.parameters = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, evaluateDeep(v, { ...scope, used: undefined })]));

  let evaluatedResources: Array<Record<string, any>>;
  let outputs: Record<string, unknown>;
  try {
    // A resource whose condition is false is not deployed (e.g. the secret when none is given).
    evaluatedResources = resources.map((r) => evaluateDeep(r, scope) as Record<string, any>).filter((r) => r.condition !== false);
    outputs = Object.fromEntries(Object.entries(template.outputs ?? {}).map(([k, o]) => [k, evaluateDeep(o.value, scope)]));
  } catch (err) {
    if (err instanceof ArmExpressionError) return { problems: [...problems, `template expression: ${err.message}`] };
    throw err;
  }
  for (const name of Object.keys(declared)) if (!used.parameters.has(name)) problems.push(`parameter "${name}" is not used by any resource or output`);
  for (const name of Object.keys(template.variables ?? {})) if (!used.variables.has(name)) problems.push(`variable "${name}" is not used`);

  const configs = evaluatedResources.filter((r) => r.type === 'Microsoft.Web/sites/config' && String(r.name).endsWith('/appsettings'));
  if (configs.length !== 1) return { problems: [...problems, `app settings: expected one Microsoft.Web/sites/config "appsettings" resource, found ${configs.length}`] };
  if (evaluatedResources.some((r) => r.type === 'Microsoft.Web/sites' && r.properties?.siteConfig?.appSettings)) problems.push('app settings: set them only in the sites/config resource, not also in siteConfig.appSettings');
  const appSettings = configs[0]!.properties as Record<string, unknown>;
  const evaluated: EvaluatedTemplate = { resources: evaluatedResources, outputs, appSettings: Object.fromEntries(Object.entries(appSettings).map(([k, v]) => [k, String(v)])) };
  problems.push(...appSettingProblems(evaluated.appSettings));
  return { problems, evaluated };
}

/** The app settings against bot/config.ts: real, sufficient, none redundant, production-safe. */
export function appSettingProblems(settings: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, { value }] of Object.entries(PLATFORM_SETTINGS)) {
    if (settings[name] !== value) problems.push(`app setting ${name}: must be "${value}" (${PLATFORM_SETTINGS[name]!.why})`);
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (name in PLATFORM_SETTINGS) continue;
    if (!SETTING_NAMES.includes(name)) {
      problems.push(`app setting ${name}: not a setting the app reads (bot/config.ts)`);
      continue;
    }
    if (SECRET_SETTINGS.includes(name)) {
      if (!/^@Microsoft\.KeyVault\((VaultName=[^;]+;SecretName=[^)]+|SecretUri=https:\/\/[^)]+)\)$/.test(value)) {
        problems.push(`app setting ${name}: a secret must be a Key Vault reference (@Microsoft.KeyVault(...)), never a value in the template`);
      }
      env[name] = 'secret-resolved-from-key-vault';
    } else env[name] = value;
  }

  const started = startProblems(env);
  if (started.problems.length > 0) {
    problems.push(...started.problems.map((p) => `the app would not start with these app settings: ${p}`));
    return problems;
  }
  // Each setting must matter: without it, the app refuses to start or runs differently.
  for (const name of Object.keys(env)) {
    if (!env[name]?.trim()) continue; // blank = not set in this deployment (an optional parameter left empty)
    const { [name]: _removed, ...without } = env;
    const other = startProblems(without);
    if (other.problems.length === 0 && JSON.stringify(other.config) === JSON.stringify(started.config)) {
      problems.push(`app setting ${name}: has no effect (the app would run the same without it); remove it from the template`);
    }
  }
  const c = started.config!;
  const expect = (ok: boolean, problem: string) => ok || problems.push(problem);
  expect(c.env === 'production', 'deployment: NODE_ENV must be production');
  expect(c.store === 'sharepoint', 'deployment: the plan must live in SharePoint (STORE=sharepoint), not on the web app\'s disk');
  expect(Boolean(c.operations.telemetryConnectionString), 'deployment: Application Insights must be connected (APPLICATIONINSIGHTS_CONNECTION_STRING)');
  expect(c.operations.trustForwardedFor, 'deployment: behind App Service\'s front end, TRUST_X_FORWARDED_FOR must be true (else every client shares one rate limit)');
  expect(!c.demo.seed && !c.demo.playground && !c.tab.auth.devUser, 'deployment: no demo data, playground or dev identity');
  expect(Boolean(c.tab.auth.appIdUri), 'deployment: the tab needs its SSO Application ID URI (TAB_SSO_APP_ID_URI)');
  return problems;
}

/** What the server checks at start (bot/start.ts + startApp): config validation, then the tab sign-in. */
function startProblems(env: Record<string, string>): { problems: string[]; config?: AppConfig } {
  try {
    const config = loadConfig(env, '/home/site/wwwroot');
    return { problems: tabSignInProblems(config), config };
  } catch (err) {
    if (err instanceof ConfigError) return { problems: err.problems };
    throw err;
  }
}
