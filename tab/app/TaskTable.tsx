import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { memo, useCallback } from 'react';
import type { PlanTask } from './api-types';
import { DueCell } from './DueCell';
import { LatestUpdateCell } from './LatestUpdateCell';
import { OwnersCell } from './OwnersCell';
import { PendingApprovalCell } from './PendingApprovalCell';
import { RagBadge } from './RagBadge';
import { useTaskTableStyles as useStyles } from './task-table-styles';
import { useHorizontalOverflow } from './use-horizontal-overflow';
import { useVirtualRows } from './use-virtual-rows';

type ColumnKey = 'ref' | 'task' | 'owners' | 'due' | 'rag' | 'update' | 'approval';
const LABELS: Record<ColumnKey, string> = {
  ref: 'Ref',
  task: 'Task',
  owners: 'Owner(s)',
  due: 'Due',
  rag: 'RAG',
  update: 'Latest update',
  approval: 'Pending approval',
};
/** Column widths (%), with and without the pending approval column. */
const WIDTHS: Record<'withApproval' | 'without', Partial<Record<ColumnKey, number>>> = {
  withApproval: { ref: 6, task: 24, owners: 13, due: 13, rag: 10, update: 22, approval: 12 },
  without: { ref: 7, task: 27, owners: 15, due: 14, rag: 11, update: 26 },
};

export interface TaskTableProps {
  /** Names the table for assistive technology ("Tasks for objective 1: …"). */
  caption: string;
  tasks: PlanTask[];
  onOpenTask: (taskId: string) => void;
  /** The pending approval column, shown only while some task of the plan has one. */
  showApprovals?: boolean;
}

/**
 * One indicator's tasks. Long lists render only the rows near the viewport, with spacer rows
 * inside the body standing in for the rest, so the table keeps its caption, header scopes and
 * row count (aria-rowcount / aria-rowindex) for assistive technology.
 *
 * In a narrow tab each row is shown as a block (task-table-styles.ts). It stays the same table:
 * the elements carry their table roles explicitly, because some browsers drop a table's
 * semantics once CSS changes its display, so screen readers still hear rows, headers and cells.
 */
export function TaskTable({ caption, tasks, onOpenTask, showApprovals = false }: TaskTableProps) {
  const styles = useStyles();
  const widths = WIDTHS[showApprovals ? 'withApproval' : 'without'];
  const columns = (Object.keys(LABELS) as ColumnKey[]).filter((key) => widths[key] !== undefined);
  const scroller = useHorizontalOverflow<HTMLDivElement>();
  const keyOf = useCallback((index: number) => tasks[index]?.id ?? String(index), [tasks]);
  const rows = useVirtualRows(tasks.length, keyOf);
  const spacer = (height: number, key: string) => (
    <tr key={key} aria-hidden="true" data-spacer="" className={styles.spacerRow}>
      <td colSpan={columns.length} className={styles.spacer} style={{ height }} />
    </tr>
  );

  return (
    // Narrow tabs stack the rows, so the table should never need to scroll sideways; if its content
    // ever does (a long unbroken word, zoom), the region takes focus so keyboards can scroll it.
    <div
      ref={scroller.ref}
      className={styles.scroller}
      role="region"
      aria-label={caption}
      tabIndex={scroller.overflowing ? 0 : undefined}
    >
      <Table role="table" className={styles.table} size="medium" aria-rowcount={rows.enabled ? tasks.length + 1 : undefined}>
        <caption className={styles.caption}>{caption}</caption>
        <colgroup>
          {columns.map((key) => (
            <col key={key} style={{ width: `${widths[key]}%` }} />
          ))}
        </colgroup>
        <TableHeader role="rowgroup" className={styles.header}>
          <TableRow role="row" aria-rowindex={rows.enabled ? 1 : undefined}>
            {columns.map((key) => (
              <TableHeaderCell key={key} role="columnheader" scope="col" className={styles.headerCell}>
                {LABELS[key]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody role="rowgroup" ref={rows.bodyRef} className={styles.body}>
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
                showApproval={showApprovals}
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
  showApproval: boolean;
}

const TaskRow = memo(function TaskRow({ task, index, rowIndex, measure, onFocus, onOpenTask, showApproval }: TaskRowProps) {
  const styles = useStyles();
  // The task panel gives focus back here when it closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  // Stacked, these cells show their column's name beside the value (data-label, see the styles).
  const labelled = (key: ColumnKey, area: string, content: React.ReactNode) => (
    <TableCell role="cell" className={mergeClasses(styles.cell, styles.labelled, area)} data-label={LABELS[key]}>
      <div className={styles.value}>{content}</div>
    </TableCell>
  );
  return (
    <TableRow role="row" ref={measure} className={styles.row} data-index={index} data-task-ref={task.ref} aria-rowindex={rowIndex} onFocus={() => onFocus(index)}>
      <TableHeaderCell role="rowheader" scope="row" className={mergeClasses(styles.cell, styles.ref)}>
        {task.ref}
      </TableHeaderCell>
      <TableCell role="cell" className={mergeClasses(styles.cell, styles.title)}>
        <Link as="button" className={styles.titleLink} aria-haspopup="dialog" data-open-task={task.id} onClick={() => onOpenTask(task.id)} {...restoreFocusTarget}>
          {task.title}
        </Link>
        {task.status !== 'Open' && task.status !== 'Complete' && <span className={styles.status}>{task.status}</span>}
      </TableCell>
      {labelled('owners', styles.owners, <OwnersCell task={task} />)}
      {labelled('due', styles.due, <DueCell task={task} />)}
      <TableCell role="cell" className={mergeClasses(styles.cell, styles.rag)}>
        <RagBadge rag={task.rag} />
      </TableCell>
      {labelled('update', styles.update, <LatestUpdateCell update={task.latestUpdate} awaitingUpdate={task.awaitingUpdate} />)}
      {showApproval && labelled('approval', styles.approval, <PendingApprovalCell approval={task.pendingApproval} />)}
    </TableRow>
  );
});
