import assert from 'node:assert/strict';
import { functionSpans, lineCount, sourceFiles } from '../support/code-shape';

const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 60;
const SOURCES = ['bot', 'core', 'tab'].flatMap(sourceFiles);

/** Small files and short functions, measured from a real parse (issue 14's limits). */
describe('code shape: small files, short functions', () => {
  it('measures real functions, so the limits below cannot pass by reading nothing', () => {
    const spans = SOURCES.flatMap(functionSpans);
    assert.ok(SOURCES.length > 100 && spans.length > 500, `${SOURCES.length} files, ${spans.length} functions`);
    const sweep = spans.find((s) => s.file === 'core/use-cases/run-reminder-sweep.ts' && s.name === 'runReminderSweep');
    assert.ok(sweep && sweep.lines > 5 && !sweep.rendersJsx);
    assert.ok(spans.some((s) => s.file.endsWith('.tsx') && s.rendersJsx), 'React components are recognised');
  });

  it(`no source file in bot/, core/ or tab/ is over ${MAX_FILE_LINES} lines`, () => {
    assert.deepEqual(SOURCES.filter((f) => lineCount(f) > MAX_FILE_LINES).map((f) => `${f}: ${lineCount(f)} lines`), []);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines, React components aside`, () => {
    const long = SOURCES.flatMap(functionSpans).filter((s) => s.lines > MAX_FUNCTION_LINES && !s.rendersJsx);
    assert.deepEqual(long.map((s) => `${s.file}:${s.line} ${s.name} (${s.lines} lines)`), []);
  });
});
