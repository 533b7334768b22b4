import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { PendingApprovalView } from './api-types';
import { formatInstantAsDate, isoDateOfInstant } from './format';
import { RagIcon } from './RagBadge';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  proposed: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
});

/** A proposed RAG change waiting for its approver, or "None". */
export function PendingApprovalCell({ approval }: { approval?: PendingApprovalView }) {
  const styles = useStyles();
  if (!approval) return <span className={styles.none}>None</span>;
  return (
    <div className={styles.cell} data-pending-approval="">
      <span className={styles.proposed}>
        <RagIcon rag={approval.proposedRag} />
        {approval.proposedRag} proposed
      </span>
      <span className={styles.meta}>
        Awaiting {approval.approverName} since{' '}
        <time dateTime={isoDateOfInstant(approval.requestedAt) ?? approval.requestedAt}>{formatInstantAsDate(approval.requestedAt)}</time>
      </span>
    </div>
  );
}
