import assert from 'node:assert/strict';
import type { BoardReport } from '../../core/export/board-report';
import { boardReportDocx } from '../../core/export/board-report-docx';
import { aprilReport, currentReport, quietReport, report as reportWith, april, october, tasks } from './board-report-fixture';
import { firstColumn, isHeading, parseDocx, proseOf, records, section, tablesOf, type DocxParagraph, type ParsedDocx } from './board-report-docx-support';

/** The board paper's content, section by section, parsed back from the DOCX and checked against the report it was built from. */
describe('Board report DOCX: each section', () => {
  const built: Record<'current' | 'april' | 'quiet', BoardReport> = { current: currentReport(), april: aprilReport(), quiet: quietReport() };
  const docs = {} as Record<keyof typeof built, ParsedDocx>;
  before(async () => {
    for (const [key, report] of Object.entries(built) as [keyof typeof built, BoardReport][]) docs[key] = await parseDocx(await boardReportDocx(report));
  });
  const cover = (d: ParsedDocx) => Object.fromEntries(records(tablesOf(d.blocks)[0]!).map((r) => [r.Item, r.Detail]));

  it('cover: council, plan, period, date, prepared by and what the report is based on', () => {
    assert.equal((docs.current.blocks[0] as DocxParagraph).text, 'EDI action plan 2026 to 2028: board report');
    assert.deepEqual(cover(docs.current), { Council: 'Northvale District Council', Plan: 'EDI action plan 2026 to 2028', Period: '2 Apr 2027 to 10 May 2027', Date: '10 May 2027', 'Prepared by': 'Priya Shah', 'Based on': 'The plan as of today, 10 May 2027' });
    assert.equal(cover(docs.april)['Based on'], 'April update: closed 2 Apr 2027');
    assert.equal(cover(docs.april).Period, '1 Mar 2027 to 2 Apr 2027');
  });

  it('how to read: the basis in words and the RAG key (Red: action required, Amber: support may be required), symbol and word', () => {
    const read = section(docs.current.blocks, 'How to read this report');
    assert.match(proseOf(read), /the plan as of 10 May 2027: each task's latest update, whenever it came\. Updates new since April update are marked New\./);
    assert.deepEqual(records(tablesOf(read)[0]!).slice(0, 2), [{ RAG: '■ Red', 'What it means': 'Action is required from the Board.' }, { RAG: '▲ Amber', 'What it means': 'Support may be required from the Board.' }]);
    assert.match(proseOf(section(docs.april.blocks, 'How to read this report')), /April update as it closed on 2 Apr 2027, 10:00: each task as the round recorded it/);
    assert.match(proseOf(section(docs.quiet.blocks, 'How to read this report')), /No update round has closed yet, so no update is marked New/);
  });

  it('summary: RAG counts equal the report\'s, with overdue; movement; response rate', () => {
    for (const key of ['current', 'april'] as const) {
      const { summary } = built[key];
      const counts = Object.fromEntries(records(tablesOf(section(docs[key].blocks, 'Summary'))[0]!).map((r) => [r.RAG, r.Tasks]));
      assert.deepEqual(counts, { '■ Red': String(summary.byRag.Red), '▲ Amber': String(summary.byRag.Amber), '● Green': String(summary.byRag.Green), '○ Not started': String(summary.byRag['Not started']), '★ Complete': String(summary.byRag.Complete), 'All tasks': String(summary.total), Overdue: String(summary.overdue) }, key);
    }
    const summary = section(docs.april.blocks, 'Summary');
    assert.match(proseOf(summary), /^7 tasks in the plan: Red 1, Amber 1, Green 2, Not started 1, Complete 2\. 2 complete; 1 overdue\./);
    assert.match(proseOf(summary), /Since October update: 2 tasks moved up and 1 task moved down\./);
    const movement = records(tablesOf(summary).find((t) => t.rows[0]!.cells[0] === 'Ref')!);
    assert.deepEqual(movement.map((m) => [m.Ref, m['At October update'], m.Now, m.Movement]), [['1.2', '▲ Amber', '■ Red', 'Down (worse)'], ['1.3', '● Green', '★ Complete', 'Up (better)'], ['2.1', '○ Not started', '● Green', 'Up (better)']]);
    assert.match(proseOf(summary), /April update \(closed\): 6 of 7 tasks answered \(86%\)\.\n1 owner has not responded: see the appendix\.\nEarlier rounds: October update 50%\./);
    assert.match(proseOf(summary), /1 task is overdue/);
  });

  it('"Asked of the board": exactly the Red and Amber tasks, Red first, with risks, support needed and latest words', () => {
    for (const key of ['current', 'april'] as const) {
      const asked = section(docs[key].blocks, 'Asked of the board');
      assert.deepEqual(firstColumn(asked), built[key].askedOfBoard.map((r) => r.ref), key);
      const redAmber = built[key].sections.flatMap((s) => s.rows).filter((r) => r.rag === 'Red' || r.rag === 'Amber').map((r) => r.ref).sort();
      assert.deepEqual([...firstColumn(asked)].sort(), redAmber, `${key}: every Red and Amber task, nothing else`);
    }
    const asked = section(docs.current.blocks, 'Asked of the board');
    assert.deepEqual(asked.filter((b) => isHeading(b, 2)).map((b) => (b as DocxParagraph).text), ['Red: action is required from the board (1 task)', 'Amber: support may be required from the board (2 tasks)']);
    const rows = tablesOf(asked).flatMap(records);
    assert.deepEqual(rows.map((r) => [r.Ref, r.RAG, r['Support needed from the board'], r.Risks]), [
      ['1.2', '■ Red', 'Approve £5,000 from reserves.', 'No budget for a new supplier.'],
      ['1.1', '▲ Amber\nWas ● Green at April update', 'The board to chase the two directors.', 'Two services are late with their data.'],
      ['2.3', '▲ Amber', 'None given', 'None given'],
    ]);
    assert.equal(rows[1]!['Latest update'], 'New: 20 Apr 2027, 10:00, Alice Owner\nDraft <b>agreed</b> & sent to the board.\nPublication booked for June.');
    assert.equal(rows[0]!.Due, '31 Jan 2027\nPlan: “By January 2027”\nOverdue');
    const red = tablesOf(asked)[0]!;
    assert.equal(red.rows[1]!.fills[4], 'F4C7C3', 'the RAG cell is tinted as well as labelled');
  });

  it('"Asked of the board" says so when nothing is Red or Amber', () => {
    assert.equal(proseOf(section(docs.quiet.blocks, 'Asked of the board')), 'No task is Red or Amber: nothing is asked of the board this time.');
  });

  it('per-objective sections: every task, with ref, task, owner, due (date and wording), RAG, latest update, evidence with measure, risks', () => {
    for (const key of ['current', 'april'] as const) {
      const objectiveBlocks = built[key].sections.flatMap((s) => section(docs[key].blocks, s.ref === '–' ? s.title : `Objective ${s.ref}: ${s.title}`));
      assert.deepEqual(firstColumn(objectiveBlocks), built[key].sections.flatMap((s) => s.rows.map((r) => r.ref)), key);
    }
    const refs = firstColumn(built.current.sections.flatMap((s) => section(docs.current.blocks, `Objective ${s.ref}: ${s.title}`)));
    assert.deepEqual(refs, tasks.map((t) => t.ref), 'every task of the plan');

    const one = section(docs.current.blocks, 'Objective 1: Understanding our communities');
    assert.equal(proseOf(one), '3 tasks: Red 1, Amber 1, Complete 1. 33% complete.');
    const [r11] = records(tablesOf(one)[0]!);
    assert.deepEqual(r11, {
      Ref: '1.1',
      Task: 'Publish the equality data report',
      Owner: 'Alice Owner, Bob Manager',
      Due: '30 Jun 2027\nPlan: “By the end of June 2027”',
      RAG: '▲ Amber\nWas ● Green at April update',
      'Latest update': 'New: 20 Apr 2027, 10:00, Alice Owner\nDraft <b>agreed</b> & sent to the board.\nPublication booked for June.',
      'Evidence of impact and measure': 'Draft read by the community forum.',
      'Risks and support needed': 'Two services are late with their data.\nSupport needed\nThe board to chase the two directors.',
    });
    const [r21, r22] = records(tablesOf(section(docs.current.blocks, 'Objective 2: A diverse workforce'))[0]!);
    assert.equal(r21!.Owner, 'No owner');
    assert.match(r21!['Evidence of impact and measure']!, /^None given\nMeasure\nPanel chairs trained: 70 chairs \(baseline 0 chairs, target 120 chairs by 31 Dec 2027; should be [\d.]+ chairs now; suggests \w+\)\. Earlier: 10 chairs \(October update\), 70 chairs \(April update\)$/, 'the measure with its value at each round');
    assert.deepEqual([r22!.Due, r22!['Latest update'], r22!.RAG], ['30 Sep 2027', 'No update given', '○ Not started']);
  });

  it('a closed round\'s report shows its snapshot: the round\'s RAG and updates, those during it marked New', () => {
    const [r11, r12] = records(tablesOf(section(docs.april.blocks, 'Objective 1: Understanding our communities'))[0]!);
    assert.equal(r11!.RAG, '● Green');
    assert.equal(r11!['Latest update'], 'New: 2 Mar 2027, 09:00, Alice Owner\nDraft report with the forum.');
    assert.equal(r11!['Risks and support needed'], 'Two services may be late.');
    assert.equal(r12!.RAG, '■ Red\nWas ▲ Amber at October update');
    const [gone] = records(tablesOf(section(docs.april.blocks, 'Tasks without an objective'))[0]!);
    assert.deepEqual([gone!.Ref, gone!.Task], ['3.1', '(no longer in the plan)']);
  });

  it('an open round\'s report says so and marks the updates since it opened', async () => {
    const open = { id: 'r3', version: '1', name: 'July update', opensAt: '2027-05-01T09:00:00.000Z', dueDate: '2027-07-01', scope: { kind: 'objectives' as const, refs: ['1'] }, state: 'Open' as const };
    const live = tasks.map((t) => (t.id === 't12' ? { ...t, latestUpdate: 'Tender out.', latestUpdateAt: '2027-05-05T09:00:00.000Z' } : t));
    const doc = await parseDocx(await boardReportDocx(reportWith({ tasks: live, rounds: [october, april, open], round: open })));
    assert.equal(cover(doc)['Based on'], 'July update: open, updates received so far (due 1 Jul 2027)');
    assert.match(proseOf(section(doc.blocks, 'Summary')), /July update \(open: answers so far\): 1 of 2 tasks answered \(50%\)\./);
    const [r11, r12] = records(tablesOf(section(doc.blocks, 'Objective 1: Understanding our communities'))[0]!);
    assert.match(r12!['Latest update']!, /^New: 5 May 2027, 10:00/);
    assert.doesNotMatch(r11!['Latest update']!, /^New/, 'an update before the round opened is not new');
    assert.match(records(tablesOf(section(doc.blocks, 'Objective 2: A diverse workforce'))[0]!)[0]!.RAG!, /Not asked in July update: shown as it is now/);
  });

  it('a current report while a round is open marks the updates given in that round so far as New, and says so', async () => {
    const open = { id: 'r3', version: '1', name: 'July update', opensAt: '2027-05-01T09:00:00.000Z', dueDate: '2027-07-01', scope: { kind: 'all-open' as const }, state: 'Open' as const };
    const live = tasks.map((t) => (t.id === 't12' ? { ...t, latestUpdate: 'Tender out.', latestUpdateAt: '2027-05-05T09:00:00.000Z' } : t));
    for (const rounds of [[october, april, open], [open]]) {
      const built = reportWith({ tasks: live, rounds });
      assert.equal(built.basis.kind, 'today');
      const doc = await parseDocx(await boardReportDocx(built));
      const read = proseOf(section(doc.blocks, 'How to read this report'));
      assert.match(read, /each task's latest update, whenever it came\. Updates given in July update so far are marked New\./, `${rounds.length} rounds`);
      assert.doesNotMatch(read, /Updates new since/);
      const [r11, r12] = records(tablesOf(section(doc.blocks, 'Objective 1: Understanding our communities'))[0]!);
      assert.match(r12!['Latest update']!, /^New: 5 May 2027, 10:00, Carol O'Brien\nTender out\.$/, 'answered in the open round');
      assert.doesNotMatch(r11!['Latest update']!, /^New/, 'an update before the round opened is not new');
    }
  });

  it('completed tasks and overdue tasks, each listed with their details', () => {
    assert.deepEqual(firstColumn(section(docs.current.blocks, 'Completed tasks')), built.current.completed.map((r) => r.ref));
    assert.deepEqual(firstColumn(section(docs.april.blocks, 'Completed tasks')), ['1.3', '3.1']);
    const [done] = records(tablesOf(section(docs.current.blocks, 'Completed tasks'))[0]!);
    assert.equal(done!['Evidence of impact and measure'], 'Complaints from non-English speakers up 40%.');
    const overdue = section(docs.current.blocks, 'Overdue tasks');
    assert.deepEqual(firstColumn(overdue), built.current.overdue.map((r) => r.ref));
    assert.deepEqual(records(tablesOf(overdue)[0]!).map((r) => [r.Ref, r.Due, r.RAG]), [['1.2', '31 Jan 2027\nPlan: “By January 2027”\nOverdue', '■ Red']]);
    assert.equal(proseOf(section(docs.quiet.blocks, 'Completed tasks')), 'No task is complete yet.');
    assert.equal(proseOf(section(docs.quiet.blocks, 'Overdue tasks')), 'No task is overdue.');
  });

  it('appendix: who has not responded to the round, with their tasks', () => {
    const appendix = section(docs.current.blocks, 'Appendix: who has not responded');
    assert.match(proseOf(appendix), /^April update \(closed\): 6 of 7 tasks answered \(86%\)\./);
    assert.deepEqual(records(tablesOf(appendix)[0]!), [{ Owner: 'Bob Manager', Email: 'bob@example.gov.uk', 'Tasks not answered': '2.2' }]);
  });

  it('with no earlier round and no round at all: says so in words', () => {
    const summary = proseOf(section(docs.quiet.blocks, 'Summary'));
    assert.match(summary, /No earlier round to compare with\./);
    assert.match(summary, /No update round has been run yet, so there is no response rate\./);
    assert.match(proseOf(section(docs.quiet.blocks, 'Appendix: who has not responded')), /No update round has been run yet/);
  });
});
