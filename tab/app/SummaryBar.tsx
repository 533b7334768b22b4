import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import {
  CalendarClockRegular,
  CalendarErrorRegular,
  ClockAlarmFilled,
  HourglassHalfRegular,
  MailClockRegular,
  PersonProhibitedRegular,
  TaskListLtrRegular,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { RAG_VALUES, TASK_STATUSES } from '../../core/model';
import type { PlanSummaryView } from './api-types';
import { RagIcon } from './RagBadge';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHeading: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorNeutralForeground2 },
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

interface Tile {
  label: string;
  value: number;
  icon?: ReactNode;
}

/** Totals as description lists, in three labelled groups: each term is read with its number ("Amber 3"). */
export function SummaryBar({ summary }: { summary: PlanSummaryView }) {
  const styles = useStyles();
  const icon = (Icon: typeof ClockAlarmFilled) => <Icon aria-hidden className={styles.icon} />;
  const attention: Tile[] = [
    { label: 'Overdue', value: summary.overdue, icon: icon(ClockAlarmFilled) },
    { label: `Due in ${summary.dueSoonDays} days`, value: summary.dueSoon, icon: icon(CalendarClockRegular) },
  ];
  // Counts the server adds with the tab API; an older server simply leaves them out.
  if (summary.awaitingUpdate !== undefined) attention.push({ label: 'Awaiting update', value: summary.awaitingUpdate, icon: icon(MailClockRegular) });
  if (summary.pendingApprovals !== undefined) attention.push({ label: 'Pending approvals', value: summary.pendingApprovals, icon: icon(HourglassHalfRegular) });
  if (summary.unreachableOwners !== undefined) attention.push({ label: 'Unreachable owners', value: summary.unreachableOwners, icon: icon(PersonProhibitedRegular) });
  attention.push({ label: 'Deadlines to check', value: summary.deadlinesToCheck, icon: icon(CalendarErrorRegular) });

  return (
    <div className={styles.groups}>
      <SummaryGroup heading="By RAG" tiles={[
        { label: 'Tasks', value: summary.total, icon: icon(TaskListLtrRegular) },
        ...RAG_VALUES.map((rag) => ({ label: rag, value: summary.byRag[rag] ?? 0, icon: <RagIcon rag={rag} className={styles.icon} /> })),
      ]} />
      <SummaryGroup heading="By status" tiles={TASK_STATUSES.map((status) => ({ label: status, value: summary.byStatus[status] ?? 0 }))} />
      <SummaryGroup heading="Needs attention" tiles={attention} />
    </div>
  );
}

function SummaryGroup({ heading, tiles }: { heading: string; tiles: Tile[] }) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <h3 className={styles.groupHeading}>{heading}</h3>
      <dl className={styles.list}>
        {tiles.map((tile) => (
          <div className={styles.tile} key={tile.label}>
            <dt className={styles.label}>
              {tile.icon}
              {tile.label}
            </dt>
            <dd className={styles.value}>{tile.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
