import { z } from 'zod';
import { CHANGE_SUBJECTS, type FieldChange, type PlanChangeInput } from '../../../model';
import { NOTE_MAX_CHARS } from '../columns/column';
import { choice, instant, json, note, person, personSchema, text } from '../columns/codecs';
import { columnsOf, type ColumnTable } from '../columns/list-definition';
import { planIdColumn } from './plan-columns';

const { col, titleFrom } = columnsOf<PlanChangeInput>();

export const CHANGE_ACTIONS = ['created', 'edited', 'withdrawn', 'retired', 'restored'] as const satisfies readonly PlanChangeInput['action'][];

const fieldChangeSchema: z.ZodType<FieldChange> = z.object({
  field: z.string().min(1),
  label: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** The longest a value is kept when a change's JSON would not fit its column: cut, never refused. */
const VALUE_MAX_CHARS = 4_000;

function cut(value: string | undefined, max: number): string | undefined {
  return value === undefined || value.length <= max ? value : `${value.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/**
 * The changes as JSON for a multiple-lines-of-text column (NOTE_MAX_CHARS). A change of several
 * long texts (a description rewritten) can be longer than that: then each value is cut, shorter and
 * shorter, until it fits. The task or objective itself holds the full text.
 */
export function changesJson(changes: FieldChange[]): string {
  let json = JSON.stringify(changes);
  for (let max = VALUE_MAX_CHARS; json.length > NOTE_MAX_CHARS && max >= 16; max = Math.floor(max / 2)) {
    json = JSON.stringify(changes.map((c) => ({ ...c, from: cut(c.from, max), to: cut(c.to, max) })));
  }
  return json;
}

/** What the item reads as in Microsoft Lists: "1.2: edited", "Objective 3: retired". */
function changeTitle(c: Partial<PlanChangeInput>): string | undefined {
  if (c.subjectRef === undefined || c.action === undefined) return undefined;
  return `${c.subject === 'objective' ? 'Objective ' : ''}${c.subjectRef}: ${c.action}`.slice(0, 255);
}

export const changeTable: ColumnTable<PlanChangeInput> = {
  columns: [
    titleFrom(changeTitle),
    col('key', 'Key', text, { required: true, unique: true }),
    col('subject', 'Subject', choice(CHANGE_SUBJECTS), { required: true, indexed: true }),
    col('subjectId', 'SubjectId', text, { required: true, indexed: true }),
    // The plan of the task (or objective) it follows, when it was written.
    planIdColumn(),
    col('subjectRef', 'SubjectRef', text, { required: true }),
    col('action', 'Action', choice(CHANGE_ACTIONS), { required: true }),
    // People as the domain knows them go in the *Json column; the Person column is for people reading the list.
    col('changedBy', 'ChangedBy', person),
    col('changedBy', 'ChangedByJson', json(personSchema), { required: true }),
    col('changedAt', 'ChangedAt', instant, { required: true, indexed: true }),
    col('changes', 'ChangesJson', json(z.array(fieldChangeSchema), changesJson), { orElse: [] }),
    col('reason', 'Reason', note),
  ],
};
