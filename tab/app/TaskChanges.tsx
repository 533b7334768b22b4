import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChangeItem } from './api-types';
import { formatInstantAsDateTime } from './format';
import { historyList } from './history-styles';
import { detailFields } from './shared-styles';

const useStyles = makeStyles({
  ...historyList,
  section: detailFields.section,
  heading: detailFields.heading,
  fields: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

const ACTIONS: Record<ChangeItem['action'], string> = { created: 'added the task', edited: 'edited', withdrawn: 'withdrew the task', retired: 'retired', restored: 'restored the task' };

/** What EDI officers changed on the task, newest first: who, when, each field from what to what, and why. */
export function TaskChanges({ changes }: { changes: ChangeItem[] }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="task-changes-heading">
      <h3 id="task-changes-heading" className={styles.heading}>
        Changes ({changes.length})
      </h3>
      {changes.length === 0 ? (
        <p className={styles.muted}>No one has changed this task in the tab yet.</p>
      ) : (
        <ol className={styles.list}>
          {changes.map((c) => (
            <li key={c.id} className={styles.item} data-change={c.action}>
              <span className={styles.meta}>
                <time dateTime={c.changedAt}>{formatInstantAsDateTime(c.changedAt)}</time>, {c.changedBy.displayName} {ACTIONS[c.action] ?? c.action}
              </span>
              {c.changes.length > 0 && (
                <ul className={styles.fields}>
                  {c.changes.map((f) => (
                    <li key={f.field} data-change-field={f.field}>
                      <strong>{f.label}:</strong> {f.from ?? '(empty)'} → {f.to ?? '(empty)'}
                    </li>
                  ))}
                </ul>
              )}
              {c.reason && (
                <p className={styles.text}>
                  <strong>Reason:</strong> {c.reason}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
