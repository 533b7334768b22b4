import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import type { TaskView } from '../../core/plan-view';
import { DueCell } from './DueCell';
import { LatestUpdateCell } from './LatestUpdateCell';
import { OwnersCell } from './OwnersCell';
import { RagBadge } from './RagBadge';
import { useHorizontalOverflow } from './use-horizontal-overflow';

const COLUMNS = [
  { key: 'ref', label: 'Ref', width: '7%' },
  { key: 'task', label: 'Task', width: '27%' },
  { key: 'owners', label: 'Owner(s)', width: '15%' },
  { key: 'due', label: 'Due', width: '14%' },
  { key: 'rag', label: 'RAG', width: '11%' },
  { key: 'update', label: 'Latest update', width: '26%' },
] as const;

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '760px' },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  headerCell: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  ref: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  title: { overflowWrap: 'anywhere' },
  status: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
});

export interface TaskTableProps {
  /** Names the table for assistive technology ("Tasks for objective 1: …"). */
  caption: string;
  tasks: TaskView[];
}

export function TaskTable({ caption, tasks }: TaskTableProps) {
  const styles = useStyles();
  const scroller = useHorizontalOverflow<HTMLDivElement>();
  return (
    // A wide table scrolls sideways in a narrow tab; then the region takes focus so keyboards can scroll it.
    <div
      ref={scroller.ref}
      className={styles.scroller}
      role="region"
      aria-label={caption}
      tabIndex={scroller.overflowing ? 0 : undefined}
    >
      <Table className={styles.table} size="medium">
        <caption className={styles.caption}>{caption}</caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <TableHeader>
          <TableRow>
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column.key} scope="col" className={styles.headerCell}>
                {column.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {tasks.map((task) => (
            <TableRow key={task.id} data-task-ref={task.ref}>
              <TableHeaderCell scope="row" className={mergeClasses(styles.cell, styles.ref)}>
                {task.ref}
              </TableHeaderCell>
              <TableCell className={styles.cell}>
                <span className={styles.title}>{task.title}</span>
                {task.status !== 'Open' && task.status !== 'Complete' && (
                  <span className={styles.status}>{task.status}</span>
                )}
              </TableCell>
              <TableCell className={styles.cell}>
                <OwnersCell task={task} />
              </TableCell>
              <TableCell className={styles.cell}>
                <DueCell task={task} />
              </TableCell>
              <TableCell className={styles.cell}>
                <RagBadge rag={task.rag} />
              </TableCell>
              <TableCell className={styles.cell}>
                <LatestUpdateCell update={task.latestUpdate} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
