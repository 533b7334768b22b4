import type { FieldError } from '../../core/errors';
import { measureFacts, suggestionFor, type MeasureFacts } from '../../core/measures/measure-facts';
import { formatMeasureValue, suggestedRag } from '../../core/measures/measure-rules';
import type { IsoDate, Task, Update } from '../../core/model';
import { formatInstant } from '../../core/plan/london-time';
import { readMeasureValue } from '../../core/updates/measure-value';
import { UPDATE_FIELD_LABELS, type UpdateFormValues } from '../../core/updates/update-form';
import { CardSymbol } from './card-symbols';
import { cardText, factText, ragLabel } from './card-text';

/**
 * The measure on the update form: what it is (baseline, target, latest value, where it should be
 * today), the current value as an optional Input.Number, and the RAG its tolerances suggest. A card
 * cannot compute as the owner types, so the suggestion shown is for the latest stored value and,
 * when the form comes back, for the value entered. The owner still chooses the RAG.
 */

export interface MeasureFormPart {
  task: Task;
  values: UpdateFormValues;
  errors: FieldError[];
  /** London calendar day the card is drawn on: where the trajectory is. */
  today: IsoDate;
}

/** The measure's facts and input; for a task without a measure only an error a value earned. */
export function measureInputs({ task, values, errors, today }: MeasureFormPart): unknown[] {
  const error = errors.find((e) => e.field === 'measureValue');
  const facts = measureFacts(task, today);
  if (!facts) return error ? [warning(error.message)] : [];
  const entered = readMeasureValue(values.measureValue);
  const unit = facts.measure.unit?.trim();
  return [
    measureSummary(facts),
    {
      type: 'Input.Number',
      id: 'measureValue',
      label: `${UPDATE_FIELD_LABELS.measureValue}${unit ? ` (${unit})` : ''}`,
      // Short enough for a phone's one-line box (a hint cannot wrap); the latest value is in the facts above.
      placeholder: facts.latest ? 'Leave empty if no new figure' : 'Leave empty if no figure yet',
      // Input.Number's value is a number: what did not read as one is quoted in the error instead.
      ...(entered.kind === 'number' && { value: entered.value }),
    },
    ...(error ? [warning(error.message)] : []),
    ...(entered.kind === 'number' && !error ? enteredSuggestion(facts, entered.value, today) : []),
  ];
}

/** The measure in a few facts, with its tolerances in words when it has them. */
function measureSummary(facts: MeasureFacts): unknown {
  const latest = facts.latest ? `${facts.latest.text}${facts.latest.at ? ` (${formatInstant(facts.latest.at)})` : ''}` : 'None yet';
  return {
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `Measure: ${cardText(facts.name)}`, weight: 'Bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          ...(facts.baselineText ? [{ title: 'Baseline', value: factText(facts.baselineText) }] : []),
          { title: 'Target', value: factText(facts.targetText) },
          { title: 'Latest value', value: factText(latest) },
          ...(facts.expectedNow ? [{ title: 'Should be about', value: `${factText(facts.expectedNow.text)} today, on the way to the target` }] : []),
          ...(facts.suggested && facts.latest ? [{ title: 'Suggests', value: `${ragLabel(facts.suggested)} for the latest value` }] : []),
        ],
      },
      ...(facts.toleranceText ? [{ type: 'TextBlock', isSubtle: true, wrap: true, spacing: 'Small', text: toleranceLine(facts) }] : []),
    ],
  };
}

function toleranceLine(facts: MeasureFacts): string {
  const bar = facts.expectedNow ? `today the trajectory is at ${facts.expectedNow.text}` : `with no trajectory, the bar is the target (${facts.targetText})`;
  return cardText(`Tolerances: ${facts.toleranceText}; ${bar}. The suggestion is a guide: you choose the RAG, and a change still goes for approval.`);
}

function enteredSuggestion(facts: MeasureFacts, value: number, today: IsoDate): unknown[] {
  const suggested = suggestedRag(facts.measure, value, today);
  if (!suggested) return [];
  const text = `The value you entered, ${formatMeasureValue(value, facts.measure.unit)}, suggests ${ragLabel(suggested)}. The RAG is still yours to choose.`;
  return [{ type: 'TextBlock', wrap: true, spacing: 'Small', text: cardText(text) }];
}

function warning(message: string): unknown {
  return { type: 'TextBlock', text: `${CardSymbol.warning} ${cardText(message)}`, color: 'Attention', wrap: true, spacing: 'None' };
}

/** The receipt's line for the value given, with what the tolerances suggest for it on the day it was given. */
export function measureReceiptFacts(task: Task, update: Update): { title: string; value: string }[] {
  if (update.measureValue === undefined) return [];
  const text = formatMeasureValue(update.measureValue, task.measure?.unit);
  const suggested = task.measure && suggestionFor(task.measure, update.measureValue, update.submittedAt);
  return [{ title: 'Measure value', value: factText(`${text}${suggested ? ` (its tolerances suggest ${suggested})` : ''}`) }];
}
