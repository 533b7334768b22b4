import { Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { LoadError } from './LoadError';
import { PlanView } from './PlanView';
import { usePlan } from './use-plan';

export const PLAN_TITLE = 'Equality, Diversity and Inclusion action plan';

const useStyles = makeStyles({
  main: {
    boxSizing: 'border-box',
    maxWidth: '1440px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
  title: { ...typographyStyles.title3, margin: 0, color: tokens.colorNeutralForeground1 },
  status: { display: 'flex', justifyContent: 'flex-start' },
});

/** The page: title, then the plan, a loading message, or an error with Retry. */
export function PlanPage() {
  const styles = useStyles();
  const { state, retry } = usePlan();
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>{PLAN_TITLE}</h1>
      {/* Always present, so screen readers hear "Loading the plan…" when a retry starts. */}
      <div className={styles.status} role="status" aria-live="polite">
        {state.kind === 'loading' && <Spinner size="small" labelPosition="after" label="Loading the plan…" />}
      </div>
      {state.kind === 'error' && <LoadError message={state.message} onRetry={retry} />}
      {state.kind === 'loaded' && <PlanView plan={state.plan} />}
    </main>
  );
}
