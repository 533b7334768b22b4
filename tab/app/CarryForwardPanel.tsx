import { Button, Checkbox, Field, Link, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from './api-client';
import type { CarryForwardResult, PlanListItem } from './api-types';
import { countOf } from './format';
import { LoadError } from './LoadError';
import { carryAll, carrySummary, fetchOpenTasks } from './plans-api';
import { planAddress } from './url-state';
import { useAsync } from './use-async';
import { PlanOptions } from './PlanOptions';

const useStyles = makeStyles({
  // A native select is as wide as its longest option (long plan names): let it shrink to the dialog.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  intro: { margin: 0 },
  // One above the other: plan names are long, and a native select is as wide as its longest option.
  plans: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
  tasks: {
    listStyleType: 'none',
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    maxHeight: '18rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  count: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { ...typographyStyles.caption1, margin: 0, color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  link: { display: 'inline-block', minHeight: '24px', lineHeight: '24px', alignSelf: 'flex-start' },
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** The first plan that could take `from`'s tasks: its successor if it has one. */
function targetFor(plans: PlanListItem[], from: string | undefined): string {
  const open = plans.filter((p) => p.id !== from && p.state !== 'Closed');
  return (open.find((p) => p.predecessorId === from) ?? open[0])?.id ?? '';
}

export interface CarryForwardPanelProps {
  plans: PlanListItem[];
  defaultFrom?: string;
  defaultTo?: string;
  onCarried: () => void;
}

/**
 * "Carry tasks forward": the source plan's open tasks to tick (ref and title, Select all, a
 * count), the plan to carry them into, and the answer in words: how many carried, how many had
 * been already (no copies made), and why any were not. A failure keeps the ticks.
 */
export function CarryForwardPanel({ plans, defaultFrom, defaultTo, onCarried }: CarryForwardPanelProps) {
  const styles = useStyles();
  const ids = { heading: useId(), count: useId(), tasks: useId() };
  const [from, setFrom] = useState(() => defaultFrom ?? plans.find((p) => p.openTasks > 0)?.id ?? plans[0]?.id ?? '');
  const [to, setTo] = useState(() => defaultTo ?? targetFor(plans, defaultFrom));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<{ toPlanId?: string; taskIds?: string }>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(0);
  const [done, setDone] = useState<{ result: CarryForwardResult; plan: PlanListItem }>();
  const resultRef = useRef<HTMLDivElement>(null);
  const tasksState = useAsync(from ? `open-tasks:${from}` : undefined, (signal) => fetchOpenTasks(from, signal));
  const tasks = tasksState.state.kind === 'loaded' ? tasksState.state.value : tasksState.state.kind === 'loading' ? tasksState.state.previous : undefined;
  const shown = tasks?.filter((t) => selected.has(t.id)) ?? [];
  const targets = plans.filter((p) => p.id !== from && p.state !== 'Closed');
  const target = targets.find((p) => p.id === to);

  // A plan just started from the dialog: its predecessor's tasks, into it.
  useEffect(() => {
    if (!defaultTo) return;
    if (defaultFrom && defaultFrom !== from) {
      setFrom(defaultFrom);
      setSelected(new Set());
    }
    setTo(defaultTo);
  }, [defaultFrom, defaultTo]); // only when a plan is started, not as `from` changes

  const chooseFrom = (id: string) => {
    setFrom(id);
    setSelected(new Set());
    setDone(undefined);
    if (!to || to === id) setTo(targetFor(plans, id));
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const carry = async () => {
    const local = { ...(!target && { toPlanId: 'Choose the plan to carry the tasks into.' }), ...(shown.length === 0 && { taskIds: 'Tick at least one task to carry forward.' }) };
    setProblems(local);
    setProblem(undefined);
    if (!target || shown.length === 0) return;
    setDone(undefined);
    setBusy(shown.length);
    try {
      const result = await carryAll(from, target.id, shown.map((t) => t.id));
      const gone = new Set(result.carried.map((c) => c.fromTaskId));
      setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
      setDone({ result, plan: target });
      tasksState.reload();
      onCarried();
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      setProblems({ toPlanId: fields.toPlanId, taskIds: fields.taskIds });
      if (!fields.toPlanId && !fields.taskIds) setProblem(`${error instanceof ApiError ? error.message : 'The tasks could not be carried forward.'} Your ticks are kept: try again.`);
    } finally {
      setBusy(0);
    }
  };

  const all = tasks !== undefined && tasks.length > 0 && shown.length === tasks.length;
  return (
    <section className={styles.section} aria-labelledby={ids.heading} data-carry-forward="">
      <h3 id={ids.heading} className={styles.heading}>
        Carry tasks forward
      </h3>
      <p className={styles.intro}>
        Ticked open tasks go on in the other plan with their ref, fields and a link to their history; in this plan they become &quot;Carried forward&quot;. A task carried again is not copied twice.
      </p>
      <div className={styles.plans}>
        <Field className={styles.field} label="From">
          <Select className={styles.select} select={{ className: styles.select }} value={from} onChange={(_, d) => chooseFrom(d.value)}>
            <PlanOptions plans={plans} />
          </Select>
        </Field>
        <Field className={styles.field} label="Into" required validationMessage={problems.toPlanId}>
          <Select className={styles.select} select={{ className: styles.select }} value={target ? to : ''} onChange={(_, d) => setTo(d.value)}>
            <option value="">Choose a plan</option>
            <PlanOptions plans={targets} />
          </Select>
        </Field>
      </div>
      {tasksState.state.kind === 'error' && <LoadError title="The open tasks could not be loaded." message={tasksState.state.message} onRetry={tasksState.reload} />}
      {tasksState.state.kind === 'loading' && !tasks && <Spinner size="tiny" labelPosition="after" label="Loading the open tasks…" />}
      {tasks && tasks.length === 0 && <p className={styles.intro}>This plan has no open tasks to carry forward.</p>}
      {tasks && tasks.length > 0 && (
        <fieldset className={styles.fieldset} aria-describedby={ids.count}>
          <legend className={styles.legend}>Open tasks of {plans.find((p) => p.id === from)?.name ?? 'the plan'}</legend>
          <Checkbox
            label={`Select all (${tasks.length})`}
            checked={all ? true : shown.length > 0 ? 'mixed' : false}
            onChange={(_, d) => setSelected(new Set(d.checked === true ? tasks.map((t) => t.id) : []))}
          />
          <ul className={styles.tasks} id={ids.tasks} aria-label="Open tasks">
            {tasks.map((t) => (
              <li key={t.id} data-carry-task={t.ref}>
                <Checkbox checked={selected.has(t.id)} onChange={(_, d) => toggle(t.id, d.checked === true)} label={`${t.ref} ${t.title}`} />
              </li>
            ))}
          </ul>
          <p id={ids.count} className={styles.count} aria-live="polite">
            {shown.length} of {countOf(tasks.length, 'open task')} ticked
          </p>
          {problems.taskIds && <p className={styles.problem}>{problems.taskIds}</p>}
        </fieldset>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy > 0} onClick={() => void carry()}>
          Carry forward
        </Button>
        <div role="status" aria-live="polite">
          {busy > 0 && <Spinner size="tiny" labelPosition="after" label={`Carrying ${countOf(busy, 'task')} forward…`} />}
        </div>
      </div>
      {problem && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <div ref={resultRef} tabIndex={-1} className={styles.result} data-carry-result="">
          <MessageBar intent={done.result.notCarried.length > 0 ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              {carrySummary(done.result, done.plan.name)}
              {done.result.notCarried.length > 0 && (
                <ul className={styles.lines}>
                  {done.result.notCarried.map((n) => (
                    <li key={n.taskId}>
                      Task {n.ref ?? n.taskId}: {n.reason}
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
          <Link className={styles.link} href={planAddress(done.plan.key)}>Open {done.plan.name}</Link>
        </div>
      )}
    </section>
  );
}
