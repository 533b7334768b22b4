import type { TaskInput } from '../../model';
import type { Drafting } from '../plan-drafts';
import { readMeasureCells, type MeasureReadingContext } from './measure-values';

const MEASURE_COLUMNS = ['measure', 'baseline', 'target', 'measureUnit', 'tolerance'] as const;

/**
 * A row's measure, starting position and success measure. The success measure keeps its own
 * column's words (or the table's "Measurement:" heading) and, after them, whatever measure wording
 * did not become the measure: a "Measure" cell without a numeric target, a worded target
 * ("Target: 50% of managers by March 2027"), an unread tolerance. The file speaks for the measure
 * when it has any measure column, so a re-import updates a measure and clears one it no longer gives.
 */
export function draftMeasure(d: Drafting, ctx: MeasureReadingContext, successMeasure: string | undefined): Pick<TaskInput, 'successMeasure' | 'measure' | 'startingPosition'> {
  const { raw } = d;
  const hasColumn = MEASURE_COLUMNS.some((c) => raw.given.has(c));
  if (!hasColumn) return { successMeasure };
  const reading = readMeasureCells(raw.fields, ctx);
  for (const message of reading.warnings) d.warn('measure-check', message);
  for (const key of ['measure', 'successMeasure'] as const) d.given.add(key);
  if (raw.given.has('baseline')) d.given.add('startingPosition');
  const words = [successMeasure, ...reading.words.filter((w) => w !== successMeasure)].filter(Boolean);
  return {
    successMeasure: words.length ? words.join('\n') : undefined,
    measure: reading.measure,
    startingPosition: reading.startingPosition,
  };
}
