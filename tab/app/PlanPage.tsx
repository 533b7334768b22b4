import { Button, Spinner, makeStyles, tokens, typographyStyles, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import { planTasks } from '../../core/plan/plan-filter';
import type { PlanTask } from './api-types';
import { EflgPage } from './EflgPage';
import { ExportBar } from './ExportBar';
import { ImportDialog } from './ImportDialog';
import { LoadError } from './LoadError';
import { ObjectivesDialog } from './ObjectivesDialog';
import { PlanPicker, UnknownPlanChoices } from './PlanPicker';
import { PlanView } from './PlanView';
import { RoundPanel } from './RoundPanel';
import { StatutoryDates } from './StatutoryDates';
import { TaskDetailDrawer } from './TaskDetailDrawer';
import type { HostThemeName } from './teams-host';
import { TrendsPage } from './TrendsPage';
import { usePageView, usePlanFilter, useUrlParam } from './url-state';
import { useMe } from './use-me';
import { usePlan } from './use-plan';
import { ViewTabs } from './ViewTabs';

const PLAN_TITLE = 'Equality, Diversity and Inclusion action plan';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '1440px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  title: { ...typographyStyles.title3, margin: 0, color: tokens.colorNeutralForeground1 },
  who: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  status: { display: 'flex', justifyContent: 'flex-start' },
  officerBar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  planActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The page: title and the view switch (plan, trends or Equality Framework), then the chosen view. */
export function PlanPage({ theme }: { theme: HostThemeName }) {
  const styles = useStyles();
  const { me, isOfficer } = useMe();
  const [view, setView] = usePageView();
  const [, setTaskParam] = useUrlParam('task');
  const [plansChanged, setPlansChanged] = useState(0); // the officers' plans dialog changed plans or tasks: the view loads afresh
  // A task named in the trends or the Equality Framework view opens in the plan's task panel: the plan view reads `task` as it mounts.
  const openTaskInPlan = useCallback(
    (id: string) => {
      setTaskParam(id);
      setView('plan');
    },
    [setTaskParam, setView],
  );

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{PLAN_TITLE}</h1>
          {me && (
            <p className={styles.who} data-signed-in={me.user.aadObjectId}>
              {me.user.displayName}
              {isOfficer ? ', EDI officer' : ''}
            </p>
          )}
        </div>
        <PlanPicker isOfficer={isOfficer} onPlansChanged={() => setPlansChanged((n) => n + 1)} />
        <ViewTabs view={view} onChange={setView} />
      </header>
      <main key={plansChanged} className={styles.main} data-view={view}>
        {view === 'trends' ? (
          <TrendsPage theme={theme} onOpenTask={openTaskInPlan} />
        ) : view === 'eflg' ? (
          <EflgPage isOfficer={isOfficer} onOpenTask={openTaskInPlan} />
        ) : (
          <PlanContent isOfficer={isOfficer} />
        )}
      </main>
    </div>
  );
}

/** The plan (or a loading message, or an error with Retry), and the task panel. */
function PlanContent({ isOfficer }: { isOfficer: boolean }) {
  const styles = useStyles();
  const { state, retry } = usePlan();
  const [filter, setFilter] = usePlanFilter();
  const [openTaskId, setOpenTaskId] = useUrlParam('task');
  const [creating, setCreating] = useState(false);
  const [roundsSeen, setRoundsSeen] = useState(0); // a round opened from the statutory dates: the round panel loads afresh
  const restoreFocusTarget = useRestoreFocusTarget();
  const plan = state.kind === 'loaded' ? state.plan : state.kind === 'loading' ? state.previous : undefined;
  const openTask = useCallback((id: string) => setOpenTaskId(id), [setOpenTaskId]);
  const taskSummary = useMemo(() => (plan && openTaskId ? (planTasks(plan).find((t) => t.id === openTaskId) as PlanTask | undefined) : undefined), [plan, openTaskId]);

  return (
    <>
      {/* Always present, so screen readers hear "Loading the plan…" when a retry starts. */}
      <div className={styles.status} role="status" aria-live="polite">
        {state.kind === 'loading' && !plan && <Spinner size="small" labelPosition="after" label="Loading the plan…" />}
      </div>
      {state.kind === 'error' && (
        <LoadError message={state.message} onRetry={retry}>
          <UnknownPlanChoices />
        </LoadError>
      )}
      {plan && isOfficer && (
        <div className={styles.officerBar}>
          <div role="group" aria-label="Change the plan" className={styles.planActions}>
            <Button appearance="primary" icon={<AddRegular />} aria-haspopup="dialog" onClick={() => setCreating(true)} {...restoreFocusTarget}>
              Add task
            </Button>
            <ObjectivesDialog onChanged={retry} />
          </div>
          <ExportBar filter={filter}>
            <ImportDialog onImported={retry} />
          </ExportBar>
        </div>
      )}
      {plan && (
        <PlanView
          plan={plan}
          filter={filter}
          onFilterChange={setFilter}
          onOpenTask={openTask}
          roundPanel={
            <>
              <RoundPanel key={roundsSeen} isOfficer={isOfficer} onChanged={retry} />
              <StatutoryDates
                isOfficer={isOfficer}
                onRoundOpened={() => {
                  setRoundsSeen((n) => n + 1);
                  retry();
                }}
              />
            </>
          }
        />
      )}
      <TaskDetailDrawer
        taskId={creating ? undefined : openTaskId}
        summary={taskSummary}
        creating={creating}
        defaultObjectiveRef={filter.objective}
        onChanged={retry}
        onCreated={(task) => {
          setCreating(false);
          setOpenTaskId(task.id);
        }}
        onClose={() => {
          setCreating(false);
          setOpenTaskId(undefined);
        }}
      />
    </>
  );
}
