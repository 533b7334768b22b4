import { z } from 'zod';
import { ValidationError, type FieldError } from '../errors';
import { RAG_VALUES, type IsoDate, type Rag, type TaskInput } from '../model';
import { MEASURE_VALUE_LIMIT, readMeasureValue } from './measure-value';

/**
 * Limits for card inputs, checked here on the server (a card's box takes more, so the client never
 * cuts a text short). SharePoint multi-line text has room; a board report does not.
 */
export const UPDATE_LIMITS = {
  progress: 2000,
  evidence: 2000,
  risks: 2000,
  supportNeeded: 1000,
} as const;

export const UPDATE_FIELD_LABELS = {
  progress: 'Progress since the last update',
  rag: 'RAG status',
  evidence: 'Evidence of impact',
  risks: 'Issues or risks',
  supportNeeded: 'Support needed from the board',
  revisedDueDate: 'Revised completion date (if you need one)',
  measureValue: 'Current value of the measure',
} as const;

export type UpdateField = keyof typeof UPDATE_FIELD_LABELS;

/** What an owner typed, as strings, exactly as the card sends them (kept to re-fill the form). */
export type UpdateFormValues = Partial<Record<UpdateField, string>>;

export interface ValidUpdateForm {
  progress: string;
  rag?: Rag;
  evidence?: string;
  risks?: string;
  supportNeeded?: string;
  revisedDueDate?: IsoDate;
  measureValue?: number;
}

/** What the answers are checked against: the task they are for, when it is known. */
export interface UpdateFormContext {
  /** A task without a measure takes no measure value. */
  task?: Pick<TaskInput, 'measure'>;
}

const optionalText = (field: keyof typeof UPDATE_LIMITS) =>
  z
    .string({ error: `${UPDATE_FIELD_LABELS[field]} must be text.` })
    .optional()
    .transform((s) => normaliseText(s ?? ''))
    .refine((s) => s.length <= UPDATE_LIMITS[field], { error: (issue) => tooLong(field, (issue.input as string).length) })
    .transform((s) => (s === '' ? undefined : s));

/** Says by how much, so the owner knows what to cut; nothing is shortened for them. */
function tooLong(field: keyof typeof UPDATE_LIMITS, length: number): string {
  const limit = UPDATE_LIMITS[field];
  return `${UPDATE_FIELD_LABELS[field]} must be ${limit.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')}: ${(length - limit).toLocaleString('en-GB')} too many). Nothing was cut: shorten it and submit again.`;
}

const LIMIT_TEXT = MEASURE_VALUE_LIMIT.toLocaleString('en-GB');

const formSchema = z.object({
  progress: optionalText('progress').refine((s) => s !== undefined, {
    error: 'Progress is required: say what has happened since the last update.',
  }),
  rag: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .refine((s) => s === '' || (RAG_VALUES as readonly string[]).includes(s), {
      error: `RAG status must be one of ${RAG_VALUES.join(', ')}.`,
    })
    .transform((s) => (s === '' ? undefined : (s as Rag))),
  evidence: optionalText('evidence'),
  risks: optionalText('risks'),
  supportNeeded: optionalText('supportNeeded'),
  revisedDueDate: z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .refine((s) => s === '' || isCalendarDate(s), { error: 'Revised completion date must be a date (for example 2027-03-31).' })
    .transform((s) => (s === '' ? undefined : s)),
  measureValue: z.unknown().transform((raw, ctx) => {
    const reading = readMeasureValue(raw);
    if (reading.kind === 'number') return reading.value;
    if (reading.kind === 'not-a-number') ctx.addIssue({ code: 'custom', message: `${UPDATE_FIELD_LABELS.measureValue} must be a number, such as 42 or 3.5${typeof raw === 'string' ? ` (it was "${raw.trim().slice(0, 40)}")` : ''}.` });
    if (reading.kind === 'out-of-range') ctx.addIssue({ code: 'custom', message: `${UPDATE_FIELD_LABELS.measureValue} must be between -${LIMIT_TEXT} and ${LIMIT_TEXT}.` });
    return undefined;
  })
  .optional(),
});

/** Trims, unifies line endings and drops control characters a card or paste can carry. */
export function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Picks the form's fields out of untrusted card data, keeping only strings (for re-filling). An
 * Input.Number may arrive as a number (some clients send it so): it is kept as its string.
 */
export function formValuesFrom(data: Record<string, unknown>): UpdateFormValues {
  const values: UpdateFormValues = {};
  for (const field of Object.keys(UPDATE_FIELD_LABELS) as UpdateField[]) {
    const v = data[field];
    if (typeof v === 'string') values[field] = v;
    else if (field === 'measureValue' && typeof v === 'number') values[field] = String(v);
  }
  return values;
}

const NO_MEASURE = `This task has no measure, so it takes no value: leave ${UPDATE_FIELD_LABELS.measureValue} empty.`;

/**
 * Validates an owner's answers; throws ValidationError naming each field in plain words. With the
 * task as context, a measure value for a task without a measure is refused too.
 */
export function validateUpdateForm(values: UpdateFormValues, context: UpdateFormContext = {}): ValidUpdateForm {
  const parsed = formSchema.safeParse(values);
  const fields: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'form'),
        message: issue.message,
      }));
  const valueGiven = readMeasureValue(values.measureValue).kind !== 'empty';
  if (context.task && !context.task.measure && valueGiven && !fields.some((f) => f.field === 'measureValue')) fields.push({ field: 'measureValue', message: NO_MEASURE });
  if (fields.length > 0 || !parsed.success) throw new ValidationError(fields);
  const { progress, measureValue, ...rest } = parsed.data;
  return { progress: progress as string, ...rest, ...(measureValue !== undefined && { measureValue }) };
}
