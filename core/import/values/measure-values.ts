import type { IsoDate, Measure } from '../../model';
import { readQuantity, type Quantity } from './measure-quantity';

/**
 * A plan's measure columns (Measure, Baseline, Target, Unit of measure, RAG tolerance) read into a
 * task's measure. Real plans write them as words: a task becomes measured only when its target is
 * one number; the baseline cell is always kept, verbatim, as the starting position (and is the
 * measure's baseline only when it is a number in the target's unit); every other word that does not
 * become part of the measure is kept with the success measure. Nothing in a cell is lost.
 */

export interface MeasureCells {
  measure?: string;
  baseline?: string;
  target?: string;
  measureUnit?: string;
  tolerance?: string;
}

export interface MeasureReading {
  measure?: Measure;
  startingPosition?: string;
  /** Wording to keep with the success measure: a name, target or tolerance that is not (all) in the measure. */
  words: string[];
  /** For the import report: what an officer should check. */
  warnings: string[];
}

export interface MeasureReadingContext {
  /** yyyy-mm-dd: "today", for dates without a year. */
  reference: IsoDate;
  /** The task's due date: the target date when the target cell gives none. */
  dueDate?: IsoDate;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}\u2026` : s);

export function readMeasureCells(cells: MeasureCells, ctx: MeasureReadingContext): MeasureReading {
  const cell = (s: string | undefined) => s?.trim() || undefined;
  const [name, targetText, toleranceCell] = [cell(cells.measure), cell(cells.target), cell(cells.tolerance)];
  const startingPosition = cell(cells.baseline);
  const warnings: string[] = [];
  const target = readQuantity(targetText, ctx.reference);
  if (target === 'ambiguous') warnings.push(`Target "${clip(targetText!)}" gives more than one number, so no measure was made from it; the wording is kept with the success measure. Give one number and its unit, such as "50%".`);
  if (typeof target !== 'object') {
    const words = [name, targetText && `Target: ${targetText}`, toleranceCell && `RAG tolerance: ${toleranceCell}`].filter((w): w is string => !!w);
    return { ...(startingPosition && { startingPosition }), words, warnings };
  }
  const unit = cell(cells.measureUnit) ?? target.unit ?? baselineOf(startingPosition, ctx)?.unit;
  const baseline = baselineFor(startingPosition, target, unit, ctx, warnings);
  const tolerance = readTolerance(toleranceCell);
  if (tolerance === 'unread') warnings.push(`RAG tolerance "${clip(toleranceCell!)}" could not be read, so the measure has none; the wording is kept with the success measure. Write it as "Amber below 90%, Red below 75%".`);
  const targetDate = target.date ?? ctx.dueDate;
  // Keys in one order, so a re-import of the same cells finds the measure unchanged.
  const measure: Measure = {
    ...(name && { name }),
    ...(unit && { unit }),
    ...(baseline && { baseline: baseline.value }),
    ...(baseline?.date && { baselineDate: baseline.date }),
    target: target.value,
    ...(targetDate && { targetDate }),
    ...(typeof tolerance === 'object' && tolerance),
  };
  const words = [!target.bare && `Target: ${targetText}`, tolerance === 'unread' && `RAG tolerance: ${toleranceCell}`].filter((w): w is string => !!w);
  return { measure, ...(startingPosition && { startingPosition }), words, warnings };
}

function baselineOf(text: string | undefined, ctx: MeasureReadingContext): Quantity | undefined {
  const q = readQuantity(text, ctx.reference);
  return typeof q === 'object' ? q : undefined;
}

/** The baseline as a number, when the cell is one number in the measure's unit. */
function baselineFor(text: string | undefined, target: Quantity, unit: string | undefined, ctx: MeasureReadingContext, warnings: string[]): Quantity | undefined {
  const q = readQuantity(text, ctx.reference);
  if (q === 'ambiguous') warnings.push(`Baseline "${clip(text!)}" gives more than one number, so it is kept in words (the starting position) and the measure has no baseline.`);
  if (typeof q !== 'object') return undefined;
  const other = q.unit && unit && q.unit.toLowerCase() !== unit.toLowerCase() ? q.unit : undefined;
  if (other) {
    warnings.push(`Baseline "${clip(text!)}" is in other units than the target (${unit}), so it is kept in words (the starting position) and the measure has no baseline.`);
    return undefined;
  }
  if (q.date && target.date && q.date >= target.date) return { ...q, date: undefined };
  return q;
}

/**
 * "Amber below 90%, Red below 75%", "90% / 75%", "Amber 10% behind, Red 25% behind": the shares of
 * the trajectory below which a value suggests Amber and Red. 'unread' when the cell says something
 * else; undefined when it is empty.
 */
export function readTolerance(text: string | undefined): Pick<Measure, 'amberBelow' | 'redBelow'> | 'unread' | undefined {
  const s = text?.trim().toLowerCase() ?? '';
  if (!s) return undefined;
  const after = (word: string) => new RegExp(`\\b${word}\\b\\D{0,30}?(\\d+(?:\\.\\d+)?)`).exec(s)?.[1];
  let [amber, red] = [after('amber'), after('red')];
  if (amber === undefined && red === undefined) [amber, red] = s.match(/\d+(?:\.\d+)?/g)?.length === 2 ? (s.match(/\d+(?:\.\d+)?/g) as [string, string]) : [undefined, undefined];
  const behind = /\b(?:behind|short|off|under target by)\b/.test(s);
  const share = (n: string | undefined) => {
    if (n === undefined) return undefined;
    const fraction = Number(n) > 1 ? Number(n) / 100 : Number(n);
    return behind ? 1 - fraction : fraction;
  };
  const [amberBelow, redBelow] = [share(amber), share(red)];
  const valid = (f: number | undefined) => f === undefined || (f > 0 && f <= 1.5);
  if ((amberBelow === undefined && redBelow === undefined) || !valid(amberBelow) || !valid(redBelow)) return 'unread';
  if (amberBelow !== undefined && redBelow !== undefined && redBelow > amberBelow) return 'unread';
  return { ...(amberBelow !== undefined && { amberBelow: round(amberBelow) }), ...(redBelow !== undefined && { redBelow: round(redBelow) }) };
}

const round = (f: number) => Math.round(f * 10_000) / 10_000;
