import type { IsoDate, Measure, Rag } from '../model';
import { daysBetween } from '../plan/london-time';

/**
 * A measure's arithmetic, as pure functions: where the value should be today on the straight
 * trajectory from baseline to target, how far along the way an actual value is, and the RAG its
 * tolerances suggest. Direction follows the numbers: a target below the baseline (a pay gap to
 * close, days to cut) means lower is better.
 */

/** Whether a higher value is better: the target is at or above the baseline (or no baseline). */
export function higherIsBetter(measure: Measure): boolean {
  return measure.baseline === undefined || measure.target >= measure.baseline;
}

/** Whether the measure has a trajectory: a baseline, and a baseline date before the target date. */
export function hasTrajectory(measure: Measure): boolean {
  const { baseline, baselineDate, targetDate } = measure;
  return baseline !== undefined && !!baselineDate && !!targetDate && daysBetween(baselineDate, targetDate) > 0;
}

/**
 * Where the value should be on `date`: the baseline moved towards the target in proportion to the
 * time elapsed between the baseline and target dates. Without both dates (or a baseline) the
 * trajectory is unknown and the target itself is the bar.
 */
export function expectedValue(measure: Measure, date: IsoDate): number {
  if (!hasTrajectory(measure)) return measure.target;
  const { baseline, baselineDate, target, targetDate } = measure as Required<Measure>;
  const span = daysBetween(baselineDate, targetDate);
  const elapsed = Math.min(1, Math.max(0, daysBetween(baselineDate, date) / span));
  return baseline + (target - baseline) * elapsed;
}

/**
 * The actual value as a fraction of where it should be (1 = on the trajectory, 1.2 = ahead of it). For lower-is-better measures the ratio is inverted so that below 1
 * always means behind. Undefined when the comparison is meaningless (an expected value of 0).
 */
export function performanceRatio(measure: Measure, actual: number, date: IsoDate): number | undefined {
  const expected = expectedValue(measure, date);
  if (higherIsBetter(measure)) return expected === 0 ? (actual >= 0 ? 1 : undefined) : actual / expected;
  if (actual <= 0 && actual <= expected) return Number.POSITIVE_INFINITY;
  // A trajectory down to 0 (a pay gap to close): any value is infinitely far above it as a ratio,
  // so the excess is measured against the starting level instead (0.5 points over, from 12: 0.96).
  if (expected <= 0) return measure.baseline !== undefined && measure.baseline > 0 ? 1 - (actual - expected) / measure.baseline : undefined;
  return expected / actual;
}

/** The RAG the value implies under the measure's tolerances; undefined when it has none. */
export function suggestedRag(measure: Measure, actual: number, date: IsoDate): Extract<Rag, 'Green' | 'Amber' | 'Red'> | undefined {
  if (measure.amberBelow === undefined && measure.redBelow === undefined) return undefined;
  const ratio = performanceRatio(measure, actual, date);
  if (ratio === undefined) return undefined;
  if (measure.redBelow !== undefined && ratio < measure.redBelow) return 'Red';
  if (measure.amberBelow !== undefined && ratio < measure.amberBelow) return 'Amber';
  return 'Green';
}

/** How far from baseline to target the value is, 0 to 1 (may pass 1, or fall below 0). Undefined without a baseline or when they are equal. */
export function progressToTarget(measure: Measure, actual: number): number | undefined {
  if (measure.baseline === undefined || measure.baseline === measure.target) return undefined;
  const fraction = (actual - measure.baseline) / (measure.target - measure.baseline);
  return fraction === 0 ? 0 : fraction; // never -0 (a lower-is-better measure at its baseline)
}

/** "45%", "12 staff", "3.5 days": the number as owners write it, with the unit. */
export function formatMeasureValue(value: number, unit?: string): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (!unit) return number;
  return /^[%‰]$|^pp$/.test(unit) || unit.startsWith('%') ? `${number}${unit}` : /^[£$€]$/.test(unit) ? `${unit}${number}` : `${number} ${unit}`;
}

/** Tolerances as a sentence for cards and reports: "Amber below 90% of the trajectory, Red below 75%". */
export function toleranceText(measure: Measure): string | undefined {
  const parts = [
    measure.amberBelow !== undefined && `Amber below ${Math.round(measure.amberBelow * 100)}%`,
    measure.redBelow !== undefined && `Red below ${Math.round(measure.redBelow * 100)}%`,
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')} of where the trajectory to target should be` : undefined;
}
