import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { PlanTask, TaskDetail } from './api-types';
import { LoadError } from './LoadError';
import { fetchTaskDetail } from './task-api';
import { TaskDetailView } from './TaskDetailView';
import { TaskEditForm } from './TaskEditForm';
import { useAsync } from './use-async';
import { WithdrawTaskDialog } from './WithdrawTaskDialog';

const useStyles = makeStyles({
  // Fluent caps a drawer at 100vw, which counts the page's scroll bar: in a narrow tab the panel
  // then starts off screen, its first letters cut off. 100% of the viewport excludes the bar.
  drawer: { maxWidth: '100%' },
  status: { minHeight: tokens.lineHeightBase300, marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalL },
});

export interface TaskDetailDrawerProps {
  /** The open task's id, or undefined when closed. */
  taskId?: string;
  /** The task's row, for a title while the detail loads. */
  summary?: PlanTask;
  /** An officer is adding a task: the panel holds its form. */
  creating?: boolean;
  /** A new task's objective (the plan's objective filter). */
  defaultObjectiveRef?: string;
  onClose: () => void;
  /** The plan changed (a task saved, withdrawn or added): reload it. */
  onChanged?: () => void;
  /** A task was added: show it. */
  onCreated?: (task: TaskDetail) => void;
}

function panelTitle(creating: boolean, editing: boolean, task: { ref: string; title: string } | undefined): string {
  if (creating) return 'Add a task';
  if (!task) return 'Task';
  return editing ? `Edit ${task.ref} ${task.title}` : `${task.ref} ${task.title}`;
}

/**
 * A task's detail in a modal side panel: focus moves into it, Escape or Close shuts it, and focus
 * goes back to the task's button in the table (a restore-focus target, see TaskTable; the focused
 * row stays rendered while the panel is open, however the page scrolls). EDI officers edit and
 * withdraw the task here, and add new tasks in the same form; Escape while editing leaves the form.
 */
export function TaskDetailDrawer({ taskId, summary, creating = false, defaultObjectiveRef, onClose, onChanged, onCreated }: TaskDetailDrawerProps) {
  const styles = useStyles();
  const { state, reload, replace } = useAsync(taskId, (signal) => fetchTaskDetail(taskId!, signal));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string>();
  // Set when focus should go to Edit as soon as it is there (after a save, a cancel, a withdrawal, a new task).
  const [focusEdit, setFocusEdit] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const open = taskId !== undefined || creating;

  const loaded = state.kind === 'loaded' && state.value.id === taskId ? state.value : undefined;
  const title = panelTitle(creating, editing, loaded ?? summary);

  useEffect(() => {
    if (!focusEdit || !editButton.current) return;
    editButton.current.focus();
    setFocusEdit(false);
  }, [focusEdit, loaded, editing]);

  const close = () => {
    setEditing(false);
    setNotice(undefined);
    setFocusEdit(false);
    onClose();
  };
  const leaveForm = () => {
    setEditing(false);
    setFocusEdit(true);
  };
  const changed = (task: TaskDetail, message: string) => {
    replace(task);
    setNotice(message);
    leaveForm();
    onChanged?.();
  };

  return (
    <OverlayDrawer
      className={styles.drawer}
      open={open}
      position="end"
      size="large"
      onOpenChange={(_, data) => {
        if (data.open) return;
        if (editing && data.type === 'escapeKeyDown') leaveForm();
        else close();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={close} />}>{title}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.status} role="status" aria-live="polite">
          {open && !creating && state.kind === 'loading' && <Spinner size="small" labelPosition="after" label="Loading the task…" />}
          {notice && !editing && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {creating ? (
          <TaskEditForm
            defaultObjectiveRef={defaultObjectiveRef}
            onCancel={close}
            onSaved={(task) => {
              setNotice(`Task ${task.ref} is added to the plan.`);
              setFocusEdit(true);
              onChanged?.();
              onCreated?.(task);
            }}
          />
        ) : (
          <>
            {state.kind === 'error' && <LoadError title="The task could not be loaded." message={state.message} onRetry={reload} />}
            {loaded && editing && (
              <TaskEditForm task={loaded} onCancel={leaveForm} onConflict={replace} onSaved={(task, fields) => changed(task, fields.length ? `Saved: ${fields.join(', ')} changed.` : 'Saved.')} />
            )}
            {loaded && !editing && (
              <>
                {loaded.canEdit && (
                  <div className={styles.actions} role="group" aria-label="Change this task">
                    <Button ref={editButton} appearance="primary" icon={<EditRegular />} onClick={() => setEditing(true)}>
                      Edit
                    </Button>
                    {loaded.status !== 'Withdrawn' && loaded.status !== 'Carried forward' && (
                      <WithdrawTaskDialog task={loaded} onConflict={replace} onWithdrawn={(task) => changed(task, `Task ${task.ref} is withdrawn: it leaves the plan view. Its history is kept.`)} />
                    )}
                  </div>
                )}
                <TaskDetailView task={loaded} onCommentsChanged={(comments) => replace({ ...loaded, comments })} />
              </>
            )}
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
