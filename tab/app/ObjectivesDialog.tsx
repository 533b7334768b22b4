import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { TargetArrowRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiError } from './api-client';
import type { ObjectiveItem } from './api-types';
import { LoadError } from './LoadError';
import { AddObjectiveForm } from './AddObjectiveForm';
import { fetchObjectives, setObjectiveRetired } from './objectives-api';
import { useAsync } from './use-async';

const useStyles = makeStyles({
  surface: { maxWidth: '48rem', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  state: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  problem: { gridColumn: '1 / -1' },
});

/**
 * Officers: the plan's objectives. A new one is added with a unique ref; one is retired (it leaves
 * the plan view) only once it has no open tasks, the server says which, and it can be restored.
 */
export function ObjectivesDialog({ onChanged }: { onChanged: () => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { state, reload } = useAsync(open ? 'objectives' : undefined, fetchObjectives);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const objectives = state.kind === 'loaded' ? state.value : state.kind === 'loading' ? state.previous : undefined;

  const changed = (message: string) => {
    setNotice(message);
    reload();
    onChanged();
  };
  const toggle = async (objective: ObjectiveItem) => {
    setBusy(objective.id);
    setNotice(undefined);
    setProblems((p) => ({ ...p, [objective.id]: '' }));
    try {
      const saved = await setObjectiveRetired(objective, !objective.retired);
      changed(saved.retired ? `Objective ${saved.ref} is retired: it leaves the plan view.` : `Objective ${saved.ref} is restored to the plan.`);
    } catch (error) {
      setProblems((p) => ({ ...p, [objective.id]: error instanceof ApiError ? (error.fieldErrors.retired ?? error.message) : 'The objective could not be changed. Please try again.' }));
      if (error instanceof ApiError && error.status === 412) reload();
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (!data.open) {
          setProblems({});
          setNotice(undefined);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<TargetArrowRegular />}>Objectives</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Objectives</DialogTitle>
          <DialogContent className={styles.content}>
            <div role="status" aria-live="polite">
              {state.kind === 'loading' && !objectives && <Spinner size="tiny" labelPosition="after" label="Loading the objectives…" />}
              {notice && (
                <MessageBar intent="success">
                  <MessageBarBody>{notice}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            {state.kind === 'error' && <LoadError title="The objectives could not be loaded." message={state.message} onRetry={reload} />}
            {objectives && (
              <ul className={styles.list} aria-label="The plan's objectives">
                {objectives.map((o) => {
                  const problemId = `objective-problem-${o.id}`;
                  return (
                    <li key={o.id} className={styles.item} data-objective={o.ref}>
                      <span>
                        <strong>{o.ref}</strong>: {o.title} <span className={styles.state}>{o.retired ? '(retired)' : ''}</span>
                      </span>
                      <Button
                        aria-label={`${o.retired ? 'Restore' : 'Retire'} objective ${o.ref}`}
                        aria-describedby={problems[o.id] ? problemId : undefined}
                        disabled={busy !== undefined}
                        disabledFocusable={busy !== undefined}
                        onClick={() => void toggle(o)}
                      >
                        {busy === o.id ? 'Saving…' : o.retired ? 'Restore' : 'Retire'}
                      </Button>
                      {problems[o.id] && (
                        <div className={styles.problem} role="alert" id={problemId}>
                          <MessageBar intent="error" layout="multiline">
                            <MessageBarBody>{problems[o.id]}</MessageBarBody>
                          </MessageBar>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <AddObjectiveForm onAdded={(o) => changed(`Objective ${o.ref} is added to the plan.`)} />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
