import { formatMeasureValue } from '../measures/measure-rules';
import type { IsoDate, IsoInstant } from '../model';
import { formatDate, formatInstant } from '../plan/london-time';
import type { MeasureTrend } from '../trends/plan-trends';
import type { BoardReport, BoardTaskRow } from './board-report';
import { cell, ragCell, ragLabel, type Cell, type Part } from './docx-cells';

/**
 * A task's cells in the paper's tables: what it is and who owns it, when it is due (the date and
 * the plan's own wording), its RAG as symbol and word (and what it was at the previous round), the
 * latest update with its date and author, evidence of impact with the measure, risks and the ask.
 */
export interface RowContext {
  /** The previous closed round's name, for "was Amber at …". */
  previousName?: string;
  /** Whether "New" means anything: false for a current report with no round closed before it and none open. */
  markNew: boolean;
  /** For a round report: the round's name, for tasks it did not ask about. */
  roundName?: string;
  /** formatDate and formatInstant, remembered: a long paper shows the same dates thousands of times (luxon takes ~17 µs a call). */
  date: (date: IsoDate) => string;
  instant: (at: IsoInstant) => string;
  /** formatMeasureValue, remembered (toLocaleString takes ~17 µs a call). */
  value: (n: number, unit: string | undefined) => string;
}

const contexts = new WeakMap<BoardReport, RowContext>();

/** The report's row context, made once per report, so its remembered dates serve every table. */
export function rowContext(report: BoardReport): RowContext {
  let ctx = contexts.get(report);
  if (!ctx) {
    const roundName = report.basis.kind === 'round' ? report.basis.round.name : undefined;
    ctx = {
      ...(report.previousRound && { previousName: report.previousRound.name }),
      markNew: roundName !== undefined || report.previousRound !== undefined || openRoundName(report) !== undefined,
      ...(roundName && { roundName }),
      date: remembered(formatDate),
      instant: remembered(formatInstant),
      value: rememberedValue(),
    };
    contexts.set(report, ctx);
  }
  return ctx;
}

/** The round open now, for a current report ("as of today"): its answers are the ones marked New. */
export function openRoundName(report: BoardReport): string | undefined {
  return report.basis.kind === 'today' && report.responses?.round.state === 'Open' ? report.responses.round.name : undefined;
}

function rememberedValue(): RowContext['value'] {
  const seen = new Map<string, string>();
  return (n, unit) => {
    const key = `${unit ?? ''}\u0000${n}`;
    let text = seen.get(key);
    if (text === undefined) {
      text = formatMeasureValue(n, unit);
      seen.set(key, text);
    }
    return text;
  };
}

function remembered(format: (value: string) => string): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    let text = seen.get(value);
    if (text === undefined) {
      text = format(value);
      seen.set(value, text);
    }
    return text;
  };
}

const italic = (text: string): Part => ({ text, italic: true });

export function refCell(r: BoardTaskRow): Cell {
  return cell({ text: r.ref, bold: true });
}

export function titleCell(r: BoardTaskRow): Cell {
  return cell(r.title);
}

export function ownerCell(r: BoardTaskRow): Cell {
  return cell(r.owners ? r.owners : italic('No owner'));
}

/** The date, then the plan's own wording (verbatim), and "Overdue". */
export function dueCell(r: BoardTaskRow, ctx: RowContext): Cell {
  const parts: Part[] = [r.dueDate ? ctx.date(r.dueDate) : italic('No date set')];
  if (r.dueText) parts.push(italic(`Plan: “${r.dueText}”`));
  if (r.overdue) parts.push({ text: 'Overdue', bold: true });
  return cell(parts);
}

export function ragOf(r: BoardTaskRow, ctx: RowContext): Cell {
  const more: Part[] = [];
  if (r.previousRag !== undefined && r.previousRag !== r.rag && ctx.previousName) more.push(`Was ${ragLabel(r.previousRag)} at ${ctx.previousName}`);
  if (r.status !== 'Open' && r.status !== 'Complete') more.push(italic(r.status));
  if (!r.inRound && ctx.roundName) more.push(italic(`Not asked in ${ctx.roundName}: shown as it is now`));
  return ragCell(r.rag, more);
}

/** "12 Nov 2026, 10:05, Alice Owner" (and "New"), then the words, a paragraph per line. */
export function latestParts(r: BoardTaskRow, ctx: RowContext): Part[] {
  if (!r.latest) return [italic('No update given')];
  const meta = [r.latest.at && ctx.instant(r.latest.at), r.latest.by].filter(Boolean).join(', ');
  const marker = ctx.markNew && r.latest.isNew ? 'New' : '';
  const heading = [marker, meta].filter(Boolean).join(': ');
  return [...(heading ? [{ text: heading, bold: marker !== '', italic: true }] : []), r.latest.text];
}

export function latestCell(r: BoardTaskRow, ctx: RowContext): Cell {
  return cell(latestParts(r, ctx));
}

export function evidenceCell(r: BoardTaskRow, ctx: RowContext): Cell {
  const parts: Part[] = r.evidence ? [r.evidence] : [italic('None given')];
  if (r.measure) parts.push({ text: 'Measure', bold: true }, measureText(r.measure, ctx));
  return cell(parts);
}

export function risksCell(r: BoardTaskRow): Cell {
  const parts: Part[] = r.risks ? [r.risks] : [italic('None given')];
  if (r.supportNeeded) parts.push({ text: 'Support needed', bold: true }, r.supportNeeded);
  return cell(parts);
}

export function textOrNone(text: string | undefined): Cell {
  return cell(text ? text : italic('None given'));
}

/** "Staff declaring a disability: 41% (baseline 38%, target 50% by 31 Mar 2027; should be 44% now; suggests Amber). Earlier: 39% (Board report June 2026)". */
export function measureText(m: MeasureTrend, ctx: Pick<RowContext, 'date' | 'value'> = { date: formatDate, value: formatMeasureValue }): string {
  const value = (n: number) => ctx.value(n, m.unit);
  const latest = m.latest ? value(m.latest.value) : 'no value given yet';
  const details = [
    ...(m.baseline !== undefined ? [`baseline ${value(m.baseline)}`] : []),
    `target ${value(m.target)}${m.targetDate ? ` by ${ctx.date(m.targetDate)}` : ''}`,
  ].join(', ');
  const now = `should be ${value(Math.round(m.expectedNow * 100) / 100)} now`;
  // Its history: the value at each round that had one (the last point is the latest value).
  const earlier = m.latest ? m.history.slice(0, -1) : m.history;
  const history = earlier.length ? `. Earlier: ${earlier.map((p) => `${value(p.value)} (${p.label})`).join(', ')}` : '';
  return `${m.name}: ${latest} (${details}; ${now}${m.suggested ? `; suggests ${m.suggested}` : ''})${history}`;
}
