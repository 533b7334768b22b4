import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR, details, diagnosis, formatCorpus, passes, readExpected, scoreCorpus, THRESHOLDS, type CorpusScore } from '../../bench/import-corpus';
import { CORPUS } from '../fixtures/import/corpus/build-corpus';
import { expectedOf } from '../fixtures/import/corpus/model';
import { stableZip } from '../fixtures/import/corpus/stable-zip';

/**
 * Issue 18's acceptance: plans laid out the ways councils, NHS trusts and police forces publish
 * them (tests/fixtures/import/corpus/README.md), each imported by the dry run and scored against its
 * expected tasks. Per file: ≥ 97% of tasks found, ≥ 95% of due dates right, no heading, note or
 * other non-task row imported as a task. The table is printed whether or not the file passes.
 */
describe('import corpus: plans in many layouts (issue 18)', function () {
  this.timeout(120_000);

  describe('the corpus', () => {
    it('holds at least 12 plans in at least 6 layouts, as .xlsx, .csv and .docx, each with its expected tasks', () => {
      const expected = readExpected();
      assert.ok(expected.length >= 12, `${expected.length} plans`);
      assert.ok(new Set(expected.map((e) => e.layout)).size >= 6, 'layouts');
      assert.deepEqual([...new Set(expected.map((e) => path.extname(e.file)))].sort(), ['.csv', '.docx', '.xlsx']);
      for (const e of expected) {
        assert.ok(fs.existsSync(path.join(CORPUS_DIR, e.file)), `${e.file} is there`);
        assert.ok(e.tasks.length >= 5 && e.notTasks.length >= 3, `${e.file}: tasks and non-task rows listed`);
        assert.ok(e.source.length > 20, `${e.file}: says what kind of public plan it is modelled on`);
      }
    });

    it('is what build-corpus.ts writes (run it again after editing a plan)', async () => {
      assert.deepEqual(readExpected().map((e) => e.file), CORPUS.map((p) => p.file).sort());
      for (const plan of CORPUS) {
        const built = await plan.build();
        const bytes = plan.file.endsWith('.csv') ? built : await stableZip(built);
        assert.ok(bytes.equals(fs.readFileSync(path.join(CORPUS_DIR, plan.file))), `${plan.file} is up to date`);
        assert.deepEqual(JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, `${plan.file}.expected.json`), 'utf8')), expectedOf(plan), `${plan.file}.expected.json is up to date`);
      }
    });
  });

  describe(`the import on each plan: ≥ ${THRESHOLDS.foundPct}% of tasks found, ≥ ${THRESHOLDS.datesPct}% of due dates right, ${THRESHOLDS.notTasks} non-task rows imported`, () => {
    let score: CorpusScore;
    before(async () => {
      score = await scoreCorpus();
      console.log(['', ...formatCorpus(score)].map((l) => `    ${l}`).join('\n'));
    });

    for (const exp of readExpected()) {
      it(`${exp.file} (${exp.layout})`, () => {
        const s = score.files.find((f) => f.file === exp.file);
        assert.ok(s, `${exp.file} was scored`);
        assert.ok(passes(s), [`${exp.file}: found ${s.foundPct}%, due dates ${s.datesPct}%, ${s.notTasks} non-task rows imported: ${diagnosis(s)}`, ...details(s, 10)].join('\n'));
      });
    }
  });
});
