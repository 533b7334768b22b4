import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseDeadline } from '../../core/deadline/parse-deadline';
import { PROTECTED_CHARACTERISTICS, RAG_VALUES, TASK_KINDS, type ObjectiveInput, type Rag, type TaskInput } from '../../core/model';
import planData from './demo-plan.json';
import { demoUsers, toPerson, type DemoUserKey } from './demo-users';

/**
 * The demo council's EDI action plan, built relative to "today" so that whatever day the demo
 * runs on, some tasks are due this week, some are overdue, some are done and the Playground's
 * default user (alex) has tasks inside the reminder window. Pure and deterministic for a given
 * `today`: no clock, no randomness.
 */

export interface DemoHistoryEntry {
  daysAgo: number;
  by: DemoUserKey;
  progress: string;
  rag?: Rag;
  evidence?: string;
  risks?: string;
}

/** History is oldest first; the task's latest fields and rag mirror its newest entry. */
export interface DemoTask extends TaskInput {
  history: DemoHistoryEntry[];
}

export interface DemoPlan {
  title: string;
  planStart: string;
  planEnd: string;
  objectives: ObjectiveInput[];
  tasks: DemoTask[];
}

const ZONE = 'Europe/London';
/** Updates in the demo history are stamped at this local hour. */
const UPDATE_HOUR = 10;

/** When a demo update `daysAgo` days before `today` was submitted: 10:00 Europe/London, as UTC. */
export function demoUpdateInstant(today: string, daysAgo: number): string {
  return instantDaysBefore(calendarDay(today), daysAgo);
}

export function buildDemoPlan(today: string): DemoPlan {
  const day = calendarDay(today);
  const { startYear, planStart, planEnd } = planPeriod(day);
  const wordings = deadlineWordings(day);
  const tasks = PLAN_DATA.tasks.map((spec) => toDemoTask(spec, wordings, day, planEnd));
  return {
    title: `Northvale District Council Equality, Diversity and Inclusion Action Plan ${startYear}–${startYear + 3}`,
    planStart,
    planEnd,
    objectives: OBJECTIVES.map((o) => ({ ...o })),
    tasks,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * `today` as a calendar day. Date arithmetic (days and months on, ends of months) is done on the
 * calendar alone, which needs no time zone; only the update instants are placed in Europe/London.
 */
function calendarDay(today: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today)
    ? DateTime.fromISO(today, { zone: 'utc' })
    : DateTime.invalid('not yyyy-mm-dd');
  if (!day.isValid) throw new RangeError(`today must be a calendar date (yyyy-mm-dd), got "${today}"`);
  return day;
}

/** 10:00 Europe/London on the day `daysAgo` days before `day`, as a UTC ISO instant. */
function instantDaysBefore(day: DateTime, daysAgo: number): string {
  const { year, month, day: dayOfMonth } = day.minus({ days: daysAgo });
  return DateTime.fromObject({ year, month, day: dayOfMonth, hour: UPDATE_HOUR }, { zone: ZONE }).toUTC().toISO() as string;
}

/** April-to-March financial year that `day` falls in, named by the year it starts. */
function financialYear(day: DateTime): number {
  return day.month >= 4 ? day.year : day.year - 1;
}

/**
 * A three-year plan, April to March. It is the 2025–2028 plan while today falls in its first two
 * years; outside those years the window moves by whole years so that today stays in the plan's
 * first or second year and the relative deadlines never run past the plan's end.
 */
function planPeriod(day: DateTime): { startYear: number; planStart: string; planEnd: string } {
  const fy = financialYear(day);
  const startYear = Math.min(fy, Math.max(2025, fy - 1));
  return { startYear, planStart: `${startYear}-04-01`, planEnd: `${startYear + 3}-03-31` };
}

/** Council-style deadline wording, computed relative to today. */
interface DeadlineWordings {
  /** "By 27 November 2026": a real date `days` from today (negative for the past). */
  onDate(days: number): string;
  /** "By the end of December 2026": the end of the month `months` from this one. */
  byEndOf(months: number): string;
  /** "End of March 2027": the same, in the shorter form councils also use. */
  endOf(months: number): string;
  /** "Q4 2026/27": the financial quarter `quarters` on from this one. */
  quarter(quarters: number): string;
}

/** English month names, fixed here rather than taken from Intl so the wording never depends on ICU data. */
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function deadlineWordings(day: DateTime): DeadlineWordings {
  const monthYear = (d: DateTime) => `${MONTH_NAMES[d.month - 1]} ${d.year}`;
  const month = (months: number) => monthYear(day.plus({ months }));
  return {
    onDate: (days) => {
      const d = day.plus({ days });
      return `By ${d.day} ${monthYear(d)}`;
    },
    byEndOf: (months) => `By the end of ${month(months)}`,
    endOf: (months) => `End of ${month(months)}`,
    quarter: (quarters) => {
      const d = day.plus({ months: 3 * quarters });
      const fy = financialYear(d);
      const q = Math.floor((d.month + 8) / 3) % 4 + 1; // Apr–Jun Q1 … Jan–Mar Q4
      return `Q${q} ${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Tasks

/**
 * The plan's words live in demo-plan.json: objectives, indicators and tasks, with people by demo
 * key, deadlines as council wordings relative to today, and history as days ago. Checked on load.
 */
const dueSchema = z.union([
  z.object({ onDate: z.number().int() }).strict(),
  z.object({ byEndOf: z.number().int() }).strict(),
  z.object({ endOf: z.number().int() }).strict(),
  z.object({ quarter: z.number().int() }).strict(),
  z.object({ text: z.string().min(1) }).strict(),
]);
const userKey = z.enum(Object.keys(demoUsers) as [DemoUserKey, ...DemoUserKey[]]);
const historySchema = z.object({ daysAgo: z.number().int().min(0), by: userKey, progress: z.string().min(1), rag: z.enum(RAG_VALUES).optional(), evidence: z.string().optional(), risks: z.string().optional() }).strict();
const taskSpecSchema = z
  .object({
    ref: z.string().min(1),
    title: z.string().min(1),
    kind: z.enum(TASK_KINDS),
    owners: z.array(userKey).min(1),
    accountable: userKey.optional(),
    due: dueSchema,
    /** "(all protected characteristics)" stands for the nine, in the Equality Act's order. */
    groupsImpacted: z.array(z.string()),
    description: z.string().optional(),
    desiredOutcome: z.string().optional(),
    successMeasure: z.string().optional(),
    supportingServices: z.string().optional(),
    strategy: z.string().optional(),
    percentComplete: z.number().min(0).max(100).optional(),
    history: z.array(historySchema).default([]),
  })
  .strict();
const planDataSchema = z.object({
  objectives: z.array(z.object({ ref: z.string().min(1), title: z.string().min(1), description: z.string().optional() }).strict()),
  indicators: z.record(z.string(), z.string()),
  tasks: z.array(taskSpecSchema),
});
type TaskSpec = z.infer<typeof taskSpecSchema>;

const ALL_PROTECTED = '(all protected characteristics)';
const PLAN_DATA = planDataSchema.parse(planData);
const OBJECTIVES: readonly ObjectiveInput[] = PLAN_DATA.objectives;
const INDICATORS: Readonly<Record<string, string>> = PLAN_DATA.indicators;

function dueWording(due: TaskSpec['due'], wordings: DeadlineWordings): string {
  if ('text' in due) return due.text;
  if ('onDate' in due) return wordings.onDate(due.onDate);
  if ('byEndOf' in due) return wordings.byEndOf(due.byEndOf);
  if ('endOf' in due) return wordings.endOf(due.endOf);
  return wordings.quarter(due.quarter);
}

function toDemoTask(spec: TaskSpec, wordings: DeadlineWordings, day: DateTime, planEnd: string): DemoTask {
  const dueText = dueWording(spec.due, wordings);
  const [objectiveRef = '', indicatorNo = ''] = spec.ref.split('.');
  const indicator = INDICATORS[`${objectiveRef}.${indicatorNo}`];
  const { dueDate } = parseDeadline(dueText, { reference: day.toISODate() as string, planEnd });
  const latest = spec.history.at(-1);
  const rag: Rag = latest?.rag ?? 'Not started';
  const complete = rag === 'Complete';
  const percentComplete = complete ? 100 : spec.percentComplete;
  return {
    ref: spec.ref,
    title: spec.title,
    objectiveRef,
    ...(indicator ? { indicator } : {}),
    kind: spec.kind,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.desiredOutcome ? { desiredOutcome: spec.desiredOutcome } : {}),
    ...(spec.successMeasure ? { successMeasure: spec.successMeasure } : {}),
    owners: spec.owners.map((key) => toPerson(demoUsers[key])),
    ...(spec.accountable ? { accountableOfficer: toPerson(demoUsers[spec.accountable]) } : {}),
    ...(spec.supportingServices ? { supportingServices: spec.supportingServices } : {}),
    groupsImpacted: spec.groupsImpacted.flatMap((g) => (g === ALL_PROTECTED ? [...PROTECTED_CHARACTERISTICS] : [g])),
    ...(spec.strategy ? { strategy: spec.strategy } : {}),
    ...(dueDate ? { dueDate } : {}),
    dueText,
    rag,
    status: complete ? 'Complete' : 'Open',
    ...(percentComplete !== undefined ? { percentComplete } : {}),
    ...(latest
      ? {
          latestUpdate: latest.progress,
          latestUpdateAt: instantDaysBefore(day, latest.daysAgo),
          latestUpdateBy: toPerson(demoUsers[latest.by]),
        }
      : {}),
    ...(latest?.evidence ? { evidence: latest.evidence } : {}),
    ...(latest?.risks ? { risks: latest.risks } : {}),
    history: spec.history.map((entry) => ({ ...entry })),
  };
}
