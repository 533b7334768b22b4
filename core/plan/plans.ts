import { DateTime } from 'luxon';
import type { IsoDate, IsoInstant, Plan, PlanInput } from '../model';

/**
 * The plan a request means when it names none (the tab without `?plan=`, the bot's commands): the
 * first Active plan (the one that was there before plans existed, while it runs); else the newest.
 */
export function defaultPlan<T extends Pick<Plan, 'id' | 'state' | 'periodStart'>>(plans: readonly T[]): T | undefined {
  const byId = [...plans].sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  return byId.find((p) => p.state === 'Active') ?? [...byId].sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
}

/** A plan named in a URL, by id or key. */
export function findPlan<T extends Pick<Plan, 'id' | 'key'>>(plans: readonly T[], idOrKey: string): T | undefined {
  return plans.find((p) => p.id === idOrKey) ?? plans.find((p) => p.key.toLowerCase() === idOrKey.toLowerCase());
}

/** The council year (1 April to 31 March, London) holding an instant: its first day. */
export function councilYearStart(at: IsoInstant): IsoDate {
  const d = DateTime.fromISO(at, { zone: 'Europe/London' });
  const year = d.month >= 4 ? d.year : d.year - 1;
  return `${year}-04-01`;
}

/** A URL-safe key from a name and period: "Workforce plan", 2025-04-01..2028-03-31 -> "workforce-plan-2025-28". */
export function planKeyFrom(name: string, periodStart: IsoDate, periodEnd: IsoDate): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'plan';
  const years = `${periodStart.slice(0, 4)}-${periodEnd.slice(2, 4)}`;
  return slug.includes(periodStart.slice(0, 4)) ? slug : `${slug}-${years}`;
}

/**
 * The plan that data written before plans existed becomes: Active, four council years from the
 * year it was adopted in (objectives are set at least every four years), named from config when
 * the caller knows the plan's title.
 */
export function firstPlanInput(at: IsoInstant, name = 'EDI action plan'): PlanInput {
  const start = councilYearStart(at);
  const end = `${Number(start.slice(0, 4)) + 4}-03-31`;
  return { key: planKeyFrom(name, start, end), name, kind: 'EDI plan', periodStart: start, periodEnd: end, state: 'Active' };
}
