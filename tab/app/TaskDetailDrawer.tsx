import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { PlanTask } from './api-types';
import { LoadError } from './LoadError';
import { fetchTaskDetail } from './task-api';
import { TaskDetailView } from './TaskDetailView';
import { useAsync } from './use-async';

const useStyles = makeStyles({
  status: { minHeight: tokens.lineHeightBase300 },
});

export interface TaskDetailDrawerProps {
  /** The open task's id, or undefined when closed. */
  taskId?: string;
  /** The task's row, for a title while the detail loads. */
  summary?: PlanTask;
  onClose: () => void;
}

/**
 * A task's detail in a modal side panel: focus moves into it, Escape or Close shuts it, and focus
 * goes back to the task's button in the table (a restore-focus target, see TaskTable; the focused
 * row stays rendered while the panel is open, however the page scrolls).
 */
export function TaskDetailDrawer({ taskId, summary, onClose }: TaskDetailDrawerProps) {
  const styles = useStyles();
  const { state, reload } = useAsync(taskId, (signal) => fetchTaskDetail(taskId!, signal));
  const open = taskId !== undefined;

  const loaded = state.kind === 'loaded' && state.value.id === taskId ? state.value : undefined;
  const title = loaded ? `${loaded.ref} ${loaded.title}` : summary ? `${summary.ref} ${summary.title}` : 'Task';

  return (
    <OverlayDrawer open={open} position="end" size="large" onOpenChange={(_, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>{title}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.status} role="status" aria-live="polite">
          {open && state.kind === 'loading' && <Spinner size="small" labelPosition="after" label="Loading the task…" />}
        </div>
        {state.kind === 'error' && <LoadError title="The task could not be loaded." message={state.message} onRetry={reload} />}
        {loaded && <TaskDetailView task={loaded} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}
