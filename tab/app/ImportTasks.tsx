import { Badge, Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { RowMark } from '../../core/import/columns/mapping-file';
import type { ImportedTask } from '../../core/import/import-report';
import { countOf } from './format';
import { dueWords, groupByObjective, ownerWords, ROW_MARK_WORDS, type ObjectiveGroup } from './import-groups';
import { rowMarkOf, type MappingFile } from './import-mapping';
import { RagBadge } from './RagBadge';
import { visuallyHidden } from './visually-hidden';

/** Rows shown per objective at first, and per "Show more": a plan of hundreds of tasks stays quick. */
export const IMPORT_PAGE_SIZE = 25;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  scroller: { overflowX: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse', ...typographyStyles.body1 },
  cell: { textAlign: 'start', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  head: { ...typographyStyles.body1Strong },
  where: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  caption: visuallyHidden,
  // "Show more" moves focus to the first row it adds: show where it went.
  row: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
});

export interface ImportTasksProps {
  tasks: readonly ImportedTask[];
  mapping: MappingFile;
  onMark: (where: string, mark: RowMark) => void;
}

function TaskRow({ task, mark, onMark }: { task: ImportedTask; mark: RowMark | undefined; onMark: ImportTasksProps['onMark'] }) {
  const styles = useStyles();
  return (
    <tr data-import-task={task.ref} tabIndex={-1} className={styles.row}>
      <td className={styles.cell}>
        {task.ref}
        {task.refGenerated && <span className={styles.where}> (numbered by the import)</span>}
      </td>
      <td className={styles.cell}>{task.title}</td>
      <td className={styles.cell} data-import-owners="">
        {ownerWords(task)}
      </td>
      <td className={styles.cell} data-import-due="">
        {dueWords(task)}
      </td>
      <td className={styles.cell}>
        <RagBadge rag={task.rag} /> <span>{task.status}</span>
      </td>
      <td className={`${styles.cell} ${styles.where}`}>{task.where}</td>
      <td className={styles.cell}>
        {mark ? (
          <Badge appearance="outline" color="informative">{`Marked as ${ROW_MARK_WORDS[mark]}`}</Badge>
        ) : (
          <div className={styles.actions}>
            <Button size="small" aria-label={`Not a task: ${task.where}`} onClick={() => onMark(task.where, 'not-a-task')}>
              Not a task
            </Button>
            <Button size="small" aria-label={`Heading: ${task.where}`} onClick={() => onMark(task.where, 'heading')}>
              Heading
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** One objective's tasks, a page at a time; "Show more" moves focus to the first row it adds. */
function ObjectiveTasks({ group, mapping, onMark }: { group: ObjectiveGroup } & Omit<ImportTasksProps, 'tasks'>) {
  const styles = useStyles();
  const [shown, setShown] = useState(IMPORT_PAGE_SIZE);
  const [bodyRef, setBodyRef] = useState<HTMLTableSectionElement | null>(null);
  const rest = group.tasks.length - shown;
  const showMore = () => {
    const first = shown;
    setShown(shown + IMPORT_PAGE_SIZE);
    requestAnimationFrame(() => (bodyRef?.rows[first] as HTMLElement | undefined)?.focus());
  };
  return (
    <section className={styles.group} aria-label={group.title}>
      <h4 className={styles.heading}>
        {group.title} <span className={styles.where}>({countOf(group.tasks.length, 'task')})</span>
      </h4>
      <div className={styles.scroller}>
        <table className={styles.table} data-import-objective={group.title}>
          <caption className={styles.caption}>Tasks found under {group.title}</caption>
          <thead>
            <tr>
              {['Ref', 'Task', 'Owners', 'Due', 'RAG and status', 'In the file', 'Correct it'].map((h) => (
                <th key={h} scope="col" className={`${styles.cell} ${styles.head}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={setBodyRef}>
            {group.tasks.slice(0, shown).map((task) => (
              <TaskRow key={task.where} task={task} mark={rowMarkOf(mapping, task.where)} onMark={onMark} />
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 && (
        <div>
          <Button onClick={showMore}>{`Show ${Math.min(rest, IMPORT_PAGE_SIZE)} more (${countOf(rest, 'task')} not shown)`}</Button>
        </div>
      )}
    </section>
  );
}

/** The tasks the dry run found, per objective, each with what it will be and where in the file it is. */
export function ImportTasks({ tasks, mapping, onMark }: ImportTasksProps) {
  return (
    <>
      {groupByObjective(tasks).map((group) => (
        <ObjectiveTasks key={group.key} group={group} mapping={mapping} onMark={onMark} />
      ))}
    </>
  );
}
