import { availableParallelism } from 'node:os';
import { Document, type Paragraph } from 'docx';
import { formatDate } from '../plan/london-time';
import type { BoardReport } from './board-report';
import { chartPng } from './chart-png';
import { clean } from './docx-cells';
import { docxPackage, writeTables } from './docx-package';
import { LANDSCAPE_PAGE, pageFooter, pageHeader, paperStyles } from './docx-paper';
import { renderingAtMost, type RenderChart } from './report-charts';
import { coverBlocks } from './report-cover';
import { appendixBlocks, completedBlocks, objectiveBlocks, overdueBlocks, progressBlocks } from './report-sections';
import { askedOfBoardBlocks, summaryBlocks } from './report-summary';

/**
 * The board paper as a Word document (A4 landscape), in the order the board acts on it: cover and
 * RAG key; summary; "Asked of the board" (every Red and Amber task); progress by objective and
 * measure; a section per objective with all its tasks; completed and overdue tasks; and an
 * appendix of who has not responded. Sections use Word's Heading 1 and Heading 2 styles (the
 * navigation pane, screen readers); tables repeat their header row on each page; every chart has
 * alt text and its figures as a table; the footer numbers the pages ("Page 3 of 12"). A 5,000-task
 * paper takes about 1.3 s and 150 MB: the tables are written as WordprocessingML a slice at a time
 * (wordml.ts) and spliced into docx's skeleton (docx-package.ts), while the charts rasterise on the
 * thread pool, so the server keeps answering requests throughout.
 */
export interface BoardReportDocxOptions {
  /** Draws a chart as a PNG (default: chartPng, resvg with the bundled fonts). */
  renderChart?: RenderChart;
}

export async function boardReportDocx(report: BoardReport, options: BoardReportDocxOptions = {}): Promise<Uint8Array> {
  // The charts rasterise on libuv's thread pool, leaving a core to the main thread, while the long tables are written.
  const render = renderingAtMost(Math.max(1, availableParallelism() - 1), options.renderChart ?? chartPng);
  const charts = Promise.all([summaryBlocks(report, render), progressBlocks(report, render)]);
  charts.catch(() => undefined); // a chart that fails while the tables are written fails the paper below, not the process
  const cover = coverBlocks(report);
  const asked = askedOfBoardBlocks(report);
  const rest = [...objectiveBlocks(report), ...completedBlocks(report), ...overdueBlocks(report), ...appendixBlocks(report)];
  const early = await writeTables([...cover, ...asked, ...rest]);
  const [summary, progress] = await charts;
  const late = await writeTables([...summary, ...progress]);
  const blocks = [...cover, ...summary, ...asked, ...progress, ...rest];
  return docxPackage(blocks, new Map([...early, ...late]), (children) => paper(report, children));
}

function paper(report: BoardReport, children: Paragraph[]): Document {
  return new Document({
    creator: clean(report.cover.preparedBy ?? 'EDI Action Plan for Teams'),
    title: clean(`${report.cover.planTitle}: board report ${formatDate(report.cover.date)}`),
    description: 'EDI action plan progress for the board',
    ...(report.cover.council && { subject: clean(report.cover.council) }),
    styles: paperStyles(),
    sections: [{ properties: LANDSCAPE_PAGE, headers: { default: pageHeader([report.cover.council, report.cover.planTitle, `Board report ${formatDate(report.cover.date)}`]) }, footers: { default: pageFooter() }, children }],
  });
}
