import path from 'node:path';
import { z } from 'zod';
import { APPROVAL_REQUIREMENTS, type ApprovalRequirement } from '../core/approvals/approval-policy';
import { DEFAULT_REMINDER_POLICY, DEFAULT_ROUND_CHASER_DAYS } from '../core/reminders/reminder-policy';
import { UK_REGIONS, type SendWindow, type UkRegion } from '../core/reminders/working-calendar';
import { LIST_KEYS, type ListKey } from '../core/store/sharepoint/list-schema';
import { listenHost, networkEnv, networkProblems, networkWarning } from './config-network';
import { calendarEnv, calendarSettings, type CalendarConfig } from './config-calendar';
import { graphAuth, teamsAppsSettings, type GraphAuthConfig, type TeamsAppsConfig } from './config-graph';
import type { PlanIdentity } from '../core/plan/plan-identity';
import { DEMO_COUNCIL_NAME } from './demo/demo-council';
import { DEMO_TENANT_ID, demoUsers, PLAYGROUND_DEFAULT_USER, type DemoUserKey } from './demo/demo-users';

export type { GraphAuthConfig, TeamsAppsConfig } from './config-graph';

/**
 * All configuration, read once at start from the environment and validated. A missing or
 * contradictory setting stops the process with a message naming it.
 */
const intList = z
  .string()
  .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean).map(Number))
  .refine((xs) => xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 365), {
    error: 'must be a comma-separated list of whole days between 0 and 365, e.g. "14,7,1"',
  });

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3978),
  ...networkEnv, // HOST (loopback by default outside production), ALLOW_UNAUTHENTICATED_NETWORK
  DATA_DIR: z.string().min(1).default('./data'),
  STORE: z.enum(['sqlite', 'sharepoint'], { error: 'must be "sqlite" or "sharepoint"' }).default('sqlite'),
  // Who people and their managers are: Microsoft Graph (default with STORE=sharepoint) or the demo council.
  DIRECTORY: z.enum(['graph', 'demo'], { error: 'must be "graph" or "demo"' }).optional(),
  SHAREPOINT_SITE_ID: z.string().trim().optional(),
  SHAREPOINT_REFRESH_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(1).max(3600).default(5),
  SHAREPOINT_LIST_OBJECTIVES: z.string().trim().optional(),
  SHAREPOINT_LIST_TASKS: z.string().trim().optional(),
  SHAREPOINT_LIST_UPDATES: z.string().trim().optional(),
  SHAREPOINT_LIST_REMINDERS: z.string().trim().optional(),
  SHAREPOINT_LIST_CONVERSATIONS: z.string().trim().optional(),
  SHAREPOINT_LIST_ROUNDS: z.string().trim().optional(),
  SHAREPOINT_LIST_APPROVALS: z.string().trim().optional(),
  SHAREPOINT_LIST_CHANGES: z.string().trim().optional(),
  SHAREPOINT_LIST_COMMENTS: z.string().trim().optional(),
  SHAREPOINT_LIST_PLANS: z.string().trim().optional(),
  GRAPH_BASE_URL: z.url({ error: 'must be a URL such as https://graph.microsoft.com/v1.0' }).default('https://graph.microsoft.com/v1.0'),
  GRAPH_AUTH: z.enum(['client-secret', 'certificate', 'managed-identity', 'none'], { error: 'must be client-secret, certificate, managed-identity or none' }).default('client-secret'),
  GRAPH_CLIENT_ID: z.string().trim().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_TENANT_ID: z.string().trim().optional(),
  GRAPH_CERT_THUMBPRINT_SHA256: z.string().trim().optional(),
  GRAPH_CERT_PRIVATE_KEY_FILE: z.string().trim().optional(),
  GRAPH_MANAGED_IDENTITY_CLIENT_ID: z.string().trim().optional(),
  // Installing the app through Graph: its manifest id (looked up in the app catalog), or the catalog id itself.
  TEAMS_APP_ID: z.string().trim().optional(),
  TEAMS_APP_CATALOG_ID: z.string().trim().optional(),
  BOT_SERVICE_URL: z.url({ error: 'must be a URL' }).default('https://smba.trafficmanager.net/teams/'),
  BOT_OPEN_CHATS: bool.optional(),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().trim().default(''),
  REMINDER_CRON: z.string().min(1).default('0 9 * * 1-5'),
  REMINDER_TIMEZONE: z.string().min(1).default('Europe/London'),
  REMINDER_DAYS_BEFORE: intList.default(() => [...DEFAULT_REMINDER_POLICY.daysBefore]),
  REMINDER_DAYS_OVERDUE: intList.default(() => [...DEFAULT_REMINDER_POLICY.daysOverdue]),
  REMINDER_ROUND_CHASER_DAYS: intList.default(() => [...DEFAULT_ROUND_CHASER_DAYS]),
  REMINDER_SENDS_PER_SECOND: z.coerce.number({ error: 'must be a number of messages per second' }).int().min(1).max(50).default(30),
  REMINDER_SEND_ATTEMPTS: z.coerce.number({ error: 'must be a whole number of attempts' }).int().min(1).max(10).default(4),
  REMINDER_ESCALATE_AFTER_DAYS: z.coerce.number({ error: 'must be a number of days (0 turns escalation off)' }).int().min(0).max(365).default(DEFAULT_REMINDER_POLICY.escalateAfterDays),
  REMINDER_SEND_FROM_HOUR: z.coerce.number({ error: 'must be an hour 0-23' }).int().min(0).max(23).default(9),
  REMINDER_SEND_UNTIL_HOUR: z.coerce.number({ error: 'must be an hour 1-24' }).int().min(1).max(24).default(17),
  REMINDER_BANK_HOLIDAYS: z.enum(UK_REGIONS, { error: `must be one of ${UK_REGIONS.join(', ')} (England, Wales, Scotland, Northern Ireland)` }).default('ENG'),
  EDI_LEAD_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean)),
  // RAG approvals: which changes wait for a manager, and how long before they are chased.
  APPROVAL_REQUIRED_FOR: z.enum(APPROVAL_REQUIREMENTS, { error: `must be one of ${APPROVAL_REQUIREMENTS.join(', ')}` }).default('every-change'),
  APPROVAL_CHASE_AFTER_DAYS: z.coerce.number({ error: 'must be a number of working days' }).int().min(1).max(60).default(3),
  SCHEDULER_ENABLED: bool.optional(),
  DEMO_DATA: bool.optional(),
  PLAYGROUND: bool.optional(),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  PLAYGROUND_USER: z.enum(Object.keys(demoUsers) as [DemoUserKey, ...DemoUserKey[]], { error: `must be one of ${Object.keys(demoUsers).join(', ')}` }).default(PLAYGROUND_DEFAULT_USER),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // JSON lines for App Service and Log Analytics; a line of text per event for people at a terminal.
  LOG_FORMAT: z.enum(['json', 'text'], { error: 'must be "json" or "text"' }).optional(),
  // Operations: telemetry, the client address behind App Service's front end, the tab API's rate limits.
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().trim().regex(/InstrumentationKey=[0-9a-f-]{36}/i, { error: 'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)' }).optional(),
  TRUST_X_FORWARDED_FOR: bool.optional(),
  API_RATE_LIMIT_PER_USER: z.coerce.number({ error: 'must be a number of requests per second (0 turns it off)' }).min(0).max(1000).default(10),
  API_RATE_LIMIT_PER_ADDRESS: z.coerce.number({ error: 'must be a number of requests per second (0 turns it off)' }).min(0).max(10000).default(100),
  // The tab's sign-in (Teams SSO) and roles.
  TAB_SSO_CLIENT_ID: z.string().trim().optional(),
  TAB_SSO_APP_ID_URI: z.string().trim().optional(),
  TAB_AUTH_AUTHORITY: z.url({ error: 'must be a URL such as https://login.microsoftonline.com' }).default('https://login.microsoftonline.com'),
  TAB_AUTH_JWKS_URL: z.url({ error: 'must be a URL' }).optional(),
  EDI_OFFICER_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean)),
  EDI_OFFICER_GROUP_ID: z.string().trim().optional(),
  SHAREPOINT_TASKS_LIST_URL: z.url({ error: 'must be the Plan Tasks list address, e.g. https://contoso.sharepoint.com/sites/edi/Lists/Plan%20Tasks' }).optional(),
  // Whose plan this is: the board paper's cover and running header (the demo council's by default locally).
  COUNCIL_NAME: z.string().trim().max(200, { error: 'must be at most 200 characters' }).optional(),
  PLAN_TITLE: z.string().trim().max(300, { error: 'must be at most 300 characters' }).optional(),
  ...calendarEnv, // COUNCIL_NATION, COUNCIL_STAFF_COUNT: the statutory calendar
  TAB_DEV_USER: z.enum(['off', ...Object.keys(demoUsers)] as [string, ...string[]], { error: `must be one of ${Object.keys(demoUsers).join(', ')}, or off` }).optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set when the server listens beyond this machine with nobody signing in (bot/config-network.ts). */
  networkWarning?: string;
  dataDir: string;
  store: 'sqlite' | 'sharepoint';
  directory: 'graph' | 'demo';
  sharepoint?: {
    siteId: string;
    refreshMs: number;
    listNames: Partial<Record<ListKey, string>>;
    graphBaseUrl: string;
    auth: GraphAuthConfig;
  };
  /** `tenantId`: the one organisation the bot serves (locally the Agents Playground's demo tenant). */
  bot: { appId: string; appPassword: string; appType: 'SingleTenant' | 'UserAssignedMSI'; tenantId: string; serviceUrl: string; openChats: boolean };
  /** Installing the app for owners through Graph (`npm run reach -- --install`). */
  teamsApps?: TeamsAppsConfig;
  reminders: {
    cron: string;
    timezone: string;
    daysBefore: number[];
    daysOverdue: number[];
    /** Days before an update round's due date at which owners who have not answered are chased. */
    roundChaserDays: number[];
    escalateAfterDays?: number;
    sendWindow: SendWindow;
    bankHolidays: UkRegion;
    /**
     * The EDI leads in effect (AAD object ids): EDI_LEAD_IDS, or locally with the demo plan the demo
     * council's lead. Told about overdue tasks and unreachable owners; the last approvers in line.
     */
    ediLeadIds: string[];
    /** Proactive sends per second across the app (Teams allows 50 per app per tenant; older docs 30). */
    sendsPerSecond: number;
    /** Attempts per message when Teams fails transiently (5xx, network), including the first. */
    sendAttempts: number;
    schedulerEnabled: boolean;
  };
  approvals: { requiredFor: ApprovalRequirement; chaseAfterWorkingDays: number };
  demo: { seed: boolean; playground: boolean; playgroundPort: number; playgroundUser: DemoUserKey };
  /** The council and the plan's title, for the board paper. */
  plan: PlanIdentity;
  calendar: CalendarConfig; // the council's nation and headcount: its statutory reporting dates
  tab: {
    auth: TabAuthConfig;
    /** With STORE=sharepoint: the Plan Tasks list's address, so the task detail links to each item. */
    sharePointTasksListUrl?: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** LOG_FORMAT: JSON by default in production, readable text elsewhere. */
  logFormat: 'json' | 'text';
  operations: {
    /** Application Insights (Azure Monitor OpenTelemetry) when set. */
    telemetryConnectionString?: string;
    /** Behind App Service's front end the client's address is the last X-Forwarded-For entry. */
    trustForwardedFor: boolean;
    /** Tab API requests per second (bursts of 10x) per signed-in person and per client address; 0 = no limit. */
    apiRateLimit: { perUser: number; perAddress: number };
  };
}

/** Who may use the tab's API: Teams SSO tokens from the council's tenant, or locally a demo user. */
export interface TabAuthConfig {
  /** Local only (never in production): every tab request runs as this demo user, no token needed. */
  devUser?: DemoUserKey;
  /** The tenant whose tokens are accepted (MicrosoftAppTenantId). */
  tenantId: string;
  /** The tab's app registration (client id): the audience of v2 tokens. */
  clientId: string;
  /** Its Application ID URI (api://<host>/<client id>): the audience of v1 tokens. */
  appIdUri?: string;
  /** Entra ID's sign-in authority: v2 issuer `<authority>/<tenant>/v2.0`, keys from `<authority>/<tenant>/discovery/v2.0/keys`. */
  authority: string;
  jwksUrl: string;
  /** EDI officers by Entra object id, and/or by membership of one group (from the token's `groups` claim). */
  officerIds: string[];
  officerGroupId?: string;
}

/** Every setting the app reads (for checks that deployment templates set only real settings). */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems = [...botProblems(e), ...environmentProblems(e)];
  const installsApps = Boolean(e.TEAMS_APP_ID || e.TEAMS_APP_CATALOG_ID);
  const needsGraph = e.STORE === 'sharepoint' || installsApps;
  const auth = needsGraph ? graphAuth(e, problems) : undefined;
  const sharepoint = e.STORE === 'sharepoint' && auth ? sharePointSettings(e, problems, auth) : undefined;
  if (e.DIRECTORY === 'graph' && e.STORE !== 'sharepoint') problems.push('DIRECTORY: "graph" needs the Graph settings of STORE=sharepoint (SHAREPOINT_SITE_ID, GRAPH_*)');
  const teamsApps = installsApps && auth ? teamsAppsSettings(e, auth) : undefined;
  if (problems.length) throw new ConfigError(problems);
  return appConfig(e, cwd, sharepoint, teamsApps);
}

export type Env = z.infer<typeof envSchema>;

/**
 * The bot's credentials: botbuilder silently turns authentication off when the app id is empty, so
 * never in production. One tenant always: Azure no longer creates multi-tenant bots ("Multi-tenant
 * bot creation will be deprecated after July 31, 2025", https://learn.microsoft.com/azure/bot-service/abs-quickstart),
 * and the plan belongs to one council, so activities from any other tenant are refused.
 */
function botProblems(e: Env): string[] {
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (e.MicrosoftAppType === 'MultiTenant') {
    problems.push('MicrosoftAppType: MultiTenant is not supported (Azure no longer creates multi-tenant bots, and this bot serves one organisation): register the bot as SingleTenant or UserAssignedMSI and set MicrosoftAppTenantId');
  }
  if (production && !e.MicrosoftAppId) problems.push("MicrosoftAppId: required in production (the Azure Bot's Microsoft App ID)");
  if (!e.MicrosoftAppId && !production) return problems;
  if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword: required unless MicrosoftAppType=UserAssignedMSI');
  if (e.MicrosoftAppType === 'UserAssignedMSI' && e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword: must not be set when MicrosoftAppType=UserAssignedMSI');
  if (!e.MicrosoftAppTenantId) problems.push('MicrosoftAppTenantId: required (your organisation\'s Entra tenant id): the bot serves only this tenant and refuses every other');
  return problems;
}

/** Locally with no bot registration, the demo tenant the Agents Playground puts in every activity (.m365agentsplayground.yml). */
function botTenant(e: Env): string {
  return e.MicrosoftAppTenantId || (e.NODE_ENV !== 'production' && !e.MicrosoftAppId ? DEMO_TENANT_ID : '');
}

/** Local conveniences refused in production, and settings that contradict each other. */
function environmentProblems(e: Env): string[] {
  const problems: string[] = [...networkProblems(e)];
  if (e.NODE_ENV === 'production') {
    if (e.DIRECTORY === 'demo') problems.push('DIRECTORY: the demo directory is refused in production (approvers come from Microsoft Graph)');
    if (e.DEMO_DATA) problems.push('DEMO_DATA: must not be true in production');
    if (e.PLAYGROUND) problems.push('PLAYGROUND: must not be true in production');
    if (e.TAB_DEV_USER && e.TAB_DEV_USER !== 'off') problems.push('TAB_DEV_USER: the dev identity is refused in production (the tab signs people in with Teams SSO)');
    if (!e.TAB_AUTH_AUTHORITY.startsWith('https://')) problems.push('TAB_AUTH_AUTHORITY: must be an https:// URL in production');
    if (e.TAB_AUTH_JWKS_URL && !e.TAB_AUTH_JWKS_URL.startsWith('https://')) problems.push('TAB_AUTH_JWKS_URL: must be an https:// URL in production');
    problems.push(...unsafeInProduction(e));
  }
  if (e.REMINDER_SEND_FROM_HOUR >= e.REMINDER_SEND_UNTIL_HOUR) problems.push('REMINDER_SEND_FROM_HOUR: must be before REMINDER_SEND_UNTIL_HOUR');
  return problems;
}

function appConfig(e: Env, cwd: string, sharepoint: AppConfig['sharepoint'], teamsApps: AppConfig['teamsApps']): AppConfig {
  const production = e.NODE_ENV === 'production';
  const local = e.NODE_ENV === 'development';
  const demoSeed = e.DEMO_DATA ?? local;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: listenHost(e),
    networkWarning: networkWarning(e),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    store: e.STORE,
    directory: e.DIRECTORY ?? (sharepoint ? 'graph' : 'demo'),
    sharepoint,
    teamsApps,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType === 'UserAssignedMSI' ? 'UserAssignedMSI' : 'SingleTenant', tenantId: botTenant(e), serviceUrl: e.BOT_SERVICE_URL, openChats: e.BOT_OPEN_CHATS ?? production },
    reminders: {
      cron: e.REMINDER_CRON,
      timezone: e.REMINDER_TIMEZONE,
      daysBefore: e.REMINDER_DAYS_BEFORE,
      daysOverdue: e.REMINDER_DAYS_OVERDUE,
      roundChaserDays: e.REMINDER_ROUND_CHASER_DAYS,
      escalateAfterDays: e.REMINDER_ESCALATE_AFTER_DAYS === 0 ? undefined : e.REMINDER_ESCALATE_AFTER_DAYS,
      sendWindow: { startHour: e.REMINDER_SEND_FROM_HOUR, endHour: e.REMINDER_SEND_UNTIL_HOUR },
      bankHolidays: e.REMINDER_BANK_HOLIDAYS,
      // The one place the EDI leads are decided: the demo plan's approvals need a last approver.
      ediLeadIds: e.EDI_LEAD_IDS.length || !demoSeed ? e.EDI_LEAD_IDS : [demoUsers.ruth.aadObjectId],
      sendsPerSecond: e.REMINDER_SENDS_PER_SECOND,
      sendAttempts: e.REMINDER_SEND_ATTEMPTS,
      schedulerEnabled: e.SCHEDULER_ENABLED ?? true,
    },
    approvals: { requiredFor: e.APPROVAL_REQUIRED_FOR, chaseAfterWorkingDays: e.APPROVAL_CHASE_AFTER_DAYS },
    demo: { seed: demoSeed, playground: e.PLAYGROUND ?? local, playgroundPort: e.PLAYGROUND_PORT, playgroundUser: e.PLAYGROUND_USER },
    plan: { ...((e.COUNCIL_NAME || demoSeed) && { council: e.COUNCIL_NAME || DEMO_COUNCIL_NAME }), ...(e.PLAN_TITLE && { title: e.PLAN_TITLE }) },
    calendar: calendarSettings(e),
    tab: { auth: tabAuthSettings(e), sharePointTasksListUrl: e.STORE === 'sharepoint' ? e.SHAREPOINT_TASKS_LIST_URL?.replace(/\/+$/, '') : undefined },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'text'),
    operations: {
      telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      trustForwardedFor: e.TRUST_X_FORWARDED_FOR ?? false,
      apiRateLimit: { perUser: e.API_RATE_LIMIT_PER_USER, perAddress: e.API_RATE_LIMIT_PER_ADDRESS },
    },
  };
}

/** Settings that are fine on a developer's machine but unsafe on the internet. */
function unsafeInProduction(e: Env): string[] {
  const problems: string[] = [];
  if (!e.GRAPH_BASE_URL.startsWith('https://')) problems.push('GRAPH_BASE_URL: must be an https:// URL in production');
  if (!e.BOT_SERVICE_URL.startsWith('https://')) problems.push('BOT_SERVICE_URL: must be an https:// URL in production');
  if (e.API_RATE_LIMIT_PER_USER === 0) problems.push('API_RATE_LIMIT_PER_USER: must not be 0 (no limit) in production');
  if (e.API_RATE_LIMIT_PER_ADDRESS === 0) problems.push('API_RATE_LIMIT_PER_ADDRESS: must not be 0 (no limit) in production');
  return problems;
}

function sharePointSettings(e: z.infer<typeof envSchema>, problems: string[], auth: GraphAuthConfig): AppConfig['sharepoint'] {
  if (!e.SHAREPOINT_SITE_ID) problems.push('SHAREPOINT_SITE_ID: required with STORE=sharepoint (the site id, e.g. contoso.sharepoint.com,<guid>,<guid>)');
  // SHAREPOINT_LIST_<KEY> for each list the store keeps (each one in envSchema).
  const listNames = Object.fromEntries(
    LIST_KEYS.map((key) => [key, e[`SHAREPOINT_LIST_${key.toUpperCase() as Uppercase<ListKey>}`]] as const).filter(([, v]) => v),
  ) as Partial<Record<ListKey, string>>;
  return { siteId: e.SHAREPOINT_SITE_ID ?? '', refreshMs: e.SHAREPOINT_REFRESH_SECONDS * 1000, listNames, graphBaseUrl: e.GRAPH_BASE_URL, auth };
}

/** Outside production the tab runs as a demo user (default priya, the demo EDI officer) unless TAB_DEV_USER=off. */
function tabAuthSettings(e: z.infer<typeof envSchema>): TabAuthConfig {
  const production = e.NODE_ENV === 'production';
  const devUser = production || e.TAB_DEV_USER === 'off' ? undefined : ((e.TAB_DEV_USER as DemoUserKey | undefined) ?? 'priya');
  const authority = e.TAB_AUTH_AUTHORITY.replace(/\/+$/, '');
  const tenantId = e.MicrosoftAppTenantId;
  return {
    devUser,
    tenantId,
    clientId: e.TAB_SSO_CLIENT_ID || e.MicrosoftAppId,
    appIdUri: e.TAB_SSO_APP_ID_URI || undefined,
    authority,
    jwksUrl: e.TAB_AUTH_JWKS_URL ?? `${authority}/${tenantId || 'common'}/discovery/v2.0/keys`,
    // Locally, with no officers named, the demo EDI officer is one so every screen can be tried.
    officerIds: e.EDI_OFFICER_IDS.length > 0 || !devUser ? e.EDI_OFFICER_IDS : [demoUsers.priya.aadObjectId],
    officerGroupId: e.EDI_OFFICER_GROUP_ID || undefined,
  };
}

/**
 * What the tab's sign-in still lacks when the server (not a CLI) starts: checked then, so the
 * reminder CLI runs without tab settings. Empty when the dev identity is on.
 */
export function tabSignInProblems(c: AppConfig): string[] {
  const auth = c.tab.auth;
  if (auth.devUser) return [];
  const problems: string[] = [];
  if (!auth.tenantId) problems.push('MicrosoftAppTenantId: required for the tab sign-in (only tokens from this tenant are accepted)');
  if (!auth.clientId) problems.push('TAB_SSO_CLIENT_ID: required for the tab sign-in (the tab app registration\'s client id; defaults to MicrosoftAppId)');
  if (c.env === 'production' && !auth.appIdUri) problems.push('TAB_SSO_APP_ID_URI: required in production (the Application ID URI in webApplicationInfo.resource, e.g. api://plan.example.gov.uk/<client id>)');
  return problems;
}

/** Blank variables (`FOO=`) mean "not set", as in App Service and .env files. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1].trim() !== ''));
}

/** What the app runs with, secrets redacted: logged once at start as structured fields. */
export function describeConfig(c: AppConfig): Record<string, unknown> {
  return {
    env: c.env,
    port: c.port,
    dataDir: c.dataDir,
    store: c.store,
    sharepoint: c.sharepoint && { siteId: c.sharepoint.siteId, lists: c.sharepoint.listNames, graph: c.sharepoint.graphBaseUrl, auth: c.sharepoint.auth.kind },
    botAppId: c.bot.appId || '(none: local, unauthenticated)',
    botAppPassword: c.bot.appPassword ? '(set)' : '(not set)',
    appType: c.bot.appType,
    tenantId: c.bot.tenantId || '(not set)',
    reminders: c.reminders,
    demo: c.demo,
    log: { level: c.logLevel, format: c.logFormat },
    plan: { council: c.plan.council ?? '(not set)', title: c.plan.title ?? '(default)' },
    tab: { devUser: c.tab.auth.devUser ?? '(off: Teams SSO)', clientId: c.tab.auth.clientId || '(not set)', appIdUri: c.tab.auth.appIdUri ?? '(not set)', jwksUrl: c.tab.auth.jwksUrl, officers: c.tab.auth.officerIds.length, officerGroupId: c.tab.auth.officerGroupId ?? '(not set)', sharePointTasksListUrl: c.tab.sharePointTasksListUrl ?? '(not set)' },
    operations: { telemetry: c.operations.telemetryConnectionString ? '(Application Insights)' : '(off)', trustForwardedFor: c.operations.trustForwardedFor, apiRateLimit: c.operations.apiRateLimit },
  };
}
