import { Field, Input, Select, Textarea, type InputProps } from '@fluentui/react-components';
import { TASK_FIELD_LABELS } from '../../core/tasks/task-fields';
import { UK_DATE_EXAMPLE } from './uk-date';
import { DateInput } from './DateInput';
import type { Problems, ProblemKey } from './task-form-check';
import type { TaskFormValues } from './task-form-values';

/** What each part of the task form needs: the values, a way to change them, the problems, and a ref per field (for focus). */
export interface FormBinding {
  values: TaskFormValues;
  set: (patch: Partial<TaskFormValues>) => void;
  problems: Problems;
  refFor: (key: ProblemKey) => (element: HTMLElement | null) => void;
}

type StringKey = { [K in keyof TaskFormValues]: TaskFormValues[K] extends string ? K : never }[keyof TaskFormValues] & keyof typeof TASK_FIELD_LABELS;

export interface TextFieldProps {
  form: FormBinding;
  problemKey: ProblemKey;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date' | 'url';
  inputMode?: InputProps['inputMode'];
  contentAfter?: string;
  maxLength?: number;
}

/** The props binding a text field to one of the task's own text fields. */
export function bindText(form: FormBinding, name: StringKey): Pick<TextFieldProps, 'form' | 'problemKey' | 'label' | 'value' | 'onChange'> {
  return { form, problemKey: name, label: TASK_FIELD_LABELS[name], value: form.values[name], onChange: (value) => form.set({ [name]: value } as Partial<TaskFormValues>) };
}

/** What a date field says about its format, before the field's own hint. */
export const DATE_HINT = `Day, month, year: for example ${UK_DATE_EXAMPLE}`;

/** A labelled text box (or text area), its problem shown beneath it and tied to it (Field's aria-describedby). */
export function TextField({ form, problemKey, label, value, onChange, hint, required, multiline, type = 'text', inputMode, contentAfter, maxLength }: TextFieldProps) {
  const fullHint = type === 'date' ? [DATE_HINT, hint].filter(Boolean).join('. ') : hint;
  return (
    <Field label={label} hint={fullHint} required={required} validationMessage={form.problems[problemKey]}>
      {type === 'date' ? (
        <DateInput ref={form.refFor(problemKey)} value={value} onChange={onChange} />
      ) : multiline ? (
        <Textarea ref={form.refFor(problemKey)} value={value} resize="vertical" maxLength={maxLength} onChange={(_, data) => onChange(data.value)} />
      ) : (
        <Input ref={form.refFor(problemKey)} type={type} value={value} inputMode={inputMode} contentAfter={contentAfter} maxLength={maxLength} onChange={(_, data) => onChange(data.value)} />
      )}
    </Field>
  );
}

export interface ChoiceFieldProps {
  form: FormBinding;
  problemKey: ProblemKey;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
}

/** A labelled native select: arrow keys and typing choose, as every browser and screen reader expects. */
export function ChoiceField({ form, problemKey, label, value, options, onChange, hint, required }: ChoiceFieldProps) {
  return (
    <Field label={label} hint={hint} required={required} validationMessage={form.problems[problemKey]}>
      <Select ref={form.refFor(problemKey)} value={value} onChange={(_, data) => onChange(data.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
