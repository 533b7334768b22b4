import { Button, Field, Input, Link, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent } from 'react';
import { PLAN_KINDS } from '../../core/model';
import { isCalendarDate } from '../../core/tasks/task-fields';
import { ApiError } from './api-client';
import type { NewPlanRequest, PlanListItem, PlanRecord } from './api-types';
import { DateInput } from './DateInput';
import { DATE_HINT } from './form-controls';
import { startPlan } from './plans-api';
import { planAddress } from './url-state';
import { PlanOptions } from './PlanOptions';

const useStyles = makeStyles({
  // A native select is as wide as its longest option (long plan names): let it shrink to the dialog.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, '& > *': { flex: '1 1 14rem' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type FieldName = 'name' | 'kind' | 'periodStart' | 'periodEnd' | 'predecessorId' | 'state';
const FIELDS: readonly FieldName[] = ['name', 'kind', 'periodStart', 'periodEnd', 'predecessorId', 'state'];
const EMPTY = { name: '', kind: PLAN_KINDS[0] as string, periodStart: '', periodEnd: '', predecessorId: '', state: 'Draft' as NewPlanRequest['state'] };

/** The form's own checks before it asks the server (which checks everything again, field by field). */
function check(values: typeof EMPTY): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  if (!values.name.trim()) problems.name = 'Give the plan a name, for example "Workforce Equality Plan 2026–2029".';
  for (const [field, what] of [['periodStart', 'start'], ['periodEnd', 'end']] as const) {
    if (!values[field]) problems[field] = `Give the plan's ${what} date.`;
    else if (!isCalendarDate(values[field])) problems[field] = 'Give a real date, for example 31/03/2027.';
  }
  return problems;
}

export interface NewPlanFormProps {
  plans: PlanListItem[];
  /** Started: `predecessorId` is the plan it follows, if any (its tasks may be carried into it). */
  onStarted: (plan: PlanRecord, predecessorId: string | undefined) => void;
}

/**
 * "Start a new plan": name, kind, period, the plan it follows, Draft or Active. The server's
 * problems are shown beside their fields (the 400 answer's `errors`), focus on the first; nothing
 * typed is lost.
 */
export function NewPlanForm({ plans, onStarted }: NewPlanFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string>();
  const [started, setStarted] = useState<PlanRecord>();
  const [busy, setBusy] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLElement | null>>>({});
  const startedRef = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<typeof EMPTY>) => setValues((v) => ({ ...v, ...patch }));
  const bind = (field: FieldName) => (el: HTMLElement | null) => {
    refs.current[field] = el;
  };
  const showProblems = (found: Partial<Record<FieldName, string>>) => {
    setProblems(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) refs.current[first]?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setStarted(undefined);
    const local = check(values);
    showProblems(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const predecessorId = values.predecessorId || undefined;
      const plan = await startPlan({ name: values.name.trim(), kind: values.kind, periodStart: values.periodStart, periodEnd: values.periodEnd, state: values.state, ...(predecessorId && { predecessorId }) });
      setValues(EMPTY);
      setStarted(plan);
      onStarted(plan, predecessorId);
      setTimeout(() => startedRef.current?.focus(), 0);
    } catch (error) {
      const fromServer: Partial<Record<FieldName, string>> = {};
      if (error instanceof ApiError) for (const [field, message] of Object.entries(error.fieldErrors)) if ((FIELDS as readonly string[]).includes(field)) fromServer[field as FieldName] = message;
      showProblems(fromServer);
      if (Object.keys(fromServer).length === 0) setProblem(error instanceof ApiError ? error.message : 'The plan could not be started. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Start a new plan
      </h3>
      <div tabIndex={-1} ref={startedRef} role="status">
        {started && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              &quot;{started.name}&quot; is started ({started.state}). Carry tasks into it below, or <Link href={planAddress(started.key)}>open {started.name}</Link>.
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {problem && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Field label="Name" required validationMessage={problems.name}>
          <Input ref={bind('name')} value={values.name} maxLength={120} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field className={styles.field} label="Kind" required validationMessage={problems.kind}>
          <Select className={styles.select} select={{ className: styles.select }} ref={bind('kind')} value={values.kind} onChange={(_, d) => set({ kind: d.value })}>
            {PLAN_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </Select>
        </Field>
        <div className={styles.dates}>
          <Field label="Start date" required validationMessage={problems.periodStart} hint={DATE_HINT}>
            <DateInput ref={bind('periodStart')} value={values.periodStart} onChange={(v) => set({ periodStart: v })} />
          </Field>
          <Field label="End date" required validationMessage={problems.periodEnd} hint={DATE_HINT}>
            <DateInput ref={bind('periodEnd')} value={values.periodEnd} onChange={(v) => set({ periodEnd: v })} />
          </Field>
        </div>
        <Field className={styles.field} label="Follows" hint="The plan this one succeeds: its open tasks can be carried forward into it." validationMessage={problems.predecessorId}>
          <Select className={styles.select} select={{ className: styles.select }} ref={bind('predecessorId')} value={values.predecessorId} onChange={(_, d) => set({ predecessorId: d.value })}>
            <option value="">No earlier plan</option>
            <PlanOptions plans={plans} />
          </Select>
        </Field>
        <Field label="State" validationMessage={problems.state}>
          <RadioGroup ref={bind('state')} value={values.state} onChange={(_, d) => set({ state: d.value as NewPlanRequest['state'] })}>
            <Radio value="Draft" label="Draft: being prepared" />
            <Radio value="Active" label="Active: running now" />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy}>
            {busy ? 'Starting…' : 'Start the plan'}
          </Button>
        </div>
      </form>
    </section>
  );
}
