import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ChatWarningRegular } from '@fluentui/react-icons';
import type { PlanTask } from './api-types';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  accountable: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
  // A quiet note, not an alarm: red and bold are kept for Red RAG and overdue. The icon takes
  // Fluent's warning colour; the words stay in the secondary text colour (AA in every theme).
  unreachable: {
    ...typographyStyles.caption1,
    display: 'inline-flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXXS,
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  unreachableIcon: { flexShrink: 0, fontSize: '16px', color: tokens.colorStatusWarningForeground1 },
});

/** Responsible officers, the accountable officer when there is one, and whether the bot can reach the owners. */
export function OwnersCell({ task }: { task: Pick<PlanTask, 'owners' | 'accountableOfficer' | 'ownerUnreachable'> }) {
  const styles = useStyles();
  return (
    <>
      {task.owners.length === 0 ? (
        <span className={styles.none}>No owner</span>
      ) : (
        <ul className={styles.list}>
          {task.owners.map((owner, i) => (
            <li key={`${i}:${owner.email}`}>{owner.displayName}</li>
          ))}
        </ul>
      )}
      {task.accountableOfficer && (
        <span className={styles.accountable}>Accountable: {task.accountableOfficer.displayName}</span>
      )}
      {task.ownerUnreachable && (
        <span className={styles.unreachable} data-owner-unreachable="">
          <ChatWarningRegular aria-hidden className={styles.unreachableIcon} />
          The bot cannot message an owner yet
        </span>
      )}
    </>
  );
}
