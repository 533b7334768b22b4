import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from '@fluentui/react-components';
import {
  CalendarClockRegular,
  CalendarErrorRegular,
  ChatWarningRegular,
  ClockAlarmFilled,
  FilterFilled,
  HourglassHalfRegular,
  MailClockRegular,
  TaskListLtrRegular,
} from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { RAG_VALUES, TASK_STATUSES } from '../../core/model';
import type { PlanFilter } from '../../core/plan/plan-filter';
import type { PlanSummaryView } from './api-types';
import { RagIcon } from './RagBadge';
import { isTileOn, toggleTile, type TileFilter } from './summary-filters';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHeading: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(8.5rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  filterTile: { ':hover': shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
  // Pressed: a thick brand ring and a filter icon, so the state is not told by colour alone.
  pressed: {
    backgroundColor: tokens.colorBrandBackground2,
    ...shorthands.borderColor(tokens.colorCompoundBrandStroke),
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorCompoundBrandStroke}`,
  },
  pressedIcon: { position: 'absolute', top: tokens.spacingVerticalS, right: tokens.spacingHorizontalS, fontSize: '16px', color: tokens.colorCompoundBrandForeground1 },
  label: {
    ...typographyStyles.body1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  // The button is the label; its ::after stretches over the whole tile, so the tile is the target.
  toggle: {
    margin: 0,
    padding: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'start',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: '24px',
    cursor: 'pointer',
    '::after': { content: '""', position: 'absolute', inset: 0, borderRadius: tokens.borderRadiusLarge },
    ':focus-visible': { outline: 'none' },
    ':focus-visible::after': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  value: { ...typographyStyles.title3, margin: 0, color: tokens.colorNeutralForeground1 },
  icon: { fontSize: '20px', flexShrink: 0 },
  // One quiet line rather than a tile: who the bot cannot reach is a set-up job, not a RAG.
  reach: { ...typographyStyles.body1, margin: 0, display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  reachIcon: { fontSize: '20px', flexShrink: 0, color: tokens.colorStatusWarningForeground1 },
});

interface Tile {
  label: string;
  value: number;
  icon?: ReactNode;
  /** The plan filter the tile toggles; tiles without one are plain totals. */
  filter?: TileFilter;
}

export interface SummaryBarProps {
  summary: PlanSummaryView;
  /** With both, tiles that stand for a filter toggle it (aria-pressed shows which are on). */
  filter?: PlanFilter;
  onFilterChange?: (filter: PlanFilter) => void;
}

/** Totals as description lists, in three labelled groups: each term is read with its number ("Amber 3"). */
export function SummaryBar({ summary, filter, onFilterChange }: SummaryBarProps) {
  const styles = useStyles();
  const icon = (Icon: typeof ClockAlarmFilled) => <Icon aria-hidden className={styles.icon} />;
  const attention: Tile[] = [
    { label: 'Overdue', value: summary.overdue, icon: icon(ClockAlarmFilled), filter: { flag: 'overdue' } },
    { label: `Due in ${summary.dueSoonDays} days`, value: summary.dueSoon, icon: icon(CalendarClockRegular) },
  ];
  // Counts the server adds with the tab API; an older server simply leaves them out.
  if (summary.awaitingUpdate !== undefined) attention.push({ label: 'Awaiting update', value: summary.awaitingUpdate, icon: icon(MailClockRegular), filter: { flag: 'awaiting' } });
  if (summary.pendingApprovals !== undefined) attention.push({ label: 'Pending approvals', value: summary.pendingApprovals, icon: icon(HourglassHalfRegular), filter: { flag: 'pending' } });
  attention.push({ label: 'Deadlines to check', value: summary.deadlinesToCheck, icon: icon(CalendarErrorRegular) });
  const toggles = filter && onFilterChange ? { filter, onChange: onFilterChange } : undefined;

  return (
    <div className={styles.groups}>
      {toggles && <p className={styles.hint}>Select a total to show only those tasks in the plan below; select it again to show all.</p>}
      <SummaryGroup toggles={toggles} heading="By RAG" tiles={[
        { label: 'Tasks', value: summary.total, icon: icon(TaskListLtrRegular) },
        ...RAG_VALUES.map((rag) => ({ label: rag, value: summary.byRag[rag] ?? 0, icon: <RagIcon rag={rag} className={styles.icon} />, filter: { rag } })),
      ]} />
      <SummaryGroup toggles={toggles} heading="By status" tiles={TASK_STATUSES.map((status) => ({ label: status, value: summary.byStatus[status] ?? 0, filter: { status } }))} />
      <SummaryGroup toggles={toggles} heading="Needs attention" tiles={attention} />
      {summary.unreachableOwners ? (
        <p className={styles.reach} data-unreachable-owners={summary.unreachableOwners}>
          <ChatWarningRegular aria-hidden className={styles.reachIcon} />
          {summary.unreachableOwners === 1 ? '1 owner cannot be reached yet' : `${summary.unreachableOwners} owners cannot be reached yet`}: the bot cannot message them in Teams, so reminders and rounds miss them.
        </p>
      ) : null}
    </div>
  );
}

type Toggles = { filter: PlanFilter; onChange: (filter: PlanFilter) => void } | undefined;

function SummaryGroup({ heading, tiles, toggles }: { heading: string; tiles: Tile[]; toggles: Toggles }) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <h3 className={styles.groupHeading}>{heading}</h3>
      <dl className={styles.list}>
        {tiles.map((tile) => (
          <SummaryTile key={tile.label} tile={tile} toggles={toggles} />
        ))}
      </dl>
    </div>
  );
}

function SummaryTile({ tile, toggles }: { tile: Tile; toggles: Toggles }) {
  const styles = useStyles();
  const valueId = useId();
  const filter = toggles && tile.filter;
  const pressed = filter ? isTileOn(toggles.filter, filter) : false;
  return (
    <div className={mergeClasses(styles.tile, filter && styles.filterTile, pressed && styles.pressed)} data-pressed={filter ? String(pressed) : undefined}>
      <dt className={styles.label}>
        {filter ? (
          // Described by its number, so the button is heard as "Amber, toggle button, not pressed, 3".
          <button type="button" className={styles.toggle} aria-pressed={pressed} aria-describedby={valueId} onClick={() => toggles.onChange(toggleTile(toggles.filter, filter))}>
            {tile.icon}
            {tile.label}
          </button>
        ) : (
          <>
            {tile.icon}
            {tile.label}
          </>
        )}
      </dt>
      <dd id={valueId} className={styles.value}>
        {tile.value}
      </dd>
      {pressed && <FilterFilled aria-hidden className={styles.pressedIcon} />}
    </div>
  );
}
