import type { FieldError } from '../../core/errors';
import { RAG_VALUES, type IsoDate, type Rag, type Task } from '../../core/model';
import { formatInstant, londonDate } from '../../core/plan/london-time';
import type { AdaptiveCardJson } from '../../core/ports/messenger';
import { UPDATE_FIELD_LABELS, UPDATE_LIMITS, type UpdateField, type UpdateFormValues } from '../../core/updates/update-form';
import { noChangeTitle } from '../../core/updates/no-change';
import { boxRoom, CARD_SCHEMA, CARD_VERSION, cardText, dueLabel, factText, limitedLabel, ragLabel } from './card-text';
import { actionRows } from './action-rows';
import { CardSymbol } from './card-symbols';
import { CardVerb } from './card-verbs';
import { commentsAction } from './comment-cards';
import { measureInputs } from './update-form-measure';

export interface UpdateFormView {
  task: Task;
  /** Idempotency key for this rendering of the form; a repeated submit carries it again. */
  nonce: string;
  /** Why the card was sent, e.g. "Due in 5 days" (reminders) — plain text. */
  intro?: string;
  /** The owner's previous answers, when the form comes back with errors. */
  values?: UpdateFormValues;
  errors?: FieldError[];
  /** A message for the whole form (e.g. the task changed since the card was sent). */
  notice?: string;
  /** The London calendar day the card is drawn on (a measure's trajectory); default today. */
  today?: IsoDate;
  /** How many comments the task has: with it, a "Comments (N)" button opens its thread. */
  commentCount?: number;
}

/** Data carried by the submit action. Only ids: who submits comes from the activity. */
export interface UpdateSubmitData {
  taskId: string;
  taskVersion: string;
  nonce: string;
  /** The task's RAG when the form was drawn: an untouched dropdown is not a proposal to keep it. */
  shownRag: Rag;
}

/** The owner's form: what the task is, then the answers (refilled, with errors, when it comes back). */
export function updateFormCard(view: UpdateFormView): AdaptiveCardJson {
  const { task, values = {}, errors = [] } = view;
  const fieldError = fieldErrors(errors);
  const textInput = (field: keyof typeof UPDATE_LIMITS, placeholder: string, required = false) => [textField(field, placeholder, values[field] ?? '', required), ...fieldError(field)];
  const submitData: UpdateSubmitData = { taskId: task.id, taskVersion: task.version, nonce: view.nonce, shownRag: task.rag };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      ...taskHeader(view),
      ...(errors.length || view.notice ? [formNotice(view.notice ?? 'Nothing was saved yet. Please check the highlighted answers and submit again.')] : []),
      ...textInput('progress', 'What has happened since the last update?', true),
      // The measure before the RAG, so its suggestion is read before the RAG is chosen.
      ...measureInputs({ task, values, errors, today: view.today ?? londonDate(new Date()) }),
      ragChoice(task, values.rag),
      ...(task.pendingApprovalId && task.pendingRag
        ? [{ type: 'TextBlock', isSubtle: true, wrap: true, spacing: 'None', text: `A change to ${task.pendingRag} is awaiting approval. Leave the RAG as it is to keep that request, or choose another to replace it.` }]
        : []),
      ...fieldError('rag'),
      ...textInput('evidence', 'What difference has it made? Any data?'),
      ...textInput('risks', 'Anything putting the task at risk?'),
      ...textInput('supportNeeded', 'What do you need from the board or colleagues?'),
      { type: 'Input.Date', id: 'revisedDueDate', label: UPDATE_FIELD_LABELS.revisedDueDate, value: values.revisedDueDate ?? '' },
      ...fieldError('revisedDueDate'),
      // Five buttons do not fit a phone's line: they end the body in rows that do (action-rows.ts).
      ...actionRows([
        { type: 'Action.Execute', title: 'Submit update', verb: CardVerb.submitUpdate, data: submitData, style: 'positive' },
        noChangeAction(task, view.nonce),
        ...(view.commentCount !== undefined ? [commentsAction(task.id, view.commentCount)] : []),
        { type: 'Action.Execute', title: 'Hand to a colleague', verb: CardVerb.openDelegateForm, data: { taskId: task.id }, associatedInputs: 'none' },
        { type: 'Action.Execute', title: 'Back to my tasks', verb: CardVerb.showMyTasks, data: {}, associatedInputs: 'none' },
      ]),
    ],
  };
}

/** Why the card came, the task's ref and title, and its facts (due, RAG, last update). */
function taskHeader({ task, intro }: UpdateFormView): unknown[] {
  const last = task.latestUpdate
    ? `${factText(task.latestUpdate, 200)} (${task.latestUpdateBy ? `${factText(task.latestUpdateBy.displayName)}, ` : ''}${task.latestUpdateAt ? formatInstant(task.latestUpdateAt) : ''})`
    : 'None yet';
  return [
    ...(intro ? [{ type: 'TextBlock', text: cardText(intro), isSubtle: true, wrap: true }] : []),
    { type: 'TextBlock', text: `Progress update: ${cardText(task.ref)}`, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: cardText(task.title), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Due', value: dueLabel(task.dueDate, task.dueText) },
        { title: 'Current RAG', value: ragLabel(task.rag) },
        { title: 'Last update', value: last },
      ],
    },
  ];
}

function formNotice(text: string): unknown {
  return { type: 'Container', style: 'attention', items: [{ type: 'TextBlock', wrap: true, weight: 'Bolder', text: cardText(text) }] };
}

function textField(field: keyof typeof UPDATE_LIMITS, placeholder: string, value: string, required: boolean): unknown {
  return {
    type: 'Input.Text',
    id: field,
    label: limitedLabel(UPDATE_FIELD_LABELS[field], UPDATE_LIMITS[field]),
    placeholder,
    isMultiline: true,
    // Room past the limit: the server judges the length and says so beside the box (card-text.ts).
    maxLength: boxRoom(UPDATE_LIMITS[field]),
    isRequired: required,
    ...(required && { errorMessage: `${UPDATE_FIELD_LABELS[field]} is required.` }),
    value,
  };
}

/** Data carried by "No change since my last update": the same ids and key as the form's submit. */
export type NoChangeData = Omit<UpdateSubmitData, 'shownRag'>;

/**
 * One press, no answers sent (`associatedInputs: none`, so the required Progress box does not stop
 * it): the task stands as it was. It shares the form's key, so the form and this button record once.
 */
export function noChangeAction(task: Pick<Task, 'id' | 'version' | 'latestUpdate'>, nonce: string): Record<string, unknown> {
  const data: NoChangeData = { taskId: task.id, taskVersion: task.version, nonce };
  return { type: 'Action.Execute', title: noChangeTitle(task), verb: CardVerb.confirmNoChange, data, associatedInputs: 'none' };
}

function ragChoice(task: Task, value: string | undefined): unknown {
  return { type: 'Input.ChoiceSet', id: 'rag', label: UPDATE_FIELD_LABELS.rag, style: 'compact', value: value ?? task.rag, choices: RAG_VALUES.map((r) => ({ title: ragLabel(r), value: r })) };
}

/** The warning line under an input whose answer did not validate. */
function fieldErrors(errors: FieldError[]): (field: UpdateField) => unknown[] {
  return (field) => {
    const message = errors.find((e) => e.field === field)?.message;
    return message ? [{ type: 'TextBlock', text: `${CardSymbol.warning} ${cardText(message)}`, color: 'Attention', wrap: true, spacing: 'None' }] : [];
  };
}
