import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Rag } from '../model';
import { formatDate, formatInstant, formatLongDate } from '../plan/london-time';
import type { BoardReport } from './board-report';
import { cell, clean, columns, heading, para, RAG_MEANING, ragCell, table, textTable, type Block } from './docx-cells';
import { openRoundName } from './report-task-cells';
import type { XmlTable } from './wordml';

/**
 * The paper's first page: the council, the plan, the period, the date and who prepared it; then
 * how to read it (what the report is based on, and the RAG key the board works to).
 */
export function coverBlocks(report: BoardReport): Block[] {
  const { cover } = report;
  const details: [string, string][] = [
    ...(cover.council ? [['Council', cover.council] as [string, string]] : []),
    ['Plan', cover.planTitle],
    ['Period', cover.period],
    ['Date', formatLongDate(cover.date)],
    ['Prepared by', cover.preparedBy ?? 'Not recorded'],
    ['Based on', basisTitle(report)],
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(`${cover.planTitle}: board report`))] }),
    ...(cover.council ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: clean(cover.council), bold: true, size: 32 })] })] : []),
    textTable(['Item', 'Detail'], details, columns(1, 4)),
    heading(1, 'How to read this report'),
    ...para(basisText(report)),
    ...para('RAG is shown as a symbol and a word in every table, so it does not rely on colour. The key:'),
    ragKey(),
  ];
}

/** Red and Amber first: what the board is asked to act on. */
const KEY_ORDER: Rag[] = ['Red', 'Amber', 'Green', 'Not started', 'Complete'];

/** The RAG key: what each status means to the board (also in the Equality Framework evidence pack). */
export function ragKey(): XmlTable {
  return table(['RAG', 'What it means'], KEY_ORDER, (rag) => [ragCell(rag), cell(RAG_MEANING[rag])], columns(1, 4));
}

/** "As of today, 7 Dec 2026" / "Board report March 2026: closed 12 Mar 2026" / "…: open, updates received so far". */
export function basisTitle(report: BoardReport): string {
  if (report.basis.kind === 'today') return `The plan as of today, ${formatDate(report.asOf)}`;
  const { round } = report.basis;
  return round.state === 'Closed' && round.closedAt ? `${round.name}: closed ${formatDate(report.asOf)}` : `${round.name}: open, updates received so far (due ${formatDate(round.dueDate)})`;
}

export function basisText(report: BoardReport): string {
  if (report.basis.kind === 'today') {
    // What the data builder marks new: answers to the open round, else updates since the last round closed.
    const open = openRoundName(report);
    const fresh = open
      ? `Updates given in ${open} so far are marked New.`
      : report.previousRound
        ? `Updates new since ${report.previousRound.name} are marked New.`
        : 'No update round has closed yet, so no update is marked New.';
    return `This report shows the plan as of ${formatLongDate(report.asOf)}: each task's latest update, whenever it came. ${fresh}`;
  }
  const { round } = report.basis;
  if (round.state === 'Closed' && round.closedAt) {
    return `This report shows the update round ${round.name} as it closed on ${formatInstant(round.closedAt)}: each task as the round recorded it. Updates that came in during the round are marked New; tasks the round did not ask about are shown as they are now.`;
  }
  return `This report shows the update round ${round.name}, still open (updates due ${formatDate(round.dueDate)}): the updates received so far. Updates that came in since the round opened are marked New.`;
}
