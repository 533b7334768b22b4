import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { EvidenceLinkItem } from './api-types';
import { formatInstantAsDate } from './format';
import { historyList } from './history-styles';
import { detailFields } from './shared-styles';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  section: detailFields.section,
  heading: detailFields.heading,
  muted: historyList.muted,
  meta: historyList.meta,
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  hidden: visuallyHidden,
});

/** The task's evidence, each link opening in a new window (and saying so). */
export function TaskEvidenceLinks({ links }: { links: EvidenceLinkItem[] }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="task-evidence-links-heading">
      <h3 id="task-evidence-links-heading" className={styles.heading}>
        Evidence links ({links.length})
      </h3>
      {links.length === 0 ? (
        <p className={styles.muted}>No evidence links yet.</p>
      ) : (
        <ul className={styles.list}>
          {links.map((link) => (
            <li key={link.url} data-evidence-link={link.url}>
              <Link href={link.url} target="_blank" rel="noopener noreferrer">
                {link.title} <OpenRegular aria-hidden />
                <span className={styles.hidden}> (opens in a new window)</span>
              </Link>
              {link.addedBy && (
                <span className={styles.meta}>
                  {' '}
                  — added by {link.addedBy.displayName}
                  {link.addedAt ? `, ${formatInstantAsDate(link.addedAt)}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
