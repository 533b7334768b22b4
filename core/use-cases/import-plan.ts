import { buildReport } from '../import/build-report';
import { EMPTY_MAPPING, type ImportMapping } from '../import/columns/mapping-file';
import { planRounds, type RoundLine } from '../import/history-rounds';
import { ImportFileError } from '../import/import-errors';
import type { ImportReport, ImportWarning } from '../import/import-report';
import { readRows, type RowsReading } from '../import/layout/read-rows';
import { planObjectives } from '../import/objective-changes';
import { OwnerMatcher } from '../import/owners/owner-matcher';
import { buildDrafts, importAuthor } from '../import/plan-drafts';
import { readPlanFile } from '../import/source/read-plan-file';
import { planTaskChange, type TaskChange } from '../import/task-changes';
import { londonDate } from '../plan/london-time';
import type { Clock } from '../ports/clock';
import type { Directory } from '../ports/directory';
import type { PlanStore } from '../ports/plan-store';
import { writeObjectives, writeRounds, writeTask } from './import-writes';

/**
 * Brings a council's existing plan (.xlsx, .docx or .csv) into the store: the CLI (`npm run import`)
 * and the tab's upload both call this. A dry run reads, matches and reports without writing; a real
 * run writes the same changes. A file that cannot be imported throws ImportFileError before any
 * write. Re-importing the same file changes nothing; an edited one updates tasks by ref.
 */

export interface ImportPlanDeps {
  store: PlanStore;
  clock: Clock;
  directory: Directory;
}

export interface ImportPlanCommand {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  mapping?: ImportMapping;
}

/** The file's own name only (no folders), short enough to quote in messages and titles. */
function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f]/g, '').trim() ?? '';
  return (base || 'plan').slice(0, 120);
}

function assertImportable(fileName: string, reading: RowsReading): void {
  if (!reading.tables.some((t) => t.recognised)) {
    const sample = reading.tables.filter((t) => t.layout !== 'paragraphs').sort((a, b) => b.firstRow.length - a.firstRow.length)[0];
    const seen = sample?.firstRow.length ? ` The first row of ${sample.name} reads: "${sample.firstRow.slice(0, 8).map((c) => c.slice(0, 40)).join(' | ')}".` : ' It has no tables.';
    const words = reading.tables.some((t) => t.layout === 'paragraphs')
      ? ' Nor does any paragraph read as an action: we look for numbered or bulleted items naming a lead or a date ("Lead: …", "By March 2026"), or labelled paragraphs ("Action: …", "Lead officer: …").'
      : '';
    throw new ImportFileError(
      'no-columns',
      `${fileName} has no table with columns we recognise. We look for a header row naming the tasks (e.g. "Task", "Action", "Key action") and at least one other column (e.g. "Ref", "Who", "Date for completion"), or field names down the side.${seen}${words} Rename the headers, or name them in a mapping file.`,
    );
  }
  if (reading.tasks.length === 0) {
    const names = reading.tables.filter((t) => t.recognised).map((t) => t.name).join(', ');
    throw new ImportFileError('no-tasks', `${fileName} has the right columns (${names}) but no task rows below them.`);
  }
}

export async function importPlan(deps: ImportPlanDeps, cmd: ImportPlanCommand): Promise<ImportReport> {
  const fileName = displayName(cmd.fileName);
  const mapping = cmd.mapping ?? EMPTY_MAPPING;
  const file = await readPlanFile(cmd.bytes, fileName);
  const reading = readRows(file, mapping);
  assertImportable(fileName, reading);

  const now = deps.clock.now();
  const [objectives, tasks, rounds] = await Promise.all([deps.store.listObjectives(), deps.store.listTasks(), deps.store.listRounds()]);
  const owners = new OwnerMatcher(deps.directory, mapping.owners);
  const drafts = await buildDrafts(reading.tasks, { fileName, reference: londonDate(now), objectives, tasks, owners });
  if (drafts.drafts.length === 0) throw new ImportFileError('no-tasks', `None of the ${reading.tasks.length} rows in ${fileName} has task wording, so there is nothing to import.`);
  const marked = reading.skipped.map((m) => ({ code: 'marked-row' as const, where: m.where, message: m.reason }));
  const warnings: ImportWarning[] = [...marked, ...drafts.warnings];
  const skipped = [...reading.skipped, ...drafts.skipped];
  if (file.skippedSheets.length > 0) {
    const names = file.skippedSheets.map((s) => `"${s.name}" (${s.reason === 'hidden' ? 'hidden' : 'guidance, by its name'})`).join(', ');
    warnings.push({ code: 'skipped-sheets', message: `Sheets not read: ${names}. Unhide or rename a sheet and import again if it holds tasks.` });
  }

  const objectivePlans = planObjectives(drafts.objectives, objectives);

  const byRef = new Map(tasks.map((t) => [t.ref, t]));
  const changes: TaskChange[] = [];
  for (const draft of drafts.drafts) changes.push(await planTaskChange(draft, byRef.get(draft.ref), { store: deps.store, owners }, warnings));

  const author = importAuthor(fileName);
  const taskIds = new Map<string, string>(changes.flatMap((c) => (c.existing ? [[c.draft.ref, c.existing.id] as const] : [])));
  if (!cmd.dryRun) {
    await writeObjectives(deps.store, objectivePlans);
    for (const change of changes) taskIds.set(change.draft.ref, await writeTask(deps.store, change, author));
  }
  const lines = changes.flatMap((c) =>
    c.history.map((h) => {
      const line: RoundLine = { taskRef: c.draft.ref, text: h.text, date: h.date, rag: h.rag ?? c.result.rag, ...(h.updateId && { updateId: h.updateId }) };
      const taskId = taskIds.get(c.draft.ref);
      return { round: h.round.slice(0, 255), line: taskId ? { ...line, taskId } : line };
    }),
  );
  const roundPlans = planRounds(lines, rounds);
  for (const r of roundPlans) {
    if (r.existing?.state === 'Open' && r.missing.length > 0) {
      warnings.push({ code: 'round-open', message: `"${r.name}" is the name of the round open now; its imported history entries were stored with the tasks but not added to that round.` });
    }
  }
  if (!cmd.dryRun) await writeRounds(deps.store, roundPlans, author);

  return buildReport({ fileName, format: file.format, dryRun: cmd.dryRun, at: now.toISOString(), tables: reading.tables, objectives: objectivePlans, changes, rounds: roundPlans, skipped, warnings });
}
