import type { Task } from '../../core/model';
import type { PlanIdentity } from '../../core/plan/plan-identity';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import type { ReminderPolicy } from '../../core/reminders/reminder-policy';
import type { ApiRoute, Authorize } from './api-route';
import { calendarRoutes, type CalendarRouteDeps } from './calendar-routes';
import { eflgRoutes } from './eflg-routes';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { meRoutes } from './me-routes';
import { objectivesRoutes } from './objectives-routes';
import { planRoutes } from './plan-routes';
import { planScopedRoutes } from './plan-scope';
import { plansRoutes } from './plans-routes';
import { reachRoutes } from './reach-routes';
import { roundsRoutes } from './rounds-routes';
import { tasksRoutes, type TasksRouteDeps } from './tasks-routes';

export interface TabApiDeps {
  store: PlanStore;
  clock: Clock;
  /** Teams SSO (or the local dev identity) and roles: every route calls it first. */
  authorize: Authorize;
  directory: Directory;
  /** Links a task to its SharePoint list item (production store only). */
  sharePointItemUrl?: (task: Task) => string;
  log?: Logger;
  /** The plan's "due soon" is the reminder window; default DEFAULT_REMINDER_POLICY's. */
  reminderPolicy?: Pick<ReminderPolicy, 'daysBefore'>;
  /** The council and plan title on the board paper. */
  plan?: PlanIdentity;
  /** The bot's messenger and cards: owners told when an officer gives them a task, moves its due date or comments. */
  notify?: TasksRouteDeps['notify'];
  /** The council's nation and headcount, and its working days: the statutory calendar. */
  statutory?: CalendarRouteDeps['statutory'];
  calendar?: CalendarRouteDeps['calendar'];
}

/**
 * The tab's API. Same use cases as the bot and the CLI; each area's routes in its own file. Every
 * route but the plan list is about one plan, the one the request names (plan-scope.ts).
 */
export function tabRoutes(deps: TabApiDeps): ApiRoute[] {
  const scoped = planScopedRoutes(deps.store, deps.authorize, (store, plan) => {
    // PLAN_TITLE names the plan that was there before plans (plan 1); every other plan has its own name.
    const title = plan && plan.id !== '1' ? plan.name : (deps.plan?.title ?? plan?.name);
    // The statutory calendar is the council's; duties counted from a plan's start use this plan's.
    const statutory = deps.statutory && { ...deps.statutory, ...(plan && { planStart: plan.periodStart }) };
    const d: TabApiDeps = { ...deps, store, plan: { ...deps.plan, title }, statutory };
    return [...planRoutes(d), ...tasksRoutes(d), ...objectivesRoutes(d), ...roundsRoutes(d), ...reachRoutes(d), ...exportRoutes(d), ...importRoutes(d), ...eflgRoutes(d), ...calendarRoutes(d)];
  });
  // Who is signed in, and the plan list, are the same whichever plan the page shows.
  return [...meRoutes(deps), ...plansRoutes(deps), ...scoped];
}
