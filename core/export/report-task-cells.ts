import type { TableCell } from 'docx';
import { formatMeasureValue } from '../measures/measure-rules';
import { formatDate, formatInstant } from '../plan/london-time';
import type { MeasureTrend } from '../trends/plan-trends';
import type { BoardReport, BoardTaskRow } from './board-report';
import { cell, ragCell, ragLabel, type Part } from './docx-cells';

/**
 * A task's cells in the paper's tables: what it is and who owns it, when it is due (the date and
 * the plan's own wording), its RAG as symbol and word (and what it was at the previous round), the
 * latest update with its date and author, evidence of impact with the measure, risks and the ask.
 */
export interface RowContext {
  /** The previous closed round's name, for "was Amber at …". */
  previousName?: string;
  /** Whether "New" means anything: false for a current report with no closed round before it. */
  markNew: boolean;
  /** For a round report: the round's name, for tasks it did not ask about. */
  roundName?: string;
}

export function rowContext(report: BoardReport): RowContext {
  const roundName = report.basis.kind === 'round' ? report.basis.round.name : undefined;
  return { ...(report.previousRound && { previousName: report.previousRound.name }), markNew: roundName !== undefined || report.previousRound !== undefined, ...(roundName && { roundName }) };
}

const italic = (text: string): Part => ({ text, italic: true });

export function refCell(r: BoardTaskRow): TableCell {
  return cell({ text: r.ref, bold: true });
}

export function titleCell(r: BoardTaskRow): TableCell {
  return cell(r.title);
}

export function ownerCell(r: BoardTaskRow): TableCell {
  return cell(r.owners ? r.owners : italic('No owner'));
}

/** The date, then the plan's own wording (verbatim), and "Overdue". */
export function dueCell(r: BoardTaskRow): TableCell {
  const parts: Part[] = [r.dueDate ? formatDate(r.dueDate) : italic('No date set')];
  if (r.dueText) parts.push(italic(`Plan: “${r.dueText}”`));
  if (r.overdue) parts.push({ text: 'Overdue', bold: true });
  return cell(parts);
}

export function ragOf(r: BoardTaskRow, ctx: RowContext): TableCell {
  const more: Part[] = [];
  if (r.previousRag !== undefined && r.previousRag !== r.rag && ctx.previousName) more.push(`Was ${ragLabel(r.previousRag)} at ${ctx.previousName}`);
  if (r.status !== 'Open' && r.status !== 'Complete') more.push(italic(r.status));
  if (!r.inRound && ctx.roundName) more.push(italic(`Not asked in ${ctx.roundName}: shown as it is now`));
  return ragCell(r.rag, more);
}

/** "12 Nov 2026, 10:05, Alice Owner" (and "New"), then the words, a paragraph per line. */
export function latestParts(r: BoardTaskRow, ctx: RowContext): Part[] {
  if (!r.latest) return [italic('No update given')];
  const meta = [r.latest.at && formatInstant(r.latest.at), r.latest.by].filter(Boolean).join(', ');
  const marker = ctx.markNew && r.latest.isNew ? 'New' : '';
  const heading = [marker, meta].filter(Boolean).join(': ');
  return [...(heading ? [{ text: heading, bold: marker !== '', italic: true }] : []), r.latest.text];
}

export function latestCell(r: BoardTaskRow, ctx: RowContext): TableCell {
  return cell(latestParts(r, ctx));
}

export function evidenceCell(r: BoardTaskRow): TableCell {
  const parts: Part[] = r.evidence ? [r.evidence] : [italic('None given')];
  if (r.measure) parts.push({ text: 'Measure', bold: true }, measureText(r.measure));
  return cell(parts);
}

export function risksCell(r: BoardTaskRow): TableCell {
  const parts: Part[] = r.risks ? [r.risks] : [italic('None given')];
  if (r.supportNeeded) parts.push({ text: 'Support needed', bold: true }, r.supportNeeded);
  return cell(parts);
}

export function textOrNone(text: string | undefined): TableCell {
  return cell(text ? text : italic('None given'));
}

/** "Staff declaring a disability: 41% (baseline 38%, target 50% by 31 Mar 2027; should be 44% now; suggests Amber)". */
export function measureText(m: MeasureTrend): string {
  const value = (n: number) => formatMeasureValue(n, m.unit);
  const latest = m.latest ? value(m.latest.value) : 'no value given yet';
  const details = [
    ...(m.baseline !== undefined ? [`baseline ${value(m.baseline)}`] : []),
    `target ${value(m.target)}${m.targetDate ? ` by ${formatDate(m.targetDate)}` : ''}`,
  ].join(', ');
  const now = `should be ${value(Math.round(m.expectedNow * 100) / 100)} now`;
  return `${m.name}: ${latest} (${details}; ${now}${m.suggested ? `; suggests ${m.suggested}` : ''})`;
}
