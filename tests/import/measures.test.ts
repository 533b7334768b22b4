import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { fieldForHeader } from '../../core/import/columns/header-rules';
import { FIELD_GUIDES } from '../../core/import/columns/plan-fields';
import type { ImportReport } from '../../core/import/import-report';
import { buildImportTemplate, TEMPLATE_FIELDS } from '../../core/import/template/import-template';
import { readQuantity } from '../../core/import/values/measure-quantity';
import { readTolerance } from '../../core/import/values/measure-values';
import { fixedClock } from '../../core/ports/clock';
import type { PlanStore } from '../../core/ports/plan-store';
import { submitUpdate } from '../../core/use-cases/submit-update';
import { demoUsers, toPerson } from '../../bot/demo/demo-users';
import { render } from '../fixtures/import/build-fixtures';
import { FORMATS, type PlanLayout } from '../fixtures/import/plan-layouts';
import { openStore, runImport } from './import-support';

/** The measure fields of an imported task, for comparing. */
const measured = (report: ImportReport) =>
  Object.fromEntries(report.tasks.map((t) => [t.ref, { measure: t.measure, startingPosition: t.startingPosition, successMeasure: t.successMeasure }]));

const REF_DATE = '2025-09-01';

describe('import: measure columns', () => {
  it('recognises measure headers by meaning, leaving success-measure wording and target dates alone', () => {
    const cases: [string, string | undefined][] = [
      ['Measure', 'measure'], ['KPI', 'measure'], ['Performance indicator', 'measure'], ['Performance measures', 'measure'],
      ['Baseline', 'baseline'], ['Starting position', 'baseline'], ['Baseline (March 2025)', 'baseline'], ['Baseline data (where are we now?)', 'baseline'], ['Start point', 'baseline'],
      ['Target', 'target'], ['Target (%)', 'target'], ['Target 2027/28', 'target'], ['Target value', 'target'], ['KPI target', 'target'],
      ['Unit of measure', 'measureUnit'], ['RAG tolerance', 'tolerance'], ['Tolerances', 'tolerance'],
      ['Target date', 'deadline'], ['Target groups', undefined], ['How will we measure success?', 'successMeasure'], ['Measurement', 'successMeasure'],
      ['Current position', 'progress'],
    ];
    assert.deepEqual(cases.map(([h]) => [h, fieldForHeader(h)]), cases);
  });

  it('reads a number and its unit out of the words plans use', () => {
    const q = (s: string) => readQuantity(s, REF_DATE);
    assert.deepEqual(q('45%'), { value: 45, unit: '%', bare: true });
    assert.deepEqual(q('38 staff'), { value: 38, unit: 'staff', bare: true });
    assert.deepEqual(q('£1.2m'), { value: 1_200_000, unit: '£', bare: true });
    assert.deepEqual(q('2,500 residents'), { value: 2500, unit: 'residents', bare: true });
    assert.deepEqual(q('-2.5%'), { value: -2.5, unit: '%', bare: true });
    assert.deepEqual(q('Increase to 50% by March 2027'), { value: 50, unit: '%', date: '2027-03-31', bare: false });
    assert.deepEqual(q('4.5% (March 2025)'), { value: 4.5, unit: '%', date: '2025-03-31', bare: true });
    assert.deepEqual(q('60% by 2026/27'), { value: 60, unit: '%', date: '2027-03-31', bare: false });
    assert.deepEqual(q('From 12 days to 8 days'), { value: 8, unit: 'days', bare: false });
    assert.deepEqual(q('45% of staff in 2024'), { value: 45, unit: '%', bare: false }, 'a bare year is not the number');
    assert.equal(q('No data held'), 'none');
    assert.equal(q('TBC'), 'none');
    assert.equal(q('Report to Q3 board'), 'none', 'a label such as Q3 is not a quantity');
    assert.equal(q(''), 'none');
    assert.equal(q('8 out of 10 managers'), 'ambiguous');
    assert.equal(q('12-15 days'), 'ambiguous');
  });

  it('reads tolerances as shares of the trajectory', () => {
    assert.deepEqual(readTolerance('Amber below 90%, Red below 75%'), { amberBelow: 0.9, redBelow: 0.75 });
    assert.deepEqual(readTolerance('90% / 75%'), { amberBelow: 0.9, redBelow: 0.75 });
    assert.deepEqual(readTolerance('Red below 80%'), { redBelow: 0.8 });
    assert.deepEqual(readTolerance('Amber 10% behind, red 25% behind'), { amberBelow: 0.9, redBelow: 0.75 });
    assert.deepEqual(readTolerance('0.95 / 0.8'), { amberBelow: 0.95, redBelow: 0.8 });
    assert.equal(readTolerance('Use judgement'), 'unread');
    assert.equal(readTolerance('Amber below 75%, Red below 90%'), 'unread', 'red above amber');
    assert.equal(readTolerance(''), undefined);
  });
});

/** A register with the usual measure columns, in every format the import reads. */
const measures: PlanLayout = {
  key: 'measures',
  fileBase: 'measures',
  sheetName: 'Plan',
  blocks: [
    {
      kind: 'table',
      header: ['Ref', 'Task', 'Date for completion', 'Measure', 'Baseline', 'Target', 'RAG tolerance'],
      rows: [
        ['1.1', 'Raise the share of staff declaring a disability', '31/03/2027', 'Staff declaring a disability', '4.5% (March 2025)', '8%', 'Amber below 90%, Red below 75%'],
        ['1.2', 'Train every manager in inclusive recruitment', '31/03/2027', '', 'No data held', 'Increase to 50% by March 2026', ''],
        ['1.3', 'Reduce complaints about access', 'Ongoing', 'Number of complaints', '', 'TBC', ''],
        ['1.4', 'Recruit disabled apprentices', '31/03/2027', '', '', '8 out of 10 placements', ''],
        ['1.5', 'Grow staff network membership', '31/03/2027', '', '38 staff', '50%', ''],
      ],
    },
  ],
};

const EXPECTED = {
  '1.1': {
    measure: { name: 'Staff declaring a disability', unit: '%', baseline: 4.5, baselineDate: '2025-03-31', target: 8, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 },
    startingPosition: '4.5% (March 2025)',
    successMeasure: undefined,
  },
  '1.2': { measure: { unit: '%', target: 50, targetDate: '2026-03-31' }, startingPosition: 'No data held', successMeasure: 'Target: Increase to 50% by March 2026' },
  '1.3': { measure: undefined, startingPosition: undefined, successMeasure: 'Number of complaints\nTarget: TBC' },
  '1.4': { measure: undefined, startingPosition: undefined, successMeasure: 'Target: 8 out of 10 placements' },
  '1.5': { measure: { unit: '%', target: 50, targetDate: '2027-03-31' }, startingPosition: '38 staff', successMeasure: undefined },
};

describe('importing plans with measures', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = openStore();
  });
  afterEach(() => store.close());

  for (const format of FORMATS) {
    it(`makes a measure only from a numeric target, and keeps every cell's words (${format})`, async () => {
      const report = await runImport(store, await render(measures, format), `measures.${format}`, { dryRun: true });
      assert.deepEqual(measured(report), EXPECTED);
      const checks = report.warnings.filter((w) => w.code === 'measure-check');
      assert.deepEqual(checks.map((w) => w.ref), ['1.4', '1.5']);
      assert.match(checks[0]!.message, /^Target "8 out of 10 placements" gives more than one number, so no measure was made from it/);
      assert.match(checks[1]!.message, /^Baseline "38 staff" is in other units than the target \(%\), so it is kept in words/);
    });
  }

  it('takes the unit from its own column and keeps the success measure column first', async () => {
    const layout: PlanLayout = {
      ...measures,
      blocks: [
        {
          kind: 'table',
          header: ['Ref', 'Action', 'How will we measure success?', 'Starting position', 'Target value', 'Unit of measure'],
          rows: [
            ['2.1', 'Cut the time to make reasonable adjustments', 'Adjustments made quickly', '28', '10', 'days'],
            ['2.2', 'Fund community events', 'Events funded', '£1.2m', '£1.5m by 2026/27', ''],
          ],
        },
      ],
    };
    const report = await runImport(store, await render(layout, 'csv'), 'other.csv', { dryRun: true });
    assert.deepEqual(measured(report), {
      '2.1': { measure: { unit: 'days', baseline: 28, target: 10 }, startingPosition: '28', successMeasure: 'Adjustments made quickly' },
      '2.2': { measure: { unit: '£', baseline: 1_200_000, target: 1_500_000, targetDate: '2027-03-31' }, startingPosition: '£1.2m', successMeasure: 'Events funded\nTarget: £1.5m by 2026/27' },
    });
  });

  it('a re-import updates a measure, clears one the file no longer gives, and keeps values owners sent', async () => {
    await runImport(store, await render(measures, 'csv'), 'measures.csv');
    const t11 = (await store.getTaskByRef('1.1'))!;
    const owner = toPerson(demoUsers.alex);
    const owned = await store.updateTask(t11.id, t11.version, { owners: [owner] });
    await submitUpdate({ store, clock: fixedClock(new Date('2025-10-01T09:00:00Z')) }, { actorAadObjectId: owner.aadObjectId, taskId: owned.id, taskVersion: owned.version, idempotencyKey: 'card-1', values: { progress: 'Survey out', measureValue: '5.1' } });

    const again = await runImport(store, await render(measures, 'csv'), 'measures.csv');
    assert.deepEqual(again.tasks.filter((t) => t.action !== 'unchanged').map((t) => t.ref), [], 'the same file changes nothing');

    const table = measures.blocks[0] as Extract<PlanLayout['blocks'][number], { kind: 'table' }>;
    const rows = table.rows.map((r) => [...(r as string[])]);
    rows[0]![5] = '9%';
    rows[1]![5] = 'All managers trained';
    const edited: PlanLayout = { ...measures, blocks: [{ ...table, rows }] };
    const report = await runImport(store, await render(edited, 'csv'), 'measures.csv');
    assert.deepEqual(report.tasks.find((t) => t.ref === '1.1')?.changes, ['measure']);
    assert.deepEqual(report.tasks.find((t) => t.ref === '1.2')?.changes.sort(), ['measure', 'successMeasure']);
    const after11 = (await store.getTaskByRef('1.1'))!;
    assert.equal(after11.measure?.target, 9);
    assert.equal(after11.measureValue, 5.1, 'the value an owner sent stays');
    const after12 = (await store.getTaskByRef('1.2'))!;
    assert.equal(after12.measure, undefined);
    assert.equal(after12.successMeasure, 'Target: All managers trained');
    assert.equal(after12.startingPosition, 'No data held');
  });
});

describe('the blank template: measure columns', () => {
  it('has the measure columns with guidance, and reads them back', async () => {
    for (const f of ['measure', 'baseline', 'target', 'measureUnit', 'tolerance'] as const) assert.ok(TEMPLATE_FIELDS.includes(f), f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildImportTemplate()) as unknown as ExcelJS.Buffer);
    const plan = wb.getWorksheet('Plan')!;
    const row: Record<string, string> = { ref: '1.1', title: 'Raise disability declaration', deadline: '31/03/2027' };
    for (const f of ['measure', 'baseline', 'target', 'measureUnit', 'tolerance'] as const) row[f] = FIELD_GUIDES[f].example;
    plan.addRow(TEMPLATE_FIELDS.map((f) => row[f] ?? ''));
    const store = openStore();
    try {
      const report = await runImport(store, new Uint8Array(await wb.xlsx.writeBuffer()), 'template.xlsx', { dryRun: true });
      assert.deepEqual(report.tasks[0]?.measure, { name: 'Staff declaring a disability', unit: '%', baseline: 4.5, baselineDate: '2025-03-31', target: 8, targetDate: '2027-03-31', amberBelow: 0.9, redBelow: 0.75 });
      assert.equal(report.tasks[0]?.successMeasure, 'Target: 8% by March 2027');
    } finally {
      await store.close();
    }
  });
});
