import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { MailClockRegular } from '@fluentui/react-icons';
import type { TaskView } from '../../core/plan-view';
import { excerpt, formatInstantAsDate, isoDateOfInstant } from './format';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { margin: 0, overflowWrap: 'anywhere' },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
  awaiting: {
    ...typographyStyles.caption1Strong,
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
});

/** An excerpt of the latest progress update with when and by whom, and whether the open round still waits for one. */
export function LatestUpdateCell({ update, awaitingUpdate }: { update: TaskView['latestUpdate']; awaitingUpdate?: boolean }) {
  const styles = useStyles();
  const awaiting = awaitingUpdate ? (
    <span className={styles.awaiting} data-awaiting-update="">
      <MailClockRegular aria-hidden />
      Awaiting update for this round
    </span>
  ) : null;
  if (!update) {
    return (
      <div className={styles.cell}>
        <span className={styles.none}>No update yet</span>
        {awaiting}
      </div>
    );
  }
  return (
    <div className={styles.cell}>
      <p className={styles.text}>{excerpt(update.text)}</p>
      <span className={styles.meta}>
        <time dateTime={isoDateOfInstant(update.at) ?? update.at}>{formatInstantAsDate(update.at)}</time>
        {update.by ? `, ${update.by}` : null}
      </span>
      {awaiting}
    </div>
  );
}
