import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from './api-client';
import type { TaskDetail } from './api-types';
import { EflgTagsEditor } from './EflgTagsEditor';
import { EvidenceLinksEditor } from './EvidenceLinksEditor';
import type { FormBinding } from './form-controls';
import { MeasureEditor } from './MeasureEditor';
import { fetchObjectives } from './objectives-api';
import { createTask, patchTask, TaskConflictError } from './task-edit-api';
import { checkTaskForm, PROBLEM_ORDER, type ProblemKey, type Problems } from './task-form-check';
import { mergeAfterConflict, type FieldConflict } from './task-form-conflict';
import { fieldLabel, formFromTask, requestBody, type TaskFormValues } from './task-form-values';
import { AboutSection, DeadlineSection, PeopleSection, ProgressSection } from './TaskFormSections';
import { useAsync } from './use-async';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  conflicts: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

export interface TaskEditFormProps {
  /** The task to edit; none: a new task. */
  task?: TaskDetail;
  /** A new task's objective, when the plan is filtered to one. */
  defaultObjectiveRef?: string;
  /** Saved: the task as stored now, and the labels of the fields sent. */
  onSaved: (task: TaskDetail, changed: string[]) => void;
  onCancel: () => void;
  /** Someone else saved the task meanwhile: here it is as it is now (the form keeps the officer's values). */
  onConflict?: (current: TaskDetail) => void;
}

interface Conflict {
  message: string;
  fields: FieldConflict[];
}

/** The server's field errors against the form's fields; anything else as one message. */
function serverProblems(error: ApiError): { problems: Problems; rest?: string } {
  const problems: Problems = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    if ((PROBLEM_ORDER as readonly string[]).includes(field)) problems[field as ProblemKey] = message;
    else other.push(message);
  }
  const rest = Object.keys(problems).length === 0 ? error.message : other.length ? other.join(' ') : undefined;
  return { problems, rest };
}

/**
 * A task's fields for an EDI officer to change (or a new task's): only the fields changed are
 * sent, with the version the form was filled in from. Problems show on their fields and the first
 * takes focus; if someone else saved the task meanwhile, what the officer typed stays, and where
 * both changed a field both values are shown, for the officer to save again over the new version.
 */
export function TaskEditForm({ task, defaultObjectiveRef, onSaved, onCancel, onConflict }: TaskEditFormProps) {
  const styles = useStyles();
  const creating = task === undefined;
  const [base, setBase] = useState<TaskFormValues>(() => formFromTask(task, { objectiveRef: defaultObjectiveRef }));
  const [values, setValues] = useState<TaskFormValues>(base);
  const [etag, setEtag] = useState(task?.etag);
  const [problems, setProblems] = useState<Problems>({});
  const [problem, setProblem] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ to: 'problem' | 'conflict' | 'alert'; n: number }>();
  const elements = useRef(new Map<ProblemKey, HTMLElement>());
  const conflictRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const objectives = useAsync('objectives', fetchObjectives).state;

  const refFor = useCallback(
    (key: ProblemKey) => (element: HTMLElement | null) => {
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
    [],
  );
  const set = useCallback((patch: Partial<TaskFormValues>) => setValues((v) => ({ ...v, ...patch })), []);
  const form: FormBinding = { values, set, problems, refFor };

  // The form opens at its first field (after the panel's own first focus, when the form opens with it).
  useEffect(() => {
    const timer = setTimeout(() => elements.current.get('ref')?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.to === 'conflict') conflictRef.current?.focus();
    else if (focusRequest.to === 'alert') alertRef.current?.focus();
    else {
      const first = PROBLEM_ORDER.find((key) => problems[key]);
      // The server words a bad link against the whole list: it shows on the new link's address.
      const element = first && elements.current.get(first === 'evidenceLinks' ? 'newLink.url' : first);
      element?.focus();
    }
    // Focus follows a request only: `problems` is read as it is when the request was made.
  }, [focusRequest]);

  const focus = (to: 'problem' | 'conflict' | 'alert') => setFocusRequest((r) => ({ to, n: (r?.n ?? 0) + 1 }));

  const showFailure = (error: unknown) => {
    if (error instanceof TaskConflictError) {
      const merged = mergeAfterConflict(base, values, formFromTask(error.current));
      setBase(formFromTask(error.current));
      setValues(merged.values);
      setEtag(error.current.etag);
      setConflict({ message: error.message, fields: merged.conflicts });
      onConflict?.(error.current);
      return focus('conflict');
    }
    if (error instanceof ApiError && error.status === 400) {
      const found = serverProblems(error);
      setProblems(found.problems);
      setProblem(found.rest);
      return focus(Object.keys(found.problems).length ? 'problem' : 'alert');
    }
    setProblem(error instanceof ApiError ? error.message : 'The task could not be saved. Check your connection and try again.');
    focus('alert');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = checkTaskForm(base, values, creating);
    setProblems(local);
    setProblem(undefined);
    setNotice(undefined);
    if (Object.keys(local).length) return focus('problem');
    const body = requestBody(base, values, creating);
    if (!creating && Object.keys(body).length === 0) return setNotice('Nothing has changed, so there is nothing to save.');
    setBusy(true);
    try {
      const saved = creating ? await createTask(body) : await patchTask(task.id, etag ?? '', body);
      onSaved(saved, Object.keys(body).filter((k) => k !== 'reason').map((k) => fieldLabel(k as Parameters<typeof fieldLabel>[0])));
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={creating ? 'New task' : `Edit task ${task.ref}`} data-task-edit={task?.id ?? 'new'} data-etag={etag}>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert" data-conflict="">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Not saved: someone else changed this task.</MessageBarTitle> {conflict.message}
              {conflict.fields.length > 0 && (
                <ul className={styles.conflicts}>
                  {conflict.fields.map((c) => (
                    <li key={c.field} data-conflict-field={c.field}>
                      {c.label}: Theirs: {c.theirs} / Yours: {c.yours}
                    </li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {problem && (
        <div ref={alertRef} tabIndex={-1} role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <AboutSection form={form} objectives={objectives.kind === 'loaded' ? objectives.value : undefined} creating={creating} />
      <PeopleSection form={form} unassigned={task?.unassignedOwners} />
      <DeadlineSection form={form} />
      <ProgressSection form={form} base={base} creating={creating} />
      <MeasureEditor form={form} />
      <EvidenceLinksEditor form={form} />
      <EflgTagsEditor form={form} />
      <div role="status" aria-live="polite">
        {notice && (
          <MessageBar intent="info">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy} disabledFocusable={busy}>
          {busy ? 'Saving…' : creating ? 'Add task' : 'Save'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
