import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { RowMark } from '../../core/import/columns/mapping-file';
import type { ImportReport } from '../../core/import/import-report';
import { countOf } from './format';
import { ROW_MARK_WORDS } from './import-groups';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  scroll: { maxHeight: '16rem', overflowY: 'auto' },
  where: { color: tokens.colorNeutralForeground2 },
  marked: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
});

/** A titled list that scrolls on its own when long; the scroll area takes focus, so keys scroll it. */
function NoteList({ title, count, children, data }: { title: string; count: number; children: ReactNode; data: string }) {
  const styles = useStyles();
  const id = useId();
  if (count === 0) return null;
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h3 id={id} className={styles.heading}>
        {title} ({count})
      </h3>
      <div className={styles.scroll} role="region" aria-labelledby={id} tabIndex={0}>
        <ul className={styles.list} {...{ [data]: '' }}>
          {children}
        </ul>
      </div>
    </section>
  );
}

/** The report's warnings (with where they are), rows not imported, and people left to assign. */
export function ImportNotes({ report }: { report: ImportReport }) {
  const styles = useStyles();
  return (
    <>
      <NoteList title="Warnings" count={report.warnings.length} data="data-import-warnings">
        {report.warnings.map((w, i) => (
          <li key={i}>
            {w.where && <span className={styles.where}>{w.where}: </span>}
            {w.message}
          </li>
        ))}
      </NoteList>
      <NoteList title="Rows not imported" count={report.skipped.length} data="data-import-skipped">
        {report.skipped.map((s, i) => (
          <li key={i}>
            <span className={styles.where}>{s.where}: </span>
            {s.reason}
          </li>
        ))}
      </NoteList>
      <NoteList title="To assign after the import" count={report.toAssign.length} data="data-import-to-assign">
        {report.toAssign.map((a, i) => (
          <li key={i}>
            “{a.text}” ({a.role}, {a.taskRefs.join(', ')})
          </li>
        ))}
      </NoteList>
    </>
  );
}

export interface MarkedRowsProps {
  rows: Record<string, RowMark>;
  titles: Map<string, string>;
  headingId: string;
  onUndo: (where: string) => void;
}

/** The rows the officer marked, each with Undo: a marked row leaves the task list, so its undo lives here. */
export function ImportMarkedRows({ rows, titles, headingId, onUndo }: MarkedRowsProps) {
  const styles = useStyles();
  const entries = Object.entries(rows);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h3 id={headingId} className={styles.heading} tabIndex={-1}>
        Rows you marked ({entries.length})
      </h3>
      <ul className={styles.list} data-import-marked="">
        {entries.map(([where, mark]) => (
          <li key={where} className={styles.marked}>
            <span>
              <span className={styles.where}>{where}</span>
              {titles.get(where) ? ` (${titles.get(where)})` : ''}: {ROW_MARK_WORDS[mark]}.
            </span>
            <Button size="small" aria-label={`Undo: ${where}`} data-undo-row={where} onClick={() => onUndo(where)}>
              Undo
            </Button>
          </li>
        ))}
      </ul>
      <p className={styles.where}>{countOf(entries.length, 'row')} will not be imported as tasks.</p>
    </section>
  );
}
