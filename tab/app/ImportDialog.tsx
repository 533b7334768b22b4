import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ImportAction } from '../../core/import/import-report';
import { countOf } from './format';
import { downloadTemplate } from './import-api';
import type { ImportState } from './import-session';
import { ImportNotes } from './ImportNotes';
import { ImportPreview } from './ImportPreview';
import { useImportSession } from './use-import-session';

const useStyles = makeStyles({
  surface: { width: 'min(72rem, calc(100vw - 2rem))', maxWidth: 'min(72rem, calc(100vw - 2rem))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  file: { ...typographyStyles.body1 },
});

function counts(c: Record<ImportAction, number>, dryRun: boolean): string {
  const verb = (a: ImportAction) => (a === 'unchanged' ? 'unchanged' : dryRun ? `to ${a}` : a === 'create' ? 'created' : 'updated');
  const parts = (['create', 'update', 'unchanged'] as const).filter((a) => c[a] > 0).map((a) => `${c[a]} ${verb(a)}`);
  return parts.length ? parts.join(', ') : 'none';
}

function summaryTitle(state: ImportState): string | undefined {
  const { report } = state;
  if (state.busy === 'check') return 'Checking the file…';
  if (state.busy === 'import') return 'Importing…';
  if (state.updating) return 'Updating the preview…';
  if (!report) return undefined;
  if (state.last === 'imported') return 'Imported.';
  if (state.last === 'updated') return `Preview updated: ${countOf(report.tasks.length, 'task')}, ${countOf(report.warnings.length, 'warning')}. Nothing has been saved yet.`;
  return 'Checked: nothing has been saved yet.';
}

/** The live region: what the last step did (checked, preview updated, imported), with the counts. */
function ImportSummary({ state, notice }: { state: ImportState; notice?: string }) {
  const { report } = state;
  const title = summaryTitle(state);
  const imported = state.last === 'imported';
  return (
    <div role="status" aria-live="polite" data-import-status="">
      {title && (
        <MessageBar intent={imported ? 'success' : report?.warnings.length ? 'warning' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {report && !state.updating && !state.busy && (
              <>
                Tasks: {counts(report.summary.tasks, report.dryRun)}. Objectives: {counts(report.summary.objectives, report.dryRun)}.
                {report.summary.rounds.create + report.summary.rounds.update > 0 ? ` Past update rounds: ${counts(report.summary.rounds, report.dryRun)}.` : ''}{' '}
                {report.summary.skipped > 0 ? `${countOf(report.summary.skipped, 'row')} skipped. ` : ''}
                {countOf(report.warnings.length, 'warning')}.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && <p>{notice}</p>}
    </div>
  );
}

/**
 * Officers: bring a plan in from Excel, CSV or Word. A dry run comes first and shows the tasks it
 * found per objective with every warning; the officer corrects what columns mean and which rows
 * are tasks, the preview updates, the choices can be saved as a mapping file, and only Import writes.
 */
export function ImportDialog({ onImported }: { onImported: () => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const session = useImportSession(onImported);
  const { state, actions } = session;
  const { report } = state;
  const imported = state.last === 'imported';
  const doneRef = useRef<HTMLButtonElement>(null);
  // The Import button goes once the import is done: focus moves to Done, next to the result.
  useEffect(() => {
    if (imported) doneRef.current?.focus();
  }, [imported]);
  const close = () => {
    setOpen(false);
    setNotice(undefined);
    actions.close();
  };
  const blocked = state.busy !== undefined || state.updating || state.previewProblem !== undefined;

  return (
    <>
      <Button icon={<ArrowUploadRegular />} onClick={() => setOpen(true)}>
        Import a plan
      </Button>
      <Dialog open={open} onOpenChange={(_, data) => (data.open ? setOpen(true) : close())}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>Import a plan</DialogTitle>
            <DialogContent className={styles.content}>
              <p>
                Upload the council's plan as an Excel workbook, a CSV file or a Word document. It is checked first, you can correct what the check made of it, and nothing is saved until you press Import.{' '}
                <Link as="button" onClick={() => void downloadTemplate().catch(() => setNotice('The template could not be downloaded. Please try again.'))}>
                  Download the blank template
                </Link>
                .
              </p>
              {state.problem && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{state.problem}</MessageBarBody>
                </MessageBar>
              )}
              <Field label="Plan file" hint="Excel (.xlsx), CSV or Word (.docx), up to 15 MB">
                {(props) => (
                  <input
                    {...props}
                    type="file"
                    className={styles.file}
                    accept=".xlsx,.csv,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    onChange={(e) => {
                      setNotice(undefined);
                      actions.chooseFile(e.target.files?.[0]);
                    }}
                  />
                )}
              </Field>
              <ImportSummary state={state} notice={notice} />
              {state.uploadId && !imported && <ImportPreview session={session} onSaved={(name) => setNotice(`Downloaded ${name}. Use it again here, or with npm run import -- <file> --mapping ${name}.`)} />}
              {imported && report && <ImportNotes report={report} />}
            </DialogContent>
            <DialogActions>
              {!imported && (
                <Button appearance={report ? 'secondary' : 'primary'} disabledFocusable={!state.file || state.busy !== undefined} onClick={() => void actions.check()}>
                  {state.busy === 'check' ? 'Checking…' : report ? 'Check the file again' : 'Check the file'}
                </Button>
              )}
              {report?.dryRun && state.uploadId && (
                <Button appearance="primary" disabledFocusable={blocked} onClick={() => void actions.confirm()}>
                  {state.busy === 'import' ? 'Importing…' : `Import ${countOf(report.tasks.length, 'task')}`}
                </Button>
              )}
              <Button ref={doneRef} onClick={close}>
                {imported ? 'Done' : 'Cancel'}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
