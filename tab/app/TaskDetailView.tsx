import { detailFields } from './shared-styles';
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ApprovalItem, CommentItem, PersonView, ReminderItem, TaskDetail, UpdateHistoryItem } from './api-types';
import { eflgTagTitle } from '../../core/eflg/framework';
import { CarriedForwardNote } from './CarriedForwardNote';
import { DueCell } from './DueCell';
import { historyList } from './history-styles';
import { formatInstantAsDate, formatIsoDate, isoDateOfInstant } from './format';
import { MeasurePanel } from './MeasurePanel';
import { RagBadge } from './RagBadge';
import { TaskChanges } from './TaskChanges';
import { TaskComments } from './TaskComments';
import { TaskEvidenceLinks } from './TaskEvidenceLinks';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingBottom: tokens.spacingVerticalXXL },
  ...detailFields,
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  muted: { color: tokens.colorNeutralForeground3 },
  caption: visuallyHidden,
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere' },
  scroller: { overflowX: 'auto' },
  tagList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
const useHistoryStyles = makeStyles(historyList);

function instant(at: string | undefined) {
  if (!at) return null;
  return <time dateTime={isoDateOfInstant(at) ?? at}>{formatInstantAsDate(at)}</time>;
}

const who = (person?: PersonView) => person?.displayName ?? 'Unknown';

/**
 * Everything about one task: its fields, evidence links, comments, every update, every officer's
 * change, every RAG approval and every reminder sent. `onCommentsChanged`: a comment was posted.
 */
export function TaskDetailView({ task, onCommentsChanged }: { task: TaskDetail; onCommentsChanged?: (comments: CommentItem[]) => void }) {
  const styles = useStyles();
  const field = (label: string, value: ReactNode) =>
    value === undefined || value === null || value === '' ? null : (
      <div key={label} style={{ display: 'contents' }}>
        <dt className={styles.term}>{label}</dt>
        <dd className={styles.value}>{value}</dd>
      </div>
    );

  return (
    <div className={styles.view} data-task-detail={task.id}>
      {task.sharePointUrl && (
        <Link href={task.sharePointUrl} target="_blank" rel="noopener noreferrer">
          Open in SharePoint <OpenRegular aria-hidden />
          <span className={styles.caption}> (opens in a new window)</span>
        </Link>
      )}
      <CarriedForwardNote task={task} />
      <section className={styles.section} aria-label="Task details">
        <dl className={styles.fields}>
          {field('Ref', task.ref)}
          {field('Objective', task.objectiveRef ? `${task.objectiveRef}${task.objectiveTitle ? `: ${task.objectiveTitle}` : ''}` : undefined)}
          {field('Indicator or theme', task.indicator)}
          {field('Kind', task.kind)}
          {field('Status', task.status)}
          {field('Reason for the status', task.statusReason)}
          {field('RAG', <RagBadge rag={task.rag} />)}
          {field('RAG awaiting approval', task.pendingRag)}
          {field('Due', <DueCell task={{ dueDate: task.dueDate, dueText: task.dueText, overdue: task.overdue ?? false }} />)}
          {field('Owner(s)', task.owners.length ? task.owners.map((o) => o.displayName).join(', ') : <span className={styles.muted}>No owner</span>)}
          {field('Owners to assign (from the import)', task.unassignedOwners?.length ? task.unassignedOwners.join(', ') : undefined)}
          {field('Handed over by', task.delegatedBy ? `${task.delegatedBy.displayName}${task.delegatedAt ? `, ${formatInstantAsDate(task.delegatedAt)}` : ''}` : undefined)}
          {field('Accountable officer', task.accountableOfficer?.displayName ?? task.accountableOfficerText)}
          {field('Lead service', task.leadService)}
          {field('Supporting services', task.supportingServices)}
          {field('Groups impacted', task.groupsImpacted.join(', '))}
          {field('Strategy', task.strategy)}
          {field('Description', task.description)}
          {field('Desired outcome', task.desiredOutcome)}
          {field('Success measure', task.successMeasure)}
          {field('Starting position', task.startingPosition)}
          {field('Per cent complete', task.percentComplete === undefined ? undefined : `${task.percentComplete}%`)}
          {field('Evidence of impact', task.evidence)}
          {field('Risks', task.risks)}
          {field('Support needed (latest update)', task.supportNeeded)}
          {field(
            'Equality Framework',
            task.eflg?.length ? (
              <ul className={styles.tagList}>
                {task.eflg.map((tag) => (
                  <li key={`${tag.module}-${tag.criterion ?? ''}`}>
                    {eflgTagTitle(tag)} ({tag.level})
                  </li>
                ))}
              </ul>
            ) : undefined,
          )}
        </dl>
      </section>
      <TaskEvidenceLinks links={task.evidenceLinks ?? []} />
      {task.measureStatus && <MeasurePanel status={task.measureStatus} />}
      {/* The thread is for its participants (officers, owners, the accountable officer): others are not sent it. */}
      {task.canComment === true && <TaskComments taskId={task.id} comments={task.comments ?? []} canComment={onCommentsChanged !== undefined} onCommentsChanged={(c) => onCommentsChanged?.(c)} />}
      <UpdateHistory updates={task.updates} valueText={new Map(task.measureStatus?.history.map((h) => [h.updateId, h.text]))} />
      {task.carriedFrom && <UpdateHistory heading={`Earlier history (${task.carriedFrom.planName})`} headingId="task-earlier-updates-heading" updates={task.carriedFrom.updates} valueText={new Map()} />}
      <TaskChanges changes={task.changes ?? []} />
      <Approvals approvals={task.approvals} />
      <Reminders reminders={task.reminders} />
    </div>
  );
}

/** `valueText`: each update's measure value with its unit, by update id. A carried task's earlier updates (its old plan's) get their own heading. */
function UpdateHistory({ updates, valueText, heading = `Update history (${updates.length})`, headingId = 'task-updates-heading' }: { updates: UpdateHistoryItem[]; valueText: Map<string, string>; heading?: string; headingId?: string }) {
  const styles = useStyles();
  const list = useHistoryStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {heading}
      </h3>
      {updates.length === 0 ? (
        <p className={styles.muted}>No updates yet.</p>
      ) : (
        <ol className={list.list}>
          {updates.map((u, i) => (
            <li key={u.id ?? i} className={list.item} data-update="">
              <span className={list.meta}>
                {instant(u.submittedAt)}, {who(u.submittedBy)}
                {u.round ? ` — ${u.round}` : ''}
                {u.ragProposed ? ` — RAG proposed: ${u.ragProposed}` : ''}
              </span>
              <p className={list.text}>{u.progress}</p>
              {u.evidence && <p className={list.text}><strong>Evidence:</strong> {u.evidence}</p>}
              {u.risks && <p className={list.text}><strong>Risks:</strong> {u.risks}</p>}
              {u.measureValue !== undefined && <p className={list.text}><strong>Measure value:</strong> {(u.id && valueText.get(u.id)) ?? u.measureValue}</p>}
              {u.supportNeeded && <p className={list.text}><strong>Support needed:</strong> {u.supportNeeded}</p>}
              {u.revisedDueDateRequested && <p className={list.text}><strong>New due date asked for:</strong> {formatIsoDate(u.revisedDueDateRequested)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryTable({ heading, columns, empty, rows }: { heading: string; columns: string[]; empty: string; rows: ReactNode[][] }) {
  const styles = useStyles();
  const id = `task-${heading.toLowerCase().replace(/\W+/g, '-')}-heading`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {heading} ({rows.length})
      </h3>
      {rows.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <div className={styles.scroller} role="region" aria-labelledby={id} tabIndex={0}>
          <Table size="small">
            <caption className={styles.caption}>{heading}</caption>
            <TableHeader>
              <TableRow>
                {columns.map((c) => (
                  <TableHeaderCell key={c} scope="col">
                    {c}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((cells, i) => (
                <TableRow key={i}>
                  {cells.map((cell, j) =>
                    j === 0 ? (
                      <TableHeaderCell key={j} scope="row" className={styles.cell}>
                        <span>{cell}</span>
                      </TableHeaderCell>
                    ) : (
                      <TableCell key={j} className={styles.cell}>
                        {cell}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function Approvals({ approvals }: { approvals: ApprovalItem[] }) {
  return (
    <HistoryTable
      heading="RAG approvals"
      columns={['Requested', 'Change', 'Approver', 'Decision', 'Comment']}
      empty="No RAG changes have been asked for."
      rows={approvals.map((a) => [
        <>
          {instant(a.requestedAt)}, {who(a.requestedBy)}
        </>,
        `${a.fromRag} to ${a.toRag}`,
        who(a.approver),
        <>
          {a.state}
          {a.decidedAt ? (
            <>
              {' '}by {who(a.decidedBy)}, {instant(a.decidedAt)}
            </>
          ) : null}
        </>,
        a.comment ?? '',
      ])}
    />
  );
}

function Reminders({ reminders }: { reminders: ReminderItem[] }) {
  const outcome = (r: ReminderItem) => (r.outcome === 'sent' ? 'Sent' : r.outcome === 'failed' ? 'Failed' : 'Not confirmed');
  return (
    <HistoryTable
      heading="Reminders sent"
      columns={['Sent', 'To', 'Why', 'Outcome', 'Detail']}
      empty="No reminders have been sent for this task."
      rows={reminders.map((r) => [instant(r.sentAt), r.recipientName, r.triggerLabel ?? r.trigger, outcome(r), r.detail ?? ''])}
    />
  );
}
