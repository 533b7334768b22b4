import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, DocumentTextRegular, HistoryRegular, TableSimpleRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { planFilterToQuery, type PlanFilter } from '../../core/plan/plan-filter';
import { ApiError, apiDownload } from './api-client';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: 0 },
  status: { minHeight: 0 },
});

interface ExportTarget {
  key: string;
  label: string;
  icon: JSX.Element;
  path: (query: string) => string;
  fallbackName: string;
}

const TARGETS: ExportTarget[] = [
  { key: 'csv', label: 'Export CSV', icon: <TableSimpleRegular />, path: (q) => `/api/export/plan.csv${q ? `?${q}` : ''}`, fallbackName: 'edi-plan.csv' },
  { key: 'xlsx', label: 'Export Excel', icon: <DocumentTableRegular />, path: (q) => `/api/export/plan.xlsx${q ? `?${q}` : ''}`, fallbackName: 'edi-plan.xlsx' },
  { key: 'docx', label: 'Board report (Word)', icon: <DocumentTextRegular />, path: () => '/api/export/board-report.docx', fallbackName: 'board-report.docx' },
  // Every officer's change to the plan, whatever the view shows.
  { key: 'history', label: 'History (CSV)', icon: <HistoryRegular />, path: () => '/api/export/history.csv', fallbackName: 'edi-plan-history.csv' },
];

/** Officers: the current filtered view as CSV or Excel, the board report and the history of changes; other actions (import) sit alongside. */
export function ExportBar({ filter, children }: { filter: PlanFilter; children?: ReactNode }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string>();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  const download = async (target: ExportTarget) => {
    setBusy(target.key);
    setResult(undefined);
    try {
      const name = await apiDownload(target.path(planFilterToQuery(filter)), target.fallbackName);
      setResult({ ok: true, text: `Downloaded ${name}.` });
    } catch (error) {
      setResult({ ok: false, text: error instanceof ApiError ? `The file could not be made: ${error.message}` : 'The file could not be downloaded. Please try again.' });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div>
      <div role="group" aria-label="Exports and import" className={styles.bar}>
        {TARGETS.map((target) => (
          <Button key={target.key} icon={target.icon} disabled={busy !== undefined} disabledFocusable={busy !== undefined} onClick={() => void download(target)}>
            {busy === target.key ? 'Preparing…' : target.label}
          </Button>
        ))}
        {children}
      </div>
      <div role="status" aria-live="polite" className={styles.status}>
        {result?.ok && (
          <MessageBar intent="success">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && !result.ok && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </div>
  );
}
