/**
 * Someone else saved the task while the officer was editing it (HTTP 412). The officer's changes
 * are kept; fields they did not touch take the current values; and where both changed the same
 * field differently, both values are shown so the officer can choose before saving again.
 */
import { apiValue, fieldLabel, fieldWords, FORM_FIELDS, sameValue, type FormField, type TaskFormValues } from './task-form-values';

export interface FieldConflict {
  field: FormField;
  label: string;
  theirs: string;
  yours: string;
}

/** The form values each API field is typed into (most are one of the same name). */
const FORM_KEYS: Partial<Record<FormField, (keyof TaskFormValues)[]>> = { measure: ['hasMeasure', 'measure'] };

/**
 * `base`: what the form was filled in from; `mine`: the form now; `theirs`: the task as saved now.
 * The result becomes the form, with `theirs` as its new base (and the new version).
 */
export function mergeAfterConflict(base: TaskFormValues, mine: TaskFormValues, theirs: TaskFormValues): { values: TaskFormValues; conflicts: FieldConflict[] } {
  const values: TaskFormValues = { ...mine };
  const conflicts: FieldConflict[] = [];
  const target = values as unknown as Record<string, unknown>;
  for (const field of FORM_FIELDS) {
    const was = apiValue(base, field);
    const yours = apiValue(mine, field);
    const now = apiValue(theirs, field);
    if (sameValue(was, yours)) {
      for (const key of FORM_KEYS[field] ?? [field]) target[key] = theirs[key as keyof TaskFormValues];
    } else if (!sameValue(was, now) && !sameValue(yours, now)) {
      conflicts.push({ field, label: fieldLabel(field), theirs: fieldWords(theirs, field), yours: fieldWords(mine, field) });
    }
  }
  return { values, conflicts };
}
