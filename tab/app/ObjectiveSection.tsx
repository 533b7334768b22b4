import { sectionCard } from './shared-styles';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId } from 'react';
import type { IndicatorView, ObjectiveView } from '../../core/plan-view';
import type { PlanTask } from './api-types';
import { TaskTable } from './TaskTable';

const useStyles = makeStyles({
  section: {
    ...sectionCard,
    boxShadow: tokens.shadow2,
    '@media (max-width: 600px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  heading: { ...typographyStyles.subtitle1, margin: 0, color: tokens.colorNeutralForeground1 },
  description: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  indicator: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  indicatorHeading: { ...typographyStyles.subtitle2, margin: 0, color: tokens.colorNeutralForeground1 },
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

interface ObjectiveSectionProps {
  objective: ObjectiveView;
  onOpenTask: (taskId: string) => void;
  /** Whether the task tables have a pending approval column (only while something is pending). */
  showApprovals?: boolean;
}

export function ObjectiveSection({ objective, onOpenTask, showApprovals }: ObjectiveSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  const heading = `Objective ${objective.ref}: ${objective.title}`;
  const hasTasks = objective.indicators.some((indicator) => indicator.tasks.length > 0);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      {objective.description && <p className={styles.description}>{objective.description}</p>}
      {hasTasks ? (
        objective.indicators.map((indicator, i) => (
          <IndicatorTasks key={`${i}:${indicator.title ?? ''}`} indicator={indicator} objectiveHeading={heading} onOpenTask={onOpenTask} showApprovals={showApprovals} />
        ))
      ) : (
        <p className={styles.empty}>No tasks under this objective yet.</p>
      )}
    </section>
  );
}

function IndicatorTasks({ indicator, objectiveHeading, onOpenTask, showApprovals }: { indicator: IndicatorView; objectiveHeading: string } & Omit<ObjectiveSectionProps, 'objective'>) {
  const styles = useStyles();
  if (indicator.tasks.length === 0) return null;
  const caption = indicator.title
    ? `Tasks for ${indicator.title} (${objectiveHeading})`
    : `Tasks for ${objectiveHeading}`;
  return (
    <div className={styles.indicator}>
      {indicator.title && <h3 className={styles.indicatorHeading}>{indicator.title}</h3>}
      <TaskTable caption={caption} tasks={indicator.tasks as PlanTask[]} onOpenTask={onOpenTask} showApprovals={showApprovals} />
    </div>
  );
}
