import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, DocumentTextRegular, HistoryRegular, TableSimpleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { planFilterToQuery, type PlanFilter } from '../../core/plan/plan-filter';
import { DownloadResult, useDownload } from './use-download';

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
  const { busy, result, download } = useDownload();

  return (
    <div>
      <div role="group" aria-label="Exports and import" className={styles.bar}>
        {TARGETS.map((target) => (
          <Button key={target.key} icon={target.icon} disabled={busy !== undefined} disabledFocusable={busy !== undefined} onClick={() => void download({ key: target.key, path: target.path(planFilterToQuery(filter)), fallbackName: target.fallbackName, what: 'The file' })}>
            {busy === target.key ? 'Preparing…' : target.label}
          </Button>
        ))}
        {children}
      </div>
      <DownloadResult result={result} className={styles.status} />
    </div>
  );
}
