import assert from 'node:assert/strict';
import { buildBoardReport } from '../../core/export/board-report-build';
import type { BoardTaskRow } from '../../core/export/board-report';
import { NOW, objectives, planRounds, planTasks, roundsWithOpen } from './report-fixture';

const refs = (rows: { ref: string }[]) => rows.map((r) => r.ref);
const rowOf = (rows: BoardTaskRow[], ref: string) => rows.find((r) => r.ref === ref)!;
const allRows = (report: ReturnType<typeof buildBoardReport>) => report.sections.flatMap((s) => s.rows);

describe('board paper: the plan as of today', () => {
  const report = buildBoardReport({ tasks: planTasks(), objectives, rounds: planRounds(), now: NOW, meta: { council: 'Northvale District Council', preparedBy: 'Priya Shah' } });

  it('needs no round, and holds every task, completed ones included, by objective in ref order', () => {
    assert.equal(report.basis.kind, 'today');
    assert.deepEqual(report.sections.map((s) => s.ref), ['1', '2']);
    assert.deepEqual(refs(allRows(report)), ['1.1', '1.2', '2.1', '2.2', '2.3']);
    assert.equal(report.summary.total, 5);
    assert.deepEqual(report.summary.byRag, { 'Not started': 1, Green: 1, Amber: 1, Red: 1, Complete: 1 });
    assert.equal(report.summary.complete, 1);
    assert.deepEqual(report.sections.map((s) => s.total), [2, 3]);
  });

  it('shows each task\'s latest update whenever it came, marking what is new since the last round closed', () => {
    const rows = allRows(report);
    assert.deepEqual(rowOf(rows, '1.1').latest, { text: 'Profile drafted.', at: '2026-11-01T10:00:00.000Z', by: 'Alex Morgan', isNew: true });
    assert.equal(rowOf(rows, '1.2').latest?.text, 'Survey paused.');
    assert.equal(rowOf(rows, '1.2').latest?.isNew, false, 'given before September closed');
    assert.equal(rowOf(rows, '2.3').latest, undefined);
  });

  it('asks the board about every Red and Amber task, Red first, with risks and support needed', () => {
    assert.deepEqual(refs(report.askedOfBoard), ['1.2', '2.2']);
    const red = report.askedOfBoard[0]!;
    assert.equal(red.risks, 'The survey budget was cut.');
    assert.equal(red.supportNeeded, 'Agree funding for the survey.');
    assert.equal(report.askedOfBoard[1]!.risks, 'Few staff answer the diversity survey.');
  });

  it('reports movement since the previous closed round, completed and overdue tasks', () => {
    assert.deepEqual(report.previousRound, { id: 'r2', name: 'Board report September 2026' });
    assert.deepEqual(report.summary.movement.up.map((m) => `${m.ref} ${m.from}>${m.to}`), ['1.1 Amber>Green', '2.1 Green>Complete']);
    assert.deepEqual(report.summary.movement.down.map((m) => `${m.ref} ${m.from}>${m.to}`), ['1.2 Amber>Red']);
    assert.equal(rowOf(allRows(report), '2.3').previousRag, undefined, 'not in September');
    assert.deepEqual(refs(report.completed), ['2.1']);
    assert.deepEqual(refs(report.overdue), ['1.2']);
    assert.equal(report.summary.overdue, 1);
  });

  it('gives the response of the latest round and who had not answered', () => {
    const r = report.responses!;
    assert.equal(r.round.id, 'r2');
    // September asked about 5 lines; 1.1's update was from June.
    assert.equal(r.inScope, 5);
    assert.equal(r.answered, 4);
    assert.deepEqual(r.notAnswered, [{ name: 'Alex Morgan', email: 'alex@example.gov.uk', taskRefs: ['1.1'] }]);
  });

  it('carries the cover and the chart data: each closed round, then today', () => {
    assert.equal(report.cover.council, 'Northvale District Council');
    assert.equal(report.cover.preparedBy, 'Priya Shah');
    assert.equal(report.cover.date, '2026-12-07');
    assert.equal(report.cover.period, '30 Sep 2026 to 7 Dec 2026');
    assert.deepEqual(report.trends.ragByRound.map((p) => [p.label, p.total, p.byRag.Amber]), [
      ['Board report June 2026', 3, 2],
      ['Board report September 2026', 5, 3],
      ['Today', 5, 1],
    ]);
    assert.deepEqual(report.trends.objectives.map((o) => [o.ref, o.total, o.complete, o.percentComplete]), [
      ['1', 2, 0, 0],
      ['2', 3, 1, 33],
    ]);
  });

  it('shows a measure\'s value against its target with its history and the RAG its tolerances suggest', () => {
    const m = rowOf(allRows(report), '2.2').measure!;
    assert.deepEqual(m.history.map((p) => p.value), [40, 41, 42]);
    assert.equal(m.latest?.value, 42);
    // 250 of 365 days from 40 towards 50: 46.8; 42 / 46.8 = 0.90- → Amber.
    assert.ok(Math.abs(m.expectedNow - (40 + (10 * 250) / 365)) < 1e-9);
    assert.equal(m.suggested, 'Amber');
    assert.deepEqual(report.trends.measures.map((x) => x.ref), ['2.2']);
  });
});

describe('board paper: one round', () => {
  it('reads a closed round from its snapshot, shows tasks it did not ask about as they are, and keeps removed ones', () => {
    const report = buildBoardReport({ tasks: planTasks(), objectives, rounds: planRounds(), now: NOW, round: planRounds()[1] });
    assert.equal(report.basis.kind === 'round' && report.basis.round.name, 'Board report September 2026');
    assert.equal(report.asOf, '2026-09-30');
    const rows = allRows(report);
    assert.deepEqual(refs(rows), ['1.1', '1.2', '2.1', '2.2', '2.3', '1.9'], 'a removed task is filed under no objective, last');
    assert.equal(rowOf(rows, '2.1').rag, 'Green', 'as the round kept it, not Complete as now');
    assert.equal(rowOf(rows, '1.2').risks, 'The survey budget may be cut.');
    assert.equal(rowOf(rows, '1.2').overdue, false, 'due 1 October: not late when September closed');
    assert.equal(rowOf(rows, '2.3').inRound, false);
    assert.equal(rowOf(rows, '1.9').title, '(no longer in the plan)');
    assert.equal(rowOf(rows, '1.1').latest?.isNew, false, 'June\'s update did not answer September');
    assert.deepEqual(report.previousRound, { id: 'r1', name: 'Board report June 2026' });
    assert.deepEqual(report.summary.movement.down.map((m) => m.ref), ['1.2']);
    assert.deepEqual(report.trends.ragByRound.map((p) => p.label), ['Board report June 2026', 'Board report September 2026']);
    assert.deepEqual(rowOf(rows, '2.2').measure?.history.map((p) => p.value), [40, 41]);
    assert.equal(report.cover.period, '1 Sep 2026 to 30 Sep 2026');
    assert.deepEqual(refs(report.askedOfBoard), ['1.9', '1.1', '1.2', '2.2']);
  });

  it('reads an open round from the plan so far: its answers are new, its response rate is so far', () => {
    const rounds = roundsWithOpen();
    const report = buildBoardReport({ tasks: planTasks(), objectives, rounds, now: NOW, round: rounds[2] });
    const rows = allRows(report);
    assert.equal(rowOf(rows, '2.2').latest?.isNew, true, 'answered 20 November');
    assert.equal(rowOf(rows, '1.1').latest?.isNew, false, 'answered before the round opened');
    assert.equal(rowOf(rows, '2.1').inRound, false, 'complete before the round opened');
    assert.equal(report.responses?.round.id, 'r3');
    assert.deepEqual([report.responses?.answered, report.responses?.inScope], [1, 4]);
    assert.deepEqual(report.trends.ragByRound.map((p) => p.label), ['Board report June 2026', 'Board report September 2026', 'Today']);
  });

  it('a current report while a round is open marks what answered that round as new, and reports its response so far', () => {
    const report = buildBoardReport({ tasks: planTasks(), objectives, rounds: roundsWithOpen(), now: NOW });
    const rows = allRows(report);
    assert.equal(report.basis.kind, 'today');
    assert.equal(rowOf(rows, '2.2').latest?.isNew, true, 'answered 20 November, in the open round');
    assert.equal(rowOf(rows, '1.1').latest?.isNew, false, 'given 1 November: after September closed, but before the open round');
    assert.equal(report.responses?.round.id, 'r3');
    assert.deepEqual(report.previousRound, { id: 'r2', name: 'Board report September 2026' });
  });

  it('an empty plan gives an empty paper, not an error', () => {
    const report = buildBoardReport({ tasks: [], objectives: [], rounds: [], now: NOW });
    assert.equal(report.summary.total, 0);
    assert.deepEqual(report.sections, []);
    assert.equal(report.responses, undefined);
    assert.equal(report.previousRound, undefined);
    assert.equal(report.cover.period, 'To 7 Dec 2026');
  });
});
