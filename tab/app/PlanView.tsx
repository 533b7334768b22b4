import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import type { PlanView as PlanViewData } from '../../core/plan-view';
import { formatIsoDate } from './format';
import { ObjectiveSection } from './ObjectiveSection';
import { SummaryBar } from './SummaryBar';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summaryHeading: { ...typographyStyles.subtitle2, margin: 0, color: tokens.colorNeutralForeground1 },
  asAt: { ...typographyStyles.body1, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  empty: { margin: 0 },
});

/** The loaded plan: summary first, then each objective with its indicators and tasks. */
export function PlanView({ plan }: { plan: PlanViewData }) {
  const styles = useStyles();
  const summaryId = useId();
  return (
    <div className={styles.plan}>
      <section className={styles.summary} aria-labelledby={summaryId}>
        <h2 id={summaryId} className={styles.summaryHeading}>
          Summary <span className={styles.asAt}>as at {formatIsoDate(plan.today)}</span>
        </h2>
        <SummaryBar summary={plan.summary} />
      </section>
      {plan.objectives.length === 0 ? (
        <p className={styles.empty}>The plan has no objectives yet.</p>
      ) : (
        plan.objectives.map((objective) => <ObjectiveSection key={objective.ref} objective={objective} />)
      )}
    </div>
  );
}
