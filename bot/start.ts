/**
 * `npm start`. Locally (default): the server on the embedded SQLite store, seeded once with the demo
 * plan, plus the Microsoft 365 Agents Playground as the Teams client. With NODE_ENV=production:
 * the server alone, and only with bot credentials.
 */
// First: Application Insights must be set up before `http` is loaded (see telemetry.ts).
import { telemetry } from './telemetry-bootstrap';
import { createAppContext, type AppContext } from './app-context';
import { startApp } from './app-server';
import { ConfigError, describeConfig, loadConfig, type AppConfig } from './config';
import { seedDemoPlan } from './demo/seed-demo';
import { rememberConversation } from '../core/use-cases/remember-conversation';
import { demoUsers } from './demo/demo-users';
import { startPlayground, type RunningPlayground } from './demo/playground';

const STOP_DEADLINE_MS = 25_000;

async function main(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) console.warn(`Node ${process.version} is not supported: EDI Action Plan for Teams runs on Node 24 LTS (see README, "Quick start").`);
  const config = configOrExit();
  const ctx = await createAppContext(config);
  logStart(ctx);
  if (config.demo.seed) {
    const seeded = await seedDemoPlan(ctx);
    if (seeded.seeded) ctx.log.info({ tasks: seeded.tasks }, 'demo plan seeded');
  }
  const app = await startApp(ctx);
  const playground = config.demo.playground
    ? await startPlayground({
        botUrl: `http://127.0.0.1:${app.server.port}/api/messages`,
        port: config.demo.playgroundPort,
        user: config.demo.playgroundUser,
        dataDir: config.dataDir,
        log: ctx.log,
        register: (seen) => rememberConversation(ctx, seen),
      })
    : undefined;
  // Last: after every start-up log line, so the addresses are what a newcomer sees at the bottom.
  console.log(banner(ctx, app.server.url, playground));
  stopOnSignals(ctx, [() => playground?.stop(), () => app.stop(), () => telemetry?.stop()]);
}

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nThe app did not start. Set the settings above (see README, "Configuration").`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * The configuration in effect, secrets redacted. As JSON (production) the whole of it, for Log
 * Analytics; as text (development) the settings a newcomer checks, the whole at LOG_LEVEL=debug.
 */
function logStart(ctx: AppContext): void {
  if (ctx.config.networkWarning) ctx.log.warn({ host: ctx.config.host }, ctx.config.networkWarning);
  const described = describeConfig(ctx.config);
  if (ctx.config.logFormat === 'json') {
    ctx.log.info({ config: described }, 'starting');
    return;
  }
  const c = ctx.config;
  ctx.log.info({ env: c.env, store: c.store, directory: c.directory, dataDir: c.dataDir, tenantId: described.tenantId, scheduler: c.reminders.schedulerEnabled, ediLeadIds: c.reminders.ediLeadIds }, 'starting');
  ctx.log.debug({ config: described }, 'configuration');
}

/** Who the EDI leads are: named locally; in production counted (names stay out of App Service's logs). */
function leadsLine(ctx: AppContext): string {
  const leads = ctx.ediLeads;
  if (!leads.length) return '(none: set EDI_LEAD_IDS)';
  const demo = leads.length === 1 && leads[0]!.aadObjectId === demoUsers.ruth.aadObjectId ? " (the demo council's; EDI_LEAD_IDS names others)" : '';
  return ctx.config.env === 'production' ? `${leads.length} (EDI_LEAD_IDS)` : `${leads.map((p) => p.displayName).join(', ')}${demo}`;
}

function banner(ctx: AppContext, url: string, playground: RunningPlayground | undefined): string {
  const { config } = ctx;
  return [
    '',
    'EDI Action Plan for Teams is running.',
    `  Plan view (tab):      ${url}/`,
    `  Plan API:             ${url}/api/plan`,
    `  Bot endpoint:         ${url}/api/messages`,
    ...(playground?.url ? [`  Agents Playground:    ${playground.url}   (signed in as ${demoUsers[config.demo.playgroundUser].displayName}: try "help" and "my tasks")`] : []),
    ...(playground?.problem ? [`  Agents Playground:    not started: ${playground.problem}`] : []),
    ...(config.demo.seed ? ['  Send due reminders:   npm run remind   (in another terminal)'] : []),
    `  EDI leads:            ${leadsLine(ctx)}`,
    `  Data:                 ${config.dataDir}`,
    '  Stop with Ctrl+C.',
    '',
  ].join('\n');
}

/** SIGINT/SIGTERM: the steps in order, then exit; never hang (a send left claimed is reported by the next sweep). */
function stopOnSignals(ctx: AppContext, steps: (() => Promise<unknown> | undefined)[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'stopping');
    setTimeout(() => {
      ctx.log.error({ afterMs: STOP_DEADLINE_MS }, 'shutdown took too long; exiting with work unfinished');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    for (const step of steps) await step();
    ctx.log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`The app failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
