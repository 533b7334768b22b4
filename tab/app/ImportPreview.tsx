import { Button, Field, MessageBar, MessageBarBody, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import type { RowMark } from '../../core/import/columns/mapping-file';
import { ImportColumns } from './ImportColumns';
import { ImportMarkedRows, ImportNotes } from './ImportNotes';
import { ImportTasks } from './ImportTasks';
import type { ImportSession } from './use-import-session';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  file: { ...typographyStyles.body1 },
});

type FocusTarget = { undo: string } | { id: string };

/** After a mark, focus goes to its Undo; after an undo, to the marked rows (or the tasks) heading. */
function useFocusAfterMarks(): (target: FocusTarget) => void {
  const [target, setTarget] = useState<FocusTarget>();
  useEffect(() => {
    if (!target) return;
    const element = 'undo' in target ? document.querySelector<HTMLElement>(`[data-undo-row="${CSS.escape(target.undo)}"]`) : document.getElementById(target.id);
    element?.focus();
    setTarget(undefined);
  }, [target]);
  return setTarget;
}

/** Save the officer's choices as a mapping file, or bring a saved one in (it replaces the choices). */
function MappingFileTools({ session, onSaved }: { session: ImportSession; onSaved: (fileName: string) => void }) {
  const styles = useStyles();
  const { state, actions } = session;
  return (
    <div className={styles.tools}>
      <Button icon={<ArrowDownloadRegular />} onClick={() => onSaved(actions.saveMappingFile())}>
        Save mapping file
      </Button>
      <Field label="Use a saved mapping file" hint="JSON, as saved here or as the import's --mapping reads; it replaces the choices above." validationMessage={state.mappingFileProblem}>
        {(props) => (
          <input
            {...props}
            type="file"
            className={styles.file}
            accept=".json,application/json"
            onChange={(e) => {
              void actions.loadMappingFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        )}
      </Field>
    </div>
  );
}

/**
 * The dry run, correctable: what each column means, rows to leave out, the tasks found per
 * objective, warnings and skipped rows. Each correction re-runs the dry run; nothing is saved.
 */
export function ImportPreview({ session, onSaved }: { session: ImportSession; onSaved: (fileName: string) => void }) {
  const styles = useStyles();
  const { state, actions } = session;
  const { report } = state;
  const [columnsId, tasksId, markedId] = [useId(), useId(), useId()];
  const focus = useFocusAfterMarks();
  const rows = state.mapping.rows ?? {};
  const mark = (where: string, value: RowMark) => {
    actions.markRow(where, value);
    focus({ undo: where });
  };
  const undo = (where: string) => {
    actions.markRow(where, undefined);
    focus({ id: Object.keys(rows).length > 1 ? markedId : tasksId });
  };

  return (
    <>
      <section aria-labelledby={columnsId} className={styles.section} data-import-preview="">
        <h3 id={columnsId} className={styles.heading}>
          What the columns mean
        </h3>
        <p>Change what a column holds and the preview below updates. Nothing is saved until you press Import.</p>
        {state.previewProblem && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>With these choices there is nothing to import. {state.previewProblem}</MessageBarBody>
          </MessageBar>
        )}
        <ImportColumns headers={state.headers} report={report} guesses={state.guesses} mapping={state.mapping} onChange={(header, choice) => actions.setColumn(header, choice)} />
        <MappingFileTools session={session} onSaved={onSaved} />
      </section>
      <ImportMarkedRows rows={rows} titles={state.titles} headingId={markedId} onUndo={undo} />
      {report && (
        <section aria-labelledby={tasksId} className={styles.section}>
          <h3 id={tasksId} className={styles.heading} tabIndex={-1}>
            Tasks found ({report.tasks.length})
          </h3>
          <p>Mark a row that is not a task (a note, a total) or that is a heading (an objective or section title); Undo is under "Rows you marked".</p>
          <ImportTasks tasks={report.tasks} mapping={state.mapping} onMark={mark} />
        </section>
      )}
      {report && <ImportNotes report={report} />}
    </>
  );
}
