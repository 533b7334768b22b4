import assert from 'node:assert/strict';
import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import ExcelJS from 'exceljs';
import { parseMapping } from '../../core/import/columns/mapping-file';
import type { ImportReport } from '../../core/import/import-report';
import { openStore, runImport } from './import-support';

/**
 * Layouts found by their shape (issue 18), on files made here in other words and other shapes than
 * the corpus: records back to back, sideways pairs in a CSV, Word bullets with the lead on the next
 * line, a Word table of labels, unmarked lists, status words, a count table under the plan, and
 * the officer's row marks and label mappings.
 */

type Cells = (string | null)[];

async function xlsx(rows: Cells[], merges: [number, number, number, number][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  rows.forEach((cells, i) => cells.forEach((v, c) => v !== null && v !== '' && (ws.getRow(i + 1).getCell(c + 1).value = v)));
  for (const [r1, c1, r2, c2] of merges) ws.mergeCells(r1, c1, r2, c2);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csv = (rows: Cells[]) => Buffer.from(rows.map((r) => r.map((c) => (c && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : (c ?? ''))).join(',')).join('\r\n'), 'utf8');

function docx(children: (Paragraph | Table)[]): Promise<Buffer> {
  const numbering = { config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] };
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}
const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const p = (text: string) => new Paragraph({ children: text.split('\n').map((t, i) => new TextRun({ text: t, break: i ? 1 : undefined })) });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const num = (text: string) => new Paragraph({ text, numbering: { reference: 'n', level: 0 } });
const wordTable = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map((t) => new TableCell({ children: [new Paragraph(t)] })) })) });

async function dry(bytes: Buffer, fileName: string, mapping?: string): Promise<ImportReport> {
  const store = openStore();
  try {
    return await runImport(store, bytes, fileName, { dryRun: true, ...(mapping && { mapping: parseMapping(mapping) }) });
  } finally {
    await store.close();
  }
}

const titles = (r: ImportReport) => r.tasks.map((t) => t.title);
const accounted = (r: ImportReport) => {
  for (const t of r.tables) {
    assert.ok(t.cells && t.ignored, t.name);
    const c = t.cells;
    assert.equal(c.read, c.used + c.headers + c.headings + c.ignored, `${t.name}: every cell counted once`);
    assert.ok(!t.ignored.some((i) => /not read by any rule/.test(i.reason)), `${t.name}: nothing unaccounted`);
  }
};

describe('layouts found by their shape (issue 18)', () => {
  it('label blocks back to back (no blank rows), an unknown label mapped, a block marked not a task', async () => {
    const rows: Cells[] = [
      ['Equality commitments tracker'],
      ['Pledge', 'Give every ward councillor equality training'],
      ['Owner', 'Member Services Manager'],
      ['Due by', '31/10/2026'],
      ['What we will see', 'Attendance records'],
      ['Pledge', 'Publish our workforce profile each year'],
      ['Owner', 'HR Insight Lead'],
      ['Due by', 'Ongoing'],
      ['Pledge', 'Example pledge: delete this block'],
      ['Owner', 'Nobody'],
    ];
    const plain = await dry(await xlsx(rows), 'pledges.xlsx', '{ "columns": { "Pledge": "title", "Due by": "deadline" } }');
    assert.deepEqual(titles(plain), ['Give every ward councillor equality training', 'Publish our workforce profile each year', 'Example pledge: delete this block']);
    assert.equal(plain.tasks[0]?.where, 'Sheet "Plan", rows 2\u20135');
    assert.equal(plain.tasks[0]?.dueDate, '2026-10-31');
    assert.ok(plain.tables.some((t) => t.ignored?.some((i) => i.text === 'What we will see' && /label we do not read/.test(i.reason))));
    accounted(plain);

    const mapped = await dry(await xlsx(rows), 'pledges.xlsx', JSON.stringify({
      columns: { Pledge: 'title', 'Due by': 'deadline', 'What we will see': 'evidence' },
      rows: { 'Sheet "Plan", rows 9-10': 'not-a-task' },
    }));
    assert.deepEqual(titles(mapped), ['Give every ward councillor equality training', 'Publish our workforce profile each year']);
    assert.equal(mapped.tasks[0]?.evidence, 'Attendance records');
    assert.deepEqual(mapped.skipped.map((s) => s.where), ['Sheet "Plan", rows 9\u201310']);
    accounted(mapped);
  });

  it('a CSV with two sideways blocks, the second pairing "Plan" and "Update" columns under each ref', async () => {
    const rows: Cells[] = [
      ['Housing and communities: actions'],
      [],
      ['Priority A: Homes'],
      ['Action no.', 'HA1', 'HA2'],
      ['Action', 'Audit temporary accommodation for wheelchair access', 'Offer housing advice in community languages'],
      ['Lead', 'Temporary Accommodation Manager', 'Housing Advice Team Leader'],
      ['Timescale', 'Q1 2026/27', 'Ongoing'],
      [],
      ['Priority B: Neighbourhoods'],
      ['Ref', 'NB1', '', 'NB2', ''],
      ['', 'Plan', 'Update', 'Plan', 'Update'],
      ['Action', 'Recruit community champions in every ward', 'Twelve champions so far', 'Map hate incidents by ward', 'Data agreed with police'],
      ['Lead', 'Communities Manager', '', 'Community Safety Officer', ''],
      ['Timescale', 'Autumn 2026', '', 'March 2027', ''],
      ['RAG', '', 'On track', '', 'Slipped'],
    ];
    const r = await dry(csv(rows), 'actions.csv');
    assert.deepEqual(r.tasks.map((t) => [t.ref, t.title, t.dueDate ?? null, t.rag, t.latestUpdate ?? null]), [
      ['HA1', 'Audit temporary accommodation for wheelchair access', '2026-06-30', 'Not started', null],
      ['HA2', 'Offer housing advice in community languages', null, 'Not started', null],
      ['NB1', 'Recruit community champions in every ward', '2026-11-30', 'Green', 'Twelve champions so far'],
      ['NB2', 'Map hate incidents by ward', '2027-03-31', 'Amber', 'Data agreed with police'],
    ]);
    assert.deepEqual(r.tasks.map((t) => t.objective.title), ['Homes', 'Homes', 'Neighbourhoods', 'Neighbourhoods']);
    assert.equal(r.tasks[2]?.statusText, 'On track');
    assert.equal(r.tasks[2]?.where, 'actions.csv, columns 2\u20133 (rows 10\u201315)');
    accounted(r);

    // The mapping's column names apply to labels down the side; a column is marked by the report's where.
    const mapped = await dry(csv(rows), 'actions.csv', JSON.stringify({ columns: { Timescale: 'ignore' }, rows: { 'actions.csv, column 3 (rows 4-7)': 'not-a-task' } }));
    assert.deepEqual(mapped.tasks.map((t) => [t.ref, t.dueText ?? null]), [['HA1', null], ['NB1', null], ['NB2', null]]);
    assert.ok(mapped.tables.some((t) => t.ignored?.some((i) => i.text === 'Timescale' && /marked "ignore"/.test(i.reason))));
    assert.deepEqual(mapped.skipped, [{ where: 'actions.csv, column 3 (rows 4\u20137)', reason: 'Marked not a task in the mapping, so it was not imported.' }]);
    accounted(mapped);
  });

  it('Word bullets with the lead and date in the next paragraph; a background list is not tasks', async () => {
    const doc = await docx([
      h('Background'),
      bullet('The Equality Act 2010 sets out nine protected characteristics'),
      bullet('Our last plan ended in March 2025'),
      h('Aim 1: Fair access to jobs'),
      bullet('Write every job advert in plain English and test it with readers'),
      p('Lead officer: Recruitment Manager'),
      p('Target date: June 2026'),
      bullet('Publish the disability pay gap alongside the gender pay gap'),
      p('Lead officer: Reward Manager'),
      p('Target date: 2026/27'),
      h('Contact'),
      p('Email equality@example.gov.uk for this plan in another format.'),
    ]);
    const r = await dry(doc, 'aims.docx');
    assert.deepEqual(r.tasks.map((t) => [t.title, t.dueDate, t.unassignedOwners]), [
      ['Write every job advert in plain English and test it with readers', '2026-06-30', ['Recruitment Manager']],
      ['Publish the disability pay gap alongside the gender pay gap', '2027-03-31', ['Reward Manager']],
    ]);
    assert.ok(r.tasks.every((t) => t.objective.title === 'Fair access to jobs'));
    assert.equal(r.tasks[0]?.where, 'paragraphs 5\u20137');
    accounted(r);
  });

  it('typed refs with the owner inline, and one paragraph marked a heading', async () => {
    const doc = await docx([
      p('Our promises 2025 to 2027'),
      p('Section A – Listening'),
      p('A1 Hold a residents\u2019 equality forum twice a year \u2013 Owner: Engagement Officer; timescale: quarterly'),
      p('A2 Survey disabled residents about our buildings. Owner: Facilities Manager. By December 2026.'),
    ]);
    const r = await dry(doc, 'promises.docx', '{ "rows": { "paragraph 2": "heading" } }');
    assert.deepEqual(r.tasks.map((t) => [t.ref, t.title, t.dueDate ?? null, t.kind, t.unassignedOwners]), [
      ['A1', 'Hold a residents\u2019 equality forum twice a year', null, 'Ongoing', ['Engagement Officer']],
      ['A2', 'Survey disabled residents about our buildings.', '2026-12-31', 'Priority', ['Facilities Manager']],
    ]);
    assert.equal(r.tasks[0]?.objective.title, 'Section A \u2013 Listening');
    accounted(r);
  });

  it('Word numbered items with no leads count only when the plan has no other tasks', async () => {
    const alone = await dry(await docx([h('Objective 1: Know our residents'), num('Improve the equality questions in the residents survey'), num('Share ward equality profiles with councillors')]), 'objectives.docx');
    assert.deepEqual(titles(alone), ['Improve the equality questions in the residents survey', 'Share ward equality profiles with councillors']);

    const withTable = await dry(await docx([
      h('Objective 1: Know our residents'),
      num('Improve the equality questions in the residents survey'),
      wordTable([['Ref', 'Action', 'Lead'], ['1.1', 'Publish ward profiles', 'Insight Manager']]),
    ]), 'objectives.docx');
    assert.deepEqual(titles(withTable), ['Publish ward profiles']);
    const paragraphs = withTable.tables.find((t) => t.layout === 'paragraphs')!;
    assert.ok(paragraphs.ignored?.some((i) => /list item with no lead or date/.test(i.reason)));
    accounted(withTable);
  });

  it('text pasted into one column of a CSV: "Label: value" lines read as records', async () => {
    const rows: Cells[] = [
      ['Our equality commitments'],
      ['Commitment: Hold a staff disability forum every quarter'],
      ['Lead: Staff Network Chair'],
      ['Deadline: Quarterly'],
      [],
      ['Commitment: Publish accessible versions of council papers'],
      ['Lead: Democratic Services Manager'],
      ['Deadline: 31 January 2026'],
      [],
      ['Agreed by the Corporate Leadership Team.'],
    ];
    const r = await dry(csv(rows), 'commitments.csv');
    assert.deepEqual(r.tasks.map((t) => [t.title, t.dueDate ?? null, t.kind, t.unassignedOwners, t.where]), [
      ['Hold a staff disability forum every quarter', null, 'Ongoing', ['Staff Network Chair'], 'commitments.csv, rows 2\u20134'],
      ['Publish accessible versions of council papers', '2026-01-31', 'Priority', ['Democratic Services Manager'], 'commitments.csv, rows 6\u20138'],
    ]);
    accounted(r);
  });

  it('a Word table of labels holding several records one after another', async () => {
    const r = await dry(await docx([
      p('Commitments'),
      wordTable([
        ['Commitment', 'Offer British Sign Language at public meetings'],
        ['Responsible', 'Democratic Services'],
        ['Deadline', 'September 2026'],
        ['Commitment', 'Make the council website meet WCAG 2.2'],
        ['Responsible', 'Web Team'],
        ['Deadline', 'TBC'],
      ]),
    ]), 'commitments.docx');
    assert.deepEqual(r.tasks.map((t) => [t.title, t.dueDate ?? null, t.where]), [
      ['Offer British Sign Language at public meetings', '2026-09-30', 'Table 1, rows 1\u20133'],
      ['Make the council website meet WCAG 2.2', null, 'Table 1, rows 4\u20136'],
    ]);
    accounted(r);
  });

  it('status words to RAG and status, a count table under the plan, and a row marked a heading', async () => {
    const rows: Cells[] = [
      ['Ref', 'Action', 'Owner', 'Deadline', 'Progress status'],
      ['1', 'Review the hate crime reporting page', 'Comms Lead', 'May 2026', 'In progress'],
      ['', 'Workforce', '', '', ''],
      ['2', 'Run a reasonable adjustments audit', 'HR Lead', 'Quarterly', 'Behind schedule'],
      ['3', 'Refresh the equality impact assessment form', 'Policy Officer', 'Done', 'Completed'],
      [],
      ['RAG status', 'Count'],
      ['Green', '1'],
      ['Red', '1'],
      ['Total', '3'],
    ];
    const r = await dry(await xlsx(rows), 'tracker.xlsx', '{ "rows": { "Sheet \\"Plan\\", row 3": "heading" } }');
    assert.deepEqual(r.tasks.map((t) => [t.ref, t.rag, t.status, t.statusText ?? null, t.objective.title]), [
      ['1', 'Green', 'Open', 'In progress', 'Imported from tracker.xlsx'],
      ['2', 'Red', 'Open', 'Behind schedule', 'Workforce'],
      ['3', 'Complete', 'Complete', 'Completed', 'Workforce'],
    ]);
    assert.equal(r.tasks[1]?.dueDate, undefined, '"Quarterly" gives no due date');
    assert.equal(r.tasks[1]?.kind, 'Ongoing');
    const ignored = r.tables[0]!.ignored!.map((i) => i.where);
    assert.deepEqual(ignored, ['Sheet "Plan", row 7', 'Sheet "Plan", row 8', 'Sheet "Plan", row 9', 'Sheet "Plan", row 10']);
    accounted(r);
  });
});
