import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { neutraliseCell } from '../../core/export/cell-safety';
import { planCsv } from '../../core/export/plan-csv';
import { PLAN_COLUMNS } from '../../core/export/plan-table';
import { parsePlanFilter } from '../../core/plan/plan-filter';
import { exportPlan, HOSTILE } from './export-fixture';

function readCsv(bytes: Uint8Array): Record<string, string>[] {
  return parse(Buffer.from(bytes), { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
}

describe('CSV export of the plan view', () => {
  it('neutralises cells that start with = + - @, tab or carriage return, and leaves others alone', () => {
    for (const value of Object.values(HOSTILE)) assert.equal(neutraliseCell(value), `'${value}`);
    for (const value of ['1.1.2', 'Plain words', '', "'=already quoted", ' =leading space', 'e-mail', '2026-12-01']) assert.equal(neutraliseCell(value), value);
  });

  it('parses back with csv-parse: a header row, one row per task, values intact and formulas neutralised', () => {
    const bytes = planCsv(exportPlan, {});
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    assert.match(Buffer.from(bytes).toString('utf8'), /\r\n/, 'CRLF line ends');
    const rows = readCsv(bytes);
    assert.deepEqual(Object.keys(rows[0]!), PLAN_COLUMNS.map((c) => c.header));
    assert.deepEqual(rows.map((r) => r.Ref), ['1.1.1', '1.1.2', '2.1', '2.2']);

    const [first, second, third, fourth] = rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    assert.equal(first.Task, `'${HOSTILE.plus}`);
    assert.equal(first['Latest update'], `'${HOSTILE.equals}`);
    assert.equal(first['Latest update by'], "'@Siân");
    assert.equal(first.Owners, 'Siân Llewellyn');
    assert.equal(first['Due date'], '2026-12-01');
    assert.equal(first['RAG awaiting approval'], 'Amber');
    assert.equal(first['Latest update on'], '2026-11-20');
    assert.equal(second['Due (as written)'], `'${HOSTILE.minus}`);
    assert.equal(second.Task, 'Refresh the monitoring form, "quickly", with services', 'commas and quotes survive');
    assert.equal(second['Latest update'], 'Line one,\nline two\u0007 with a bell', 'line breaks survive');
    assert.equal(second.Owners, 'Bob Okafor; Carol Jones');
    assert.equal(second.Overdue, 'Yes');
    assert.equal(second['Awaiting update'], 'Yes');
    assert.equal(third.Task, `'${HOSTILE.at}`);
    assert.equal(third['Accountable officer'], `'${HOSTILE.tab}`);
    assert.equal(third.Indicator, '');
    assert.equal(fourth.Task, `'${HOSTILE.cr}`);
    // No cell of the file starts a formula.
    for (const row of rows) for (const [column, value] of Object.entries(row)) assert.doesNotMatch(value, /^[=+\-@\t\r]/, `${row.Ref} ${column}`);
  });

  it('exports only the filtered view, in its sort order', () => {
    const red = readCsv(planCsv(exportPlan, parsePlanFilter({ rag: 'Red', sort: 'due', dir: 'desc' })));
    assert.deepEqual(red.map((r) => r.Ref), ['2.1', '1.1.2']);
    const awaiting = readCsv(planCsv(exportPlan, parsePlanFilter(new URLSearchParams('awaiting=1'))));
    assert.deepEqual(awaiting.map((r) => r.Ref), ['1.1.2']);
    const owner = readCsv(planCsv(exportPlan, parsePlanFilter({ owner: 'carol' })));
    assert.deepEqual(owner.map((r) => r.Ref), ['1.1.2']);
    const none = readCsv(planCsv(exportPlan, parsePlanFilter({ q: 'no such words anywhere' })));
    assert.deepEqual(none, []);
  });
});
