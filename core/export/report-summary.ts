import { ragByRoundChart } from '../charts/trend-charts';
import type { Rag } from '../model';
import type { Mover } from '../trends/plan-trends';
import type { BoardReport, BoardTaskRow } from './board-report';
import { cell, columns, heading, para, percent, plural, RAG_MEANING, ragCell, table, type Block, type Cell } from './docx-cells';
import { chartFigure, type RenderChart } from './report-charts';
import { dueCell, latestCell, ownerCell, ragOf, refCell, rowContext, textOrNone, titleCell, type RowContext } from './report-task-cells';
import type { XmlTable } from './wordml';

/**
 * The summary (RAG counts with the chart of every round, movement since the previous round, the
 * round's response rate, the overdue count) and "Asked of the board" straight after it: every
 * Red and Amber task with its risks, the support its owner needs and their latest words.
 */
const COUNT_ORDER: Rag[] = ['Red', 'Amber', 'Green', 'Not started', 'Complete'];

export async function summaryBlocks(report: BoardReport, render: RenderChart): Promise<Block[]> {
  const { summary } = report;
  const chart = await chartFigure(ragByRoundChart(report.trends.ragByRound), render);
  return [
    heading(1, 'Summary', { pageBreakBefore: true }),
    ...para(`${plural(summary.total, 'task')} in the plan: ${COUNT_ORDER.map((rag) => `${rag} ${summary.byRag[rag]}`).join(', ')}. ${summary.complete} complete; ${summary.overdue} overdue.`),
    countsTable(report),
    heading(2, 'RAG status at each update round'),
    ...chart,
    ...movementBlocks(report),
    ...responseBlocks(report),
    heading(2, 'Overdue'),
    ...para(summary.overdue === 0 ? 'No task is overdue.' : `${plural(summary.overdue, 'task is', 'tasks are')} overdue: past their due date and not complete. They are listed under "Overdue tasks".`),
  ];
}

function countsTable(report: BoardReport): XmlTable {
  const { summary } = report;
  const share = (n: number) => (summary.total ? `${Math.round((n / summary.total) * 100)}%` : '0%');
  const rows: Cell[][] = COUNT_ORDER.map((rag) => [ragCell(rag), cell(String(summary.byRag[rag])), cell(share(summary.byRag[rag])), cell(RAG_MEANING[rag])]);
  rows.push([cell({ text: 'All tasks', bold: true }), cell({ text: String(summary.total), bold: true }), cell('100%'), cell('')]);
  rows.push([cell('Overdue'), cell(String(summary.overdue)), cell(share(summary.overdue)), cell('Past the due date and not complete.')]);
  return table(['RAG', 'Tasks', 'Share', 'What it means'], rows, (r) => r, columns(2, 1, 1, 5));
}

function movementBlocks(report: BoardReport): Block[] {
  const { up, down } = report.summary.movement;
  if (!report.previousRound) return [heading(2, 'Movement since the previous round'), ...para('No earlier round to compare with.')];
  const name = report.previousRound.name;
  const intro = up.length + down.length === 0 ? `No task's RAG has changed since ${name}.` : `Since ${name}: ${plural(up.length, 'task')} moved up and ${plural(down.length, 'task')} moved down.`;
  const moves = [...down.map((m) => [m, 'Down (worse)'] as const), ...up.map((m) => [m, 'Up (better)'] as const)];
  const row = ([m, direction]: readonly [Mover, string]) => [cell({ text: m.ref, bold: true }), cell(m.title), ragCell(m.from), ragCell(m.to), cell(direction)];
  return [heading(2, `Movement since ${name}`), ...para(intro), ...(moves.length ? [table(['Ref', 'Task', `At ${name}`, 'Now', 'Movement'], moves, row, columns(1, 5, 2, 2, 2))] : [])];
}

function responseBlocks(report: BoardReport): Block[] {
  const r = report.responses;
  const title = heading(2, 'Response rate');
  if (!r) return [title, ...para('No update round has been run yet, so there is no response rate.')];
  const state = r.round.state === 'Open' ? 'open: answers so far' : 'closed';
  const lines = [`${r.round.name} (${state}): ${r.answered} of ${plural(r.inScope, 'task')} answered (${percent(r.responseRate)}).`];
  if (r.notAnswered.length) lines.push(`${plural(r.notAnswered.length, 'owner has', 'owners have')} not responded: see the appendix.`);
  const earlier = report.trends.ragByRound.filter((p) => p.roundId && p.roundId !== r.round.id && p.responseRate !== undefined);
  if (earlier.length) lines.push(`Earlier rounds: ${earlier.map((p) => `${p.label} ${percent(p.responseRate!)}`).join('; ')}.`);
  return [title, ...para(...lines)];
}

export function askedOfBoardBlocks(report: BoardReport): Block[] {
  const ctx = rowContext(report);
  const red = report.askedOfBoard.filter((r) => r.rag === 'Red');
  const amber = report.askedOfBoard.filter((r) => r.rag === 'Amber');
  const blocks: Block[] = [heading(1, 'Asked of the board', { pageBreakBefore: true })];
  if (report.askedOfBoard.length === 0) return [...blocks, ...para('No task is Red or Amber: nothing is asked of the board this time.')];
  blocks.push(...para(`${plural(report.askedOfBoard.length, 'task is', 'tasks are')} Red or Amber: ${red.length} Red (${RAG_MEANING.Red.toLowerCase().replace(/\.$/, '')}) and ${amber.length} Amber (${RAG_MEANING.Amber.toLowerCase().replace(/\.$/, '')}). Each with its owner's risks, the support they need and their latest update.`));
  for (const [rag, rows] of [['Red', red], ['Amber', amber]] as const) {
    if (rows.length === 0) continue;
    blocks.push(heading(2, `${rag}: ${RAG_MEANING[rag].replace(/\.$/, '').toLowerCase()} (${plural(rows.length, 'task')})`), askTable(rows, ctx));
  }
  return blocks;
}

function askTable(rows: BoardTaskRow[], ctx: RowContext): XmlTable {
  return table(
    ['Ref', 'Task', 'Owner', 'Due', 'RAG', 'Support needed from the board', 'Risks', 'Latest update'],
    rows,
    (r) => [refCell(r), titleCell(r), ownerCell(r), dueCell(r, ctx), ragOf(r, ctx), textOrNone(r.supportNeeded), textOrNone(r.risks), latestCell(r, ctx)],
    columns(1, 3, 2, 2, 1.5, 3.5, 3.5, 4.5),
    { splitRows: true },
  );
}
