import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { TaskView } from '../../core/plan-view';
import { excerpt, formatInstantAsDate, isoDateOfInstant } from './format';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  text: { margin: 0, overflowWrap: 'anywhere' },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
});

/** An excerpt of the latest progress update with when and by whom. */
export function LatestUpdateCell({ update }: { update: TaskView['latestUpdate'] }) {
  const styles = useStyles();
  if (!update) return <span className={styles.none}>No update yet</span>;
  return (
    <div className={styles.cell}>
      <p className={styles.text}>{excerpt(update.text)}</p>
      <span className={styles.meta}>
        <time dateTime={isoDateOfInstant(update.at) ?? update.at}>{formatInstantAsDate(update.at)}</time>
        {update.by ? `, ${update.by}` : null}
      </span>
    </div>
  );
}
