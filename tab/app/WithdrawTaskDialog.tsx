import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { TASK_FIELD_LIMITS } from '../../core/tasks/task-fields';
import { ApiError } from './api-client';
import type { TaskDetail } from './api-types';
import { patchTask, TaskConflictError } from './task-edit-api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface WithdrawTaskDialogProps {
  task: TaskDetail;
  onWithdrawn: (task: TaskDetail) => void;
  /** Someone else saved the task meanwhile: here it is now (withdrawing again uses its version). */
  onConflict: (current: TaskDetail) => void;
}

/**
 * An officer's quick action: the task leaves the live plan, with a reason on record (the board
 * and the history show it). It is a change of status at the version the officer read.
 */
export function WithdrawTaskDialog({ task, onWithdrawn, onConflict }: WithdrawTaskDialogProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldProblem, setFieldProblem] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  const close = () => {
    setOpen(false);
    setFieldProblem(undefined);
    setProblem(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const why = reason.trim();
    const local = !why ? 'Say why the task is withdrawn: the board and the history will show it.' : why.length > TASK_FIELD_LIMITS.reason ? `The reason is at most ${TASK_FIELD_LIMITS.reason.toLocaleString('en-GB')} characters.` : undefined;
    setFieldProblem(local);
    if (local) return box.current?.focus();
    setBusy(true);
    try {
      const saved = await patchTask(task.id, task.etag ?? '', { status: 'Withdrawn', statusReason: why });
      setReason('');
      close();
      onWithdrawn(saved);
    } catch (error) {
      if (error instanceof TaskConflictError) {
        onConflict(error.current);
        setProblem(`${error.message.replace(/ Your changes are kept below.*$/, '')} Check the task, then withdraw it again if it should still go.`);
      } else if (error instanceof ApiError && error.fieldErrors.statusReason) {
        setFieldProblem(error.fieldErrors.statusReason);
        box.current?.focus();
      } else {
        setProblem(error instanceof ApiError ? error.message : 'The task could not be withdrawn. Check your connection and try again.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? setOpen(true) : close())}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DismissCircleRegular />}>Withdraw task</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Withdraw task {task.ref}?</DialogTitle>
            <DialogContent className={styles.content}>
              <p>
                “{task.title}” leaves the plan view and the update rounds. Its history is kept, and an officer can restore it by changing its status back to Open.
              </p>
              {problem && (
                <MessageBar intent="warning" role="alert" layout="multiline">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
              <Field label="Why is the task withdrawn?" required validationMessage={fieldProblem} hint="The board and the history show it">
                <Textarea ref={box} value={reason} resize="vertical" maxLength={TASK_FIELD_LIMITS.reason} onChange={(_, data) => setReason(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy} disabledFocusable={busy}>
                {busy ? 'Withdrawing…' : 'Withdraw task'}
              </Button>
              <Button onClick={close}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
