import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RAG_VALUES, TASK_KINDS, TASK_STATUSES, type Rag, type TaskKind, type TaskStatus } from '../../core/model';
import { TASK_FIELD_LABELS as L, TASK_FIELD_LIMITS as M } from '../../core/tasks/task-fields';
import type { ObjectiveItem } from './api-types';
import { bindText, ChoiceField, TextField, type FormBinding } from './form-controls';
import { PeoplePicker } from './PeoplePicker';
import { needsRagReason, needsStatusReason, type TaskFormValues } from './task-form-values';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { ...typographyStyles.subtitle2, padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
});

/** A titled group of the form's fields. */
export function FormGroup({ legend, children }: { legend: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}

function FieldPair({ children }: { children: ReactNode }) {
  return <div className={useStyles().pair}>{children}</div>;
}

const choices = <T extends string>(values: readonly T[]) => values.map((v) => ({ value: v, label: v }));

/** The objectives a task can sit under: the current ones, and the task's own even if it was retired since. */
function objectiveOptions(objectives: ObjectiveItem[] | undefined, current: string) {
  const shown = (objectives ?? []).filter((o) => !o.retired || o.ref === current).map((o) => ({ value: o.ref, label: `${o.ref}: ${o.title}${o.retired ? ' (retired)' : ''}` }));
  if (current && !shown.some((o) => o.value === current)) shown.unshift({ value: current, label: current });
  return [{ value: '', label: objectives ? 'Pick an objective' : 'Loading the objectives…' }, ...shown];
}

export function AboutSection({ form, objectives, creating }: { form: FormBinding; objectives?: ObjectiveItem[]; creating: boolean }) {
  const { values, set } = form;
  return (
    <FormGroup legend="The task">
      <FieldPair>
        <TextField {...bindText(form, 'ref')} required hint="Unique in the plan, for example 2.4.1" maxLength={M.ref} />
        <ChoiceField form={form} problemKey="kind" label={L.kind} value={values.kind} options={choices(TASK_KINDS)} onChange={(v) => set({ kind: v as TaskKind })} />
      </FieldPair>
      <TextField {...bindText(form, 'title')} required multiline maxLength={M.title} />
      <ChoiceField form={form} problemKey="objectiveRef" label={L.objectiveRef} required={creating} value={values.objectiveRef} options={objectiveOptions(objectives, values.objectiveRef)} onChange={(v) => set({ objectiveRef: v })} />
      <TextField {...bindText(form, 'indicator')} maxLength={M.shortText} />
      <TextField {...bindText(form, 'description')} multiline />
      <TextField {...bindText(form, 'desiredOutcome')} multiline />
      <TextField {...bindText(form, 'successMeasure')} multiline />
      <TextField {...bindText(form, 'startingPosition')} multiline />
    </FormGroup>
  );
}

/** `unassigned`: owners the import named that the directory could not match, for the officer to pick. */
export function PeopleSection({ form, unassigned }: { form: FormBinding; unassigned?: string[] }) {
  const { values, set, problems, refFor } = form;
  const ownersHint = unassigned?.length ? `The imported plan names ${unassigned.join(', ')}: pick them from the directory. Delete removes a person chosen.` : undefined;
  return (
    <FormGroup legend="People and services">
      <PeoplePicker label={L.owners} multiple value={values.owners} onChange={(owners) => set({ owners })} validationMessage={problems.owners} inputRef={refFor('owners')} hint={ownersHint} />
      <PeoplePicker
        label={L.accountableOfficer}
        multiple={false}
        value={values.accountableOfficer ? [values.accountableOfficer] : []}
        onChange={(people) => set({ accountableOfficer: people[0] })}
        validationMessage={problems.accountableOfficer}
        inputRef={refFor('accountableOfficer')}
      />
      <FieldPair>
        <TextField {...bindText(form, 'leadService')} maxLength={M.shortText} />
        <TextField {...bindText(form, 'supportingServices')} maxLength={M.shortText} />
      </FieldPair>
      <TextField {...bindText(form, 'groupsImpacted')} multiline hint="One group a line, for example Disability" />
    </FormGroup>
  );
}

export function DeadlineSection({ form }: { form: FormBinding }) {
  return (
    <FormGroup legend="Deadline">
      <FieldPair>
        <TextField {...bindText(form, 'dueDate')} type="date" hint="Reminders are sent before this date" />
        <TextField {...bindText(form, 'dueText')} hint='For example "By the end of March 2027"' maxLength={M.shortText} />
      </FieldPair>
    </FormGroup>
  );
}

export function ProgressSection({ form, base, creating }: { form: FormBinding; base: TaskFormValues; creating: boolean }) {
  const { values, set } = form;
  const ragReason = needsRagReason(base, values, creating);
  return (
    <FormGroup legend="Progress">
      <FieldPair>
        <ChoiceField form={form} problemKey="status" label={L.status} value={values.status} options={choices(TASK_STATUSES)} onChange={(v) => set({ status: v as TaskStatus })} />
        <ChoiceField form={form} problemKey="rag" label={L.rag} value={values.rag} options={choices(RAG_VALUES)} onChange={(v) => set({ rag: v as Rag })} />
      </FieldPair>
      {needsStatusReason(values.status) && (
        <TextField {...bindText(form, 'statusReason')} required={values.status !== base.status} multiline maxLength={M.reason} hint="The board and the history show it" />
      )}
      {ragReason && (
        <TextField
          form={form}
          problemKey="reason"
          label="Why is the RAG changing?"
          value={values.ragReason}
          onChange={(v) => set({ ragReason: v })}
          required
          multiline
          maxLength={M.reason}
          hint="Owners' RAG changes go through approval, so a RAG set here needs a reason on record"
        />
      )}
      <TextField {...bindText(form, 'percentComplete')} inputMode="numeric" contentAfter="%" hint="A whole number from 0 to 100" />
    </FormGroup>
  );
}
