import { DateTime } from 'luxon';
import { z } from 'zod';
import { ValidationError, type FieldError } from '../errors';
import { PLAN_KINDS, PLAN_STATES, type Person, type PlanInput, type PlanPatch } from '../model';
import { planKeyFrom } from './plans';

const isoDate = z.string({ error: 'must be a date (yyyy-mm-dd)' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (yyyy-mm-dd)').refine((d) => DateTime.fromISO(d).isValid, 'is not a real date');

const newPlan = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(120, 'must be 120 characters or fewer'),
  kind: z.enum(PLAN_KINDS, { error: `must be one of: ${PLAN_KINDS.join(', ')}` }),
  periodStart: isoDate,
  periodEnd: isoDate,
  state: z.enum(['Draft', 'Active'], { error: 'must be Draft or Active' }).default('Draft'),
  predecessorId: z.string({ error: 'must be a plan id' }).trim().min(1).optional(),
});

const planChange = z.object({
  name: newPlan.shape.name.optional(),
  state: z.enum(PLAN_STATES, { error: `must be one of: ${PLAN_STATES.join(', ')}` }).optional(),
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
});

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: `${labelOf(String(i.path[0] ?? 'body'))} ${i.message}` }));
}

const LABELS: Record<string, string> = { name: 'Name', kind: 'Kind', periodStart: 'Start date', periodEnd: 'End date', state: 'State', predecessorId: 'Previous plan' };
const labelOf = (field: string) => LABELS[field] ?? field;

function periodErrors(start: string, end: string): FieldError[] {
  return end <= start ? [{ field: 'periodEnd', message: 'End date must be after the start date.' }] : [];
}

/** A new plan from a request body: checked field by field; the officer creating it owns it; its key comes from its name and period. */
export function parseNewPlan(body: unknown, owner: Person): PlanInput {
  const parsed = newPlan.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const p = parsed.data;
  const errors = periodErrors(p.periodStart, p.periodEnd);
  if (errors.length) throw new ValidationError(errors);
  return { key: planKeyFrom(p.name, p.periodStart, p.periodEnd), name: p.name, kind: p.kind, periodStart: p.periodStart, periodEnd: p.periodEnd, owner, state: p.state, ...(p.predecessorId && { predecessorId: p.predecessorId }) };
}

/** A change to a plan (rename, new dates, Draft -> Active -> Closed). */
export function parsePlanChange(body: unknown, current: Pick<PlanInput, 'periodStart' | 'periodEnd'>): PlanPatch {
  const parsed = planChange.safeParse(body ?? {});
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as PlanPatch;
  if (Object.keys(patch).length === 0) throw new ValidationError([{ field: 'body', message: 'Nothing to change: give a name, dates or a state.' }]);
  const errors = periodErrors(patch.periodStart ?? current.periodStart, patch.periodEnd ?? current.periodEnd);
  if (errors.length) throw new ValidationError(errors);
  return patch;
}
