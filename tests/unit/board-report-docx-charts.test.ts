import assert from 'node:assert/strict';
import type { ChartSpec } from '../../core/charts/chart-spec';
import { measuresChart, objectiveRagChart, ragByRoundChart } from '../../core/charts/trend-charts';
import { boardReportDocx } from '../../core/export/board-report-docx';
import { chartPng } from '../../core/export/chart-png';
import type { Objective, Task } from '../../core/model';
import { taskInput } from '../support/builders';
import { currentReport, report } from './board-report-fixture';
import { decodePng, parseDocx, proseOf, records, section, tablesOf } from './board-report-docx-support';

/** The paper's charts: the shared chart specs rasterised to PNG, and long charts drawn in parts that fit a page. */
describe('Board report DOCX: charts', () => {
  it('rasterises every kind of chart spec to a PNG at twice its shown size', async () => {
    const trends = currentReport().trends;
    for (const spec of [ragByRoundChart(trends.ragByRound), objectiveRagChart(trends.objectives), measuresChart(trends.measures)]) {
      const image = await chartPng(spec);
      const decoded = decodePng(image.png);
      assert.deepEqual([decoded.width, decoded.height], [image.width * 2, image.height * 2], spec.id);
      assert.equal(image.width, 720, spec.id);
      assert.ok(decoded.distinctBytes > 20, `${spec.id} is drawn`);
    }
  });

  it('fails the paper, and only the paper, when a chart cannot be drawn while the tables are being written', async () => {
    let unhandled = 0;
    const count = () => (unhandled += 1);
    process.on('unhandledRejection', count);
    try {
      const render = () => Promise.reject(new Error('No fonts to draw with'));
      await assert.rejects(boardReportDocx(currentReport(), { renderChart: render }), /No fonts to draw with/);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(unhandled, 0, 'no unhandled rejection');
    } finally {
      process.off('unhandledRejection', count);
    }
  });

  it('draws many measures and objectives in parts that fit a page, each with alt text, and one table of every row', async () => {
    const objectives: Objective[] = Array.from({ length: 20 }, (_, i) => ({ id: `o${i + 1}`, version: '1', ref: String(i + 1), title: `Objective number ${i + 1}` }));
    const tasks: Task[] = Array.from({ length: 60 }, (_, i) => ({
      ...taskInput({ ref: `${(i % 20) + 1}.${Math.floor(i / 20) + 1}`, objectiveRef: String((i % 20) + 1), title: `Task ${i}`, measure: { name: `Measure ${i}`, baseline: 0, target: 100, targetDate: '2027-12-31', baselineDate: '2026-01-01' }, measureValue: i }),
      id: `t${i}`,
      version: '1',
    }));
    const drawn: ChartSpec[] = [];
    const { png } = await chartPng(ragByRoundChart([]));
    const render = (spec: ChartSpec) => {
      drawn.push(spec);
      return { png, width: 720, height: 300 };
    };
    const doc = await parseDocx(await boardReportDocx(report({ tasks, objectives, rounds: [] }), { renderChart: render }));
    assert.deepEqual(drawn.map((s) => s.id), ['rag-by-round', 'rag-by-objective', 'rag-by-objective', ...Array(6).fill('measures')]);
    assert.deepEqual(drawn.filter((s) => s.kind === 'stacked-bar' && s.id === 'rag-by-objective').map((s) => (s as { categories: string[] }).categories.length), [15, 5]);
    const images = doc.blocks.flatMap((b) => (b.kind === 'p' ? b.images : []));
    assert.equal(images.length, 9);
    assert.ok(images.every((i) => i.descr && i.descr.length > 10));
    assert.deepEqual(images.filter((i) => i.name === 'measures').map((i) => i.title), [1, 2, 3, 4, 5, 6].map((n) => `Measures against target (part ${n} of 6)`));

    const progress = section(doc.blocks, 'Progress by objective and measure');
    assert.match(proseOf(progress), /The charts show the first 48 of 60 measures, in ref order; the table below lists all 60\./);
    const [objectiveTable, measureTable] = tablesOf(progress);
    assert.equal(records(objectiveTable!).length, 20, 'every objective in the table');
    assert.equal(records(measureTable!).length, 60, 'every measure in the table');
  });
});
