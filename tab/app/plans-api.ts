/**
 * The plans themselves (tab/api/plans-routes.ts): the list for the picker, and the officers'
 * changes: start a plan, make one active or close it, carry open tasks from one into another.
 */
import { planTasks } from '../../core/plan/plan-filter';
import { ApiError, apiJson } from './api-client';
import type { CarryForwardResult, NewPlanRequest, PlanData, PlanListItem, PlanRecord } from './api-types';
import { countOf } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every plan, oldest first, the default one marked. */
export async function fetchPlans(signal?: AbortSignal): Promise<PlanListItem[]> {
  const body = await apiJson<{ plans?: unknown }>('/api/plans', { signal });
  if (!Array.isArray(body.plans)) throw new ApiError('The server sent a plan list the tab does not understand.', 200);
  return body.plans as PlanListItem[];
}

/** A plan named in the address, by id or key (as the API reads `?plan=`, core/plan/plans.ts findPlan). */
export function findPlanIn<T extends Pick<PlanListItem, 'id' | 'key'>>(plans: readonly T[], idOrKey: string): T | undefined {
  return plans.find((p) => p.id === idOrKey) ?? plans.find((p) => p.key.toLowerCase() === idOrKey.toLowerCase());
}

/** The plan the page shows: the one its address names, else the default; undefined when the address names no plan there is. */
export function currentPlanIn(plans: readonly PlanListItem[], named: string | undefined): PlanListItem | undefined {
  return named ? findPlanIn(plans, named) : plans.find((p) => p.isDefault);
}

/** "2025-04-01", "2028-03-31" -> "Apr 2025 – Mar 2028". */
export function formatPeriod(start: string, end: string): string {
  const month = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`.trim();
  return `${month(start)} – ${month(end)}`;
}

/** "Workforce plan, Apr 2025 – Mar 2028 (Draft)": the state only when it is not Active. */
export function planLabel(plan: Pick<PlanListItem, 'name' | 'periodStart' | 'periodEnd' | 'state'>): string {
  return `${plan.name}, ${formatPeriod(plan.periodStart, plan.periodEnd)}${plan.state === 'Active' ? '' : ` (${plan.state})`}`;
}

export async function startPlan(body: NewPlanRequest): Promise<PlanRecord> {
  return (await apiJson<{ plan: PlanRecord }>('/api/plans', { method: 'POST', body })).plan;
}

export async function changePlan(planId: string, patch: { state?: 'Draft' | 'Active' | 'Closed'; name?: string }): Promise<PlanRecord> {
  return (await apiJson<{ plan: PlanRecord }>(`/api/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body: patch })).plan;
}

export async function carryForward(fromPlanId: string, toPlanId: string, taskIds: string[]): Promise<CarryForwardResult> {
  return apiJson<CarryForwardResult>(`/api/plans/${encodeURIComponent(fromPlanId)}/carry-forward`, { method: 'POST', body: { toPlanId, taskIds } });
}

export interface OpenTask {
  id: string;
  ref: string;
  title: string;
}

/** A plan's open tasks (those that can be carried forward), in the plan's order: from that plan's view. */
export async function fetchOpenTasks(planId: string, signal?: AbortSignal): Promise<OpenTask[]> {
  const view = await apiJson<PlanData>(`/api/plan?plan=${encodeURIComponent(planId)}`, { signal });
  if (!Array.isArray(view.objectives)) throw new ApiError('The server sent a plan the tab does not understand.', 200);
  return planTasks(view)
    .filter((t) => t.status === 'Open')
    .map((t) => ({ id: t.id, ref: t.ref, title: t.title }));
}

/** "Carried 12 tasks into <plan>; 1 task carried already, no copy made (1.1.2); 2 not carried:" */
export function carrySummary(result: CarryForwardResult, planName: string): string {
  const fresh = result.carried.filter((c) => !c.already);
  const again = result.carried.filter((c) => c.already);
  const parts = [fresh.length > 0 ? `Carried ${countOf(fresh.length, 'task')} into ${planName}` : `Nothing new carried into ${planName}`];
  if (again.length > 0) parts.push(`${countOf(again.length, 'task')} carried already, ${again.length === 1 ? 'no copy' : 'no copies'} made (${again.map((c) => c.ref).join(', ')})`);
  if (result.notCarried.length > 0) parts.push(`${result.notCarried.length} not carried:`);
  return `${parts.join('; ')}${result.notCarried.length > 0 ? '' : '.'}`;
}

/** The server's limit per request (MAX_CARRY_FORWARD in core/use-cases/carry-forward.ts, which the bundle cannot import: it uses node:crypto). */
export const CARRY_FORWARD_BATCH = 500;

/** At most CARRY_FORWARD_BATCH ids a request: more are sent in turn, one answer. */
export async function carryAll(from: string, to: string, ids: string[]): Promise<CarryForwardResult> {
  const total: CarryForwardResult = { carried: [], notCarried: [] };
  for (let i = 0; i < ids.length; i += CARRY_FORWARD_BATCH) {
    const part = await carryForward(from, to, ids.slice(i, i + CARRY_FORWARD_BATCH));
    total.carried.push(...part.carried);
    total.notCarried.push(...part.notCarried);
  }
  return total;
}
