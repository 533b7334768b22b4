import type { Authorize } from '../tab/api/api-route';
import { createTabAuthorize } from '../tab/api/auth/tab-authorize';
import { tabRoutes } from '../tab/api/tab-routes';
import { summarise, type AppContext } from './app-context';
import { commentCards } from './cards/comment-cards';
import { taskChangeCards } from './cards/task-change-cards';
import { ConfigError, tabSignInProblems } from './config';
import { DEMO_TENANT_ID, demoUsers, toPerson } from './demo/demo-users';
import { storeReadiness } from './readiness';
import { runtimeLayout } from './runtime-layout';
import { scheduleReminders } from './reminder-scheduler';
import { startServer, type RunningServer } from './server';


export interface RunningApp {
  server: RunningServer;
  stop(): Promise<void>;
}

/** Starts the HTTP server (bot + tab) and, when enabled, the reminder schedule. */
export async function startApp(ctx: AppContext): Promise<RunningApp> {
  const { config, store, clock, log } = ctx;
  const bot = ctx.channel.endpoint({ store, clock, log, messenger: ctx.messenger, directory: ctx.directory, approvalPolicy: ctx.approvalPolicy, reminderPolicy: ctx.policy, tenantId: config.bot.tenantId });
  const readiness = storeReadiness(store, log);
  const apiRateLimit = { ...config.operations.apiRateLimit, trustForwardedFor: config.operations.trustForwardedFor };
  // Owners are told in Teams when an officer gives them a task, moves its due date, or comments.
  const notify = { messenger: ctx.messenger, cards: taskChangeCards, commentCards, log };
  const routes = tabRoutes({ store, clock, log, directory: ctx.directory, reminderPolicy: ctx.policy, plan: config.plan, authorize: tabAuthorize(ctx), sharePointItemUrl: sharePointItemUrl(ctx), notify, statutory: config.calendar, calendar: ctx.calendar });
  const server = await startServer(
    { bot, routes, staticDir: runtimeLayout.tabDir, log, readiness, apiRateLimit },
    config.port,
    config.host,
  );
  // Shutdown lets a running sweep finish the messages it is sending, and claim no more.
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  const sweep = async () => {
    const current = ctx.sweep({ inSendWindow: true, signal: stopping.signal });
    running = current.catch(() => undefined);
    const result = await current;
    log.info(summarise(result), 'reminder sweep finished');
    // Keys only (task id, trigger, recipient id): which reminders may or may not have arrived.
    for (const u of result.unconfirmed) log.warn({ reminderKey: u.key, taskId: u.taskId }, 'a reminder was claimed by a sweep that stopped mid-send; it is not resent (it may have arrived)');
  };
  const schedule = config.reminders.schedulerEnabled ? scheduleReminders(config.reminders.cron, config.reminders.timezone, sweep, log) : undefined;
  return {
    server,
    // Not ready at once (new traffic goes elsewhere); in-flight requests and sends finish; then close.
    stop: async () => {
      readiness.markStopping();
      schedule?.stop();
      stopping.abort();
      await running;
      await server.close();
      await ctx.close();
    },
  };
}

/** Teams SSO for the tab's API, or locally (never in production) the configured demo user. */
function tabAuthorize(ctx: AppContext): Authorize {
  const problems = tabSignInProblems(ctx.config);
  if (problems.length > 0) throw new ConfigError(problems);
  const { devUser, ...sso } = ctx.config.tab.auth;
  if (devUser) ctx.log.info({ devUser }, 'tab API runs as a demo user with no sign-in (TAB_DEV_USER; local only)');
  return createTabAuthorize({ ...sso, devUser: devUser && toPerson(demoUsers[devUser]), devTenantId: DEMO_TENANT_ID }, ctx.log);
}

function sharePointItemUrl(ctx: AppContext): ((task: { id: string }) => string) | undefined {
  const list = ctx.config.tab.sharePointTasksListUrl;
  return list ? (task) => `${list}/DispForm.aspx?ID=${encodeURIComponent(task.id)}` : undefined;
}
