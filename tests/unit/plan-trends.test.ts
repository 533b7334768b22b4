import assert from 'node:assert/strict';
import { chartTable } from '../../core/charts/chart-table';
import { chartSvg, PRINT_PALETTE, svgMarkup, type SvgNode } from '../../core/charts/chart-svg';
import { measuresChart, objectiveRagChart, ragByRoundChart } from '../../core/charts/trend-charts';
import { buildTrends, ragDirection } from '../../core/trends/plan-trends';
import { NOW, objectives, planRounds, planTasks, roundsWithOpen } from './report-fixture';

describe('trends across rounds', () => {
  const trends = buildTrends({ tasks: planTasks(), objectives, rounds: planRounds(), now: NOW });

  it('counts the RAG mix of each closed round from its snapshot, then today from the plan', () => {
    assert.deepEqual(
      trends.ragByRound.map((p) => [p.label, p.date, p.total, p.byRag.Red, p.byRag.Amber, p.byRag.Green, p.byRag.Complete, p.byRag['Not started']]),
      [
        ['Board report June 2026', '2026-06-30', 3, 0, 2, 1, 0, 0],
        ['Board report September 2026', '2026-09-30', 5, 1, 3, 1, 0, 0],
        ['Today', '2026-12-07', 5, 1, 1, 1, 1, 1],
      ],
    );
  });

  it('gives each closed round its response rate (answered during it / asked)', () => {
    // June: 1.1 and 1.2 answered in June, 2.2 had no update: 2 of 3. September: 4 of 5.
    assert.deepEqual(trends.ragByRound.map((p) => p.responseRate), [2 / 3, 4 / 5, undefined]);
    const withOpen = buildTrends({ tasks: planTasks(), objectives, rounds: roundsWithOpen(), now: NOW });
    assert.equal(withOpen.ragByRound.at(-1)?.responseRate, 1 / 4, 'the open round so far: 2.2 of 1.1, 1.2, 2.2, 2.3');
  });

  it('works out progress per objective: % complete and RAG mix', () => {
    assert.deepEqual(trends.objectives.map((o) => [o.ref, o.total, o.complete, o.percentComplete, o.byRag.Amber]), [
      ['1', 2, 0, 0, 0],
      ['2', 3, 1, 33, 1],
    ]);
  });

  it('finds the movers since the latest closed round, in both directions', () => {
    assert.equal(trends.movers.since?.name, 'Board report September 2026');
    assert.deepEqual(trends.movers.up.map((m) => m.ref), ['1.1', '2.1']);
    assert.deepEqual(trends.movers.down.map((m) => m.ref), ['1.2']);
    assert.equal(ragDirection('Not started', 'Amber'), 'down');
    assert.equal(ragDirection('Not started', 'Green'), 'up');
    assert.equal(ragDirection('Red', 'Amber'), 'up');
    assert.equal(ragDirection('Green', 'Green'), 'same');
  });

  it('follows a measure across rounds to its latest value, with where it should be now', () => {
    const [m] = trends.measures;
    assert.equal(m?.ref, '2.2');
    assert.deepEqual(m?.history.map((p) => [p.label, p.value]), [
      ['Board report June 2026', 40],
      ['Board report September 2026', 41],
      ['Latest', 42],
    ]);
    assert.equal(m?.progress, 0.2);
    assert.ok(m?.expectedProgress !== undefined && Math.abs(m.expectedProgress - 250 / 365) < 1e-9);
    assert.equal(m?.suggested, 'Amber');
  });

  it('a lower-is-better measure is behind when its value is above the trajectory', () => {
    const tasks = planTasks();
    tasks[3] = { ...tasks[3]!, measure: { name: 'Gender pay gap', unit: '%', baseline: 12, baselineDate: '2026-04-01', target: 6, targetDate: '2027-04-01', amberBelow: 0.9, redBelow: 0.75 }, measureValue: 12 };
    const [m] = buildTrends({ tasks, objectives, rounds: [], now: NOW }).measures;
    // Should be 12 - 6 × 250/365 = 7.89 by now; 7.89 / 12 = 0.66 → Red.
    assert.equal(m?.suggested, 'Red');
    assert.equal(m?.progress, 0);
  });

  it('with no rounds there is only today, and nobody to compare with', () => {
    const t = buildTrends({ tasks: planTasks(), objectives, rounds: [], now: NOW });
    assert.deepEqual(t.ragByRound.map((p) => p.label), ['Today']);
    assert.equal(t.movers.since, undefined);
    assert.deepEqual([t.movers.up, t.movers.down], [[], []]);
  });
});

describe('charts: one definition, its table and its picture agree', () => {
  const trends = buildTrends({ tasks: planTasks(), objectives, rounds: planRounds(), now: NOW });

  it('the RAG-by-round table holds the same numbers as the trends, with totals', () => {
    const table = chartTable(ragByRoundChart(trends.ragByRound));
    assert.deepEqual(table.headers, ['Round', 'Complete', 'Green', 'Not started', 'Amber', 'Red', 'Total']);
    assert.deepEqual(table.rows.at(-1), ['Today', '1', '1', '1', '1', '1', '5']);
    assert.deepEqual(table.rows[1], ['Board report September 2026', '0', '1', '0', '3', '1', '5']);
  });

  it('the SVG draws a segment per non-zero count and labels each bar with its total', () => {
    const svg = chartSvg(ragByRoundChart(trends.ragByRound), PRINT_PALETTE);
    const texts = collect(svg, 'text').map((n) => String(n.children?.[0]));
    const rects = collect(svg, 'rect');
    // Background + 5 legend swatches + the segments: June 3 (2 Amber,1 Green → 2 segments), September 3 segments, today 5.
    assert.equal(rects.length, 1 + 5 + 2 + 3 + 5);
    for (const label of ['Today', 'Red', 'Amber']) assert.ok(texts.includes(label), label);
    assert.match(svgMarkup(svg), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 720 \d+"/);
  });

  it('objective and measure charts describe themselves in words for alt text', () => {
    assert.match(objectiveRagChart(trends.objectives).description, /Objective 2: 3 tasks, 33% complete/);
    const measures = measuresChart(trends.measures);
    assert.match(measures.description, /2\.2 Staff declaring a disability: 42%, target 50% by 1 Apr 2027/);
    assert.deepEqual(chartTable(measures).rows[0], ['2.2 Staff declaring a disability', '40%', '42%', '50% by 1 Apr 2027', 'Amber: should be 46.85% now']);
  });

  it('escapes text in the markup', () => {
    const markup = svgMarkup({ tag: 'text', attrs: { x: 1 }, children: ['A & B <c> "d"'] });
    assert.equal(markup, '<text x="1">A &amp; B &lt;c&gt; &quot;d&quot;</text>');
  });
});

function collect(node: SvgNode, tag: string): SvgNode[] {
  const here = node.tag === tag ? [node] : [];
  return [...here, ...(node.children ?? []).flatMap((c) => (typeof c === 'string' ? [] : collect(c, tag)))];
}
