import {
  Link,
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
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { memo, useCallback } from 'react';
import type { PlanTask } from './api-types';
import { DueCell } from './DueCell';
import { LatestUpdateCell } from './LatestUpdateCell';
import { OwnersCell } from './OwnersCell';
import { PendingApprovalCell } from './PendingApprovalCell';
import { RagBadge } from './RagBadge';
import { useHorizontalOverflow } from './use-horizontal-overflow';
import { useVirtualRows } from './use-virtual-rows';
import { visuallyHidden } from './visually-hidden';

const COLUMNS = [
  { key: 'ref', label: 'Ref', width: '6%' },
  { key: 'task', label: 'Task', width: '24%' },
  { key: 'owners', label: 'Owner(s)', width: '13%' },
  { key: 'due', label: 'Due', width: '13%' },
  { key: 'rag', label: 'RAG', width: '10%' },
  { key: 'update', label: 'Latest update', width: '22%' },
  { key: 'approval', label: 'Pending approval', width: '12%' },
] as const;

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '900px' },
  caption: visuallyHidden,
  headerCell: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  ref: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  title: { overflowWrap: 'anywhere', textAlign: 'start' },
  status: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
  spacer: { padding: 0, border: 'none' },
});

export interface TaskTableProps {
  /** Names the table for assistive technology ("Tasks for objective 1: …"). */
  caption: string;
  tasks: PlanTask[];
  onOpenTask: (taskId: string) => void;
}

/**
 * One indicator's tasks. Long lists render only the rows near the viewport, with spacer rows
 * inside the body standing in for the rest, so the table keeps its caption, header scopes and
 * row count (aria-rowcount / aria-rowindex) for assistive technology.
 */
export function TaskTable({ caption, tasks, onOpenTask }: TaskTableProps) {
  const styles = useStyles();
  const scroller = useHorizontalOverflow<HTMLDivElement>();
  const keyOf = useCallback((index: number) => tasks[index]?.id ?? String(index), [tasks]);
  const rows = useVirtualRows(tasks.length, keyOf);
  const spacer = (height: number, key: string) => (
    <tr key={key} aria-hidden="true" data-spacer="">
      <td colSpan={COLUMNS.length} className={styles.spacer} style={{ height }} />
    </tr>
  );

  return (
    // A wide table scrolls sideways in a narrow tab; then the region takes focus so keyboards can scroll it.
    <div
      ref={scroller.ref}
      className={styles.scroller}
      role="region"
      aria-label={caption}
      tabIndex={scroller.overflowing ? 0 : undefined}
    >
      <Table className={styles.table} size="medium" aria-rowcount={rows.enabled ? tasks.length + 1 : undefined}>
        <caption className={styles.caption}>{caption}</caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <TableHeader>
          <TableRow aria-rowindex={rows.enabled ? 1 : undefined}>
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column.key} scope="col" className={styles.headerCell}>
                {column.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody ref={rows.bodyRef}>
          {rows.slots.flatMap((slot) => {
            const task = tasks[slot.index];
            if (!task) return [];
            const row = (
              <TaskRow
                key={slot.key}
                task={task}
                index={slot.index}
                rowIndex={rows.enabled ? slot.index + 2 : undefined}
                measure={rows.measureRow}
                onFocus={rows.onRowFocus}
                onOpenTask={onOpenTask}
              />
            );
            return slot.gapBefore > 0 ? [spacer(slot.gapBefore, `gap-${slot.key}`), row] : [row];
          })}
          {rows.gapAfter > 0 && spacer(rows.gapAfter, 'gap-end')}
        </TableBody>
      </Table>
    </div>
  );
}

interface TaskRowProps {
  task: PlanTask;
  index: number;
  rowIndex?: number;
  measure?: (element: HTMLTableRowElement | null) => void;
  onFocus: (index: number) => void;
  onOpenTask: (taskId: string) => void;
}

const TaskRow = memo(function TaskRow({ task, index, rowIndex, measure, onFocus, onOpenTask }: TaskRowProps) {
  const styles = useStyles();
  // The task panel gives focus back here when it closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <TableRow ref={measure} data-index={index} data-task-ref={task.ref} aria-rowindex={rowIndex} onFocus={() => onFocus(index)}>
      <TableHeaderCell scope="row" className={mergeClasses(styles.cell, styles.ref)}>
        {task.ref}
      </TableHeaderCell>
      <TableCell className={styles.cell}>
        <Link as="button" className={styles.title} aria-haspopup="dialog" data-open-task={task.id} onClick={() => onOpenTask(task.id)} {...restoreFocusTarget}>
          {task.title}
        </Link>
        {task.status !== 'Open' && task.status !== 'Complete' && <span className={styles.status}>{task.status}</span>}
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
        <LatestUpdateCell update={task.latestUpdate} awaitingUpdate={task.awaitingUpdate} />
      </TableCell>
      <TableCell className={styles.cell}>
        <PendingApprovalCell approval={task.pendingApproval} />
      </TableCell>
    </TableRow>
  );
});
