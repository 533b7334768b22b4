import { sectionCard } from './shared-styles';
import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { memo, useDeferredValue, useId, useMemo } from 'react';
import { applyPlanFilter, isFiltering, planTasks, type PlanFilter } from '../../core/plan/plan-filter';
import type { PlanData } from './api-types';
import { FilterBar } from './FilterBar';
import { countOf, formatIsoDate } from './format';
import { ObjectiveSection } from './ObjectiveSection';
import { SummaryBar } from './SummaryBar';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  summaryHeading: { ...typographyStyles.subtitle2, margin: 0, color: tokens.colorNeutralForeground1 },
  asAt: { ...typographyStyles.body1, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  filters: sectionCard,
  count: { ...typographyStyles.body1Strong, margin: 0 },
  empty: { margin: 0 },
});

export interface PlanViewProps {
  plan: PlanData;
  filter: PlanFilter;
  onFilterChange: (filter: PlanFilter) => void;
  onOpenTask: (taskId: string) => void;
  /** The update round panel, shown between the summary and the filters. */
  roundPanel?: React.ReactNode;
}

/** The loaded plan: summary first, the round, the filters, then each objective with its indicators and tasks. */
export function PlanView({ plan, filter, onFilterChange, onOpenTask, roundPanel }: PlanViewProps) {
  const styles = useStyles();
  const summaryId = useId();
  const filtersId = useId();
  // Typing in the search box stays responsive on a large plan: the tables catch up a moment later.
  const deferredFilter = useDeferredValue(filter);
  const filtered = useMemo(() => applyPlanFilter(plan, deferredFilter), [plan, deferredFilter]);
  const total = useMemo(() => planTasks(plan).length, [plan]);
  const shown = useMemo(() => planTasks(filtered).length, [filtered]);
  // From the whole plan, not the filtered view, so columns do not come and go as filters change.
  const showApprovals = useMemo(() => planTasks(plan).some((task) => task.pendingApproval), [plan]);

  return (
    <div className={styles.plan}>
      <section className={styles.summary} aria-labelledby={summaryId}>
        <h2 id={summaryId} className={styles.summaryHeading}>
          Summary <span className={styles.asAt}>as at {formatIsoDate(plan.today)}</span>
        </h2>
        <SummaryBar summary={plan.summary} filter={filter} onFilterChange={onFilterChange} />
      </section>
      {roundPanel}
      <section className={styles.filters} aria-labelledby={filtersId}>
        <h2 id={filtersId} className={styles.summaryHeading}>
          Filter and sort
        </h2>
        <FilterBar plan={plan} filter={filter} onChange={onFilterChange} />
        <p className={styles.count} role="status" aria-live="polite" data-task-count={shown}>
          {isFiltering(deferredFilter) ? `Showing ${shown} of ${countOf(total, 'task')}` : `Showing all ${countOf(total, 'task')}`}
        </p>
      </section>
      {plan.objectives.length === 0 ? (
        <p className={styles.empty}>The plan has no objectives yet.</p>
      ) : filtered.objectives.length === 0 ? (
        <div>
          <p className={styles.empty}>No tasks match these filters.</p>
          <Button onClick={() => onFilterChange({ sort: filter.sort, dir: filter.dir })}>Clear filters</Button>
        </div>
      ) : (
        <Objectives objectives={filtered.objectives} onOpenTask={onOpenTask} showApprovals={showApprovals} />
      )}
    </div>
  );
}

const Objectives = memo(function Objectives({ objectives, onOpenTask, showApprovals }: { objectives: PlanData['objectives']; onOpenTask: (taskId: string) => void; showApprovals: boolean }) {
  return (
    <>
      {objectives.map((objective) => (
        <ObjectiveSection key={objective.ref} objective={objective} onOpenTask={onOpenTask} showApprovals={showApprovals} />
      ))}
    </>
  );
});
