import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CalendarClockRegular, CalendarErrorRegular, ClockAlarmFilled, TaskListLtrRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { RAG_VALUES } from '../../core/model';
import type { PlanSummary } from '../../core/plan-view';
import { RagIcon } from './RagBadge';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(8.5rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  label: {
    ...typographyStyles.body1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  value: { ...typographyStyles.title3, margin: 0, color: tokens.colorNeutralForeground1 },
  icon: { fontSize: '20px', flexShrink: 0 },
});

/** Totals as a description list: each term is read with its number ("Amber 3"). */
export function SummaryBar({ summary }: { summary: PlanSummary }) {
  const styles = useStyles();
  const tile = (label: string, value: number, icon: ReactNode) => (
    <div className={styles.tile} key={label}>
      <dt className={styles.label}>
        {icon}
        {label}
      </dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
  return (
    <dl className={styles.list}>
      {tile('Tasks', summary.total, <TaskListLtrRegular aria-hidden className={styles.icon} />)}
      {RAG_VALUES.map((rag) => tile(rag, summary.byRag[rag] ?? 0, <RagIcon rag={rag} className={styles.icon} />))}
      {tile('Overdue', summary.overdue, <ClockAlarmFilled aria-hidden className={styles.icon} />)}
      {tile('Due in 14 days', summary.dueWithin14Days, <CalendarClockRegular aria-hidden className={styles.icon} />)}
      {tile('Deadlines to check', summary.deadlinesToCheck, <CalendarErrorRegular aria-hidden className={styles.icon} />)}
    </dl>
  );
}
