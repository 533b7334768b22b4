import assert from 'node:assert/strict';
import { datedColumn } from '../../core/import/columns/column-map';
import { fieldForHeader } from '../../core/import/columns/header-rules';
import { classifyHeading } from '../../core/import/layout/headings';
import { OwnerMatcher } from '../../core/import/owners/owner-matcher';
import { readGroups, readRag, readStatus } from '../../core/import/values/rag-and-status';
import { taskFromFields, taskToFields } from '../../core/store/sharepoint/field-mapping';
import { taskInput } from '../support/builders';
import { directory, openStore, runImport } from './import-support';

describe('import: reading headers, headings, owners and values', () => {
  it('recognises the headers councils use, by meaning', () => {
    const cases: [string, string | undefined][] = [
      ['No', 'ref'], ['Ref', 'ref'], ['Ref.', 'ref'],
      ['Task(s)', 'title'], ['Action', 'title'], ['Key Action', 'title'],
      ['Who', 'owner'], ['Lead Officer', 'owner'], ['Officer responsible for implementation', 'owner'], ['Who is responsible for the task?', 'owner'],
      ['Accountable Officer', 'accountableOfficer'], ['Lead Service', 'leadService'], ['Supporting Services', 'supportingServices'],
      ['Desired Outcomes', 'desiredOutcome'], ['How will we measure success?', 'successMeasure'], ['Measurement', 'successMeasure'],
      ['Date for completion', 'deadline'], ['Deadlines for Completion', 'deadline'], ['Timescale', 'deadline'],
      ['Progress', 'progress'], ['Latest update', 'progress'], ['RAG', 'rag'], ['RAG Status', 'rag'], ['Status', 'rag'],
      ['What group(s) is impacted by this task?', 'groupsImpacted'], ['What council strategy is the task supporting?', 'strategy'],
      ['Is there any evidence of impact to date in relation to this task?', 'evidence'], ['Any issues of concern or risks in relation to this task', 'risks'],
      ['Objective/Local Government Association (LGA) Theme', 'objective'], ['Indicator', 'indicator'],
      ['What quantitative and qualitative data is available concerning this task?', undefined], ['Recommendations', undefined],
    ];
    assert.deepEqual(cases.map(([h]) => [h, fieldForHeader(h)]), cases);
  });

  it('reads dated update and RAG columns, and leaves other dated headers alone', () => {
    assert.deepEqual(datedColumn('October 2018 Update'), { field: 'progress', date: '2018-10-31' });
    assert.deepEqual(datedColumn('Progress as at 12/03/2024'), { field: 'progress', date: '2024-03-12' });
    assert.deepEqual(datedColumn('RAG Q2 2025/26'), { field: 'rag', date: '2025-09-30' });
    assert.deepEqual(datedColumn('Mar 2025'), { field: 'progress', date: '2025-03-31' });
    assert.equal(datedColumn('Revised deadline March 2025'), undefined);
    assert.equal(datedColumn('Progress'), undefined);
  });

  it('tells headings between tables apart from prose', () => {
    assert.deepEqual(classifyHeading('Objective 2: Lead by example.'), { kind: 'objective', ref: '2', title: 'Lead by example' });
    assert.deepEqual(classifyHeading('Strategic objective B – Fair access'), { kind: 'objective', ref: 'B', title: 'Fair access' });
    assert.deepEqual(classifyHeading('Indicator 1.2: Listening to residents......7'), { kind: 'indicator', text: '1.2 Listening to residents' });
    assert.deepEqual(classifyHeading('Ongoing task(s)'), { kind: 'task-kind', value: 'Ongoing' });
    assert.deepEqual(classifyHeading('Measurement: Partners share data.'), { kind: 'measure', text: 'Partners share data.' });
    assert.equal(classifyHeading('Objectives and outcomes'), undefined);
    assert.equal(classifyHeading('1. How the plan is organised'), undefined, 'numbered lines are objectives only in a table row');
    assert.deepEqual(classifyHeading('1. Our workforce', { numbered: true }), { kind: 'objective', ref: '1', title: 'Our workforce' });
  });

  it('matches owners by name, email, "and" lists and bracketed roles; keeps the rest verbatim', async () => {
    const m = new OwnerMatcher(directory, new Map([['ict lead', 'owen.pritchard@northvale.example.gov.uk']]));
    const r = await m.match('Alex Morgan and Sam Okafor\nPriya Shah (EDI Officer)\njordan.lee@northvale.example.gov.uk\nICT lead\nEquality, Diversity and Inclusion Officer\nChris Taylor');
    assert.deepEqual(r.people.map((p) => p.displayName), ['Alex Morgan', 'Sam Okafor', 'Priya Shah', 'Jordan Lee', 'Owen Pritchard']);
    assert.deepEqual(r.unmatched, ['Equality, Diversity and Inclusion Officer', 'Chris Taylor']);
    assert.deepEqual(r.ambiguous, ['Chris Taylor']);
    const partly = await m.match('Cllr Ruth Adeyemi, Housing Team');
    assert.deepEqual(partly.people.map((p) => p.displayName), ['Ruth Adeyemi']);
    assert.deepEqual(partly.unmatched, ['Housing Team']);
  });

  it('reads RAG, status and groups as councils write them', () => {
    assert.deepEqual(['G', 'amber', 'Red - delayed', 'Completed', 'Blue', 'Not yet started', 'Purple', ''].map(readRag), ['Green', 'Amber', 'Red', 'Complete', 'Complete', 'Not started', undefined, undefined]);
    assert.deepEqual(['Withdrawn', 'Carried forward', 'Done', 'Green'].map(readStatus), ['Withdrawn', 'Carried forward', 'Complete', undefined]);
    assert.deepEqual(readGroups('Race, disabled people; LGBT+ staff\ncarers'), ['Race', 'Disability', 'Sexual orientation', 'carers']);
    assert.equal(readGroups('All protected characteristics').length, 9);
  });

  it('reads a semicolon CSV saved by Excel on Windows (Windows-1252, not UTF-8)', async () => {
    const csv = 'Ref;Action;Who;Timescale\r\n1;R\xe9sum\xe9 the caf\xe9 \x93drop-in\x94 sessions;Alex Morgan;\xa3 budget agreed by 31/12/2025\r\n';
    const store = openStore();
    try {
      const report = await runImport(store, Buffer.from(csv, 'latin1'), 'plan.csv', { dryRun: true });
      assert.equal(report.tasks[0]?.title, 'R\u00e9sum\u00e9 the caf\u00e9 \u201cdrop-in\u201d sessions');
      assert.equal(report.tasks[0]?.dueDate, '2025-12-31');
      assert.equal(report.tasks[0]?.dueText, '\u00a3 budget agreed by 31/12/2025');
    } finally {
      await store.close();
    }
  });

  it('passes over prose between tables in a sheet, merged across the table or in the first column', async () => {
    const prose = 'Developing category: the council has gathered and published information about its communities and the extent of disadvantage in the district.';
    const csv = ['No,Task,Who', 'Objective 1: Know our communities', `"${prose}"`, '1.1,Publish the data,Alex Morgan', `"${prose}","${prose}","${prose}"`, '1.2,Share the data with partners,Priya Shah'].join('\n');
    const store = openStore();
    try {
      const report = await runImport(store, Buffer.from(csv), 'plan.csv', { dryRun: true });
      assert.deepEqual(report.tasks.map((t) => [t.ref, t.title, t.objective.title]), [['1.1', 'Publish the data', 'Know our communities'], ['1.2', 'Share the data with partners', 'Know our communities']]);
      assert.deepEqual(report.warnings, []);
      assert.deepEqual(report.skipped, []);
    } finally {
      await store.close();
    }
  });

  it('keeps the imported owner wording through the SharePoint field mapping', () => {
    const task = taskInput({ unassignedOwners: ['Head of Housing'], ownerText: 'Head of Housing\nAlice Owner', accountableOfficerText: 'Director of Place', leadService: 'Housing' });
    const back = taskFromFields({ ...taskToFields(task), Title: task.title }, '1');
    assert.deepEqual(back.unassignedOwners, ['Head of Housing']);
    assert.equal(back.ownerText, 'Head of Housing\nAlice Owner');
    assert.equal(back.accountableOfficerText, 'Director of Place');
    assert.equal(back.leadService, 'Housing');
  });
});
