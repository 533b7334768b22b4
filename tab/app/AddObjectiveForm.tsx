import { Button, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { TASK_FIELD_LIMITS as M } from '../../core/tasks/task-fields';
import { ApiError } from './api-client';
import type { ObjectiveItem } from './api-types';
import { createObjective } from './objectives-api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  actions: { display: 'flex' },
});

type Key = 'ref' | 'title' | 'description';

/** A new objective: a unique ref, a title and (optionally) a description. Problems show on their fields. */
export function AddObjectiveForm({ onAdded }: { onAdded: (objective: ObjectiveItem) => void }) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<Key, string>>({ ref: '', title: '', description: '' });
  const [problems, setProblems] = useState<Partial<Record<Key, string>>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<Key, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const showProblems = (found: Partial<Record<Key, string>>) => {
    setProblems(found);
    const first = (['ref', 'title', 'description'] as const).find((k) => found[k]);
    if (first) inputs.current[first]?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const local: Partial<Record<Key, string>> = {};
    if (!values.ref.trim()) local.ref = 'Give the objective a ref, for example 5.';
    if (!values.title.trim()) local.title = 'Give the objective a title.';
    showProblems(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const objective = await createObjective({ ref: values.ref.trim(), title: values.title.trim(), ...(values.description.trim() && { description: values.description.trim() }) });
      setValues({ ref: '', title: '', description: '' });
      onAdded(objective);
    } catch (error) {
      const fields = error instanceof ApiError ? (error.fieldErrors as Partial<Record<Key, string>>) : {};
      if (Object.keys(fields).some((k) => k === 'ref' || k === 'title' || k === 'description')) showProblems(fields);
      else setProblem(error instanceof ApiError ? error.message : 'The objective could not be added. Please try again.');
    } finally {
      setBusy(false);
    }
  };
  const field = (key: Key, label: string, extra: { required?: boolean; multiline?: boolean; max: number }) => (
    <Field label={label} required={extra.required} validationMessage={problems[key]}>
      {extra.multiline ? (
        <Textarea ref={(el) => void (inputs.current[key] = el)} value={values[key]} maxLength={extra.max} resize="vertical" onChange={(_, d) => setValues((v) => ({ ...v, [key]: d.value }))} />
      ) : (
        <Input ref={(el) => void (inputs.current[key] = el)} value={values[key]} maxLength={extra.max} onChange={(_, d) => setValues((v) => ({ ...v, [key]: d.value }))} />
      )}
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="add-objective-heading">
      <h3 id="add-objective-heading" className={styles.heading}>
        Add an objective
      </h3>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {field('ref', 'Objective ref', { required: true, max: M.ref })}
      {field('title', 'Objective title', { required: true, max: M.title })}
      {field('description', 'Objective description', { multiline: true, max: M.longText })}
      <div className={styles.actions}>
        <Button type="submit" icon={<AddRegular />} disabled={busy} disabledFocusable={busy}>
          {busy ? 'Adding…' : 'Add objective'}
        </Button>
      </div>
    </form>
  );
}
