import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { TaskView } from '../../core/plan-view';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  accountable: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
});

/** Responsible officers, and the accountable officer when there is one. */
export function OwnersCell({ task }: { task: Pick<TaskView, 'owners' | 'accountableOfficer'> }) {
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
    </>
  );
}
