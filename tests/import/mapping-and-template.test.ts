import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { mapHeaderRow } from '../../core/import/columns/column-map';
import { EMPTY_MAPPING, parseMapping } from '../../core/import/columns/mapping-file';
import { FIELD_GUIDES } from '../../core/import/columns/plan-fields';
import { ImportFileError } from '../../core/import/import-errors';
import { buildImportTemplate, TEMPLATE_FIELDS } from '../../core/import/template/import-template';
import type { PlanStore } from '../../core/ports/plan-store';
import { mapped } from '../fixtures/import/plan-layouts';
import { fixtureBytes, openStore, person, projectTask, runImport } from './import-support';

describe('a mapping file', () => {
  let store: PlanStore;
  beforeEach(() => {
    store = openStore();
  });
  afterEach(() => store.close());

  it('is needed when the headers mean nothing to the import', async () => {
    await assert.rejects(runImport(store, fixtureBytes(mapped, 'csv'), 'oakfield.csv'), (err: unknown) => err instanceof ImportFileError && err.problem === 'no-columns');
  });

  it('names columns, dates a history column, ignores a column and says who a role is', async () => {
    const mapping = parseMapping(
      JSON.stringify({
        columns: { "What we'll do": 'title', person: 'owner', 'Board update': { field: 'history', date: '2025-06-30' }, Notes: 'ignore' },
        owners: { 'equality lead': 'priya.shah@northvale.example.gov.uk' },
      }),
    );
    const report = await runImport(store, fixtureBytes(mapped, 'csv'), 'oakfield.csv', { mapping, dryRun: true });
    const objective = { ref: '1', title: 'Imported from oakfield.csv' };
    assert.deepEqual(report.tasks.map(projectTask), [
      {
        ref: 'O1',
        title: 'Translate the council tax leaflet into the five most spoken community languages',
        objective,
        kind: 'Priority',
        owners: [person('priya')],
        unassignedOwners: [],
        rag: 'Not started',
        status: 'Open',
        latestUpdate: 'Two languages done.',
        history: [{ round: 'Board update', date: '2025-06-30', text: 'Two languages done.' }],
      },
      {
        ref: 'O2',
        title: 'Fit hearing loops at every reception desk',
        objective,
        kind: 'Priority',
        owners: [person('owen')],
        unassignedOwners: [],
        rag: 'Not started',
        status: 'Open',
        latestUpdate: 'Loops ordered.',
        history: [{ round: 'Board update', date: '2025-06-30', text: 'Loops ordered.' }],
      },
    ]);
    assert.deepEqual(report.tables[0]?.ignoredColumns, []);
    assert.deepEqual(report.tables[0]?.columns.map((c) => c.field), ['ref', 'title', 'owner', 'progress']);
  });

  it('overrides a guess', () => {
    const guessed = mapHeaderRow(['Ref', 'Action', 'Lead'], EMPTY_MAPPING);
    assert.deepEqual(guessed?.roles.map((r) => r?.field), ['ref', 'title', 'owner']);
    const overridden = mapHeaderRow(['Ref', 'Action', 'Lead'], parseMapping('{"columns":{"Lead":"leadService"}}'));
    assert.deepEqual(overridden?.roles.map((r) => r?.field), ['ref', 'title', 'leadService']);
  });
});

describe('the blank template', () => {
  it('has the canonical columns, each recognised by the import, with guidance and drop-downs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildImportTemplate()) as unknown as ExcelJS.Buffer);
    const plan = wb.getWorksheet('Plan');
    assert.ok(plan);
    const headers = (plan.getRow(1).values as unknown[]).slice(1).map(String);
    assert.deepEqual(headers, TEMPLATE_FIELDS.map((f) => FIELD_GUIDES[f].header));
    assert.deepEqual(mapHeaderRow(headers, EMPTY_MAPPING)?.roles.map((r) => r?.field), TEMPLATE_FIELDS);
    const ragColumn = TEMPLATE_FIELDS.indexOf('rag') + 1;
    assert.deepEqual(plan.getCell(2, ragColumn).dataValidation?.formulae, ['"Not started,Green,Amber,Red,Complete"']);
    const guidance = wb.getWorksheet('Guidance');
    assert.ok(guidance && guidance.rowCount > TEMPLATE_FIELDS.length);
  });

  it('filled in, imports every field', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildImportTemplate()) as unknown as ExcelJS.Buffer);
    const plan = wb.getWorksheet('Plan')!;
    const row: Record<string, string> = {
      objective: '3. Inclusive services',
      indicator: '3.1 Service design',
      ref: '3.1.1',
      title: 'Test the new online booking system with disabled residents',
      kind: 'Priority',
      description: 'Before it goes live',
      owner: 'Fatima Rahman',
      accountableOfficer: 'Sam Okafor',
      leadService: 'Customer Services',
      supportingServices: 'Digital Services',
      desiredOutcome: 'Bookings work with screen readers',
      successMeasure: 'Five test sessions held',
      groupsImpacted: 'Disability, Age',
      strategy: 'Digital Strategy',
      deadline: '30/11/2025',
      rag: 'Amber',
      progress: 'Testers recruited.',
      evidence: 'Feedback log',
      risks: 'Supplier delay',
      percentComplete: '40%',
    };
    plan.addRow(TEMPLATE_FIELDS.map((f) => row[f] ?? ''));
    const store = openStore();
    try {
      const report = await runImport(store, new Uint8Array(await wb.xlsx.writeBuffer()), 'template.xlsx', { dryRun: true });
      assert.deepEqual(report.tasks.map(projectTask), [
        {
          ref: '3.1.1',
          title: 'Test the new online booking system with disabled residents',
          objective: { ref: '3', title: 'Inclusive services' },
          kind: 'Priority',
          owners: [person('fatima')],
          unassignedOwners: [],
          rag: 'Amber',
          status: 'Open',
          indicator: '3.1 Service design',
          description: 'Before it goes live',
          accountableOfficer: person('sam'),
          accountableOfficerText: 'Sam Okafor',
          leadService: 'Customer Services',
          supportingServices: 'Digital Services',
          desiredOutcome: 'Bookings work with screen readers',
          successMeasure: 'Five test sessions held',
          groupsImpacted: ['Disability', 'Age'],
          strategy: 'Digital Strategy',
          dueDate: '2025-11-30',
          dueText: '30/11/2025',
          percentComplete: 40,
          latestUpdate: 'Testers recruited.',
          evidence: 'Feedback log',
          risks: 'Supplier delay',
        },
      ]);
      assert.deepEqual(report.warnings.map((w) => w.code), ['skipped-sheets'], 'only: the Guidance sheet was not read as a plan');
      assert.match(report.warnings[0]!.message, /"Guidance" \(guidance, by its name\)/);
    } finally {
      await store.close();
    }
  });
});
