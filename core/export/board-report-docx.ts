import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { RAG_VALUES, type Rag } from '../model';
import { formatDate, formatInstant } from '../plan/london-time';
import { withoutControlCharacters } from './cell-safety';
import type { BoardReport, BoardReportSection, RagSummary } from './board-report';

/**
 * The board report as a Word document (A4 landscape): title and round, a RAG summary table (a row
 * per objective and a total), then per objective a table of its tasks. RAG is written as a word in
 * a tinted cell, never as colour alone; header rows repeat on each page.
 */
const RAG_FILL: Record<Rag, string> = { Red: 'F4C7C3', Amber: 'FCE8B2', Green: 'C8E6C9', Complete: 'D6E4F0', 'Not started': 'EEEEEE' };
const HEADER_FILL = 'D9E2EC';
// Landscape A4 less 2 cm margins each side, in twentieths of a point.
const TASK_COLUMNS = [900, 3000, 1700, 1400, 1100, 2850, 2850];
const SUMMARY_COLUMNS = [4100, ...RAG_VALUES.map(() => 1400), 1400];

export async function boardReportDocx(report: BoardReport, meta: { organisation?: string } = {}): Promise<Uint8Array> {
  const { round, previousRound } = report;
  const thisHeader = `Update: ${round.name}`;
  const previousHeader = previousRound ? `Previous update: ${previousRound.name}` : 'Previous update';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${meta.organisation ? `${meta.organisation}: ` : ''}EDI action plan board report`)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(clean(round.name))] }),
    new Paragraph({ children: [new TextRun(roundLine(report))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('RAG summary')] }),
    summaryTable(report),
  ];
  for (const section of report.sections) {
    // Headings stay with their table on a page; objectives follow on without forced page breaks.
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 360 }, children: [new TextRun(clean(`Objective ${section.ref}: ${section.title}`))] }));
    children.push(new Paragraph({ keepNext: true, children: [new TextRun(sectionLine(section.summary))] }));
    children.push(sectionTable(section, thisHeader, previousHeader, previousRound?.name));
  }
  if (report.sections.length === 0) children.push(new Paragraph({ children: [new TextRun('No task was in this round.')] }));

  const doc = new Document({
    creator: 'EDI Action Plan for Teams',
    title: `Board report: ${clean(round.name)}`,
    description: 'EDI action plan progress for the board',
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function roundLine(report: BoardReport): string {
  const r = report.round;
  const state = r.state === 'Closed' && r.closedAt ? `closed ${formatInstant(r.closedAt)}` : 'still open: updates received so far';
  return `Update round opened ${formatInstant(r.opensAt)}, due ${formatDate(r.dueDate)}, ${state}. ${report.summary.total} tasks. Report produced ${formatInstant(report.generatedAt)}.`;
}

function sectionLine(summary: RagSummary): string {
  const parts = RAG_VALUES.filter((rag) => summary.byRag[rag] > 0).map((rag) => `${rag} ${summary.byRag[rag]}`);
  return `${summary.total} ${summary.total === 1 ? 'task' : 'tasks'}: ${parts.join(', ')}.`;
}

function summaryTable(report: BoardReport): Table {
  const header = new TableRow({ tableHeader: true, children: ['Objective', ...RAG_VALUES, 'Total'].map((h) => cell(h, { header: true })) });
  const row = (label: string, s: RagSummary, bold = false) =>
    new TableRow({ cantSplit: true, children: [cell(label, { bold }), ...RAG_VALUES.map((rag) => cell(String(s.byRag[rag]), { bold, align: AlignmentType.RIGHT })), cell(String(s.total), { bold, align: AlignmentType.RIGHT })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: SUMMARY_COLUMNS,
    rows: [header, ...report.sections.map((s) => row(`${s.ref}. ${s.title}`, s.summary)), row('All objectives', report.summary, true)],
  });
}

function sectionTable(section: BoardReportSection, thisHeader: string, previousHeader: string, previousName: string | undefined): Table {
  const header = new TableRow({ tableHeader: true, children: ['Ref', 'Action', 'Lead', 'Due', 'RAG', thisHeader, previousHeader].map((h) => cell(h, { header: true })) });
  const rows = section.rows.map(
    (r) =>
      new TableRow({
        children: [
          cell(r.ref),
          cell(r.action),
          cell(r.lead || 'No owner'),
          cell(r.due),
          cell(r.rag, { fill: RAG_FILL[r.rag], bold: true }),
          r.thisUpdate ? cell(r.thisUpdate) : cell('No update given', { italic: true }),
          r.previousUpdate ? cell(r.previousUpdate) : cell(!previousName ? 'No earlier round' : r.inPreviousRound ? 'No update given' : `Not in ${previousName}`, { italic: true }),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: TASK_COLUMNS, rows: [header, ...rows] });
}

function cell(text: string, options: { header?: boolean; bold?: boolean; italic?: boolean; fill?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): TableCell {
  const fill = options.header ? HEADER_FILL : options.fill;
  // One paragraph per line the owner typed.
  const paragraphs = clean(text)
    .split(/\r\n|\r|\n/)
    .map((line) => new Paragraph({ alignment: options.align, children: [new TextRun({ text: line, bold: options.header || options.bold, italics: options.italic })] }));
  return new TableCell({ children: paragraphs, ...(fill && { shading: { type: ShadingType.CLEAR, color: 'auto', fill } }) });
}

function clean(text: string): string {
  return withoutControlCharacters(text);
}
