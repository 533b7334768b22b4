import type { BoardReport, BoardReportSection, BoardTaskRow } from './board-report';
import { cell, columns, heading, para, percent, plural, table, type Block } from './docx-cells';
import { measuresFigure, objectiveFigure, type RenderChart } from './report-charts';
import { dueCell, evidenceCell, latestCell, ownerCell, ragOf, refCell, risksCell, rowContext, titleCell, type RowContext } from './report-task-cells';
import { nextTurn, type XmlTable } from './wordml';

/**
 * The body of the paper: progress by objective and measure (charts), a section per objective with
 * every task, then the completed and overdue lists, and the appendix of who has not responded.
 */
const UNFILED_REF = '–';

export async function progressBlocks(report: BoardReport, render: RenderChart): Promise<Block[]> {
  const { objectives, measures } = report.trends;
  // The measures' specs are built a turn after the objectives', not in the same one.
  const [objectiveChart, measureChart] = await Promise.all([
    objectives.length ? objectiveFigure(objectives, render) : [],
    nextTurn().then(() => (measures.length ? measuresFigure(measures, render) : [])),
  ]);
  return [
    heading(1, 'Progress by objective and measure', { pageBreakBefore: true }),
    ...(objectives.length ? [heading(2, 'RAG status by objective'), ...objectiveChart] : para('The plan has no tasks yet.')),
    heading(2, 'Measures against target'),
    ...(measures.length ? measureChart : para('No task has a numeric measure with a target.')),
  ];
}

export function objectiveBlocks(report: BoardReport): Block[] {
  const ctx = rowContext(report);
  return report.sections.flatMap((s) => [heading(1, sectionTitle(s)), ...para(sectionLine(s)), taskTable(s.rows, ctx)]);
}

export function sectionTitle(s: Pick<BoardReportSection, 'ref' | 'title'>): string {
  return s.ref === UNFILED_REF ? s.title : `Objective ${s.ref}: ${s.title}`;
}

function sectionLine(s: BoardReportSection): string {
  const complete = s.rows.filter((r) => r.status === 'Complete' || r.rag === 'Complete').length;
  const mix = (['Red', 'Amber', 'Green', 'Not started', 'Complete'] as const).filter((rag) => s.byRag[rag] > 0).map((rag) => `${rag} ${s.byRag[rag]}`);
  return `${plural(s.total, 'task')}: ${mix.join(', ')}. ${percent(s.total ? complete / s.total : 0)} complete.`;
}

function taskTable(rows: BoardTaskRow[], ctx: RowContext): XmlTable {
  return table(
    ['Ref', 'Task', 'Owner', 'Due', 'RAG', 'Latest update', 'Evidence of impact and measure', 'Risks and support needed'],
    rows,
    (r) => [refCell(r), titleCell(r), ownerCell(r), dueCell(r, ctx), ragOf(r, ctx), latestCell(r, ctx), evidenceCell(r, ctx), risksCell(r)],
    columns(1, 3, 2, 2, 2, 5, 3.5, 3.5),
    { splitRows: true },
  );
}

export function completedBlocks(report: BoardReport): Block[] {
  const ctx = rowContext(report);
  const blocks: Block[] = [heading(1, 'Completed tasks', { pageBreakBefore: true })];
  if (report.completed.length === 0) return [...blocks, ...para('No task is complete yet.')];
  return [
    ...blocks,
    ...para(`${plural(report.completed.length, 'task is', 'tasks are')} complete.`),
    table(
      ['Ref', 'Task', 'Owner', 'Objective', 'Latest update', 'Evidence of impact and measure'],
      report.completed,
      (r) => [refCell(r), titleCell(r), ownerCell(r), cell(r.objectiveRef), latestCell(r, ctx), evidenceCell(r, ctx)],
      columns(1, 3, 2, 1, 5, 4),
      { splitRows: true },
    ),
  ];
}

export function overdueBlocks(report: BoardReport): Block[] {
  const ctx = rowContext(report);
  const blocks: Block[] = [heading(1, 'Overdue tasks')];
  if (report.overdue.length === 0) return [...blocks, ...para('No task is overdue.')];
  return [
    ...blocks,
    ...para(`${plural(report.overdue.length, 'task is', 'tasks are')} past the due date and not complete.`),
    table(
      ['Ref', 'Task', 'Owner', 'Due', 'RAG', 'Latest update'],
      report.overdue,
      (r) => [refCell(r), titleCell(r), ownerCell(r), dueCell(r, ctx), ragOf(r, ctx), latestCell(r, ctx)],
      columns(1, 3, 2, 2, 2, 6),
      { splitRows: true },
    ),
  ];
}

export function appendixBlocks(report: BoardReport): Block[] {
  const blocks: Block[] = [heading(1, 'Appendix: who has not responded', { pageBreakBefore: true })];
  const r = report.responses;
  if (!r) return [...blocks, ...para('No update round has been run yet, so no one has been asked for an update.')];
  const state = r.round.state === 'Open' ? 'still open' : 'closed';
  blocks.push(...para(`${r.round.name} (${state}): ${r.answered} of ${plural(r.inScope, 'task')} answered (${percent(r.responseRate)}).`));
  if (r.notAnswered.length === 0) blocks.push(...para('Every owner asked has responded.'));
  else {
    blocks.push(...para(`${plural(r.notAnswered.length, 'owner has', 'owners have')} not responded for these tasks:`));
    blocks.push(table(['Owner', 'Email', 'Tasks not answered'], r.notAnswered, (n) => [cell({ text: n.name, bold: true }), cell(n.email ?? ''), cell(n.taskRefs.join(', '))], columns(3, 3, 4)));
  }
  if (r.unownedTaskRefs.length) blocks.push(...para(`Tasks with no owner, so no one was asked: ${r.unownedTaskRefs.join(', ')}.`));
  return blocks;
}
