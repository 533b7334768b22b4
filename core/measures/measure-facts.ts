import type { IsoDate, IsoInstant, Measure, Rag, TaskInput } from '../model';
import { formatDate, londonDate } from '../plan/london-time';
import { expectedValue, formatMeasureValue, hasTrajectory, suggestedRag, toleranceText } from './measure-rules';

/**
 * A task's measure in words, as the update card, its receipt and the task detail show it: the
 * baseline, the target and its date, the latest value, where the trajectory says the value should
 * be today and the RAG the tolerances suggest. The arithmetic is measure-rules'; this only words it.
 */

export type SuggestedRag = Extract<Rag, 'Green' | 'Amber' | 'Red'>;

export interface MeasureFacts {
  name: string;
  measure: Measure;
  /** "38% (1 Apr 2025)"; absent without a numeric baseline. */
  baselineText?: string;
  /** "50% by 31 Mar 2027". */
  targetText: string;
  latest?: { value: number; at?: IsoInstant; text: string };
  /** Where the value should be today: only when the measure has a trajectory (else the target is the bar). */
  expectedNow?: { value: number; text: string };
  /** "Amber below 90%, Red below 75% of where the trajectory to target should be". */
  toleranceText?: string;
  /** What the tolerances suggest for the latest value. */
  suggested?: SuggestedRag;
}

type MeasuredTask = Pick<TaskInput, 'ref' | 'successMeasure' | 'measure' | 'measureValue' | 'measureValueAt'>;

/** The measure's short name, else the task's success measure, else "Measure for 1.2". */
export function measureName(task: Pick<TaskInput, 'ref' | 'successMeasure' | 'measure'>): string {
  return task.measure?.name?.trim() || task.successMeasure?.trim() || `Measure for ${task.ref}`;
}

/** The task's measure in words on `today` (London calendar day); undefined for a task without one. */
export function measureFacts(task: MeasuredTask, today: IsoDate): MeasureFacts | undefined {
  const { measure } = task;
  if (!measure) return undefined;
  const value = (n: number) => formatMeasureValue(n, measure.unit);
  const latest = task.measureValue === undefined ? undefined : { value: task.measureValue, ...(task.measureValueAt && { at: task.measureValueAt }), text: value(task.measureValue) };
  const expected = hasTrajectory(measure) ? expectedValue(measure, today) : undefined;
  const tolerances = toleranceText(measure);
  const suggested = latest && suggestedRag(measure, latest.value, today);
  return {
    name: measureName(task),
    measure,
    ...(measure.baseline !== undefined && { baselineText: `${value(measure.baseline)}${measure.baselineDate ? ` (${formatDate(measure.baselineDate)})` : ''}` }),
    targetText: `${value(measure.target)}${measure.targetDate ? ` by ${formatDate(measure.targetDate)}` : ''}`,
    ...(latest && { latest }),
    ...(expected !== undefined && { expectedNow: { value: expected, text: value(expected) } }),
    ...(tolerances && { toleranceText: tolerances }),
    ...(suggested && { suggested }),
  };
}

/** What the tolerances suggest for a value given at `at` (an instant), or undefined without tolerances. */
export function suggestionFor(measure: Measure, value: number, at: IsoInstant | Date): SuggestedRag | undefined {
  return suggestedRag(measure, value, londonDate(typeof at === 'string' ? new Date(at) : at));
}

/** The measure as the task detail shows it: its facts today and every value owners gave, oldest first. */
export interface MeasureStatus {
  name: string;
  unit?: string;
  baselineText?: string;
  targetText: string;
  latest?: { text: string; at?: IsoInstant };
  /** Where the trajectory says the value should be today (absent without one: the target is the bar). */
  expectedNowText?: string;
  toleranceText?: string;
  /** What the tolerances suggest for the latest value. */
  suggested?: SuggestedRag;
  history: MeasureHistoryItem[];
}

export interface MeasureHistoryItem {
  updateId: string;
  at: IsoInstant;
  value: number;
  text: string;
  by: string;
  /** What the tolerances suggested for the value on the day it was given. */
  suggested?: SuggestedRag;
}

type ValueUpdate = { id: string; submittedAt: IsoInstant; submittedBy: { displayName: string }; measureValue?: number };

export function measureStatus(task: MeasuredTask, updates: ValueUpdate[], today: IsoDate): MeasureStatus | undefined {
  const facts = measureFacts(task, today);
  if (!facts) return undefined;
  const { measure } = facts;
  const history = updates
    .filter((u): u is ValueUpdate & { measureValue: number } => u.measureValue !== undefined)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .map((u) => {
      const suggested = suggestionFor(measure, u.measureValue, u.submittedAt);
      return { updateId: u.id, at: u.submittedAt, value: u.measureValue, text: formatMeasureValue(u.measureValue, measure.unit), by: u.submittedBy.displayName, ...(suggested && { suggested }) };
    });
  return {
    name: facts.name,
    ...(measure.unit && { unit: measure.unit }),
    ...(facts.baselineText && { baselineText: facts.baselineText }),
    targetText: facts.targetText,
    ...(facts.latest && { latest: { text: facts.latest.text, ...(facts.latest.at && { at: facts.latest.at }) } }),
    ...(facts.expectedNow && { expectedNowText: facts.expectedNow.text }),
    ...(facts.toleranceText && { toleranceText: facts.toleranceText }),
    ...(facts.suggested && { suggested: facts.suggested }),
    history,
  };
}
