import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { PLAN_COLUMNS } from '../../core/export/plan-table';
import { planXlsx } from '../../core/export/plan-xlsx';
import { parsePlanFilter } from '../../core/plan/plan-filter';
import { exportPlan, HOSTILE } from './export-fixture';

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Action plan');
  assert.ok(sheet, 'the "Action plan" worksheet');
  return sheet;
}

const column = (header: string) => PLAN_COLUMNS.findIndex((c) => c.header === header) + 1;

describe('XLSX export of the plan view', () => {
  it('parses back with exceljs: bold frozen header with filters, dates as dates, text formula-safe', async () => {
    const sheet = await readXlsx(await planXlsx(exportPlan, {}, { title: 'EDI action plan' }));
    const header = sheet.getRow(1);
    assert.deepEqual(PLAN_COLUMNS.map((_, i) => header.getCell(i + 1).value), PLAN_COLUMNS.map((c) => c.header));
    assert.equal(header.font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.ok(sheet.autoFilter, 'autofilter on the header');
    assert.equal(sheet.rowCount, 5);

    const cell = (row: number, header: string) => sheet.getRow(row).getCell(column(header)).value;
    assert.equal(cell(2, 'Ref'), '1.1.1');
    assert.equal(cell(2, 'Task'), `'${HOSTILE.plus}`);
    assert.equal(cell(2, 'Latest update'), `'${HOSTILE.equals}`);
    assert.equal(cell(2, 'Owners'), 'Siân Llewellyn');
    const due = cell(2, 'Due date');
    assert.ok(due instanceof Date, 'due date is a date cell');
    assert.equal(due.toISOString(), '2026-12-01T00:00:00.000Z');
    assert.equal(sheet.getRow(2).getCell(column('Due date')).numFmt, 'dd/mm/yyyy');
    assert.equal(cell(3, 'Due (as written)'), `'${HOSTILE.minus}`);
    assert.equal(cell(3, 'Latest update'), 'Line one,\nline two with a bell', 'control characters dropped (not allowed in XML), line breaks kept');
    assert.equal(cell(4, 'Task'), `'${HOSTILE.at}`);
    assert.equal(cell(4, 'Accountable officer'), `'${HOSTILE.tab}`);
    assert.equal(cell(4, 'Indicator'), null);
    assert.match(String(cell(5, 'Task')), /^'[\r\n]=1\+1$/, 'neutralised (XML reads a bare carriage return back as a line feed)');
    assert.equal(cell(5, 'Due date'), null, 'no due date, empty cell');

    // No cell is a formula, and no text cell starts one.
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        assert.notEqual(c.type, ExcelJS.ValueType.Formula);
        if (typeof c.value === 'string') assert.doesNotMatch(c.value, /^[=+\-@\t\r]/);
      }),
    );
  });

  it('exports only the filtered view', async () => {
    const sheet = await readXlsx(await planXlsx(exportPlan, parsePlanFilter({ objective: '2' }), { title: 'x' }));
    assert.equal(sheet.rowCount, 3);
    assert.deepEqual([sheet.getRow(2).getCell(column('Ref')).value, sheet.getRow(3).getCell(column('Ref')).value], ['2.1', '2.2']);
  });
});
