/**
 * `npm run import -- <file> [--dry-run] [--json] [--mapping <file>]`: brings an existing plan
 * (.xlsx, .docx or .csv) into the store through the same use case as the tab's upload.
 * `npm run import:template [-- <file>]` writes the blank template.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../core/errors';
import { parseMapping, type ImportMapping } from '../../core/import/columns/mapping-file';
import { ImportFileError } from '../../core/import/import-errors';
import { describeImport } from '../../core/import/report-text';
import { MAX_IMPORT_BYTES } from '../../core/import/source/plan-source';
import { buildImportTemplate, TEMPLATE_FILE_NAME } from '../../core/import/template/import-template';
import { silentLogger } from '../../core/ports/logger';
import { importPlan } from '../../core/use-cases/import-plan';
import { createAppContext } from '../app-context';
import { planStoreFor } from './plan-option';
import { ConfigError, loadConfig } from '../config';
import { isUsageError, UsageError } from './cli-errors';

const USAGE = [
  'Usage:',
  '  npm run import -- <plan.xlsx|plan.docx|plan.csv> [--dry-run] [--json] [--mapping <mapping.json>] [--plan <key>]',
  '  npm run import:template [-- <file.xlsx>]',
  '',
  '--dry-run  read the file and report what would be created or updated, with warnings per row; write nothing',
  '--json     print the report as JSON (the same object the tab\'s upload returns); on failure',
  '           { "error": { "problem": "...", "message": "..." } }. Always one JSON object on stdout',
  '           (use npm run -s import, so npm\'s own banner is not printed before it)',
  '--plan     the plan to import into (its key or id; the default plan without it)',
  '--mapping  a JSON file naming columns or labels the import does not recognise, who roles are,',
  '           and rows (by the report\'s "where") that are headings or not tasks:',
  '           { "columns": { "Key Action": "title", "Board update": { "field": "history", "date": "2026-03-31" } },',
  '             "owners": { "EDI Officer": "priya.shah@council.gov.uk" },',
  '             "rows": { "Sheet \\"Plan\\", row 12": "heading", "Sheet \\"Plan\\", row 40": "not-a-task" } }',
  '',
  'Importing the same file again changes nothing; an edited file updates tasks by ref and keeps the',
  'updates owners have sent in since.',
].join('\n');

function readInput(file: string, what: string, maxBytes: number): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`${what} ${file} was not found.`);
  }
  if (!stat.isFile()) throw new UsageError(`${what} ${file} is not a file.`);
  if (stat.size > maxBytes) throw new ImportFileError('too-large', `${path.basename(file)} is ${(stat.size / 1048576).toFixed(1)} MB; the largest plan file accepted is ${maxBytes / 1048576} MB.`);
  return fs.readFileSync(file);
}

async function writeTemplate(out: string | undefined): Promise<number> {
  const file = out ?? TEMPLATE_FILE_NAME;
  fs.writeFileSync(file, await buildImportTemplate());
  console.log(`Wrote the blank plan template to ${file}. Fill in the "Plan" sheet (guidance on the second sheet), then: npm run import -- ${file} --dry-run`);
  return 0;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      mapping: { type: 'string' },
      plan: { type: 'string' },
      template: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.template) {
    if (positionals.length > 1) throw new UsageError('Give at most one file name for the template.');
    return writeTemplate(positionals[0]);
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'Give the plan file to import.' : 'Give one plan file at a time.');
  const file = positionals[0]!;
  const bytes = readInput(file, 'The plan file', MAX_IMPORT_BYTES);
  let mapping: ImportMapping | undefined;
  if (values.mapping !== undefined) mapping = parseMapping(readInput(values.mapping, 'The mapping file', 1024 * 1024).toString('utf8'), `The mapping file ${values.mapping}`);

  const app = await createAppContext(loadConfig(), { log: silentLogger });
  try {
    const scoped = await planStoreFor(app.store, values.plan);
    if (!scoped.ok) throw new UsageError(scoped.message);
    const ctx = { ...app, store: scoped.store };
    const report = await importPlan(ctx, { bytes, fileName: path.basename(file), dryRun: values['dry-run'] === true, ...(mapping && { mapping }) });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else console.log(describeImport(report).join('\n'));
    return 0;
  } finally {
    await app.close();
  }
}

/** A failure in the words the officer sees, its kind, and the exit code: 2 for bad command-line use, 1 otherwise. */
function describeFailure(err: unknown): { code: number; problem: string; message: string; usage?: boolean } {
  if (isUsageError(err)) return { code: 2, problem: 'usage', message: err.message, usage: true };
  if (err instanceof ImportFileError) return { code: 1, problem: err.problem, message: `Nothing was imported. ${err.message}` };
  if (err instanceof ConfigError) return { code: 1, problem: 'config', message: err.message };
  if (err instanceof DomainError) return { code: 1, problem: 'refused', message: err.message };
  const why = err instanceof Error ? err.message : String(err);
  return { code: 1, problem: 'failed', message: `The import failed: ${why}. Anything written before the failure is kept; running the same import again carries on without duplicating it.` };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const f = describeFailure(err);
    // --json: one JSON object on stdout whatever happens, so a script can always parse it.
    if (process.argv.includes('--json')) console.log(JSON.stringify({ error: { problem: f.problem, message: f.message } }, null, 2));
    else console.error(f.usage ? `${f.message}\n\n${USAGE}` : f.message);
    process.exit(f.code);
  },
);
