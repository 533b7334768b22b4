import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { PersonProhibitedRegular } from '@fluentui/react-icons';
import type { PlanTask } from './api-types';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  accountable: { ...typographyStyles.caption1, display: 'block', color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
  unreachable: {
    ...typographyStyles.caption1Strong,
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteRedForeground1,
  },
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
          <PersonProhibitedRegular aria-hidden />
          The bot cannot reach an owner
        </span>
      )}
    </>
  );
}
