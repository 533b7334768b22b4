import type { Task } from '../../core/model';
import type { PlanIdentity } from '../../core/plan/plan-identity';
import type { Clock } from '../../core/ports/clock';
import type { Directory } from '../../core/ports/directory';
import type { Logger } from '../../core/ports/logger';
import type { PlanStore } from '../../core/ports/plan-store';
import type { ReminderPolicy } from '../../core/reminders/reminder-policy';
import type { ApiRoute, Authorize } from './api-route';
import { exportRoutes } from './export-routes';
import { importRoutes } from './import-routes';
import { meRoutes } from './me-routes';
import { objectivesRoutes } from './objectives-routes';
import { planRoutes } from './plan-routes';
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
}

/** The tab's API. Same use cases as the bot and the CLI; each area's routes in its own file. */
export function tabRoutes(deps: TabApiDeps): ApiRoute[] {
  return [...meRoutes(deps), ...planRoutes(deps), ...tasksRoutes(deps), ...objectivesRoutes(deps), ...roundsRoutes(deps), ...reachRoutes(deps), ...exportRoutes(deps), ...importRoutes(deps)];
}
