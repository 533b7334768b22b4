/**
 * `npm run bench:import`: importing a 2,000-row council workbook (objective column, refs, owners as
 * names and roles, deadlines in many wordings, RAG, two dated update columns) into the embedded
 * store: a dry run, the real run, and the same file again (which must change nothing). Prints one
 * line per figure and, last, one JSON object with `rows`, `ms` (the real run) and `peakRssMb`.
 *
 * `npm run bench:import -- --corpus`: instead, scores the importer on the plan corpus
 * (tests/fixtures/import/corpus/, see bench/import-corpus.ts): a table of tasks found, due dates
 * right and non-task rows imported per file, the details of each failing file, and last one JSON
 * object with the figures. Exits 0 whatever the figures are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { demoDirectory } from '../bot/directory/demo-directory';
import { demoUsers } from '../bot/demo/demo-users';
import { fixedClock } from '../core/ports/clock';
import { SqlitePlanStore } from '../core/store/sqlite/sqlite-plan-store';
import { importPlan } from '../core/use-cases/import-plan';
import { formatCorpus, scoreCorpus } from './import-corpus';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const clock = fixedClock(new Date('2025-09-01T09:00:00Z'));
const DEADLINES = ['31/03/2026', 'By the end of June 2026', 'Q3 2025/26', 'Ongoing', 'Spring 2026', 'TBC', 'December 2026', 'Annually in March'];
const RAGS = ['Green', 'Amber', 'Red', 'Complete', 'G', ''];
const ROLES = ['Head of Housing', 'Equality, Diversity and Inclusion Officer', 'Business Intelligence Team'];

async function buildWorkbook(rows: number): Promise<Buffer> {
  const names = Object.values(demoUsers).map((u) => u.displayName);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action plan');
  ws.addRow(['Objective', 'Ref.', 'Key Action', 'Lead Officer', 'Accountable Officer', 'Lead Service', 'How will we measure success?', 'Deadlines for Completion', 'RAG Status', 'October 2024 Update', 'March 2025 Update']);
  for (let i = 0; i < rows; i++) {
    const o = (i % 8) + 1;
    const owner = i % 3 === 0 ? `${names[i % names.length]}\n${ROLES[i % ROLES.length]}` : names[(i * 7) % names.length];
    ws.addRow([
      i % 25 === 0 ? `${o}. Objective number ${o} for the district` : '',
      `${o}.${Math.floor(i / 8) + 1}`,
      `Task ${i + 1}: review how service ${i % 60} collects and uses equality information, and act on what it shows`,
      owner,
      names[(i * 3) % names.length],
      `Service ${i % 12}`,
      `Measure ${i + 1} reported to the board each quarter`,
      DEADLINES[i % DEADLINES.length],
      RAGS[i % RAGS.length],
      i % 2 === 0 ? `October progress for task ${i + 1}: first steps taken with partners.` : '',
      `March progress for task ${i + 1}: work under way and on track for the deadline.`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Resident set size sampled every 5 ms while `fn` runs: the import's own peak, not the workbook build's. */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; peakRssMb: number; value: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const start = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms: Math.round(performance.now() - start), peakRssMb: Math.round((peak / 1048576) * 10) / 10, value };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const bytes = await buildWorkbook(ROWS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edi-import-bench-'));
  const store = SqlitePlanStore.open(dir);
  const deps = { store, clock, directory: demoDirectory() };
  const run = (dryRun: boolean) => importPlan(deps, { bytes, fileName: 'bench-plan.xlsx', dryRun });
  try {
    const dry = await measured(() => run(true));
    const real = await measured(() => run(false));
    const again = await measured(() => run(false));
    const s = real.value.summary;
    const unchanged = again.value.summary.tasks.unchanged;
    console.log(`Workbook: ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KB`);
    console.log(`Dry run: ${dry.ms} ms (${dry.value.summary.tasks.create} tasks, ${dry.value.warnings.length} warnings)`);
    console.log(`Import: ${real.ms} ms, peak RSS ${real.peakRssMb} MB (${s.tasks.create} tasks, ${s.objectives.create} objectives, ${s.historyEntries} history entries, ${s.rounds.create} rounds)`);
    console.log(`Same file again: ${again.ms} ms (${unchanged} unchanged, ${again.value.summary.tasks.update} updated, ${again.value.summary.historyEntries} new history entries)`);
    const peakRssMb = Math.max(dry.peakRssMb, real.peakRssMb, again.peakRssMb);
    console.log(
      JSON.stringify({
        rows: ROWS,
        ms: real.ms,
        peakRssMb,
        fileKb: Math.round(bytes.length / 1024),
        dryRunMs: dry.ms,
        reimportMs: again.ms,
        tasks: s.tasks.create,
        historyEntries: s.historyEntries,
        reimportUnchanged: unchanged,
        processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function corpus(): Promise<void> {
  const score = await scoreCorpus();
  console.log(formatCorpus(score, { details: true }).join('\n'));
  const files = score.files.map(({ file, layout, expected, found, matched, foundPct, datesPct, notTasks, ms, refused }) => ({ file, layout, expected, found, matched, foundPct, datesPct, notTasks, ms, ...(refused && { refused: true }) }));
  console.log(JSON.stringify({ corpus: score.totals, files }));
}

(process.argv.includes('--corpus') ? corpus() : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
