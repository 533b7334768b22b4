import { formatMeasureValue } from '../measures/measure-rules';
import { formatDate } from '../plan/london-time';
import type { ImportAction, ImportCellCounts, ImportedTask, ImportReport, ImportTableLayout } from './import-report';

/** The import report as plain lines for a terminal (`npm run import`); `--json` prints the report itself. */

const FORMAT_NAMES = { xlsx: 'Excel workbook', csv: 'CSV file', docx: 'Word document' } as const;
const MARK: Record<ImportAction, string> = { create: '+', update: '~', unchanged: '=' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clip = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1)}\u2026` : s);

function counts(c: Record<ImportAction, number>, noun: string, verb: (a: ImportAction) => string): string {
  const parts = (['create', 'update', 'unchanged'] as const).filter((a) => c[a] > 0).map((a) => `${c[a]} ${verb(a)}`);
  return `${noun}: ${parts.length ? parts.join(', ') : 'none'}`;
}

const LAYOUT_NOTE: Record<ImportTableLayout, string> = {
  table: '',
  transposed: ' (read sideways: one task per column)',
  records: ' (a block of labelled rows: one task)',
  paragraphs: ' (numbered, bulleted or labelled paragraphs)',
};
const MAX_NOT_USED = 8;

/** What became of every cell read, and the first few not used, with why. */
function cellLines(report: ImportReport): string[] {
  const sum = (k: keyof ImportCellCounts) => report.tables.reduce((n, t) => n + (t.cells?.[k] ?? 0), 0);
  if (sum('read') === 0) return [];
  const lines = [`  Cells read: ${sum('read')} \u2014 ${sum('used')} in tasks, ${sum('headers')} headers and labels, ${sum('headings')} headings, ${sum('ignored')} not used.`];
  const notUsed = report.tables.flatMap((t) => t.ignored ?? []);
  for (const i of notUsed.slice(0, MAX_NOT_USED)) lines.push(`    ${i.where}${i.text ? ` "${clip(i.text, 40)}"` : ''}: ${i.reason}${i.cells > 1 ? ` (${i.cells} cells)` : ''}`);
  if (notUsed.length > MAX_NOT_USED) lines.push(`    \u2026 and ${notUsed.length - MAX_NOT_USED} more (--json lists them all)`);
  return lines;
}

function taskDetail(t: ImportedTask): string {
  const parts: string[] = [];
  const owners = [...t.owners.map((o) => o.displayName), ...t.unassignedOwners.map((u) => `"${u}" (to assign)`)];
  parts.push(owners.length ? `owner ${owners.join(', ')}` : 'no owner');
  if (t.accountableOfficer) parts.push(`accountable ${t.accountableOfficer.displayName}`);
  else if (t.accountableOfficerText) parts.push(`accountable "${t.accountableOfficerText}" (to assign)`);
  if (t.dueDate) parts.push(`due ${formatDate(t.dueDate)}${t.dueText && t.dueText !== t.dueDate ? ` ("${clip(t.dueText, 40)}")` : ''}`);
  else if (t.dueText) parts.push(`deadline "${clip(t.dueText, 40)}" (no date)`);
  parts.push(`${t.status === 'Open' || t.status === t.rag ? t.rag : `${t.rag}, ${t.status}`}${t.statusText ? ` ("${clip(t.statusText, 30)}")` : ''}`);
  if (t.kind === 'Ongoing') parts.push('ongoing');
  const m = t.measure;
  if (m) parts.push(`measure ${m.baseline !== undefined ? `${formatMeasureValue(m.baseline, m.unit)} \u2192 ` : ''}${formatMeasureValue(m.target, m.unit)}${m.targetDate ? ` by ${formatDate(m.targetDate)}` : ''}`);
  if (t.history.length) parts.push(plural(t.history.length, 'history entry', 'history entries'));
  return parts.join(' \u00b7 ');
}

export function describeImport(report: ImportReport): string[] {
  const lines: string[] = [];
  const s = report.summary;
  const would = report.dryRun;
  const verb = (a: ImportAction) => (a === 'unchanged' ? 'unchanged' : would ? `to ${a}` : a === 'create' ? 'created' : 'updated');
  lines.push(`${report.fileName} (${FORMAT_NAMES[report.format]})`);
  for (const t of report.tables) {
    if (!t.recognised) continue;
    const cols = t.columns.map((c) => `${clip(c.header, 30)} \u2192 ${c.field}${c.date ? ` (${c.date})` : ''}`).join('; ');
    const layout = t.layout ?? 'table';
    lines.push(`  ${t.name}${LAYOUT_NOTE[layout]}: ${plural(t.tasks, 'task')}. ${layout === 'table' ? 'Columns' : 'Fields'}: ${cols}`);
    if (t.ignoredColumns.length) lines.push(`    Not read: ${t.ignoredColumns.map((h) => `"${clip(h, 40)}"`).join(', ')} (name them in a mapping file to bring them in)`);
  }
  const unread = report.tables.filter((t) => !t.recognised && (t.cells?.read ?? 1) > 0 && !t.cells?.used && !t.cells?.headers).length;
  if (unread) lines.push(`  ${plural(unread, 'other part')} of the file with no tasks (titles, headings, notes).`);
  lines.push(...cellLines(report));
  lines.push('');
  lines.push(would ? 'Dry run: nothing was written. Importing would give:' : 'Imported:');
  lines.push(`  ${counts(s.objectives, 'Objectives', verb)}`);
  lines.push(`  ${counts(s.tasks, 'Tasks', verb)}`);
  if (report.rounds.length) {
    const rounds = report.rounds.map((r) => `"${r.name}"`).join(', ');
    lines.push(s.historyEntries === 0 ? `  History: nothing new (${rounds} already in the plan)` : `  History: ${plural(s.historyEntries, 'new entry', 'new entries')} in ${plural(report.rounds.length, 'closed update round')} (${rounds})`);
  }
  if (s.skipped) lines.push(`  Rows not imported: ${s.skipped}`);

  const listed = report.tasks.filter((t) => t.action !== 'unchanged');
  if (listed.length) {
    lines.push('', 'Tasks');
    for (const t of listed) {
      lines.push(`  ${MARK[t.action]} ${t.ref}${t.refGenerated ? '*' : ''}  ${clip(t.title)}`);
      lines.push(`      ${taskDetail(t)}${t.action === 'update' && t.changes.length ? ` \u00b7 changes: ${t.changes.join(', ')}` : ''}`);
    }
    if (listed.some((t) => t.refGenerated)) lines.push('  * ref numbered by the import (the file has none for this row)');
  }
  if (report.warnings.length) {
    lines.push('', `Warnings (${report.warnings.length})`);
    for (const w of report.warnings) lines.push(`  ${[w.where, w.ref && `(${w.ref})`].filter(Boolean).join(' ')}${w.where || w.ref ? ': ' : ''}${w.message}`);
  }
  if (report.toAssign.length) {
    lines.push('', `To assign (${report.toAssign.length}): names and roles nobody in the directory matches. They are kept on the tasks for an EDI officer to assign.`);
    for (const a of report.toAssign) lines.push(`  "${a.text}" (${a.role}): ${a.taskRefs.join(', ')}`);
  }
  return lines;
}
