import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, readExpected } from '../../bench/import-corpus';
import { readPlanFile } from '../../core/import/source/read-plan-file';
import { openStore, runImport } from './import-support';

/**
 * Every cell read is accounted for in the dry-run report (issue 18): per table, read = used +
 * headers + headings + ignored, nothing falls through every rule, and the cells the report counts
 * are all the non-empty cells (and paragraphs) the file holds. Checked on every corpus plan.
 */
describe('the dry-run report accounts for every cell read', () => {
  for (const exp of readExpected()) {
    it(exp.file, async () => {
      const bytes = fs.readFileSync(path.join(CORPUS_DIR, exp.file));
      const store = openStore();
      const report = await runImport(store, bytes, exp.file, { dryRun: true }).finally(() => store.close());
      for (const t of report.tables) {
        assert.ok(t.cells && t.ignored && t.layout, `${t.name}: the import always says how it read a table`);
        const c = t.cells;
        assert.equal(c.read, c.used + c.headers + c.headings + c.ignored, `${t.name}: ${JSON.stringify(c)}`);
        assert.equal(t.ignored.reduce((n, i) => n + i.cells, 0), c.ignored, `${t.name}: the ignored list adds up`);
        assert.deepEqual(t.ignored.filter((i) => /not read by any rule/.test(i.reason)), [], t.name);
      }
      const source = await readPlanFile(bytes, exp.file);
      const inFile = source.sections.flatMap((s) => s.blocks).reduce((n, b) => n + (b.kind === 'text' ? 1 : b.rows.reduce((m, r) => m + r.cells.filter(Boolean).length, 0)), 0);
      assert.equal(report.tables.reduce((n, t) => n + (t.cells?.read ?? 0), 0), inFile, 'every non-empty cell of the file is counted');
      assert.equal(new Set(report.tasks.map((t) => t.where)).size, report.tasks.length, 'each task has its own where (the name a row mark takes)');
    });
  }
});
