import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { Mover, Movers } from './api-types';
import { countOf } from './format';
import { RagIcon } from './RagBadge';
import { visuallyHidden } from './visually-hidden';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: tokens.spacingHorizontalXXL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.body1Strong, margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground1 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { ...typographyStyles.body1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground1 },
  // At least 24px tall, the minimum target size (WCAG 2.5.8).
  task: { minHeight: '24px', textAlign: 'start', overflowWrap: 'anywhere' },
  change: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  rag: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  icon: { fontSize: '16px' },
  text: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground1 },
  hidden: visuallyHidden,
});

/** Tasks whose RAG went up or down since the last closed round, each opening in the plan's task panel. */
export function TrendsMovers({ movers, onOpenTask }: { movers: Movers; onOpenTask: (taskId: string) => void }) {
  const styles = useStyles();
  if (!movers.since) return <p className={styles.text}>No round has closed yet, so there is nothing to compare with.</p>;
  if (movers.up.length === 0 && movers.down.length === 0) {
    return <p className={styles.text}>No task&rsquo;s RAG status has changed since {movers.since.name}.</p>;
  }
  return (
    <div className={styles.columns}>
      <MoverGroup direction="up" movers={movers.up} onOpenTask={onOpenTask} />
      <MoverGroup direction="down" movers={movers.down} onOpenTask={onOpenTask} />
    </div>
  );
}

function MoverGroup({ direction, movers, onOpenTask }: { direction: 'up' | 'down'; movers: Mover[]; onOpenTask: (taskId: string) => void }) {
  const styles = useStyles();
  const headingId = useId();
  const Arrow = direction === 'up' ? ArrowUpRegular : ArrowDownRegular;
  const words = direction === 'up' ? 'Went up' : 'Went down';
  return (
    <div className={styles.group} data-movers={direction}>
      <h3 id={headingId} className={styles.heading}>
        <Arrow aria-hidden className={styles.icon} />
        {words} ({countOf(movers.length, 'task')})
      </h3>
      {movers.length === 0 ? (
        <p className={styles.text}>{direction === 'up' ? 'No task went up.' : 'No task went down.'}</p>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {movers.map((m) => (
            <li key={m.taskId} className={styles.item} data-task-ref={m.ref}>
              <Link as="button" className={styles.task} aria-haspopup="dialog" data-open-task={m.taskId} onClick={() => onOpenTask(m.taskId)}>
                {m.ref} {m.title}
              </Link>
              <span className={styles.change} data-from={m.from} data-to={m.to}>
                <span className={styles.rag}>
                  <RagIcon rag={m.from} className={styles.icon} />
                  {m.from}
                </span>
                <span aria-hidden>→</span>
                <span className={styles.hidden}> to </span>
                <span className={styles.rag}>
                  <RagIcon rag={m.to} className={styles.icon} />
                  {m.to}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
