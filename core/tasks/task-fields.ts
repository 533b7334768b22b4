import { z } from 'zod';
import { eflgTagsSchema } from '../eflg/eflg-tags';
import type { FieldError } from '../errors';
import { TASK_KINDS, TASK_STATUSES, RAG_VALUES, type EflgTag, type Measure, type Rag, type TaskKind, type TaskStatus } from '../model';

/**
 * What an officer may set on a task from the tab, and the limits every entry point shares: the
 * tab API's PATCH and POST, and the edit panel's own checks. Pure: no store, no directory. People
 * arrive as directory ids and are resolved by the use case (core/use-cases/edit-task.ts).
 */

export const TASK_FIELD_LIMITS = {
  /** SharePoint's Title column holds 255 characters. */
  title: 255,
  ref: 50,
  shortText: 255,
  longText: 10_000,
  reason: 1_000,
  owners: 20,
  evidenceLinks: 50,
  url: 2_048,
  groups: 20,
  /** A comment in a task's thread (the tab's box and the card's Input.Text take this many). */
  comment: 4_000,
} as const;

/** Labels as the edit panel, the history and the exports show them. */
export const TASK_FIELD_LABELS = {
  ref: 'Ref',
  title: 'Title',
  description: 'Description',
  objectiveRef: 'Objective',
  indicator: 'Indicator or theme',
  kind: 'Kind',
  owners: 'Owners',
  accountableOfficer: 'Accountable officer',
  leadService: 'Lead service',
  supportingServices: 'Supporting services',
  groupsImpacted: 'Groups impacted',
  dueDate: 'Due date',
  dueText: 'Deadline as the plan words it',
  status: 'Status',
  statusReason: 'Reason for the status',
  rag: 'RAG',
  percentComplete: 'Per cent complete',
  desiredOutcome: 'Desired outcome',
  successMeasure: 'Success measure',
  startingPosition: 'Starting position',
  measure: 'Measure',
  evidenceLinks: 'Evidence links',
  eflg: 'Equality Framework',
} as const;

export type EditableTaskField = keyof typeof TASK_FIELD_LABELS;

/** The statuses that need a reason: the task leaves the live plan. */
export const STATUSES_NEEDING_REASON: readonly TaskStatus[] = ['Withdrawn', 'Carried forward'];

/** Fields as the API receives them, checked: text trimmed (null or "" clears), people as ids. */
export interface TaskFieldValues {
  ref?: string;
  title?: string;
  description?: string | null;
  objectiveRef?: string;
  indicator?: string | null;
  kind?: TaskKind;
  owners?: string[];
  accountableOfficer?: string | null;
  leadService?: string | null;
  supportingServices?: string | null;
  groupsImpacted?: string[];
  dueDate?: string | null;
  dueText?: string | null;
  status?: TaskStatus;
  statusReason?: string | null;
  rag?: Rag;
  percentComplete?: number | null;
  desiredOutcome?: string | null;
  successMeasure?: string | null;
  startingPosition?: string | null;
  measure?: Measure | null;
  evidenceLinks?: { url: string; title: string }[];
  /** The LGA Equality Framework criteria the task evidences (core/eflg/eflg-tags.ts); null or [] clears. */
  eflg?: EflgTag[] | null;
}

export interface TaskFieldsRequest {
  fields: TaskFieldValues;
  /** Why (a RAG set directly, a task withdrawn or carried forward). */
  reason?: string;
}

/** Trims, unifies line endings and drops control characters (pasted text carries them). */
function clean(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
}

export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const tooLong = (label: string, max: number) => `${label} is at most ${max.toLocaleString('en-GB')} characters.`;

/** A required text: trimmed, non-empty, at most `max`. */
const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .transform(clean)
    .pipe(z.string().min(1, { error: `${label} cannot be empty.` }).max(max, { error: tooLong(label, max) }));

/** An optional text: null or "" clears it. */
const optionalText = (label: string, max: number) =>
  z
    .union([z.string({ error: `${label} must be text.` }), z.null()], { error: `${label} must be text.` })
    .transform((v) => (v === null ? null : clean(v) || null))
    .pipe(z.string().max(max, { error: tooLong(label, max) }).nullable());

const personId = z.string({ error: 'Pick people from the directory.' }).trim().min(1, { error: 'Pick people from the directory.' }).max(128, { error: 'That is not a directory id.' });

const calendarDate = (label: string) =>
  z.string({ error: `${label} must be a date (year-month-day).` }).trim().refine(isCalendarDate, { error: `${label} must be a real date as year-month-day, for example 2027-03-31.` });

/** A link officers can open: https only (no javascript:, data:, file: or http:). */
export function httpsUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Give the full address of the evidence, starting https://';
  }
  if (url.protocol !== 'https:') return 'Evidence links must start https:// (other kinds of link are refused).';
  if (url.username || url.password) return 'Evidence links cannot carry a user name or password.';
  return undefined;
}

const link = z.object(
  {
    url: z
      .string({ error: 'Give the address of the evidence.' })
      .trim()
      .max(TASK_FIELD_LIMITS.url, { error: tooLong('A link', TASK_FIELD_LIMITS.url) })
      .superRefine((v, ctx) => {
        const problem = httpsUrlProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    title: requiredText('A link title', TASK_FIELD_LIMITS.shortText),
  },
  { error: 'Each evidence link needs an address and a title.' },
);

const finite = (label: string) => z.number({ error: `${label} must be a number.` }).refine(Number.isFinite, { error: `${label} must be a number.` }).refine((n) => Math.abs(n) <= 1e12, { error: `${label} is too large.` });
const tolerance = (label: string) => z.number({ error: `${label} must be a fraction such as 0.9.` }).min(0, { error: `${label} is between 0 and 1.` }).max(1, { error: `${label} is between 0 and 1.` });

const measure = z
  .object(
    {
      name: optionalText('The measure name', TASK_FIELD_LIMITS.shortText).optional(),
      unit: optionalText('The unit', 20).optional(),
      baseline: finite('The baseline').nullish(),
      baselineDate: calendarDate('The baseline date').nullish(),
      target: finite('The target'),
      targetDate: calendarDate('The target date').nullish(),
      amberBelow: tolerance('Amber below').nullish(),
      redBelow: tolerance('Red below').nullish(),
    },
    { error: 'The measure needs at least a target.' },
  )
  .strict()
  .superRefine((m, ctx) => {
    if (m.baselineDate && m.targetDate && m.baselineDate >= m.targetDate) ctx.addIssue({ code: 'custom', message: 'The baseline date must come before the target date.' });
    if (m.amberBelow != null && m.redBelow != null && m.redBelow > m.amberBelow) ctx.addIssue({ code: 'custom', message: 'Red below must not be above Amber below.' });
  })
  .transform((m): Measure => {
    const out: Measure = { target: m.target };
    if (m.name) out.name = m.name;
    if (m.unit) out.unit = m.unit;
    if (m.baseline != null) out.baseline = m.baseline;
    if (m.baselineDate) out.baselineDate = m.baselineDate;
    if (m.targetDate) out.targetDate = m.targetDate;
    if (m.amberBelow != null) out.amberBelow = m.amberBelow;
    if (m.redBelow != null) out.redBelow = m.redBelow;
    return out;
  });

const L = TASK_FIELD_LABELS;
const M = TASK_FIELD_LIMITS;

const fieldsSchema = z
  .object({
    ref: requiredText(L.ref, M.ref),
    title: requiredText(L.title, M.title),
    description: optionalText(L.description, M.longText),
    objectiveRef: requiredText(L.objectiveRef, M.ref),
    indicator: optionalText(L.indicator, M.shortText),
    kind: z.enum(TASK_KINDS, { error: `${L.kind} is ${TASK_KINDS.join(' or ')}.` }),
    owners: z.array(personId, { error: 'Owners is a list of people from the directory.' }).max(M.owners, { error: `A task has at most ${M.owners} owners.` }),
    accountableOfficer: personId.nullable(),
    leadService: optionalText(L.leadService, M.shortText),
    supportingServices: optionalText(L.supportingServices, M.shortText),
    groupsImpacted: z.array(requiredText('A group', 100), { error: 'Groups impacted is a list.' }).max(M.groups, { error: `Name at most ${M.groups} groups.` }),
    dueDate: calendarDate(L.dueDate).nullable(),
    dueText: optionalText(L.dueText, M.shortText),
    status: z.enum(TASK_STATUSES, { error: `${L.status} is one of ${TASK_STATUSES.join(', ')}.` }),
    statusReason: optionalText(L.statusReason, M.reason),
    rag: z.enum(RAG_VALUES, { error: `${L.rag} is one of ${RAG_VALUES.join(', ')}.` }),
    percentComplete: z.number({ error: `${L.percentComplete} must be a number from 0 to 100.` }).int({ error: `${L.percentComplete} is a whole number.` }).min(0).max(100, { error: `${L.percentComplete} must be a number from 0 to 100.` }).nullable(),
    desiredOutcome: optionalText(L.desiredOutcome, M.longText),
    successMeasure: optionalText(L.successMeasure, M.longText),
    startingPosition: optionalText(L.startingPosition, M.longText),
    measure: measure.nullable(),
    evidenceLinks: z.array(link, { error: 'Evidence links is a list.' }).max(M.evidenceLinks, { error: `A task has at most ${M.evidenceLinks} evidence links.` }),
    eflg: eflgTagsSchema,
  })
  .partial();

const requestSchema = fieldsSchema.extend({ reason: optionalText('The reason', M.reason).optional() }).strict();

/**
 * Reads a request body of task fields: the checked values, or the problems, each naming its field
 * in words an officer can act on. Unknown fields are refused (a typo must not be silently dropped).
 */
export function parseTaskFields(body: unknown): { ok: true; value: TaskFieldsRequest } | { ok: false; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, errors: [{ field: 'body', message: 'Send the fields to change as a JSON object.' }] };
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const key of issue.keys) errors.push({ field: key, message: `${key} is not a task field that can be changed here.` });
        continue;
      }
      const field = String(issue.path[0] ?? 'body');
      const message = issue.code === 'unrecognized_keys' ? `${TASK_FIELD_LABELS[field as EditableTaskField] ?? field} has fields it does not know: ${issue.keys.join(', ')}.` : issue.message;
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    }
    return { ok: false, errors };
  }
  const { reason, ...fields } = parsed.data;
  return { ok: true, value: { fields: fields as TaskFieldValues, ...(reason && { reason }) } };
}
