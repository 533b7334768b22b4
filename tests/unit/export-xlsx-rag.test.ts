import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { RAG_VALUES, type Rag } from '../../core/model';
import type { PlanView, TaskView } from '../../core/plan-view';
import { PLAN_COLUMNS } from '../../core/export/plan-table';
import { planXlsx } from '../../core/export/plan-xlsx';
import { RAG_FILL } from '../../core/export/rag-colours';

/** WCAG 2.2 relative luminance of an sRGB colour written RRGGBB (or AARRGGBB). */
function luminance(hex: string): number {
  const rgb = hex.slice(-6);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(rgb.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const task = (i: number, rag: Rag, pending?: Rag): TaskView => ({
  id: `t${i}`,
  ref: `1.${i}`,
  title: `Task ${i}`,
  kind: 'Priority',
  owners: [],
  overdue: false,
  rag,
  status: rag === 'Complete' ? 'Complete' : 'Open',
  ...(pending && { pendingApproval: { proposedRag: pending, approverName: 'Sam Okafor', requestedAt: '2026-03-10T09:30:00.000Z' } }),
});

/** One task per RAG value; the Green one has a change to Amber waiting for approval. */
const plan: PlanView = {
  generatedAt: '2026-03-12T09:00:00.000Z',
  today: '2026-03-12',
  summary: { total: 5, byRag: { 'Not started': 1, Green: 1, Amber: 1, Red: 1, Complete: 1 }, byStatus: { Open: 4, Complete: 1, 'Carried forward': 0, Withdrawn: 0 }, overdue: 0, dueSoon: 0, dueSoonDays: 14, deadlinesToCheck: 0 },
  objectives: [{ ref: '1', title: 'Objective', indicators: [{ title: null, tasks: RAG_VALUES.map((rag, i) => task(i + 1, rag, rag === 'Green' ? 'Amber' : undefined)) }] }],
};

async function sheetOf(view: PlanView): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await planXlsx(view, {}, { title: 'EDI action plan' })) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Action plan');
  assert.ok(sheet);
  return sheet;
}

const column = (header: string) => PLAN_COLUMNS.findIndex((c) => c.header === header) + 1;
const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined);

describe('XLSX export: RAG cells', () => {
  it('shows RAG as its word in a cell tinted for it, with text at WCAG AA contrast on the tint', async () => {
    const sheet = await sheetOf(plan);
    const seen = new Map<Rag, string>();
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const cell = sheet.getRow(row).getCell(column('RAG'));
      const rag = cell.value as Rag;
      assert.ok(RAG_VALUES.includes(rag), `row ${row} keeps the RAG word (${String(cell.value)})`);
      const fill = fillOf(cell);
      const text = cell.font?.color?.argb;
      assert.ok(fill && text, `row ${row}: a solid fill and a text colour`);
      assert.equal(fill, `FF${RAG_FILL[rag]}`, `${rag} takes its tint`);
      assert.equal(cell.font?.bold, true);
      const ratio = contrast(fill, text);
      assert.ok(ratio >= 4.5, `${rag}: text ${text} on ${fill} is ${ratio.toFixed(2)}:1, below 4.5:1`);
      seen.set(rag, fill);
    }
    assert.deepEqual([...seen.keys()].sort(), [...RAG_VALUES].sort(), 'every RAG value exported');
    assert.equal(new Set(seen.values()).size, RAG_VALUES.length, 'each RAG value has its own tint');
  });

  it('tints a proposed RAG the same way, and leaves other cells (and empty proposals) plain', async () => {
    const sheet = await sheetOf(plan);
    for (let row = 2; row <= sheet.rowCount; row += 1) {
      const r = sheet.getRow(row);
      const proposed = r.getCell(column('RAG awaiting approval'));
      if (r.getCell(column('RAG')).value === 'Green') {
        assert.equal(proposed.value, 'Amber');
        assert.equal(fillOf(proposed), `FF${RAG_FILL.Amber}`);
      } else {
        assert.equal(proposed.value, null);
        assert.equal(fillOf(proposed), undefined, `row ${row}: nothing proposed, no tint`);
      }
      for (const header of ['Ref', 'Task', 'Status', 'Latest update']) assert.equal(fillOf(r.getCell(column(header))), undefined, `${header} is not tinted`);
    }
    assert.equal(fillOf(sheet.getRow(1).getCell(column('RAG'))), undefined, 'the header row is not tinted');
  });
});
