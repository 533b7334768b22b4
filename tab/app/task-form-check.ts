/**
 * The edit form's own checks before it sends anything: the same limits and rules the server
 * applies (core/tasks/task-fields.ts), worded the same way, each against its field. Only the
 * fields being sent are checked: an imported value the officer did not touch never blocks a save.
 */
import { TASK_FIELD_LABELS as L, TASK_FIELD_LIMITS as M, httpsUrlProblem, isCalendarDate } from '../../core/tasks/task-fields';
import { missingToCreate, REASON_MESSAGES, statusNeedsReason } from '../../core/tasks/task-rules';
import { changedFields, needsRagReason, parseNumber, type FormField, type MeasureForm, type TaskFormValues } from './task-form-values';

/** Where a problem shows: a field, the RAG reason, a part of the measure, or the new link's address or title. */
export type ProblemKey = FormField | 'reason' | `measure.${keyof MeasureForm}` | 'newLink.url' | 'newLink.title';
export type Problems = Partial<Record<ProblemKey, string>>;

const tooLong = (label: string, max: number) => `${label} is at most ${max.toLocaleString('en-GB')} characters.`;

const TEXT_LIMITS: Partial<Record<FormField, number>> = {
  ref: M.ref,
  title: M.title,
  indicator: M.shortText,
  leadService: M.shortText,
  supportingServices: M.shortText,
  dueText: M.shortText,
  description: M.longText,
  desiredOutcome: M.longText,
  successMeasure: M.longText,
  startingPosition: M.longText,
  statusReason: M.reason,
};

function checkText(values: TaskFormValues, field: FormField, problems: Problems): void {
  const max = TEXT_LIMITS[field];
  const text = values[field as keyof TaskFormValues];
  if (max !== undefined && typeof text === 'string' && text.trim().length > max) problems[field] = tooLong(L[field], max);
}

function checkPercent(text: string, label: string): string | undefined {
  const n = parseNumber(text);
  if (n === undefined) return undefined;
  if (!Number.isFinite(n)) return `${label} must be a number.`;
  if (n < 0 || n > 100) return `${label} is a percentage from 0 to 100.`;
  return undefined;
}

/** The measure's parts: a target at least, real numbers and dates, the baseline before the target, red at or below amber. */
export function measureProblems(m: MeasureForm): Problems {
  const problems: Problems = {};
  const target = parseNumber(m.target);
  if (target === undefined) problems['measure.target'] = 'Give the target: a measure needs at least a target.';
  else if (!Number.isFinite(target)) problems['measure.target'] = 'The target must be a number.';
  const baseline = parseNumber(m.baseline);
  if (baseline !== undefined && !Number.isFinite(baseline)) problems['measure.baseline'] = 'The baseline must be a number.';
  if (m.name.trim().length > M.shortText) problems['measure.name'] = tooLong('The measure name', M.shortText);
  if (m.unit.trim().length > 20) problems['measure.unit'] = tooLong('The unit', 20);
  for (const key of ['baselineDate', 'targetDate'] as const) {
    if (m[key] && !isCalendarDate(m[key])) problems[`measure.${key}`] = 'Give a real date, for example 31/03/2027.';
  }
  if (m.baselineDate && m.targetDate && !problems['measure.targetDate'] && m.baselineDate >= m.targetDate) problems['measure.targetDate'] = 'The baseline date must come before the target date.';
  const amber = checkPercent(m.amberBelow, 'Amber below');
  const red = checkPercent(m.redBelow, 'Red below');
  if (amber) problems['measure.amberBelow'] = amber;
  if (red) problems['measure.redBelow'] = red;
  const a = parseNumber(m.amberBelow);
  const r = parseNumber(m.redBelow);
  if (!amber && !red && a !== undefined && r !== undefined && r > a) problems['measure.redBelow'] = 'Red below must not be above Amber below.';
  return problems;
}

function checkField(base: TaskFormValues, values: TaskFormValues, field: FormField, problems: Problems): void {
  checkText(values, field, problems);
  if ((field === 'ref' || field === 'title') && !values[field].trim()) problems[field] = `${L[field]} cannot be empty.`;
  if (field === 'objectiveRef' && !values.objectiveRef) problems.objectiveRef = 'Pick the objective the task belongs to.';
  if (field === 'owners' && values.owners.length > M.owners) problems.owners = `A task has at most ${M.owners} owners.`;
  if (field === 'dueDate' && values.dueDate && !isCalendarDate(values.dueDate)) problems.dueDate = 'Give a real date, for example 31/03/2027.';
  if (field === 'evidenceLinks' && values.evidenceLinks.length > M.evidenceLinks) problems.evidenceLinks = `A task has at most ${M.evidenceLinks} evidence links.`;
  if (field === 'groupsImpacted') {
    const groups = values.groupsImpacted.split('\n').map((g) => g.trim()).filter(Boolean);
    if (groups.length > M.groups) problems.groupsImpacted = `Name at most ${M.groups} groups.`;
    else if (groups.some((g) => g.length > 100)) problems.groupsImpacted = tooLong('A group', 100);
  }
  if (field === 'percentComplete') {
    const n = parseNumber(values.percentComplete);
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 100)) problems.percentComplete = `${L.percentComplete} must be a whole number from 0 to 100.`;
  }
  if (field === 'measure' && values.hasMeasure) Object.assign(problems, measureProblems(values.measure));
  if (field === 'status' && statusNeedsReason(base.status, { status: values.status }) && !values.statusReason.trim()) {
    problems.statusReason = REASON_MESSAGES.status(values.status);
  }
}

/** Every problem with what would be sent; empty when the form can be saved. */
export function checkTaskForm(base: TaskFormValues, values: TaskFormValues, creating: boolean): Problems {
  const problems: Problems = {};
  for (const field of changedFields(base, values)) checkField(base, values, field, problems);
  if (creating) for (const missing of missingToCreate(values)) problems[missing.field as FormField] = missing.message;
  if (needsRagReason(base, values, creating)) {
    if (!values.ragReason.trim()) problems.reason = REASON_MESSAGES.rag(values.rag);
    else if (values.ragReason.trim().length > M.reason) problems.reason = tooLong('The reason', M.reason);
  }
  return problems;
}

/** A link to add: an https address (no user name or password) and a title. */
export function newLinkProblems(url: string, title: string): Problems {
  const problems: Problems = {};
  const address = url.trim();
  if (!address) problems['newLink.url'] = 'Give the address of the evidence, starting https://';
  else if (address.length > M.url) problems['newLink.url'] = tooLong('A link', M.url);
  else {
    const problem = httpsUrlProblem(address);
    if (problem) problems['newLink.url'] = problem;
  }
  if (!title.trim()) problems['newLink.title'] = 'Give the link a title, for example "Equality profile 2026".';
  else if (title.trim().length > M.shortText) problems['newLink.title'] = tooLong('A link title', M.shortText);
  return problems;
}

/** The order problems are met in the form: the first one gets focus. */
export const PROBLEM_ORDER: readonly ProblemKey[] = [
  'ref', 'title', 'objectiveRef', 'indicator', 'kind', 'description', 'desiredOutcome', 'successMeasure', 'startingPosition',
  'owners', 'accountableOfficer', 'leadService', 'supportingServices', 'groupsImpacted', 'dueDate', 'dueText',
  'status', 'statusReason', 'rag', 'reason', 'percentComplete',
  'measure', 'measure.name', 'measure.unit', 'measure.baseline', 'measure.baselineDate', 'measure.target', 'measure.targetDate', 'measure.amberBelow', 'measure.redBelow',
  'evidenceLinks', 'newLink.url', 'newLink.title',
];
