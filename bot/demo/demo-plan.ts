import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseDeadline } from '../../core/deadline/parse-deadline';
import { eflgTagsSchema } from '../../core/eflg/eflg-tags';
import { PROTECTED_CHARACTERISTICS, RAG_VALUES, TASK_KINDS, type Measure, type ObjectiveInput, type Rag, type TaskInput } from '../../core/model';
import { DEMO_COUNCIL_NAME } from './demo-council';
import { calendarDay, dateDaysAfter, instantDaysBefore, monthYear } from './demo-dates';
import planData from './demo-plan.json';
import { demoRounds, type DemoRound } from './demo-rounds';
import { demoUsers, toPerson, type DemoUserKey } from './demo-users';

/**
 * The demo council's EDI action plan, built relative to "today" so that whatever day the demo
 * runs on, some tasks are due this week, some are overdue, some are done and the Playground's
 * default user (alex) has tasks inside the reminder window; with three quarterly board rounds
 * closed in the past months and a few measures, so the trends view and the board report show
 * movement at once. Pure and deterministic for a given `today`: no clock, no randomness.
 */

export interface DemoHistoryEntry {
  daysAgo: number;
  by: DemoUserKey;
  progress: string;
  rag?: Rag;
  evidence?: string;
  risks?: string;
  /** What the update asks of the board. */
  supportNeeded?: string;
  /** The task's measure, as the owner gave it with this update. */
  measureValue?: number;
}

/**
 * History is oldest first; the task's latest fields and rag mirror its newest entry, its measure
 * value the newest entry that gave one.
 */
export interface DemoTask extends TaskInput {
  history: DemoHistoryEntry[];
}

export interface DemoPlan {
  title: string;
  planStart: string;
  planEnd: string;
  objectives: ObjectiveInput[];
  tasks: DemoTask[];
  /** The board rounds already closed, oldest first (their snapshots are kept when seeding). */
  rounds: DemoRound[];
}

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
    title: `${DEMO_COUNCIL_NAME} Equality, Diversity and Inclusion Action Plan ${startYear}–${startYear + 3}`,
    planStart,
    planEnd,
    objectives: OBJECTIVES.map((o) => ({ ...o })),
    tasks,
    rounds: demoRounds(day),
  };
}

/**
 * Another demo plan written in demo-plan.json's shape (the workforce plan, demo-workforce-plan.json),
 * dated relative to today the same way and running to `planEnd`.
 */
export function buildDemoTasks(data: unknown, today: string, planEnd: string): { objectives: ObjectiveInput[]; tasks: DemoTask[] } {
  const day = calendarDay(today);
  const parsed = planDataSchema.parse(data);
  const wordings = deadlineWordings(day);
  return { objectives: parsed.objectives.map((o) => ({ ...o })), tasks: parsed.tasks.map((spec) => toDemoTask(spec, wordings, day, planEnd, parsed.indicators)) };
}

// ---------------------------------------------------------------------------------------------
// Dates

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

function deadlineWordings(day: DateTime): DeadlineWordings {
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
const historySchema = z
  .object({
    daysAgo: z.number().int().min(0),
    by: userKey,
    progress: z.string().min(1),
    rag: z.enum(RAG_VALUES).optional(),
    evidence: z.string().optional(),
    risks: z.string().optional(),
    supportNeeded: z.string().optional(),
    measureValue: z.number().optional(),
  })
  .strict();
const tolerance = z.number().gt(0).lt(1);
/** A measure with its dates relative to today: the target falls due with the task unless `targetInDays` says otherwise. */
const measureSchema = z
  .object({
    name: z.string().min(1).optional(),
    unit: z.string().min(1).optional(),
    baseline: z.number().optional(),
    baselineDaysAgo: z.number().int().min(0).optional(),
    target: z.number(),
    targetInDays: z.number().int().optional(),
    amberBelow: tolerance.optional(),
    redBelow: tolerance.optional(),
  })
  .strict();
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
    leadService: z.string().optional(),
    supportingServices: z.string().optional(),
    strategy: z.string().optional(),
    percentComplete: z.number().min(0).max(100).optional(),
    startingPosition: z.string().optional(),
    measure: measureSchema.optional(),
    /** The Equality Framework criteria the task evidences (core/eflg/eflg-tags.ts checks them). */
    eflg: eflgTagsSchema.optional(),
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

function toDemoTask(spec: TaskSpec, wordings: DeadlineWordings, day: DateTime, planEnd: string, indicators: Readonly<Record<string, string>> = INDICATORS): DemoTask {
  const dueText = dueWording(spec.due, wordings);
  const [objectiveRef = '', indicatorNo = ''] = spec.ref.split('.');
  const indicator = indicators[`${objectiveRef}.${indicatorNo}`];
  const { dueDate } = parseDeadline(dueText, { reference: day.toISODate() as string, planEnd });
  const rag: Rag = spec.history.at(-1)?.rag ?? 'Not started';
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
    ...(spec.leadService ? { leadService: spec.leadService } : {}),
    ...(spec.supportingServices ? { supportingServices: spec.supportingServices } : {}),
    groupsImpacted: spec.groupsImpacted.flatMap((g) => (g === ALL_PROTECTED ? [...PROTECTED_CHARACTERISTICS] : [g])),
    ...(spec.strategy ? { strategy: spec.strategy } : {}),
    ...(dueDate ? { dueDate } : {}),
    dueText,
    rag,
    status: complete ? 'Complete' : 'Open',
    ...(percentComplete !== undefined ? { percentComplete } : {}),
    ...(spec.startingPosition ? { startingPosition: spec.startingPosition } : {}),
    ...(spec.measure ? { measure: toMeasure(spec.measure, day, dueDate ?? undefined) } : {}),
    ...(spec.eflg?.length ? { eflg: spec.eflg } : {}),
    ...latestFields(spec.history, day),
    history: spec.history.map((entry) => ({ ...entry })),
  };
}

/** The task's latest fields, from its newest history entry (the measure's value from the newest that gave one). */
function latestFields(history: DemoHistoryEntry[], day: DateTime): Partial<TaskInput> {
  const latest = history.at(-1);
  if (!latest) return {};
  const measured = history.findLast((entry) => entry.measureValue !== undefined);
  return {
    latestUpdate: latest.progress,
    latestUpdateAt: instantDaysBefore(day, latest.daysAgo),
    latestUpdateBy: toPerson(demoUsers[latest.by]),
    ...(latest.evidence ? { evidence: latest.evidence } : {}),
    ...(latest.risks ? { risks: latest.risks } : {}),
    ...(latest.supportNeeded ? { supportNeeded: latest.supportNeeded } : {}),
    ...(measured ? { measureValue: measured.measureValue, measureValueAt: instantDaysBefore(day, measured.daysAgo) } : {}),
  };
}

function toMeasure(spec: z.infer<typeof measureSchema>, day: DateTime, dueDate: string | undefined): Measure {
  const { baselineDaysAgo, targetInDays, ...rest } = spec;
  const targetDate = targetInDays !== undefined ? dateDaysAfter(day, targetInDays) : dueDate;
  return {
    ...rest,
    ...(baselineDaysAgo !== undefined ? { baselineDate: dateDaysAfter(day, -baselineDaysAgo) } : {}),
    ...(targetDate ? { targetDate } : {}),
  };
}
