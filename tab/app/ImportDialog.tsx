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
import { useId, useState } from 'react';
import type { ImportAction } from '../../core/import/import-report';
import { ApiError } from './api-client';
import { countOf } from './format';
import { downloadTemplate, uploadPlan, type ImportReport } from './import-api';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  warnings: { maxHeight: '16rem', overflowY: 'auto' },
  where: { color: tokens.colorNeutralForeground3 },
  file: { ...typographyStyles.body1 },
});

function counts(c: Record<ImportAction, number>, dryRun: boolean): string {
  const verb = (a: ImportAction) => (a === 'unchanged' ? 'unchanged' : dryRun ? `to ${a}` : a === 'create' ? 'created' : 'updated');
  const parts = (['create', 'update', 'unchanged'] as const).filter((a) => c[a] > 0).map((a) => `${c[a]} ${verb(a)}`);
  return parts.length ? parts.join(', ') : 'none';
}

/**
 * Officers: bring a plan in from Excel, CSV or Word. A dry run comes first and shows what would be
 * created or changed and every warning; only then can the officer import it.
 */
export function ImportDialog({ onImported }: { onImported: () => void }) {
  const styles = useStyles();
  const warningsId = useId();
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<'check' | 'import'>();

  const reset = () => {
    setFile(undefined);
    setReport(undefined);
    setProblem(undefined);
  };

  const run = async (dryRun: boolean) => {
    if (!file) {
      setProblem('Choose the plan file first.');
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setProblem(undefined);
    try {
      const result = await uploadPlan(file, dryRun);
      setReport(result);
      if (!dryRun) onImported();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The file could not be sent. Please try again.');
    } finally {
      setBusy(undefined);
    }
  };

  const imported = report && !report.dryRun;

  return (
    <>
      <Button icon={<ArrowUploadRegular />} onClick={() => setOpen(true)}>
        Import a plan
      </Button>
      <Dialog
        open={open}
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) reset();
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Import a plan</DialogTitle>
            <DialogContent className={styles.content}>
              <p>
                Upload the council's plan as an Excel workbook, a CSV file or a Word document. It is checked first and nothing is saved until you press Import.{' '}
                <Link as="button" onClick={() => void downloadTemplate().catch(() => setProblem('The template could not be downloaded. Please try again.'))}>
                  Download the blank template
                </Link>
                .
              </p>
              {problem && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={{ children: 'Plan file', htmlFor: fileId }} hint="Excel (.xlsx), CSV or Word (.docx), up to 15 MB">
                <input
                  id={fileId}
                  type="file"
                  className={styles.file}
                  accept=".xlsx,.csv,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                  onChange={(e) => {
                    setFile(e.target.files?.[0]);
                    setReport(undefined);
                    setProblem(undefined);
                  }}
                />
              </Field>
              <div role="status" aria-live="polite">
                {report && (
                  <MessageBar intent={imported ? 'success' : report.warnings.length ? 'warning' : 'info'} layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{imported ? 'Imported.' : 'Checked: nothing has been saved yet.'}</MessageBarTitle>
                      Tasks: {counts(report.summary.tasks, report.dryRun)}. Objectives: {counts(report.summary.objectives, report.dryRun)}.
                      {report.summary.rounds.create + report.summary.rounds.update > 0 ? ` Past update rounds: ${counts(report.summary.rounds, report.dryRun)}.` : ''}{' '}
                      {report.summary.skipped > 0 ? `${countOf(report.summary.skipped, 'row')} skipped. ` : ''}
                      {countOf(report.warnings.length, 'warning')}.
                    </MessageBarBody>
                  </MessageBar>
                )}
              </div>
              {report && report.warnings.length > 0 && (
                <section aria-labelledby={warningsId} className={styles.content}>
                  <h3 id={warningsId} className={styles.heading}>
                    Warnings
                  </h3>
                  <div className={styles.warnings} role="region" aria-labelledby={warningsId} tabIndex={0}>
                    <ul className={styles.list} data-import-warnings="">
                      {report.warnings.map((w, i) => (
                        <li key={i}>
                          {w.where && <span className={styles.where}>{w.where}: </span>}
                          {w.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                </section>
              )}
              {report && report.toAssign.length > 0 && (
                <p>
                  To assign after the import: {report.toAssign.map((a) => `"${a.text}" (${a.role}, ${a.taskRefs.join(', ')})`).join('; ')}.
                </p>
              )}
            </DialogContent>
            <DialogActions>
              {!imported && (
                <Button appearance={report ? 'secondary' : 'primary'} disabled={!file || busy !== undefined} onClick={() => void run(true)}>
                  {busy === 'check' ? 'Checking…' : 'Check the file'}
                </Button>
              )}
              {report?.dryRun && (
                <Button appearance="primary" disabled={busy !== undefined} onClick={() => void run(false)}>
                  {busy === 'import' ? 'Importing…' : `Import ${countOf(report.tasks.length, 'task')}`}
                </Button>
              )}
              <Button
                onClick={() => {
                  setOpen(false);
                  reset();
                }}
              >
                {imported ? 'Done' : 'Cancel'}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
