import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { buildBoardReport, type BoardReport } from '../../core/export/board-report';
import { boardReportDocx } from '../../core/export/board-report-docx';
import type { Objective, Task, UpdateRound } from '../../core/model';
import { alice, bob, carol, taskInput } from '../support/builders';

const objectives: Objective[] = [
  { id: 'o1', version: '1', ref: '1', title: 'Understanding our communities' },
  { id: 'o2', version: '1', ref: '2', title: 'A diverse workforce' },
];
const stored = (id: string, input: Parameters<typeof taskInput>[0]): Task => ({ ...taskInput(input), id, version: '1' });
const tasks: Task[] = [
  stored('t11', { ref: '1.1', title: 'Publish the equality data report', owners: [alice, bob], dueText: 'By March 2027' }),
  stored('t12', { ref: '1.2', title: 'Refresh the monitoring form', owners: [carol], dueText: undefined, dueDate: '2027-01-31' }),
  stored('t21', { ref: '2.1', title: 'Inclusive recruitment training', objectiveRef: '2', owners: [] }),
];

const october: UpdateRound = {
  id: 'r1', version: '1', name: 'October update', opensAt: '2026-09-01T09:00:00.000Z', dueDate: '2026-10-01', scope: { kind: 'all-open' }, state: 'Closed', closedAt: '2026-10-02T09:00:00.000Z',
  snapshot: [
    { taskId: 't11', taskRef: '1.1', update: 'Data requested from every service.', updateAt: '2026-09-10T09:00:00.000Z', rag: 'Green' },
    { taskId: 't12', taskRef: '1.2', update: 'Old news from August.', updateAt: '2026-08-01T09:00:00.000Z', rag: 'Amber' },
  ],
};
const april: UpdateRound = {
  id: 'r2', version: '1', name: 'April update', opensAt: '2027-03-01T09:00:00.000Z', dueDate: '2027-04-01', scope: { kind: 'all-open' }, state: 'Closed', closedAt: '2027-04-02T09:00:00.000Z',
  snapshot: [
    { taskId: 't11', taskRef: '1.1', update: 'Draft <b>agreed</b> & sent to the board.\nPublication booked for May.', updateAt: '2027-03-05T09:00:00.000Z', rag: 'Amber' },
    { taskId: 't12', taskRef: '1.2', update: 'Old news from August.', updateAt: '2026-08-01T09:00:00.000Z', rag: 'Red' },
    { taskId: 't21', taskRef: '2.1', update: '=HYPERLINK("http://evil.example")', updateAt: '2027-03-20T09:00:00.000Z', rag: 'Green' },
    { taskId: 'gone', taskRef: '3.1', update: 'Finished.', updateAt: '2027-03-02T09:00:00.000Z', rag: 'Complete' },
  ],
};

/** The text of each table: rows of cells, each cell's paragraphs joined with a line break. */
function tables(documentXml: string): string[][][] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) =>
        [...cell!.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map(([, p]) => [...p!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => decode(t!)).join('')).join('\n'),
      ),
    ),
  );
}

async function documentXml(report: BoardReport): Promise<string> {
  const zip = await JSZip.loadAsync(await boardReportDocx(report));
  const xml = await zip.file('word/document.xml')?.async('string');
  assert.ok(xml, 'word/document.xml is in the package');
  return xml;
}

describe('Board report', () => {
  const report = buildBoardReport({ round: april, previous: october, tasks, objectives, generatedAt: '2027-04-03T10:00:00.000Z' });

  it('takes this round and the previous round from their snapshots; an old update is not this round\'s', () => {
    assert.deepEqual(report.sections.map((s) => [s.ref, s.rows.map((r) => r.ref)]), [['1', ['1.1', '1.2']], ['2', ['2.1']], ['–', ['3.1']]]);
    const [r11, r12] = report.sections[0]!.rows;
    assert.deepEqual(r11, { ref: '1.1', action: 'Publish the equality data report', lead: 'Alice Owner, Bob Manager', due: 'By March 2027', rag: 'Amber', thisUpdate: april.snapshot![0]!.update, previousUpdate: 'Data requested from every service.', inPreviousRound: true });
    assert.deepEqual({ ...r12, thisUpdate: r12!.thisUpdate ?? null, previousUpdate: r12!.previousUpdate ?? null }, { ref: '1.2', action: 'Refresh the monitoring form', lead: 'Carol O\'Brien', due: '31 Jan 2027', rag: 'Red', thisUpdate: null, previousUpdate: null, inPreviousRound: true });
    assert.equal(report.sections[1]!.rows[0]!.inPreviousRound, false);
    assert.equal(report.sections[2]!.rows[0]!.action, '(no longer in the plan)');
    assert.deepEqual(report.summary, { total: 4, byRag: { 'Not started': 0, Green: 1, Amber: 1, Red: 1, Complete: 1 } });
    assert.deepEqual(report.sections[0]!.summary.byRag, { 'Not started': 0, Green: 0, Amber: 1, Red: 1, Complete: 0 });
    assert.deepEqual(report.previousRound, { id: 'r1', name: 'October update' });
  });

  it('reads an open round from the live plan: answered since it opened, current RAG', () => {
    const open: UpdateRound = { id: 'r3', version: '1', name: 'July update', opensAt: '2027-06-01T09:00:00.000Z', dueDate: '2027-07-01', scope: { kind: 'objectives', refs: ['1'] }, state: 'Open' };
    const live = tasks.map((t) => (t.id === 't11' ? { ...t, rag: 'Red' as const, latestUpdate: 'Printer strike.', latestUpdateAt: '2027-06-03T09:00:00.000Z' } : t));
    const r = buildBoardReport({ round: open, previous: april, tasks: live, objectives, generatedAt: '2027-06-04T10:00:00.000Z' });
    assert.deepEqual(r.sections.map((s) => s.rows.map((row) => [row.ref, row.rag, row.thisUpdate ?? null, row.previousUpdate ?? null])), [[['1.1', 'Red', 'Printer strike.', april.snapshot![0]!.update], ['1.2', 'Green', null, null]]]);
  });

  it('DOCX: unzipped, word/document.xml holds the RAG summary and a table per objective with both rounds\' updates', async () => {
    const xml = await documentXml(report);
    assert.match(xml, /w:orient="landscape"/);
    assert.match(xml, /EDI action plan board report/);
    for (const heading of ['Objective 1: Understanding our communities', 'Objective 2: A diverse workforce', 'Objective –: Tasks without an objective']) assert.ok(xml.includes(heading), heading);

    const [summary, one, two, unfiled] = tables(xml);
    assert.deepEqual(summary![0], ['Objective', 'Not started', 'Green', 'Amber', 'Red', 'Complete', 'Total']);
    assert.deepEqual(summary!.at(-1), ['All objectives', '0', '1', '1', '1', '1', '4']);
    assert.deepEqual(summary![1], ['1. Understanding our communities', '0', '0', '1', '1', '0', '2']);

    assert.deepEqual(one![0], ['Ref', 'Action', 'Lead', 'Due', 'RAG', 'Update: April update', 'Previous update: October update']);
    assert.deepEqual(one![1], ['1.1', 'Publish the equality data report', 'Alice Owner, Bob Manager', 'By March 2027', 'Amber', 'Draft <b>agreed</b> & sent to the board.\nPublication booked for May.', 'Data requested from every service.']);
    assert.deepEqual(one![2], ['1.2', 'Refresh the monitoring form', "Carol O'Brien", '31 Jan 2027', 'Red', 'No update given', 'No update given']);
    assert.deepEqual(two![1], ['2.1', 'Inclusive recruitment training', 'No owner', 'By 1 December 2026', 'Green', '=HYPERLINK("http://evil.example")', 'Not in October update']);
    assert.equal(unfiled![1]![1], '(no longer in the plan)');
    assert.ok(!xml.includes('<b>agreed'), 'user text is escaped, never markup');
  });

  it('DOCX: with no earlier round, says so', async () => {
    const first = buildBoardReport({ round: october, tasks, objectives, generatedAt: '2026-10-03T10:00:00.000Z' });
    const [, one] = tables(await documentXml(first));
    assert.equal(one![0]![6], 'Previous update');
    assert.equal(one![1]![6], 'No earlier round');
  });
});
