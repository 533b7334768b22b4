import { Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { TextField, type FormBinding } from './form-controls';
import type { ProblemKey } from './task-form-check';
import type { MeasureForm } from './task-form-values';
import { FormGroup } from './TaskFormSections';

const useStyles = makeStyles({
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

type Part = keyof MeasureForm;

const LABELS: Record<Part, string> = {
  name: 'Measure name',
  unit: 'Unit',
  baseline: 'Baseline',
  baselineDate: 'Baseline date',
  target: 'Target',
  targetDate: 'Target date',
  amberBelow: 'Amber below',
  redBelow: 'Red below',
};

const HINTS: Partial<Record<Part, string>> = {
  name: 'A short name for charts, for example "Staff declaring a disability"',
  unit: 'Shown after the number: %, staff, days',
  amberBelow: 'Per cent of where the value should be by now, for example 90',
  redBelow: 'Per cent of where the value should be by now, for example 75',
};

/**
 * The task's measure: from a baseline to a target by a date, and the tolerances below which a value
 * suggests Amber or Red, typed as percentages (the API keeps them as fractions).
 */
export function MeasureEditor({ form }: { form: FormBinding }) {
  const styles = useStyles();
  const { values, set, problems, refFor } = form;
  const m = values.measure;
  const part = (key: Part, extra: { type?: 'date'; numeric?: boolean; required?: boolean; percent?: boolean } = {}) => (
    <TextField
      form={form}
      problemKey={`measure.${key}` as ProblemKey}
      label={LABELS[key]}
      value={m[key]}
      onChange={(v) => set({ measure: { ...values.measure, [key]: v } })}
      hint={HINTS[key]}
      type={extra.type}
      required={extra.required}
      inputMode={extra.numeric ? 'decimal' : undefined}
      contentAfter={extra.percent ? '%' : undefined}
    />
  );
  return (
    <FormGroup legend="Measure">
      <Field validationMessage={problems.measure}>
        <Checkbox ref={refFor('measure')} label="This task has a measure with a target" checked={values.hasMeasure} onChange={(_, data) => set({ hasMeasure: data.checked === true })} />
      </Field>
      {values.hasMeasure && (
        <>
          <div className={styles.pair}>
            {part('name')}
            {part('unit')}
          </div>
          <div className={styles.pair}>
            {part('baseline', { numeric: true })}
            {part('baselineDate', { type: 'date' })}
          </div>
          <div className={styles.pair}>
            {part('target', { numeric: true, required: true })}
            {part('targetDate', { type: 'date' })}
          </div>
          <div className={styles.pair}>
            {part('amberBelow', { numeric: true, percent: true })}
            {part('redBelow', { numeric: true, percent: true })}
          </div>
        </>
      )}
    </FormGroup>
  );
}
